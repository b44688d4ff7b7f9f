import { because, type Reason } from '../key-persons/reason.ts';
import type { TestingRules } from '../protocols/protocol-types.ts';

export const LAB_RESULTS = ['negative', 'positive', 'indeterminate'] as const;
export type LabResult = (typeof LAB_RESULTS)[number];

/** control: stay home / isolate; retest: single tube; communityAlert: tell the community; caseCandidate + keyPerson: the case pathway. */
export type FollowUpAction = 'control' | 'retest' | 'communityAlert' | 'caseCandidate' | 'keyPerson' | 'closeRetest';

export interface FollowUpDecision {
  decision: FollowUpAction[];
  because: Reason[];
}

export interface ResultedTube {
  memberCount: number;
  result: LabResult;
  /** The tube is a member's single-tube retest of a positive pool. */
  isRetest: boolean;
}

/**
 * What a lab result sets off. A pool (or an inconclusive single tube) that is not negative puts every
 * member under control with a single-tube retest and tells the community; a positive single tube is
 * a case candidate handed to key-person management; a negative retest ends the member's pool tasks.
 */
export function followUpOf(rules: TestingRules, tube: ResultedTube): FollowUpDecision {
  const { positivePool, positiveSingle, retestNegative } = rules.followUp;
  if (tube.result === 'negative') {
    return tube.isRetest ? { decision: ['closeRetest'], because: [because('testing.retestNegative', retestNegative)] } : none();
  }
  if (tube.memberCount === 1 && tube.result === 'positive') {
    return { decision: ['caseCandidate', 'keyPerson', 'communityAlert'], because: [because('testing.positiveSingle', positiveSingle)] };
  }
  return { decision: ['control', 'retest', 'communityAlert'], because: [because('testing.positivePool', positivePool)] };
}

function none(): FollowUpDecision {
  return { decision: [], because: [] };
}

/** Lab labels as they come in files (also the help sheet of the lab template): zh-CN words, English words, or +/-. */
export const LAB_RESULT_LABELS: Readonly<Record<LabResult, readonly string[]>> = {
  negative: ['negative', 'neg', '-', '阴性', '阴'],
  positive: ['positive', 'pos', '+', '阳性', '阳'],
  indeterminate: ['indeterminate', 'inconclusive', 'invalid', '可疑', '不确定', '待复核', '灰区'],
};
const BY_LABEL = new Map(
  (Object.entries(LAB_RESULT_LABELS) as [LabResult, readonly string[]][]).flatMap(([result, labels]) =>
    labels.map((label) => [label, result] as const),
  ),
);

/** Called once per row of a million-row file: one map lookup, trimming and lower-casing only when needed. */
export function labResultFromLabel(label: string): LabResult | null {
  return BY_LABEL.get(label) ?? BY_LABEL.get(label.trim().toLowerCase()) ?? null;
}

/** Tube barcodes: letters, digits and dashes, 6–32 characters. */
const BARCODE = /^[A-Za-z0-9-]{6,32}$/;
export function barcodeProblem(barcode: string): string | null {
  return BARCODE.test(barcode) ? null : 'barcode.format';
}
