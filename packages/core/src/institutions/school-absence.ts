import { INSTITUTION_PROTOCOL_SEED_2020, type InstitutionProtocol } from '../protocols/institution-duties-seed.ts';
import type { Clause } from '../protocols/protocol-types.ts';

export const ABSENCE_REASONS = ['fever', 'respiratory', 'other_illness'] as const;
export type AbsenceReason = (typeof ABSENCE_REASONS)[number];

export interface AbsenceFacts {
  reason: AbsenceReason;
  /** Tenths of a degree, when measured. */
  temperatureTenths?: number | null;
  reportedAt: Date;
}

export interface AbsenceFollowUp {
  traceBy: Date;
  /** SC-51: a fast-track NAT when the absence is for fever or the temperature is abnormal. */
  nat: { dueAt: Date } | null;
  because: Clause[];
}

const hours = (from: Date, h: number) => new Date(from.getTime() + h * 3_600_000);

/** SCH-005 / SC-51: every illness absence is traced; with fever confirmed, a fast-track NAT task. */
export function absenceFollowUp(a: AbsenceFacts, protocol: InstitutionProtocol = INSTITUTION_PROTOCOL_SEED_2020): AbsenceFollowUp {
  const fever = a.reason === 'fever' || (a.temperatureTenths ?? 0) >= protocol.feverTenths.value;
  const because = [protocol.absenceFollowUpHours.clause];
  if (fever) because.push(protocol.absenceNatHours.clause, protocol.feverTenths.clause);
  return {
    traceBy: hours(a.reportedAt, protocol.absenceFollowUpHours.value),
    nat: fever ? { dueAt: hours(a.reportedAt, protocol.absenceNatHours.value) } : null,
    because,
  };
}

export interface HealthCheckCounts {
  present: number;
  absent: number;
  feverish: number;
}

/** A session's counts must be whole, non-negative, and the feverish among those present (SCH-004). */
export function healthCheckProblem(c: HealthCheckCounts, enrolled: number | undefined): { field: string; reason: string } | null {
  for (const key of ['present', 'absent', 'feverish'] as const) {
    if (!Number.isInteger(c[key]) || c[key] < 0) return { field: key, reason: 'notNonNegativeInteger' };
  }
  if (c.feverish > c.present) return { field: 'feverish', reason: 'moreThanPresent' };
  if (enrolled !== undefined && c.present + c.absent > enrolled) return { field: 'present', reason: 'moreThanEnrolled' };
  return null;
}
