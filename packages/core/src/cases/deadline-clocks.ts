import { invalid } from '../errors/app-error.ts';
import { because, type Reason } from '../key-persons/reason.ts';
import type { CaseClassification, CaseRules, DeadlineRule } from '../protocols/protocol-types.ts';

export const CASE_CLOCKS = ['report', 'investigation', 'sealing', 'disinfection'] as const;
export type CaseClock = (typeof CASE_CLOCKS)[number];

export interface CaseDeadlines {
  reportDueAt: Date;
  investigationDueAt: Date;
  sealingDueAt: Date;
  because: Reason[];
}

const plusHours = (at: Date, hours: number) => new Date(at.getTime() + hours * 3_600_000);

/** The report deadline rule of a classification in this edition. */
export function reportRule(classification: CaseClassification, rules: CaseRules): DeadlineRule {
  const rule = rules.report.find((r) => r.classification === classification);
  if (!rule) throw invalid('classification', 'noReportDeadline', { classification });
  return rule.deadline;
}

/**
 * The three clocks of a case, all counted from discovery (CASE-001, KP-C01, SC-14, SC-20): the direct network
 * report (2 h in both editions), the investigation and the spot sealing (24 h, seed 003 item 17). The hours come
 * from the edition, never from here.
 */
export function caseDeadlines(classification: CaseClassification, discoveredAt: Date, rules: CaseRules): CaseDeadlines {
  const report = reportRule(classification, rules);
  return {
    reportDueAt: plusHours(discoveredAt, report.hours),
    investigationDueAt: plusHours(discoveredAt, rules.investigation.hours),
    sealingDueAt: plusHours(discoveredAt, rules.sealing.hours),
    because: [
      because('reportWithin', report.basis),
      because('investigationWithin', rules.investigation.basis),
      because('sealingWithin', rules.sealing.basis),
    ],
  };
}

export type ClockState = 'on_time' | 'due_soon' | 'late' | 'done' | 'done_late';

export interface ClockView {
  clock: CaseClock;
  dueAt: Date;
  doneAt: Date | null;
  state: ClockState;
  /** Minutes left (negative when late); null once done. */
  minutesLeft: number | null;
}

/**
 * A clock's state at `now`: late from the first minute after the deadline (SC-14: due 12:00, late at 12:01),
 * due soon from `dueSoonMinutes` before it, done (late or not) once the work is recorded.
 */
export function clockState(clock: CaseClock, dueAt: Date, doneAt: Date | null, now: Date, dueSoonMinutes: number): ClockView {
  if (doneAt) return { clock, dueAt, doneAt, state: doneAt > dueAt ? 'done_late' : 'done', minutesLeft: null };
  const msLeft = dueAt.getTime() - now.getTime();
  const minutesLeft = Math.floor(msLeft / 60_000);
  const state: ClockState = msLeft < 0 ? 'late' : msLeft <= dueSoonMinutes * 60_000 ? 'due_soon' : 'on_time';
  return { clock, dueAt, doneAt, state, minutesLeft };
}

export interface CaseClockInput {
  classification: CaseClassification;
  reportDueAt: Date;
  investigationDueAt: Date;
  sealingDueAt: Date;
  reportedAt: Date | null;
  investigationCompletedAt: Date | null;
  sealedAt: Date | null;
}

/** All three clocks of a case at `now`, each warning as early as its edition's rule says. An excluded case has none. */
export function caseClocks(input: CaseClockInput, rules: CaseRules, now: Date): ClockView[] {
  if (input.classification === 'excluded') return [];
  const report = reportRule(input.classification, rules);
  return [
    clockState('report', input.reportDueAt, input.reportedAt, now, report.dueSoonMinutes),
    clockState('investigation', input.investigationDueAt, input.investigationCompletedAt, now, rules.investigation.dueSoonMinutes),
    clockState('sealing', input.sealingDueAt, input.sealedAt, now, rules.sealing.dueSoonMinutes),
  ];
}
