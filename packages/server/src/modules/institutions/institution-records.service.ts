import {
  type AbsenceReason,
  absenceFollowUp,
  dutiesOf,
  healthCheckProblem,
  type InstitutionKind,
  type InstitutionProfile,
  invalid,
  isCalendarDate,
  isSchoolKind,
  maskName,
  type SchoolCheckSession,
  shanghaiDate,
} from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import type { RequestContext } from '../../http/context.ts';
import { levelInForce } from '../response/response.service.ts';
import {
  type InstitutionRow,
  insertAbsence,
  refreshSentinelCount,
  setAbsenceTask,
  upsertDutyRecord,
  upsertHealthCheck,
  upsertVisitCount,
} from './institution.repository.ts';
import { assertNamedReporter, institutionInScope } from './institution-access.ts';
import { issueFollowUp } from './institution-follow-up.ts';

type Deps = Pick<AppDeps, 'database' | 'clock' | 'cipher'>;

/** A report's day: given, a real date, not in the future (Asia/Shanghai). */
function reportDay(deps: Deps, day: string | undefined): string {
  const today = shanghaiDate(deps.clock());
  if (day === undefined) return today;
  if (!isCalendarDate(day)) throw invalid('day', 'invalidDate');
  if (day > today) throw invalid('day', 'inFuture');
  return day;
}

const place = (row: InstitutionRow) => ({ id: row.jurisdictionId, path: row.jurisdictionPath });

/** An institution the caller may report for: in scope, and the caller its named reporter (if one is named). */
async function reportable(deps: Deps, context: RequestContext, id: string) {
  const row = await institutionInScope(deps.database.db, context, id, 'institution.report');
  assertNamedReporter(context, row);
  return row;
}

/** A duty done or not on a day (issue 16 part 2): only a duty of the kind at the level in force. */
export async function recordDuty(
  deps: Deps,
  context: RequestContext,
  id: string,
  input: { dutyId: string; day?: string; done: boolean; note?: string },
) {
  const db = deps.database.db;
  const row = await reportable(deps, context, id);
  const day = reportDay(deps, input.day);
  const level = await levelInForce(db, row.jurisdictionPath);
  if (!dutiesOf(row.kind as InstitutionKind, level?.level ?? null).some((d) => d.id === input.dutyId))
    throw invalid('dutyId', 'notADutyOfKind');
  await db.transaction(async (tx) => {
    await upsertDutyRecord(tx, {
      institutionId: row.id,
      dutyId: input.dutyId,
      day,
      done: input.done,
      note: input.note?.trim() || null,
      recordedBy: context.actor.userId,
      jurisdictionId: row.jurisdictionId,
      jurisdictionPath: row.jurisdictionPath,
    });
    await recordAudit(tx, context, {
      action: 'institution.duty',
      entityType: 'institution',
      entityId: row.id,
      jurisdictionPath: row.jurisdictionPath,
      after: { dutyId: input.dutyId, day, done: input.done },
    });
  });
  return { institutionId: row.id, dutyId: input.dutyId, day, done: input.done };
}

export interface HealthCheckInput {
  session: SchoolCheckSession;
  day?: string;
  present: number;
  absent: number;
  feverish: number;
}

/** A school's morning, noon or evening check (SCH-004): counts checked against the enrolment. */
export async function recordHealthCheck(deps: Deps, context: RequestContext, id: string, input: HealthCheckInput) {
  const db = deps.database.db;
  const row = await reportable(deps, context, id);
  if (!isSchoolKind(row.kind as InstitutionKind)) throw invalid('id', 'notASchool');
  const day = reportDay(deps, input.day);
  const profile = row.profile as InstitutionProfile;
  const problem = healthCheckProblem(input, profile.students);
  if (problem) throw invalid(problem.field, problem.reason);
  await db.transaction(async (tx) => {
    await upsertHealthCheck(tx, {
      institutionId: row.id,
      day,
      session: input.session,
      present: input.present,
      absent: input.absent,
      feverish: input.feverish,
      recordedBy: context.actor.userId,
      jurisdictionId: row.jurisdictionId,
      jurisdictionPath: row.jurisdictionPath,
    });
    const dutyId = input.session === 'morning' ? 'school.morning_check' : input.session === 'noon' ? 'school.noon_check' : null;
    if (dutyId)
      await upsertDutyRecord(tx, {
        institutionId: row.id,
        dutyId,
        day,
        done: true,
        recordedBy: context.actor.userId,
        jurisdictionId: row.jurisdictionId,
        jurisdictionPath: row.jurisdictionPath,
      });
    await recordAudit(tx, context, {
      action: 'institution.healthCheck',
      entityType: 'institution',
      entityId: row.id,
      jurisdictionPath: row.jurisdictionPath,
      after: { day, session: input.session, present: input.present, absent: input.absent, feverish: input.feverish },
    });
  });
  return { institutionId: row.id, day, session: input.session };
}

export interface AbsenceInput {
  name: string;
  className?: string;
  reason: AbsenceReason;
  temperature?: number;
  day?: string;
}

/**
 * An illness absence (SCH-005, SC-51): registered with its cause to trace, counted in the school-absence series,
 * and with fever a fast-track NAT task for the school's community.
 */
export async function recordAbsence(deps: Deps, context: RequestContext, id: string, input: AbsenceInput) {
  const db = deps.database.db;
  const row = await reportable(deps, context, id);
  if (!isSchoolKind(row.kind as InstitutionKind)) throw invalid('id', 'notASchool');
  const day = reportDay(deps, input.day);
  if (!input.name.trim()) throw invalid('name', 'required');
  const temperatureTenths = input.temperature === undefined ? null : Math.round(input.temperature * 10);
  if (temperatureTenths !== null && (temperatureTenths < 340 || temperatureTenths > 430)) throw invalid('temperature', 'outOfRange');
  const now = deps.clock();
  const plan = absenceFollowUp({ reason: input.reason, temperatureTenths, reportedAt: now });
  return db.transaction(async (tx) => {
    const absence = await insertAbsence(tx, {
      institutionId: row.id,
      day,
      nameMasked: maskName(input.name.trim()),
      nameCipher: deps.cipher.encrypt(input.name.trim()),
      className: input.className?.trim() || null,
      reason: input.reason,
      temperatureTenths,
      traceBy: plan.traceBy,
      recordedBy: context.actor.userId,
      jurisdictionId: row.jurisdictionId,
      jurisdictionPath: row.jurisdictionPath,
    });
    await upsertDutyRecord(tx, {
      institutionId: row.id,
      dutyId: 'school.absence_tracking',
      day,
      done: true,
      recordedBy: context.actor.userId,
      jurisdictionId: row.jurisdictionId,
      jurisdictionPath: row.jurisdictionPath,
    });
    await refreshSentinelCount(tx, place(row), 'school_illness_absence', day);
    const task = plan.nat
      ? await issueFollowUp(tx, context, {
          sourceKind: 'school_absence_nat',
          sourceId: absence.id,
          title: `因病缺课快速核酸：${row.name} ${absence.nameMasked}`,
          description:
            `${input.className?.trim() ?? ''} ${input.reason === 'fever' ? '发热' : '体温异常'}缺课，安排快速核酸检测并追查病因（SCH-005, SC-51）`.trim(),
          dueAt: plan.nat.dueAt,
          place: place(row),
          roles: ['assigned_medic', 'grid_worker', 'town_cadre'],
        })
      : null;
    if (task) await setAbsenceTask(tx, absence.id, task.id);
    await recordAudit(tx, context, {
      action: 'institution.absence',
      entityType: 'illness_absence',
      entityId: absence.id,
      jurisdictionPath: row.jurisdictionPath,
      after: { day, reason: input.reason, temperatureTenths, natTaskId: task?.id ?? null },
    });
    return {
      id: absence.id,
      day,
      traceBy: plan.traceBy.toISOString(),
      natTaskId: task?.id ?? null,
      natDueAt: plan.nat?.dueAt.toISOString() ?? null,
    };
  });
}

/** A medical institution's sentinel visits of a day (MED-007), counted into the fever-clinic and primary-care series. */
export async function recordVisitCounts(
  deps: Deps,
  context: RequestContext,
  id: string,
  input: { day?: string; feverClinicVisits: number; primaryCareVisits: number },
) {
  const db = deps.database.db;
  const row = await reportable(deps, context, id);
  if (row.kind !== 'medical_institution') throw invalid('id', 'notAMedicalInstitution');
  const day = reportDay(deps, input.day);
  await db.transaction(async (tx) => {
    await upsertVisitCount(tx, {
      institutionId: row.id,
      day,
      feverClinicVisits: input.feverClinicVisits,
      primaryCareVisits: input.primaryCareVisits,
      recordedBy: context.actor.userId,
      jurisdictionId: row.jurisdictionId,
      jurisdictionPath: row.jurisdictionPath,
    });
    await upsertDutyRecord(tx, {
      institutionId: row.id,
      dutyId: 'medical.sentinel_visits',
      day,
      done: true,
      recordedBy: context.actor.userId,
      jurisdictionId: row.jurisdictionId,
      jurisdictionPath: row.jurisdictionPath,
    });
    await refreshSentinelCount(tx, place(row), 'fever_clinic_visit', day);
    await refreshSentinelCount(tx, place(row), 'primary_care_visit', day);
    await recordAudit(tx, context, {
      action: 'institution.visitCounts',
      entityType: 'institution',
      entityId: row.id,
      jurisdictionPath: row.jurisdictionPath,
      after: { day, ...input },
    });
  });
  return { institutionId: row.id, day, feverClinicVisits: input.feverClinicVisits, primaryCareVisits: input.primaryCareVisits };
}
