import { INSTITUTION_PROTOCOL_SEED_2020, type InstitutionProtocol } from '../protocols/institution-duties-seed.ts';
import type { Clause } from '../protocols/protocol-types.ts';
import type { RiskLevel } from '../protocols/zone-types.ts';

/** What an organizer files for approval (PUB-005, 一会(考)一案). */
export const EVENT_KINDS = ['meeting', 'exam', 'exhibition', 'gathering'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export const EVENT_PERMIT_STATES = ['pending', 'approved', 'refused'] as const;
export type EventPermitState = (typeof EVENT_PERMIT_STATES)[number];

export interface EventDraft {
  eventDate: string;
  attendees: number;
  plan: string;
  organizer: string;
  urgent: boolean;
}

/** Bad input (PUB-005): no organizer or plan, no attendees, or a date already past → the field and reason. */
export function eventDraftProblem(d: EventDraft, today: string): { field: string; reason: string } | null {
  if (!d.organizer.trim()) return { field: 'organizer', reason: 'required' };
  if (!d.plan.trim()) return { field: 'plan', reason: 'required' };
  if (!Number.isInteger(d.attendees) || d.attendees < 1) return { field: 'attendees', reason: 'notPositiveInteger' };
  if (d.eventDate < today) return { field: 'eventDate', reason: 'pastDate' };
  return null;
}

export interface EventAdvice {
  /** May it be approved at the organizer's grade (ZONE-012)? */
  approvable: boolean;
  because: { rule: string; grade: RiskLevel | null; clause: Clause };
}

/**
 * ZONE-012 / PUB-005 / SC-64: an on-site meeting or exam may be approved in a low-risk area (or one graded nothing)
 * whose last local case is at least the protocol's days ago (null: none known), under scale and duration controls;
 * in a medium- or high-risk area, or too soon after a local case, only a special urgent matter may be.
 */
export function eventAdvice(
  grade: RiskLevel | null,
  urgent: boolean,
  protocol: InstitutionProtocol = INSTITUTION_PROTOCOL_SEED_2020,
  daysSinceLastLocalCase: number | null = null,
): EventAdvice {
  const rules = protocol.eventPermits;
  const gradeAllows = grade === null || rules.allowedGrades.includes(grade);
  const tooSoon = daysSinceLastLocalCase !== null && daysSinceLastLocalCase < rules.daysSinceLastLocalCase;
  const forbids = !gradeAllows ? 'event.gradeForbids' : tooSoon ? 'event.recentLocalCase' : null;
  const rule = forbids === null ? 'event.gradeAllows' : urgent && rules.urgentException ? 'event.urgentException' : forbids;
  return { approvable: forbids === null || rule === 'event.urgentException', because: { rule, grade, clause: rules.clause } };
}

export interface LedgerEntryDraft {
  masked: boolean;
  temperature: number;
  escortUserId?: string;
  subject: 'person' | 'vehicle';
  name?: string;
  plate?: string;
}

/** COMM-012 / SC-37: entry only with a mask, a temperature below fever, an escort, and who or which vehicle. */
export function ledgerEntryProblem(
  d: LedgerEntryDraft,
  protocol: InstitutionProtocol = INSTITUTION_PROTOCOL_SEED_2020,
): { field: string; reason: string } | null {
  if (d.subject === 'person' && !d.name?.trim()) return { field: 'name', reason: 'required' };
  if (d.subject === 'vehicle' && !d.plate?.trim()) return { field: 'plate', reason: 'required' };
  if (protocol.entryLedger.maskRequired && !d.masked) return { field: 'masked', reason: 'maskRequired' };
  if (Math.round(d.temperature * 10) >= protocol.feverTenths.value) return { field: 'temperature', reason: 'feverRefused' };
  if (protocol.entryLedger.escortRequired && !d.escortUserId) return { field: 'escortUserId', reason: 'required' };
  return null;
}

/** SC-37: an entry not closed out by the end of its day is flagged (its day is before today and it is still open). */
export const ledgerEntryFlagged = (enteredOn: string, leftAt: Date | null, today: string) => leftAt === null && enteredOn < today;
