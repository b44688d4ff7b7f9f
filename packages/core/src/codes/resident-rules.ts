import { addDays, type CalendarDate } from '../calendar/calendar-date.ts';
import type { CodeRuleSet } from './code-types.ts';

/** Whole years of age on `today` (Shanghai dates); a birthday counts from its day. */
export function ageOn(birthDate: CalendarDate, today: CalendarDate): number {
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) >= birthDate.slice(5) ? years : years - 1;
}

/**
 * Must the person consent before a family member holds their code? Adults must; a minor is added by the
 * family directly. An unknown birth date cannot prove a minor, so it asks for consent (issue 12 defect 5).
 */
export function proxyNeedsConsent(rules: CodeRuleSet, birthDate: CalendarDate | null, today: CalendarDate): boolean {
  return birthDate === null || ageOn(birthDate, today) >= rules.proxyConsentAge.years;
}

export type ReportDateProblem = 'dateInFuture' | 'dateTooOld' | 'dateTooFarAhead' | 'arrivalInPast';

/**
 * A date a resident reports about the past (travel in a declaration) lies within the look-back window and not
 * after today: older facts cannot matter to the colour or to tracing, future ones are not facts yet.
 */
export function pastReportDateProblem(date: CalendarDate, today: CalendarDate, lookbackDays: number): ReportDateProblem | null {
  if (date > today) return 'dateInFuture';
  return date < addDays(today, -lookbackDays) ? 'dateTooOld' : null;
}

/**
 * An expected arrival lies from today to the look-back window ahead: a report dated years ahead would keep a
 * person "not at destination" (yellow) forever, and one further ahead than the window cannot be checked against
 * the risk areas of the day it names.
 */
export function arrivalDateProblem(date: CalendarDate, today: CalendarDate, lookbackDays: number): ReportDateProblem | null {
  if (date < today) return 'arrivalInPast';
  return date > addDays(today, lookbackDays) ? 'dateTooFarAhead' : null;
}
