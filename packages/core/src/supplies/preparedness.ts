import { addDays, type CalendarDate } from '../calendar/calendar-date.ts';
import type { ReadinessRules } from '../protocols/readiness-seed-2020.ts';

/**
 * Preparedness (PREP-001…PREP-004): plans at every level kept under review, drills and training held
 * regularly, and the ten preparation-stage items of PREP-001 each recorded ready.
 */
export const PLAN_REVIEW_STATES = ['current', 'review_soon', 'overdue'] as const;
export type PlanReviewState = (typeof PLAN_REVIEW_STATES)[number];

/** A plan is overdue after its review date, and flagged inside the warning window before it (PREP-004). */
export function planReviewState(
  reviewDueOn: CalendarDate,
  today: CalendarDate,
  rules: Pick<ReadinessRules, 'planReviewWarning'>,
): PlanReviewState {
  if (reviewDueOn < today) return 'overdue';
  return reviewDueOn <= addDays(today, rules.planReviewWarning.days) ? 'review_soon' : 'current';
}

/** Whether the latest drill or training lies inside the interval (PREP-002, PREP-003). */
export function exerciseIsRecent(
  latestHeldOn: CalendarDate | null,
  today: CalendarDate,
  rules: Pick<ReadinessRules, 'exerciseInterval'>,
): boolean {
  return latestHeldOn !== null && latestHeldOn >= addDays(today, -rules.exerciseInterval.days);
}

/** The PREP-001 items not yet recorded ready, by number. */
export function missingChecklistItems(readyNumbers: readonly number[], rules: Pick<ReadinessRules, 'checklist'>): number[] {
  return rules.checklist.map((c) => c.no).filter((no) => !readyNumbers.includes(no));
}

export const EXERCISE_KINDS = ['drill', 'training'] as const;
export type ExerciseKind = (typeof EXERCISE_KINDS)[number];

export const PREPARATION_STATUSES = ['ready', 'in_progress', 'not_started'] as const;
export type PreparationStatus = (typeof PREPARATION_STATUSES)[number];

/** Attendance of a drill or training cannot exceed those expected, nor be negative. */
export function attendanceError(expected: number, attended: number): string | null {
  if (!Number.isInteger(expected) || expected < 0) return 'expected';
  if (!Number.isInteger(attended) || attended < 0 || attended > expected) return 'attended';
  return null;
}
