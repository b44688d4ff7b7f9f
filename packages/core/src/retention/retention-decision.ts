import { addDays, type CalendarDate, shanghaiDate, shanghaiDayStart } from '../calendar/calendar-date.ts';
import { because, type Reason } from '../key-persons/reason.ts';
import type { RetentionRules } from '../protocols/protocol-types.ts';

/**
 * Records that are still open keep a person's data whatever the dates say: an active episode, an open case,
 * an investigation not completed, an open fever-clinic visit, a proposed exposure not decided, a place on a
 * mandatory-testing roster, an open appeal, a pending code change, a proxy holding the person's code, a
 * pending assist request (协查).
 */
export const OPEN_RECORD_KINDS = [
  'episode',
  'case',
  'investigation',
  'feverClinicVisit',
  'exposure',
  'testingGroup',
  'appeal',
  'codeChange',
  'proxyLink',
  'assistRequest',
] as const;
export type OpenRecordKind = (typeof OPEN_RECORD_KINDS)[number];

/** What the retention decision reads of one person (all dates from the database; `now` is passed in). */
export interface PersonRetentionFacts {
  openRecords: readonly OpenRecordKind[];
  /** The person signs in as a resident: their own account keeps their data. */
  residentAccount: boolean;
  /** When the last of the person's key-person episodes or cases closed; null when none ever closed. */
  lastClosedAt: Date | null;
  /** The last use of the record: a scan, a sample, a health declaration, an arrival report; null when none. */
  lastUsedAt: Date | null;
  /** The latest due date of a test or follow-up still due on the person's episodes (the 6-month visit). */
  lastDueDate: CalendarDate | null;
}

export interface RetentionCutoffs {
  today: CalendarDate;
  /** Scans made before this instant are past their period. */
  scansBefore: Date;
  /** Closures and uses before this instant are past the closed-episode period. */
  closedBefore: Date;
}

/** A period of n days keeps the data of day D through day D + n (Asia/Shanghai) and lets it go the day after. */
export function retentionCutoffs(rules: Pick<RetentionRules, 'scans' | 'closedEpisodes'>, now: Date): RetentionCutoffs {
  const today = shanghaiDate(now);
  return {
    today,
    scansBefore: shanghaiDayStart(addDays(today, -rules.scans.days)),
    closedBefore: shanghaiDayStart(addDays(today, -rules.closedEpisodes.days)),
  };
}

export interface RetentionVerdict {
  decision: 'anonymise' | 'keep';
  because: Reason[];
}

const atOrAfter = (at: Date | null, cutoff: Date) => at !== null && at.getTime() >= cutoff.getTime();

function keepReasons(facts: PersonRetentionFacts, rules: RetentionRules, closedBefore: Date): Reason[] {
  const period = rules.closedEpisodes.basis;
  const reasons = facts.openRecords.map((kind) => because(`retention.keep.open.${kind}`, rules.minimisation));
  if (facts.residentAccount) reasons.push(because('retention.keep.residentAccount', rules.minimisation));
  if (facts.lastClosedAt === null) reasons.push(because('retention.keep.neverManaged', period));
  if (atOrAfter(facts.lastClosedAt, closedBefore)) reasons.push(because('retention.keep.closedRecently', period));
  if (atOrAfter(facts.lastUsedAt, closedBefore)) reasons.push(because('retention.keep.usedRecently', period));
  const due = facts.lastDueDate === null ? null : shanghaiDayStart(facts.lastDueDate);
  if (atOrAfter(due, closedBefore)) reasons.push(because('retention.keep.followUpDue', period));
  return reasons;
}

/**
 * Whether a person's identifying data is anonymised now: only when nothing about them is open, they have
 * no resident account, they were under management once, and their last closure, last use and last due
 * follow-up are all older than the closed-episode period. Otherwise every reason to keep it is given.
 */
export function personRetention(facts: PersonRetentionFacts, rules: RetentionRules, now: Date): RetentionVerdict {
  const kept = keepReasons(facts, rules, retentionCutoffs(rules, now).closedBefore);
  if (kept.length > 0) return { decision: 'keep', because: kept };
  return {
    decision: 'anonymise',
    because: [
      because('retention.anonymise.periodOver', rules.closedEpisodes.basis),
      because('retention.anonymise.minimised', rules.minimisation),
    ],
  };
}

/**
 * What anonymising keeps of a birth date: the year, so counts by age band stay right; the day and month,
 * which with sex and community come close to naming a person, go.
 */
export function generalisedBirthDate(birthDate: CalendarDate | null): CalendarDate | null {
  return birthDate === null ? null : `${birthDate.slice(0, 4)}-01-01`;
}
