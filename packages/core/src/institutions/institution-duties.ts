import { addDays, type CalendarDate } from '../calendar/calendar-date.ts';
import {
  INSTITUTION_PROTOCOL_SEED_2020,
  type InstitutionDuty,
  type InstitutionKind,
  type InstitutionProtocol,
  type VenueType,
} from '../protocols/institution-duties-seed.ts';
import type { Clause } from '../protocols/protocol-types.ts';
import { RESPONSE_LEVELS, type ResponseLevel } from '../protocols/response-rule-types.ts';

const rank = (level: ResponseLevel) => RESPONSE_LEVELS.indexOf(level);

/** Is a duty in force at a response level (null: no level in force)? fromLevel and stopsAt read IV < III < II < I. */
export function dutyInForce(duty: InstitutionDuty, level: ResponseLevel | null): boolean {
  if (duty.fromLevel && (level === null || rank(level) < rank(duty.fromLevel))) return false;
  if (duty.stopsAt && level !== null && rank(level) >= rank(duty.stopsAt)) return false;
  return true;
}

/** A kind's duties at the level in force (INST-003/004: care-home visits stop and closed management starts at Level III). */
export function dutiesOf(
  kind: InstitutionKind,
  level: ResponseLevel | null,
  protocol: InstitutionProtocol = INSTITUTION_PROTOCOL_SEED_2020,
): InstitutionDuty[] {
  return protocol.duties.filter((d) => d.kinds.includes(kind) && dutyInForce(d, level));
}

export interface DutyRecordFact {
  dutyId: string;
  day: CalendarDate;
  done: boolean;
}

export type DutyState = 'done' | 'due' | 'missed' | 'event';

/** The first day of the period a duty's frequency counts in: the day, its Monday-started week, its month. */
function periodStart(duty: InstitutionDuty, day: CalendarDate): CalendarDate {
  if (duty.frequency === 'monthly') return `${day.slice(0, 8)}01`;
  if (duty.frequency !== 'weekly') return day;
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

/**
 * Each duty's state on a day: done within its period (the day, the week, the month), due while the period runs,
 * missed once a daily duty's day is over; per-event duties are recorded as they happen (SCH-002 lateness).
 */
export function dutyStates(duties: readonly InstitutionDuty[], records: readonly DutyRecordFact[], day: CalendarDate, today: CalendarDate) {
  return duties.map((duty) => {
    if (duty.frequency === 'per_event') return { duty, state: 'event' as DutyState };
    const from = periodStart(duty, day);
    const done = records.some((r) => r.dutyId === duty.id && r.done && r.day >= from && r.day <= day);
    const over = duty.frequency === 'daily' || duty.frequency === 'per_session' ? day < today : false;
    return { duty, state: (done ? 'done' : over ? 'missed' : 'due') as DutyState };
  });
}

export interface Poultry1110Month {
  /** Days of the month with a cleaning-and-disinfection log. */
  disinfectionDays: readonly CalendarDate[];
  cleanupDays: readonly CalendarDate[];
  closureDays: readonly CalendarDate[];
  /** Days live poultry was left in stock overnight. */
  overnightStockDays: readonly CalendarDate[];
}

export interface RuleVerdict {
  pass: boolean;
  because: { code: string; params: Record<string, string | number>; clause: Clause }[];
}

const ruleClause = (says: string): Clause => ({ source: 'seed 004 Part A', clause: '§三(一)', says });

/** MKT-005 / SC-62: a month under the 1110 rule — a log every day, a clean-up every week, a closure day, no overnight stock. */
export function poultry1110Check(month: CalendarDate, logs: Poultry1110Month): RuleVerdict {
  const first = `${month.slice(0, 8)}01`;
  const length = new Date(Date.UTC(Number(first.slice(0, 4)), Number(first.slice(5, 7)), 0)).getUTCDate();
  const because: RuleVerdict['because'] = [];
  const logged = new Set(logs.disinfectionDays);
  const missing = Array.from({ length }, (_, i) => addDays(first, i)).filter((d) => !logged.has(d));
  if (missing.length > 0)
    because.push({
      code: 'dailyDisinfectionMissing',
      params: { days: missing.length },
      clause: ruleClause('One cleaning and disinfection every day.'),
    });
  const weeks = Math.floor(length / 7);
  if (logs.cleanupDays.length < weeks)
    because.push({
      code: 'weeklyCleanupMissing',
      params: { needed: weeks, have: logs.cleanupDays.length },
      clause: ruleClause('One major clean-up every week.'),
    });
  if (logs.closureDays.length === 0)
    because.push({ code: 'noClosureDay', params: {}, clause: ruleClause('One market-closure day every month.') });
  for (const d of logs.overnightStockDays)
    because.push({ code: 'overnightStock', params: { day: d }, clause: ruleClause('Zero live poultry in stock overnight.') });
  return { pass: because.length === 0, because };
}

/** PUB-011: is a venue type open at a level, and if not, by which clause. */
export function venueClosure(
  venueType: VenueType,
  level: ResponseLevel | null,
  protocol: InstitutionProtocol = INSTITUTION_PROTOCOL_SEED_2020,
) {
  if (level === null) return null;
  return protocol.venueClosures.find((c) => c.venueTypes.includes(venueType) && rank(level) >= rank(c.fromLevel)) ?? null;
}
