import {
  addDays,
  dutiesOf,
  dutyStates,
  INSTITUTION_PROTOCOL_SEED_2020,
  type InstitutionKind,
  type InstitutionProfile,
  invalid,
  maskName,
  maskPhone,
  normalizePhone,
  pathInScope,
  phoneProblem,
  profileFindings,
  profileProblems,
  type Role,
  roleGrants,
  shanghaiDate,
} from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../http/context.ts';
import { findJurisdictionById } from '../jurisdictions/jurisdiction.repository.ts';
import { levelInForce } from '../response/response.service.ts';
import { rolesOfUsers } from '../users/user.repository.ts';
import {
  absencesOf,
  dutyRecordsOf,
  findInstitutionByCode,
  healthChecksOf,
  type InstitutionRow,
  incidentsOf,
  insertInstitution,
  listInstitutions,
  updateInstitutionReporter,
} from './institution.repository.ts';
import { institutionInScope, scopeOf } from './institution-access.ts';

type Deps = Pick<AppDeps, 'database' | 'clock' | 'cipher'>;

export interface NewInstitution {
  kind: InstitutionKind;
  name: string;
  code: string;
  jurisdictionId: string;
  placeId?: string;
  profile: InstitutionProfile;
  responsibleName?: string;
  responsiblePhone?: string;
  /** The account named to report for it (issue 16: an institution's daily report comes from its named reporter). */
  reporterUserId?: string;
}

function summary(row: InstitutionRow, jurisdictionName: string | null) {
  const profile = row.profile as InstitutionProfile;
  return {
    id: row.id,
    kind: row.kind as InstitutionKind,
    name: row.name,
    code: row.code,
    jurisdictionId: row.jurisdictionId,
    jurisdictionName,
    profile,
    responsibleName: row.responsibleName ? maskName(row.responsibleName) : null,
    responsiblePhone: row.responsiblePhoneMasked,
    reporterUserId: row.reporterUserId,
    findings: profileFindings(row.kind as InstitutionKind, profile),
  };
}

export async function institutionList(deps: Deps, context: RequestContext, kind: string | undefined) {
  const rows = await listInstitutions(deps.database.db, scopeOf(context, 'institution.read'), kind);
  return { items: rows.map((r) => summary(r.row, r.jurisdictionName)), total: rows.length };
}

/** The checks every registration passes, form or import (issue 16 part 1): bad input → AppError naming the field. */
export function checkNewInstitution(input: NewInstitution) {
  const [problem] = profileProblems(input.kind, input.profile);
  if (problem) throw invalid(problem.field, problem.reason);
  if (!input.name.trim()) throw invalid('name', 'required');
  if (!input.code.trim()) throw invalid('code', 'required');
  if (input.responsiblePhone && phoneProblem(input.responsiblePhone)) throw invalid('responsiblePhone', 'phone.format');
}

/** The named reporter must be an account that may report for the institution's jurisdiction (institution.report covering it). */
export async function checkReporter(db: Db, userId: string | undefined, path: string) {
  if (!userId) return;
  const roles = await rolesOfUsers(db, [userId]);
  const covers = roles.some((r) => path.startsWith(r.jurisdictionPath) && roleGrants(r.role as Role, 'institution.report'));
  if (!covers) throw invalid('reporterUserId', 'reporterCannotReport');
}

/** Writes a checked institution and its audit event in the caller's transaction. */
export async function insertCheckedInstitution(
  tx: Db,
  deps: Deps,
  context: RequestContext,
  input: NewInstitution,
  at: { id: string; path: string },
): Promise<InstitutionRow> {
  const phone = input.responsiblePhone ? normalizePhone(input.responsiblePhone) : null;
  const inserted = await insertInstitution(tx, {
    kind: input.kind,
    name: input.name.trim(),
    code: input.code.trim(),
    placeId: input.placeId ?? null,
    profile: { ...input.profile },
    responsibleName: input.responsibleName?.trim() || null,
    responsiblePhoneMasked: phone ? maskPhone(phone) : null,
    responsiblePhoneCipher: phone ? deps.cipher.encrypt(phone) : null,
    reporterUserId: input.reporterUserId ?? null,
    jurisdictionId: at.id,
    jurisdictionPath: at.path,
  });
  await recordAudit(tx, context, {
    action: 'institution.create',
    entityType: 'institution',
    entityId: inserted.id,
    jurisdictionPath: at.path,
    after: { kind: input.kind, name: inserted.name, code: inserted.code, profile: input.profile },
  });
  return inserted;
}

/** Registers an institution (issue 16 part 1): its jurisdiction in scope, its profile checked (bad input → 400 naming the field). */
export async function registerInstitution(deps: Deps, context: RequestContext, input: NewInstitution) {
  const db = deps.database.db;
  const at = await findJurisdictionById(db, input.jurisdictionId);
  if (!at || !pathInScope(at.path, scopeOf(context, 'institution.manage'))) throw invalid('jurisdictionId', 'outsideJurisdiction');
  checkNewInstitution(input);
  if (await findInstitutionByCode(db, input.code.trim())) throw invalid('code', 'duplicateCode');
  await checkReporter(db, input.reporterUserId, at.path);
  const row = await db.transaction((tx) => insertCheckedInstitution(tx, deps, context, input, at));
  return summary(row, at.name);
}

/** Names (or clears) the account that reports for an institution; the account must be able to report for it. */
export async function setReporter(deps: Deps, context: RequestContext, id: string, reporterUserId: string | null) {
  const db = deps.database.db;
  const row = await institutionInScope(db, context, id, 'institution.manage');
  await checkReporter(db, reporterUserId ?? undefined, row.jurisdictionPath);
  const updated = await db.transaction(async (tx) => {
    const changed = await updateInstitutionReporter(tx, row.id, reporterUserId);
    await recordAudit(tx, context, {
      action: 'institution.reporter',
      entityType: 'institution',
      entityId: row.id,
      jurisdictionPath: row.jurisdictionPath,
      before: { reporterUserId: row.reporterUserId },
      after: { reporterUserId },
    });
    return changed;
  });
  const at = await findJurisdictionById(db, row.jurisdictionId);
  return summary(updated, at?.name ?? null);
}

/** One institution's day: its duties at the level in force with their state, the school checks, absences, incidents. */
export async function institutionDay(deps: Deps, context: RequestContext, id: string, day: string | undefined) {
  const db = deps.database.db;
  const row = await institutionInScope(db, context, id, 'institution.read');
  const today = shanghaiDate(deps.clock());
  const on = day ?? today;
  const level = await levelInForce(db, row.jurisdictionPath);
  const duties = dutiesOf(row.kind as InstitutionKind, level?.level ?? null);
  const [records, checks, absences, incidents, at] = await Promise.all([
    dutyRecordsOf(db, row.id, `${on.slice(0, 8)}01`, on),
    healthChecksOf(db, row.id, on),
    absencesOf(db, row.id, addDays(on, -6)),
    incidentsOf(db, row.id),
    findJurisdictionById(db, row.jurisdictionId),
  ]);
  const states = dutyStates(duties, records, on, today);
  return {
    ...summary(row, at?.name ?? null),
    day: on,
    levelInForce: level?.level ?? null,
    schoolChecks: {
      required: [...INSTITUTION_PROTOCOL_SEED_2020.schoolChecks.required],
      optional: [...INSTITUTION_PROTOCOL_SEED_2020.schoolChecks.optional],
      clause: INSTITUTION_PROTOCOL_SEED_2020.schoolChecks.clause,
    },
    duties: states.map(({ duty, state }) => ({
      id: duty.id,
      zh: duty.zh,
      en: duty.en,
      frequency: duty.frequency,
      requirement: duty.requirement,
      clause: duty.clause,
      state,
      note: records.find((r) => r.dutyId === duty.id && r.day === on)?.note ?? null,
    })),
    healthChecks: checks.map((c) => ({ session: c.session, present: c.present, absent: c.absent, feverish: c.feverish })),
    absences: absences.map((a) => ({
      id: a.id,
      day: a.day,
      name: a.nameMasked,
      className: a.className,
      reason: a.reason,
      temperature: a.temperatureTenths === null ? null : a.temperatureTenths / 10,
      traceBy: a.traceBy.toISOString(),
      natTaskId: a.natTaskId,
    })),
    incidents: incidents.map((i) => ({ id: i.id, finding: i.finding, foundAt: i.foundAt.toISOString(), note: i.note, steps: i.steps })),
  };
}
