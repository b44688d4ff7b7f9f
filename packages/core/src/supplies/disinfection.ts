import { addDays, type CalendarDate, shanghaiDate } from '../calendar/calendar-date.ts';
import type { DisinfectionFrequency } from '../protocols/readiness-seed-2020.ts';

/**
 * Recurring disinfection (ENV-003): a place is disinfected so many times a day (a residential community
 * once, a sealed building's public areas twice) or a week (a live-poultry market's 1110 rule). A schedule
 * is `done` once the period's count is reached, `due` until then, and `overdue` when the previous period
 * fell short; periods are calendar days (or Monday-to-Sunday weeks) in Asia/Shanghai.
 */
export const DISINFECTION_STATES = ['done', 'due', 'overdue'] as const;
export type DisinfectionState = (typeof DISINFECTION_STATES)[number];

export interface DisinfectionStatus {
  state: DisinfectionState;
  required: number;
  doneThisPeriod: number;
  periodStart: CalendarDate;
  /** What the previous period fell short by (0 when met, or when the schedule began after it). */
  previousShortfall: number;
}

const weekday = (date: CalendarDate) => new Date(`${date}T00:00:00Z`).getUTCDay();

/** The first day of the period a day falls in: the day itself, or the Monday of its week. */
export function periodStartOf(per: DisinfectionFrequency['per'], date: CalendarDate): CalendarDate {
  return per === 'day' ? date : addDays(date, -((weekday(date) + 6) % 7));
}

const periodLength = (per: DisinfectionFrequency['per']) => (per === 'day' ? 1 : 7);

function countIn(done: readonly Date[], from: CalendarDate, days: number): number {
  const to = addDays(from, days);
  return done.map(shanghaiDate).filter((d) => d >= from && d < to).length;
}

export function disinfectionStatus(
  frequency: Pick<DisinfectionFrequency, 'times' | 'per'>,
  startsOn: CalendarDate,
  done: readonly Date[],
  now: Date,
): DisinfectionStatus {
  const length = periodLength(frequency.per);
  const periodStart = periodStartOf(frequency.per, shanghaiDate(now));
  const previousStart = addDays(periodStart, -length);
  const doneThisPeriod = countIn(done, periodStart, length);
  const previousShortfall = startsOn > previousStart ? 0 : Math.max(0, frequency.times - countIn(done, previousStart, length));
  const state = previousShortfall > 0 && doneThisPeriod < frequency.times ? 'overdue' : doneThisPeriod >= frequency.times ? 'done' : 'due';
  return { state, required: frequency.times, doneThisPeriod, periodStart, previousShortfall };
}
