import { type CalendarDate, shanghaiDate } from '../calendar/calendar-date.ts';
import type { CategoryRule, ReleaseRule, SignatoryRole, TestKind } from '../protocols/protocol-types.ts';
import type { StandingResults } from '../testing/unresolved-result.ts';
import type { EpisodePlan } from './episode-plan.ts';
import { because, type Reason } from './reason.ts';

export type TestResult = 'pending' | 'negative' | 'positive' | 'indeterminate';

export interface TestRecord {
  kind: TestKind;
  sampledAt: Date;
  result: TestResult;
}

export interface ReleaseSignature {
  role: SignatoryRole;
  userId: string;
}

export interface ReleaseFacts {
  rule: CategoryRule;
  plan: EpisodePlan;
  today: CalendarDate;
  tests: readonly TestRecord[];
  symptomsReported: boolean;
  signatures: readonly ReleaseSignature[];
  /**
   * Every result that still stands against the person, from any source (pools, single tubes,
   * scheduled tests), as the code colour sees it (resultsStandingAgainst) with its clauses.
   */
  standing?: StandingResults & { because: Reason[] };
}

/** notDue: the period is not complete; blocked: a condition fails; awaitingSignatures: only signatures are missing. */
export type ReleaseState = 'notApplicable' | 'notDue' | 'blocked' | 'awaitingSignatures' | 'released';

export interface ReleaseDecision {
  decision: ReleaseState;
  because: Reason[];
  /** Machine-readable gaps: `period`, `test:nucleic_acid:2`, `result:positive`, `signature:assigned_medic`… */
  missing: string[];
}

/** Tests of a kind that count: inside the window, and at least `minHours` after the previous counted one (SC-10). */
export function countQualifyingTests(
  tests: readonly TestRecord[],
  kind: TestKind,
  window: { from: CalendarDate; to: CalendarDate },
  minHours = 0,
): number {
  const times = tests
    .filter((t) => t.kind === kind && t.result !== 'positive')
    .map((t) => t.sampledAt.getTime())
    .filter((ms) => {
      const day = shanghaiDate(new Date(ms));
      return day >= window.from && day <= window.to;
    })
    .sort((a, b) => a - b);
  let counted = 0;
  let last = Number.NEGATIVE_INFINITY;
  for (const ms of times) {
    if (ms - last >= minHours * 3_600_000) {
      counted += 1;
      last = ms;
    }
  }
  return counted;
}

function testGaps(release: ReleaseRule, facts: ReleaseFacts, releaseDate: CalendarDate): string[] {
  const window = { from: facts.plan.start, to: releaseDate };
  return (Object.entries(release.minimumTests) as [TestKind, number][]).flatMap(([kind, minimum]) => {
    const have = countQualifyingTests(facts.tests, kind, window, release.minHoursBetweenTests?.[kind] ?? 0);
    return have < minimum ? [`test:${kind}:${minimum - have}`] : [];
  });
}

function resultGaps(release: ReleaseRule, facts: ReleaseFacts): string[] {
  const { tests, standing } = facts;
  const gaps = new Set<string>();
  if (tests.some((t) => t.result === 'positive') || (standing?.positive.length ?? 0) > 0) gaps.add('result:positive');
  if (release.allTestsNegative && tests.some((t) => t.result === 'indeterminate')) gaps.add('result:indeterminate');
  if (release.allTestsNegative && tests.some((t) => t.result === 'pending')) gaps.add('result:pending');
  for (const t of standing?.unresolved ?? []) gaps.add(`result:${t.result}`);
  return [...gaps];
}

function signatureGaps(release: ReleaseRule, signatures: readonly ReleaseSignature[]): string[] {
  const signerOf = (role: SignatoryRole) => signatures.find((s) => s.role === role)?.userId;
  const signers = release.signatures.map(signerOf);
  const missing = release.signatures.filter((role) => !signerOf(role)).map((role) => `signature:${role}`);
  const distinct = new Set(signers.filter(Boolean)).size === signers.filter(Boolean).length;
  return distinct ? missing : [...missing, 'signature:sameSigner'];
}

/** Whether an episode may be released today, and why (SC-01 … SC-04, SC-09, SC-10). */
export function releaseDecision(facts: ReleaseFacts): ReleaseDecision {
  const release = facts.rule.release;
  const releaseDate = facts.plan.releaseDate;
  if (!release || !releaseDate) return { decision: 'notApplicable', because: [], missing: [] };
  const basis = [because('release', release.basis)];
  if (facts.today < releaseDate) return { decision: 'notDue', because: basis, missing: ['period'] };
  const blocking = [...testGaps(release, facts, releaseDate), ...resultGaps(release, facts)];
  if (release.noSymptoms && facts.symptomsReported) blocking.push('symptoms');
  if (blocking.length > 0) return { decision: 'blocked', because: [...basis, ...(facts.standing?.because ?? [])], missing: blocking };
  const unsigned = signatureGaps(release, facts.signatures);
  return unsigned.length > 0
    ? { decision: 'awaitingSignatures', because: basis, missing: unsigned }
    : { decision: 'released', because: basis, missing: [] };
}
