import { addDays, type CalendarDate, daysBetween } from '../calendar/calendar-date.ts';
import { because, type Reason } from '../key-persons/reason.ts';
import type { ScreeningRules, TransportMode } from '../protocols/community-seed-001.ts';
import type { KeyPersonCategory } from '../protocols/protocol-types.ts';
import type { RiskLevel } from '../protocols/zone-types.ts';

/** One stay in a person's travel history as the grid worker records it; the grade is the one published over the place. */
export interface TravelStop {
  place: string;
  /** The published risk grade over the place when screened (null: not graded). */
  riskGrade: RiskLevel | null;
  /** Abroad (境外): managed as an inbound traveller. */
  inbound: boolean;
  /** The day the person left the place. */
  leftOn: CalendarDate;
}

export interface ArrivalVerdict {
  category: KeyPersonCategory | null;
  /** Index of the stop that decided, or null. */
  stop: number | null;
  because: Reason[];
}

/** Whether a stay ended inside the window counted back from the visit (seed 001 §三(四)2: 14 days). */
export function withinTravelWindow(rules: ScreeningRules, leftOn: CalendarDate, visitDate: CalendarDate): boolean {
  return leftOn <= visitDate && daysBetween(leftOn, visitDate) <= rules.travelWindowDays;
}

/** The first day a stay still counts on a visit day. */
export function travelWindowStart(rules: ScreeningRules, visitDate: CalendarDate): CalendarDate {
  return addDays(visitDate, -rules.travelWindowDays);
}

/**
 * The key-person category a door-to-door finding opens (COMM-040, SC-41): arrival from abroad first (the stricter
 * management), then a stay in a place graded as a risk area, both only inside the travel window; else none.
 */
export function arrivalCategoryFor(rules: ScreeningRules, stops: readonly TravelStop[], visitDate: CalendarDate): ArrivalVerdict {
  const recent = stops.map((stop, index) => ({ stop, index })).filter((s) => withinTravelWindow(rules, s.stop.leftOn, visitDate));
  const inbound = recent.find((s) => s.stop.inbound);
  if (inbound) {
    const reasons = [because('screening.inbound', rules.inbound.basis), because('screening.window', rules.travelWindowBasis)];
    return { category: rules.inbound.category, stop: inbound.index, because: reasons };
  }
  const risky = recent.find((s) => s.stop.riskGrade !== null && rules.riskGrades.includes(s.stop.riskGrade));
  if (risky) {
    const reasons = [because('screening.riskArea', rules.riskArea.basis), because('screening.window', rules.travelWindowBasis)];
    return { category: rules.riskArea.category, stop: risky.index, because: reasons };
  }
  return { category: null, stop: null, because: [because('screening.noArrival', rules.travelWindowBasis)] };
}

/** A returnee's origin as recorded: the place names from the most specific up (['武汉市', '湖北省']), and the arrival day. */
export interface DatedArrival {
  areas: readonly string[];
  arrivedOn: CalendarDate;
}

export interface DateWindowVerdict {
  listed: boolean;
  /** The window that decided: its area (null: any other origin) and first day. */
  window: { area: string | null; from: CalendarDate } | null;
  because: Reason[];
}

/**
 * KP-G04 / SC-40: the screening window of an origin is the first (most specific) window naming one of its areas,
 * else the catch-all window; the returnee is listed when they arrived on or after its first day.
 */
export function dateWindowVerdict(rules: ScreeningRules, arrival: DatedArrival): DateWindowVerdict {
  const { windows, basis } = rules.dateWindows;
  const window = windows.find((w) => w.area !== null && arrival.areas.includes(w.area)) ?? windows.find((w) => w.area === null) ?? null;
  const listed = window !== null && arrival.arrivedOn >= window.from;
  return { listed, window, because: [because(listed ? 'screening.dateWindow' : 'screening.beforeWindow', basis)] };
}

/** SC-54: the transport mode set on a symptomatic person's record: the first the rules allow (arranged by the institution). */
export function symptomaticTransportMode(rules: ScreeningRules): { mode: TransportMode; because: Reason[] } {
  const { allowed, basis } = rules.symptomatic.transport;
  return { mode: allowed[0] ?? 'arranged_by_institution', because: [because('screening.transport', basis)] };
}

/** SC-54: a symptomatic person's transport mode must be one the rules allow (arranged by the institution); null: fine. */
export function symptomaticTransportProblem(
  rules: ScreeningRules,
  mode: TransportMode,
): { field: 'transportMode'; reason: 'notAllowed'; because: Reason[] } | null {
  const { allowed, basis } = rules.symptomatic.transport;
  return allowed.includes(mode) ? null : { field: 'transportMode', reason: 'notAllowed', because: [because('screening.transport', basis)] };
}
