// Early-warning signals (CASE-007, CASE-008): a sentinel series' daily counts run through the EARS method the
// protocol names for it; a recent day that alarms with at least the protocol's minimum count is a signal, and the
// signal carries the figures that raised it (the count, the threshold, the statistic and the baseline days).
import { earsC, earsFirstDay } from '../analytics/ears.ts';
import { addDays, type CalendarDate } from '../calendar/calendar-date.ts';
import type { SeriesWatch } from '../protocols/early-warning-rules.ts';

export interface DailyCount {
  day: string;
  count: number;
}

export interface WarningSignal {
  series: SeriesWatch['series'];
  day: string;
  count: number;
  threshold: number;
  statistic: number | null;
  method: SeriesWatch['method'];
  /** The baseline days the method compared the day with (C1: the 7 before; C2, C3: the 7 before a 2-day lag). */
  baseline: DailyCount[];
}

/** The baseline the method read for day t (earsC: C1 the days just before, C2 and C3 after a 2-day lag). */
function baselineDays(series: readonly DailyCount[], t: number, watch: SeriesWatch): DailyCount[] {
  const lag = watch.method === 'C1' ? 1 : 3;
  return series.slice(Math.max(0, t - lag - watch.baseline + 1), t - lag + 1);
}

/**
 * The signals among the last `lookbackDays` days of a complete daily series (one entry per day, oldest first,
 * days without records given as 0). A series too short for the method's baseline raises nothing.
 */
export function warningSignals(series: readonly DailyCount[], watch: SeriesWatch, lookbackDays: number): WarningSignal[] {
  if (series.length <= earsFirstDay(watch.method, watch.baseline)) return [];
  const days = earsC(
    series.map((d) => d.count),
    watch.method,
    { baseline: watch.baseline, alpha: watch.alpha, minSigma: watch.minSigma },
  );
  const from = series.length - lookbackDays;
  return days
    .filter((d) => d.index >= from && d.alarm && d.count >= watch.minCount && d.threshold !== null)
    .map((d) => ({
      series: watch.series,
      day: series[d.index]?.day ?? '',
      count: d.count,
      threshold: d.threshold ?? 0,
      statistic: d.statistic,
      method: watch.method,
      baseline: baselineDays(series, d.index, watch),
    }));
}

/** Fills the days between `from` and `to` (inclusive, YYYY-MM-DD) that have no count with 0. */
export function completeSeries(counts: readonly DailyCount[], days: readonly string[]): DailyCount[] {
  const byDay = new Map(counts.map((c) => [c.day, c.count]));
  return days.map((day) => ({ day, count: byDay.get(day) ?? 0 }));
}

/** Every calendar day from `from` to `to`, inclusive. */
export function calendarDays(from: CalendarDate, to: CalendarDate): CalendarDate[] {
  const days: CalendarDate[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

/** What the CDC's verification found: a real event, a false alarm, or a series kept under watch. */
export const WARNING_OUTCOMES = ['confirmed_event', 'false_alarm', 'under_watch'] as const;
export type WarningOutcome = (typeof WARNING_OUTCOMES)[number];

/** open → acknowledged (someone verifies it) → closed (with an outcome). */
export const WARNING_STATES = ['open', 'acknowledged', 'closed'] as const;
export type WarningState = (typeof WARNING_STATES)[number];
