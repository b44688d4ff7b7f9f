import { because, type Reason } from '../key-persons/reason.ts';
import type { TestingRules } from '../protocols/protocol-types.ts';
import type { LabResult } from './pool-follow-up.ts';

/** A person's sample and the result of its tube (null while no result has come). */
export interface PersonResult {
  sampledAt: Date;
  result: LabResult | null;
}

export interface NegativeWithinDecision {
  decision: boolean;
  /** `windowNotAllowed` when the hours asked for are not a window of the protocol. */
  problem?: string;
  /** The sample the decision rests on. */
  latest: PersonResult | null;
  because: Reason[];
}

const HOUR_MS = 3_600_000;

/**
 * "Negative within n hours": the latest sample taken in the last n hours that has a result is
 * negative. A later negative (e.g. a single-tube retest) clears an earlier positive pool; samples
 * still waiting for a result do not count either way.
 */
export function negativeWithin(rules: TestingRules, results: readonly PersonResult[], now: Date, hours: number): NegativeWithinDecision {
  const basis = [because('testing.negativeWithin', rules.negativeValidityHours.basis)];
  if (!rules.negativeValidityHours.hours.includes(hours))
    return { decision: false, problem: 'windowNotAllowed', latest: null, because: basis };
  const from = now.getTime() - hours * HOUR_MS;
  const inWindow = results
    .filter((r) => r.result !== null && r.sampledAt.getTime() > from && r.sampledAt.getTime() <= now.getTime())
    .sort((a, b) => b.sampledAt.getTime() - a.sampledAt.getTime());
  const latest = inWindow[0] ?? null;
  return { decision: latest?.result === 'negative', latest, because: basis };
}
