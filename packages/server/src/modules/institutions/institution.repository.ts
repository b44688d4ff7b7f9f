import type { SentinelSeries } from '@fangkong/core';
import { and, asc, count, desc, eq, gte, inArray, lte, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { asDate, queryRows } from '../../db/query-rows.ts';
import {
  illnessAbsence,
  institution,
  institutionDutyRecord,
  institutionIncident,
  institutionVisitCount,
  jurisdiction,
  pharmacySale,
  schoolHealthCheck,
  sentinelDailyCount,
} from '../../db/schema/index.ts';
import { underAnyPath } from '../../db/scope-sql.ts';

export type InstitutionRow = typeof institution.$inferSelect;
export type InstitutionInsert = typeof institution.$inferInsert;
export type SaleRow = typeof pharmacySale.$inferSelect;
export type AbsenceRow = typeof illnessAbsence.$inferSelect;
export type IncidentRow = typeof institutionIncident.$inferSelect;

export async function insertInstitution(db: Db, row: InstitutionInsert): Promise<InstitutionRow> {
  const [inserted] = await db.insert(institution).values(row).returning();
  if (!inserted) throw new Error('institution insert returned nothing');
  return inserted;
}

export async function updateInstitutionReporter(db: Db, id: string, reporterUserId: string | null): Promise<InstitutionRow> {
  const [row] = await db.update(institution).set({ reporterUserId, updatedAt: new Date() }).where(eq(institution.id, id)).returning();
  if (!row) throw new Error('institution update returned nothing');
  return row;
}

export async function findInstitution(db: Db, id: string): Promise<InstitutionRow | undefined> {
  return (await db.select().from(institution).where(eq(institution.id, id)).limit(1))[0];
}

export async function findInstitutionByCode(db: Db, code: string): Promise<InstitutionRow | undefined> {
  return (await db.select().from(institution).where(eq(institution.code, code)).limit(1))[0];
}

export async function listInstitutions(db: Db, paths: readonly string[], kind: string | undefined) {
  const where = and(underAnyPath(institution.jurisdictionPath, paths), kind ? eq(institution.kind, kind) : undefined);
  return db
    .select({ row: institution, jurisdictionName: jurisdiction.name })
    .from(institution)
    .innerJoin(jurisdiction, eq(jurisdiction.id, institution.jurisdictionId))
    .where(where)
    .orderBy(asc(institution.kind), asc(institution.code));
}

export async function upsertDutyRecord(db: Db, row: typeof institutionDutyRecord.$inferInsert) {
  await db
    .insert(institutionDutyRecord)
    .values(row)
    .onConflictDoUpdate({
      target: [institutionDutyRecord.institutionId, institutionDutyRecord.dutyId, institutionDutyRecord.day],
      set: { done: row.done, note: row.note ?? null, recordedBy: row.recordedBy ?? null, updatedAt: new Date() },
    });
}

export async function dutyRecordsOf(db: Db, institutionId: string, from: string, to: string) {
  return db
    .select()
    .from(institutionDutyRecord)
    .where(
      and(eq(institutionDutyRecord.institutionId, institutionId), gte(institutionDutyRecord.day, from), lte(institutionDutyRecord.day, to)),
    );
}

export async function upsertHealthCheck(db: Db, row: typeof schoolHealthCheck.$inferInsert) {
  await db
    .insert(schoolHealthCheck)
    .values(row)
    .onConflictDoUpdate({
      target: [schoolHealthCheck.institutionId, schoolHealthCheck.day, schoolHealthCheck.session],
      set: { present: row.present, absent: row.absent, feverish: row.feverish, recordedBy: row.recordedBy ?? null, updatedAt: new Date() },
    });
}

export async function healthChecksOf(db: Db, institutionId: string, day: string) {
  return db
    .select()
    .from(schoolHealthCheck)
    .where(and(eq(schoolHealthCheck.institutionId, institutionId), eq(schoolHealthCheck.day, day)));
}

export async function insertAbsence(db: Db, row: typeof illnessAbsence.$inferInsert): Promise<AbsenceRow> {
  const [inserted] = await db.insert(illnessAbsence).values(row).returning();
  if (!inserted) throw new Error('absence insert returned nothing');
  return inserted;
}

export async function setAbsenceTask(db: Db, id: string, taskId: string) {
  await db.update(illnessAbsence).set({ natTaskId: taskId }).where(eq(illnessAbsence.id, id));
}

export async function absencesOf(db: Db, institutionId: string, from: string) {
  return db
    .select()
    .from(illnessAbsence)
    .where(and(eq(illnessAbsence.institutionId, institutionId), gte(illnessAbsence.day, from)))
    .orderBy(desc(illnessAbsence.day), desc(illnessAbsence.createdAt));
}

export async function upsertVisitCount(db: Db, row: typeof institutionVisitCount.$inferInsert) {
  await db
    .insert(institutionVisitCount)
    .values(row)
    .onConflictDoUpdate({
      target: [institutionVisitCount.institutionId, institutionVisitCount.day],
      set: {
        feverClinicVisits: row.feverClinicVisits,
        primaryCareVisits: row.primaryCareVisits,
        recordedBy: row.recordedBy ?? null,
        updatedAt: new Date(),
      },
    });
}

export async function insertSale(db: Db, row: typeof pharmacySale.$inferInsert): Promise<SaleRow> {
  const [inserted] = await db.insert(pharmacySale).values(row).returning();
  if (!inserted) throw new Error('sale insert returned nothing');
  return inserted;
}

export async function setSaleTask(db: Db, id: string, taskId: string) {
  await db.update(pharmacySale).set({ followUpTaskId: taskId }).where(eq(pharmacySale.id, id));
}

export async function findSale(db: Db, id: string): Promise<SaleRow | undefined> {
  return (await db.select().from(pharmacySale).where(eq(pharmacySale.id, id)).limit(1))[0];
}

export async function listSales(db: Db, paths: readonly string[], institutionId: string | undefined, limit: number, offset: number) {
  const where = and(
    underAnyPath(pharmacySale.jurisdictionPath, paths),
    institutionId ? eq(pharmacySale.institutionId, institutionId) : undefined,
  );
  const [items, [total]] = await Promise.all([
    db
      .select({ row: pharmacySale, pharmacyName: institution.name })
      .from(pharmacySale)
      .innerJoin(institution, eq(institution.id, pharmacySale.institutionId))
      .where(where)
      .orderBy(desc(pharmacySale.soldAt))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(pharmacySale).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function insertIncident(db: Db, row: typeof institutionIncident.$inferInsert): Promise<IncidentRow> {
  const [inserted] = await db.insert(institutionIncident).values(row).returning();
  if (!inserted) throw new Error('incident insert returned nothing');
  return inserted;
}

export async function setIncidentSteps(db: Db, id: string, steps: IncidentRow['steps']) {
  await db.update(institutionIncident).set({ steps }).where(eq(institutionIncident.id, id));
}

export async function incidentsOf(db: Db, institutionId: string) {
  return db
    .select()
    .from(institutionIncident)
    .where(eq(institutionIncident.institutionId, institutionId))
    .orderBy(desc(institutionIncident.foundAt));
}

/** Where each series' daily count comes from: the records kept for it, per jurisdiction and day (one fact, one answer). */
const SERIES_SOURCE: Partial<Record<SentinelSeries, (jurisdictionId: string, day: string) => SQL>> = {
  pharmacy_fever_drug_purchase: (j, d) => sql`select count(*)::int from pharmacy_sale where jurisdiction_id = ${j} and day = ${d}`,
  school_illness_absence: (j, d) => sql`select count(*)::int from illness_absence where jurisdiction_id = ${j} and day = ${d}`,
  fever_clinic_visit: (j, d) =>
    sql`select coalesce(sum(fever_clinic_visits), 0)::int from institution_visit_count where jurisdiction_id = ${j} and day = ${d}`,
  primary_care_visit: (j, d) =>
    sql`select coalesce(sum(primary_care_visits), 0)::int from institution_visit_count where jurisdiction_id = ${j} and day = ${d}`,
};

/** Recounts a sentinel series for a jurisdiction and day from its records, in the caller's transaction. */
export async function refreshSentinelCount(db: Db, at: { id: string; path: string }, series: SentinelSeries, day: string) {
  const source = SERIES_SOURCE[series];
  if (!source) throw new Error(`no record source for sentinel series ${series}`);
  await db.execute(sql`insert into ${sentinelDailyCount} (jurisdiction_id, jurisdiction_path, series, day, count, updated_at)
    values (${at.id}, ${at.path}, ${series}, ${day}, (${source(at.id, day)}), now())
    on conflict (jurisdiction_id, series, day) do update set count = excluded.count, updated_at = now()`);
}

export async function sentinelCounts(db: Db, paths: readonly string[], from: string, to: string) {
  return db
    .select({ series: sentinelDailyCount.series, day: sentinelDailyCount.day, count: sql<number>`sum(${sentinelDailyCount.count})::int` })
    .from(sentinelDailyCount)
    .where(
      and(underAnyPath(sentinelDailyCount.jurisdictionPath, paths), gte(sentinelDailyCount.day, from), lte(sentinelDailyCount.day, to)),
    )
    .groupBy(sentinelDailyCount.series, sentinelDailyCount.day)
    .orderBy(asc(sentinelDailyCount.day));
}

export interface InstitutionTaskRow {
  id: string;
  title: string;
  description: string | null;
  sourceKind: string;
  sourceId: string | null;
  status: string;
  dueAt: Date | null;
  closedAt: Date | null;
  jurisdictionName: string | null;
  assigneeName: string | null;
}

/** The follow-ups the grid worker's work list shows beside the episodes: institutions' and door-to-door screening's. */
export const INSTITUTION_TASK_SOURCES = [
  'pharmacy_follow_up',
  'school_absence_nat',
  'institution_incident',
  'hotel_guest_report',
  'screening_symptomatic',
] as const;

/** The follow-ups institutions started (buyers, absences, incidents) in the caller's subtrees, open first. */
export async function institutionTasks(db: Db, paths: readonly string[], institutionId: string | undefined): Promise<InstitutionTaskRow[]> {
  if (paths.length === 0) return [];
  const under = sql.join(
    paths.map((p) => sql`t.jurisdiction_path like ${`${p}%`}`),
    sql` or `,
  );
  const ofInstitution = institutionId
    ? sql`and t.source_id in (select id::text from pharmacy_sale where institution_id = ${institutionId}
        union all select id::text from illness_absence where institution_id = ${institutionId}
        union all select id::text from institution_incident where institution_id = ${institutionId}
        union all select id::text from hotel_guest where institution_id = ${institutionId})`
    : sql``;
  const rows = await queryRows<InstitutionTaskRow & { dueAt: Date | string | null; closedAt: Date | string | null }>(
    db,
    sql`select t.id, t.title, t.description, t.source_kind as "sourceKind", t.source_id as "sourceId", t.status,
          t.due_at as "dueAt", t.closed_at as "closedAt", j.name as "jurisdictionName", u.display_name as "assigneeName"
        from task t left join jurisdiction j on j.id = t.jurisdiction_id left join app_user u on u.id = t.assignee_user_id
        where t.source_kind in (${sql.join(
          INSTITUTION_TASK_SOURCES.map((s) => sql`${s}`),
          sql`, `,
        )}) and (${under}) ${ofInstitution}
        order by (t.status = 'open') desc, t.due_at asc limit 200`,
  );
  return rows.map((r) => ({ ...r, dueAt: asDate(r.dueAt), closedAt: asDate(r.closedAt) }));
}

export async function institutionsByIds(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(institution)
    .where(inArray(institution.id, [...ids]));
}
