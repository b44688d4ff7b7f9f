import { AppError } from '../errors/app-error.ts';
import { because, type Reason } from '../key-persons/reason.ts';
import {
  FEVER_CLINIC_DISPOSITIONS,
  FEVER_CLINIC_ITEMS,
  type FeverClinicDisposition,
  type FeverClinicItem,
  type FeverClinicRules,
  type TestingRules,
} from '../protocols/protocol-types.ts';
import { LAB_RESULTS, type LabResult } from './pool-follow-up.ts';

/** Nucleic acid and antibody read negative / positive / indeterminate; CT and blood count normal / abnormal. */
export const IMAGING_RESULTS = ['normal', 'abnormal'] as const;
export type FeverClinicResult = LabResult | (typeof IMAGING_RESULTS)[number];
export type FeverClinicResults = Partial<Record<FeverClinicItem, FeverClinicResult>>;

export const FEVER_CLINIC_RESULTS: Record<FeverClinicItem, readonly FeverClinicResult[]> = {
  nucleic_acid: LAB_RESULTS,
  antibody: LAB_RESULTS,
  ct: IMAGING_RESULTS,
  blood_count: IMAGING_RESULTS,
};

export const isFeverClinicItem = (value: string): value is FeverClinicItem => (FEVER_CLINIC_ITEMS as readonly string[]).includes(value);

export const isFeverClinicResult = (item: FeverClinicItem, value: string): value is FeverClinicResult =>
  (FEVER_CLINIC_RESULTS[item] as readonly string[]).includes(value);

/** The fever-clinic rules of an edition's testing rules; an edition without them cannot run the screen. */
export function feverClinicRulesOf(rules: TestingRules): FeverClinicRules {
  if (!rules.feverClinic) throw new AppError('conflict', 'noFeverClinicRules', 'editionId');
  return rules.feverClinic;
}

/** What the results allow: the missing items, the outcomes the results leave open, and why. */
export interface FeverClinicOutcomes {
  missing: FeverClinicItem[];
  allowed: FeverClinicDisposition[];
  because: Reason[];
}

const rank = (disposition: FeverClinicDisposition) => FEVER_CLINIC_DISPOSITIONS.indexOf(disposition);
const dispositionReason = (d: FeverClinicRules['dispositions'][number]) =>
  because(`testing.feverClinic.disposition.${d.disposition}`, d.basis);

/** The least outcome the results allow (a positive test is never sent home) and the clauses that raise it. */
function floorOf(rules: FeverClinicRules, results: FeverClinicResults): { floor: number; because: Reason[] } {
  const { consistency } = rules;
  const reasons: Reason[] = [];
  const nucleicAcid = results.nucleic_acid;
  if (nucleicAcid === 'positive' || nucleicAcid === 'indeterminate')
    reasons.push(because('testing.feverClinic.nucleicAcidNotNegative', consistency.nucleicAcidNotNegative));
  if (results.antibody === 'positive') reasons.push(because('testing.feverClinic.antibodyPositive', consistency.antibodyPositive));
  if (results.ct === 'abnormal' && results.blood_count === 'abnormal')
    reasons.push(because('testing.feverClinic.clinicalFeatures', consistency.clinicalFeatures));
  return { floor: reasons.length > 0 ? rank('isolation_observation') : rank('symptomatic_treatment'), because: reasons };
}

/**
 * SC-53 / KP-K03: the outcomes a fever-clinic visit may close with, given its item results. All the
 * edition's items must have a result; a positive or indeterminate nucleic acid test, a positive antibody
 * test, or abnormal CT and blood count together rule out symptomatic treatment; transfer as confirmed
 * needs a positive nucleic acid test.
 */
export function feverClinicOutcomes(rules: FeverClinicRules, results: FeverClinicResults): FeverClinicOutcomes {
  const missing = rules.items.filter((i) => results[i.item] === undefined);
  const { floor, because: reasons } = floorOf(rules, results);
  const confirmed = results.nucleic_acid === 'positive';
  if (!confirmed) reasons.push(because('testing.feverClinic.confirmedNeedsNucleicAcid', rules.consistency.confirmedNeedsNucleicAcid));
  const open = rules.dispositions.filter((d) => rank(d.disposition) >= floor && (d.disposition !== 'transfer' || confirmed));
  const itemReasons = missing.map((i) => because(`testing.feverClinic.item.${i.item}`, i.basis));
  return {
    missing: missing.map((i) => i.item),
    allowed: open.map((d) => d.disposition),
    because: [...itemReasons, ...reasons, ...open.map(dispositionReason)],
  };
}

export interface FeverClinicClosing {
  /** True when the visit may close with the disposition asked for. */
  decision: boolean;
  /** The field at fault and why, when refused. */
  problem?: { field: string; code: 'screenIncomplete' | 'dispositionNotAllowed' | 'dispositionInconsistent' };
  outcomes: FeverClinicOutcomes;
  because: Reason[];
}

/** Whether a visit may close with `disposition` (SC-53): every item resulted, an outcome of the edition, consistent with the results. */
export function closeFeverClinicVisit(
  rules: FeverClinicRules,
  results: FeverClinicResults,
  disposition: FeverClinicDisposition,
): FeverClinicClosing {
  const outcomes = feverClinicOutcomes(rules, results);
  const rule = rules.dispositions.find((d) => d.disposition === disposition);
  const refuse = (field: string, code: NonNullable<FeverClinicClosing['problem']>['code']): FeverClinicClosing => ({
    decision: false,
    problem: { field, code },
    outcomes,
    because: outcomes.because,
  });
  if (outcomes.missing.length > 0) return refuse('items', 'screenIncomplete');
  if (!rule) return refuse('disposition', 'dispositionNotAllowed');
  if (!outcomes.allowed.includes(disposition)) return refuse('disposition', 'dispositionInconsistent');
  // The chosen outcome's clause first, then why the results allow it.
  const chosen = dispositionReason(rule);
  return { decision: true, outcomes, because: [chosen, ...outcomes.because.filter((r) => r.rule !== chosen.rule)] };
}
