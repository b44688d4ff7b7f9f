import { type CalendarDate, shanghaiDate, shanghaiDayStart } from '../calendar/calendar-date.ts';
import { because, type Reason } from '../key-persons/reason.ts';
import type { ReportDeadlineRule } from './report-types.ts';

const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;
const MINUTE_MS = 60_000;

export function isDeadlineTime(value: string): boolean {
  return TIME_PATTERN.test(value);
}

/**
 * The instant a day's report is due: the template's `HH:MM` on that calendar day in Asia/Shanghai
 * (DAILY-003: before 13:00), whatever the server's own time zone.
 */
export function reportDueAt(rule: Pick<ReportDeadlineRule, 'time'>, period: CalendarDate): Date {
  const match = TIME_PATTERN.exec(rule.time);
  if (!match) throw new RangeError(`not a deadline time: ${rule.time}`);
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return new Date(shanghaiDayStart(period).getTime() + minutes * MINUTE_MS);
}

export interface Lateness {
  dueAt: Date;
  late: boolean;
  /** Whole minutes after the deadline (0 when on time); a report at 13:00:59 is 0 minutes but late. */
  minutesLate: number;
  because: Reason[];
}

/** Whether a report sent at `submittedAt` for `period` is late (DAILY-003: accepted, but marked late). */
export function reportLateness(rule: ReportDeadlineRule, period: CalendarDate, submittedAt: Date): Lateness {
  const dueAt = reportDueAt(rule, period);
  const late = submittedAt.getTime() > dueAt.getTime();
  const minutesLate = late ? Math.floor((submittedAt.getTime() - dueAt.getTime()) / MINUTE_MS) : 0;
  return { dueAt, late, minutesLate, because: [because(late ? 'reportLate' : 'reportOnTime', rule.basis)] };
}

/**
 * A unit's state for a day's report on the compliance board: sent on time or late, or not sent yet —
 * still open, due soon (inside the reminder window), or missing once the deadline has passed (SC-46).
 */
export const REPORT_STATES = ['on_time', 'late', 'open', 'due_soon', 'missing'] as const;
export type ReportState = (typeof REPORT_STATES)[number];

export function reportState(rule: ReportDeadlineRule, period: CalendarDate, firstSubmittedAt: Date | null, now: Date): ReportState {
  const dueAt = reportDueAt(rule, period);
  if (firstSubmittedAt) return firstSubmittedAt.getTime() > dueAt.getTime() ? 'late' : 'on_time';
  if (now.getTime() > dueAt.getTime()) return 'missing';
  return now.getTime() >= dueAt.getTime() - rule.remindMinutesBefore * MINUTE_MS ? 'due_soon' : 'open';
}

/** The day a report is for cannot lie after today (Asia/Shanghai). */
export function periodIsFuture(period: CalendarDate, now: Date): boolean {
  return period > shanghaiDate(now);
}
