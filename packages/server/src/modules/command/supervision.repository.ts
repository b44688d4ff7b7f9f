import { and, asc, desc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  accountabilityRecord,
  appUser,
  headquarters,
  jurisdiction,
  orgUnit,
  supervision,
  supervisionFinding,
  supervisionRecheck,
  task,
  workingGroup,
} from '../../db/schema/index.ts';
import { underAnyPath } from '../../db/scope-sql.ts';

export type SupervisionRow = typeof supervision.$inferSelect;
export type FindingRow = typeof supervisionFinding.$inferSelect;

export async function insertSupervision(db: Db, row: typeof supervision.$inferInsert): Promise<SupervisionRow> {
  const rows = await db.insert(supervision).values(row).returning();
  return rows[0] as SupervisionRow;
}

export async function findSupervision(db: Db, id: string): Promise<SupervisionRow | undefined> {
  const rows = await db.select().from(supervision).where(eq(supervision.id, id)).limit(1);
  return rows[0];
}

function supervisionQuery(db: Db, where: SQL | undefined) {
  return db
    .select({
      supervision,
      headquartersName: headquarters.name,
      jurisdictionName: jurisdiction.name,
      groupName: workingGroup.nameZh,
      unitName: orgUnit.name,
    })
    .from(supervision)
    .innerJoin(headquarters, eq(headquarters.id, supervision.headquartersId))
    .innerJoin(jurisdiction, eq(jurisdiction.id, supervision.jurisdictionId))
    .leftJoin(workingGroup, eq(workingGroup.id, supervision.workingGroupId))
    .leftJoin(orgUnit, eq(orgUnit.id, supervision.inspectedUnitId))
    .where(where);
}

export type SupervisionListRow = Awaited<ReturnType<typeof supervisionQuery>>[number];

export async function supervisionWithNames(db: Db, id: string): Promise<SupervisionListRow | undefined> {
  return (await supervisionQuery(db, eq(supervision.id, id)))[0];
}

export async function listSupervisions(db: Db, paths: string[], limit: number, offset: number) {
  const where = underAnyPath(supervision.jurisdictionPath, paths);
  const [items, counted] = await Promise.all([
    supervisionQuery(db, where).orderBy(desc(supervision.inspectedAt)).limit(limit).offset(offset),
    db.select({ n: sql<number>`count(*)::int` }).from(supervision).where(where),
  ]);
  return { items, total: counted[0]?.n ?? 0 };
}

export async function insertFinding(db: Db, row: typeof supervisionFinding.$inferInsert): Promise<FindingRow> {
  const rows = await db.insert(supervisionFinding).values(row).returning();
  return rows[0] as FindingRow;
}

export async function findFinding(db: Db, id: string): Promise<FindingRow | undefined> {
  const rows = await db.select().from(supervisionFinding).where(eq(supervisionFinding.id, id)).limit(1);
  return rows[0];
}

export async function updateFinding(db: Db, id: string, changes: Partial<typeof supervisionFinding.$inferInsert>): Promise<void> {
  await db
    .update(supervisionFinding)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(supervisionFinding.id, id));
}

function findingQuery(db: Db, where: SQL) {
  return db
    .select({
      finding: supervisionFinding,
      unitName: orgUnit.name,
      subject: supervision.subject,
      task: { id: task.id, status: task.status, dueAt: task.dueAt, closedAt: task.closedAt },
      evidenceCount: sql<number>`(select count(*)::int from task_evidence e where e.task_id = ${supervisionFinding.taskId})`,
    })
    .from(supervisionFinding)
    .innerJoin(supervision, eq(supervision.id, supervisionFinding.supervisionId))
    .leftJoin(orgUnit, eq(orgUnit.id, supervisionFinding.responsibleUnitId))
    .leftJoin(task, eq(task.id, supervisionFinding.taskId))
    .where(where)
    .orderBy(asc(supervisionFinding.createdAt), asc(supervisionFinding.id));
}

export type FindingListRow = Awaited<ReturnType<typeof findingQuery>>[number];

export async function findingsOf(db: Db, supervisionIds: string[]): Promise<FindingListRow[]> {
  if (supervisionIds.length === 0) return [];
  return findingQuery(db, inArray(supervisionFinding.supervisionId, supervisionIds));
}

export async function findingsOfUnit(db: Db, unitId: string): Promise<FindingListRow[]> {
  return findingQuery(db, eq(supervisionFinding.responsibleUnitId, unitId));
}

export async function insertRecheck(db: Db, row: typeof supervisionRecheck.$inferInsert): Promise<void> {
  await db.insert(supervisionRecheck).values(row);
}

export async function rechecksOf(db: Db, findingIds: string[]) {
  if (findingIds.length === 0) return [];
  return db
    .select({ recheck: supervisionRecheck, checkedByName: appUser.displayName })
    .from(supervisionRecheck)
    .leftJoin(appUser, eq(appUser.id, supervisionRecheck.checkedBy))
    .where(inArray(supervisionRecheck.findingId, findingIds))
    .orderBy(asc(supervisionRecheck.checkedAt), asc(supervisionRecheck.createdAt));
}

export async function insertAccountabilityRecord(db: Db, row: typeof accountabilityRecord.$inferInsert) {
  const rows = await db.insert(accountabilityRecord).values(row).returning();
  return rows[0] as typeof accountabilityRecord.$inferSelect;
}

export async function recordsOfUnit(db: Db, unitId: string) {
  return db
    .select({ record: accountabilityRecord, createdByName: appUser.displayName })
    .from(accountabilityRecord)
    .leftJoin(appUser, eq(appUser.id, accountabilityRecord.createdBy))
    .where(eq(accountabilityRecord.orgUnitId, unitId))
    .orderBy(desc(accountabilityRecord.decidedOn), desc(accountabilityRecord.createdAt));
}

/**
 * Per unit in the caller's subtrees: its findings (and how many are still open), its overdue command
 * tasks, and its records by kind — only units with something on record.
 */
export async function unitLedger(db: Db, paths: string[], now: Date) {
  const rows = await db
    .select({
      unit: orgUnit,
      jurisdictionName: jurisdiction.name,
      findings: sql<number>`(select count(*)::int from supervision_finding f where f.responsible_unit_id = ${orgUnit.id})`,
      openFindings: sql<number>`(select count(*)::int from supervision_finding f where f.responsible_unit_id = ${orgUnit.id} and f.passed_at is null)`,
      overdueTasks: sql<number>`(select count(*)::int from task_unit u join task t on t.id = u.task_id
        where u.org_unit_id = ${orgUnit.id} and t.status = 'open' and t.due_at < ${now.toISOString()}::timestamptz)`,
      records: sql<Record<string, number> | null>`(select jsonb_object_agg(kind, n) from (select kind, count(*)::int as n
        from accountability_record a where a.org_unit_id = ${orgUnit.id} group by kind) k)`,
    })
    .from(orgUnit)
    .innerJoin(jurisdiction, eq(jurisdiction.id, orgUnit.jurisdictionId))
    .where(underAnyPath(orgUnit.jurisdictionPath, paths))
    .orderBy(asc(orgUnit.jurisdictionPath), asc(orgUnit.name));
  return rows.filter((r) => r.findings > 0 || r.overdueTasks > 0 || r.records !== null);
}

/** Findings not yet passed under the subtrees, and how many of them have an overdue rectification (the command overview). */
export async function openFindingCounts(db: Db, paths: string[], now: Date) {
  const rows = await db
    .select({
      open: sql<number>`count(*)::int`,
      overdue: sql<number>`count(*) filter (where ${task.status} = 'open' and ${task.dueAt} < ${now.toISOString()}::timestamptz)::int`,
    })
    .from(supervisionFinding)
    .leftJoin(task, eq(task.id, supervisionFinding.taskId))
    .where(and(underAnyPath(supervisionFinding.jurisdictionPath, paths), isNull(supervisionFinding.passedAt)));
  return rows[0] ?? { open: 0, overdue: 0 };
}
