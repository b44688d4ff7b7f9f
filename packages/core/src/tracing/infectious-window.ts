import { addDays, type CalendarDate, shanghaiDayStart } from '../calendar/calendar-date.ts';
import { invalid } from '../errors/app-error.ts';
import { because, type Reason } from '../key-persons/reason.ts';
import type { TracingRules } from '../protocols/protocol-types.ts';

/** What the window of a case is computed from: onset (with symptoms) or the positive sample (without). */
export interface CaseTimes {
  onsetDate?: CalendarDate | null;
  sampledDate?: CalendarDate | null;
  /** When the case was isolated (hospital, quarantine); the window ends there. */
  isolatedAt?: Date | null;
}

export interface TimeWindow {
  from: Date;
  to: Date;
}

export interface InfectiousWindow extends TimeWindow {
  because: Reason[];
}

/**
 * The infectious window of a case (REQUIREMENTS CASE-003, KP-D05): from the start of the Asia/Shanghai day
 * n days before onset — or, without symptoms, before sampling — until the case was isolated (or now).
 */
export function infectiousWindow(times: CaseTimes, rules: TracingRules, now: Date): InfectiousWindow {
  const rule = rules.infectiousWindow;
  const anchor = times.onsetDate ?? times.sampledDate;
  if (!anchor) throw invalid('onsetDate', 'onsetOrSamplingNeeded');
  const days = times.onsetDate ? rule.daysBeforeOnset : rule.daysBeforeSampling;
  const from = shanghaiDayStart(addDays(anchor, -days));
  const end = times.isolatedAt && times.isolatedAt < now ? times.isolatedAt : now;
  const to = new Date(Math.max(end.getTime(), from.getTime()));
  return { from, to, because: [because(times.onsetDate ? 'infectiousFromOnset' : 'infectiousFromSampling', rule.basis)] };
}

/** The part of [from, to] inside the window, or undefined when they do not meet. */
export function clipToWindow(span: TimeWindow, window: TimeWindow): TimeWindow | undefined {
  const from = new Date(Math.max(span.from.getTime(), window.from.getTime()));
  const to = new Date(Math.min(span.to.getTime(), window.to.getTime()));
  return from <= to ? { from, to } : undefined;
}
