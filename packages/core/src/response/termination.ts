import { addDays, type CalendarDate, shanghaiDate } from '../calendar/calendar-date.ts';
import { because, type Reason } from '../key-persons/reason.ts';
import type { CaseClassification, ProtocolEdition } from '../protocols/protocol-types.ts';
import type { ResponseCase } from './case-facts.ts';
import { responseRules } from './response-rules.ts';

export interface TerminationFacts {
  /** The local and imported cases of the jurisdiction (at least those since the response began). */
  cases: readonly ResponseCase[];
  /** Condition 2: the experts recorded that the import risk has fallen; null when not assessed yet. */
  importRiskReduced: boolean | null;
}

/** Which termination condition is not met: the window still running, a case not isolated, the import risk. */
export type TerminationGap = 'window' | 'caseNotIsolated' | 'importRisk';

export interface TerminationCheck {
  eligible: boolean;
  /** The first day the window condition holds (last isolation + n incubation periods); null without a counted case. */
  eligibleFrom: CalendarDate | null;
  /** The counted case isolated last, from whose isolation the window runs. */
  lastCaseId: string | null;
  unmet: TerminationGap[];
  /**
   * Termination is to be proposed now (LVL-015): every criterion the case data answer holds; what is left (the
   * import risk) is the experts' to assess in the proposal.
   */
  proposeNow: boolean;
  because: Reason[];
}

/**
 * Whether the response may end (LVL-015, SC-31): no new local confirmed case within two maximum
 * incubation periods after the last one was isolated, and the import risk has fallen — both at once.
 * A new local case starts the window again from its own isolation; a case not yet isolated holds it open.
 */
export function terminationCheck(facts: TerminationFacts, now: Date, edition: ProtocolEdition): TerminationCheck {
  const rule = responseRules(edition).termination;
  const counted = facts.cases.filter((c) => !c.imported && (rule.counts as readonly CaseClassification[]).includes(c.classification));
  const notIsolated = counted.filter((c) => c.isolatedOn === null);
  const last = counted
    .filter((c) => c.isolatedOn !== null)
    .sort((a, b) => (a.isolatedOn ?? '').localeCompare(b.isolatedOn ?? '') || a.caseId.localeCompare(b.caseId))
    .at(-1);
  const eligibleFrom = last?.isolatedOn ? addDays(last.isolatedOn, rule.incubationPeriods * rule.maxIncubationDays) : null;
  const windowOpen = notIsolated.length > 0 || (eligibleFrom !== null && shanghaiDate(now) < eligibleFrom);
  const unmet: TerminationGap[] = [
    ...(notIsolated.length > 0 ? (['caseNotIsolated'] as const) : []),
    ...(windowOpen && notIsolated.length === 0 ? (['window'] as const) : []),
    ...(facts.importRiskReduced === true ? [] : (['importRisk'] as const)),
  ];
  const reasons = [
    because(windowOpen ? 'response.termination.windowOpen' : 'response.termination.windowPassed', rule.window),
    because('response.termination.maxIncubation', rule.maxIncubation),
    because(
      facts.importRiskReduced === true ? 'response.termination.importRiskReduced' : 'response.termination.importRiskNotReduced',
      rule.importRiskReduced,
    ),
  ];
  const proposeNow = unmet.every((gap) => gap === 'importRisk');
  return { eligible: unmet.length === 0, eligibleFrom, lastCaseId: last?.caseId ?? null, unmet, proposeNow, because: reasons };
}
