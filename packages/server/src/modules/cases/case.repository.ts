import { and, asc, count, desc, eq, ilike, isNull, like, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  appUser,
  caseClassificationChange,
  caseReport,
  investigation,
  jurisdiction,
  person,
  place,
  trajectoryPoint,
} from '../../db/schema/index.ts';
import { underAnyPath } from '../../db/scope-sql.ts';

export type CaseRow = typeof caseReport.$inferSelect;
export type InvestigationRow = typeof investigation.$inferSelect;
export type TrajectoryRow = typeof trajectoryPoint.$inferSelect;

export async function insertCase(db: Db, row: typeof caseReport.$inferInsert): Promise<CaseRow> {
  const rows = await db.insert(caseReport).values(row).returning();
  return rows[0] as CaseRow;
}

export async function updateCase(db: Db, id: string, changes: Partial<typeof caseReport.$inferInsert>): Promise<void> {
  await db
    .update(caseReport)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(caseReport.id, id));
}

export async function findCase(db: Db, id: string): Promise<CaseRow | undefined> {
  const rows = await db.select().from(caseReport).where(eq(caseReport.id, id)).limit(1);
  return rows[0];
}

export async function findOpenCaseOfPerson(db: Db, personId: string): Promise<CaseRow | undefined> {
  const rows = await db
    .select()
    .from(caseReport)
    .where(and(eq(caseReport.personId, personId), eq(caseReport.status, 'open')))
    .limit(1);
  return rows[0];
}

/** Open cases of these classifications among the people of a subtree (a community's residents: SC-26, LVL-020). */
export async function countOpenCasesUnder(db: Db, path: string, classifications: readonly string[]): Promise<number> {
  if (classifications.length === 0) return 0;
  const [row] = await db
    .select({ n: count() })
    .from(caseReport)
    .where(
      and(
        eq(caseReport.status, 'open'),
        underAnyPath(caseReport.jurisdictionPath, [path]),
        or(...classifications.map((c) => eq(caseReport.classification, c))),
      ),
    );
  return Number(row?.n ?? 0);
}

/** The next sequence number of a county's cases in a year (the case number's last part). */
export async function nextCaseSequence(db: Db, prefix: string): Promise<number> {
  const rows = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(caseReport)
    .where(like(caseReport.caseNumber, `${prefix}-%`));
  return (rows[0]?.n ?? 0) + 1;
}

export async function insertClassificationChange(db: Db, row: typeof caseClassificationChange.$inferInsert): Promise<void> {
  await db.insert(caseClassificationChange).values(row);
}

export async function classificationHistory(db: Db, caseId: string) {
  return db
    .select()
    .from(caseClassificationChange)
    .where(eq(caseClassificationChange.caseId, caseId))
    .orderBy(asc(caseClassificationChange.changedAt), asc(caseClassificationChange.createdAt));
}

export interface CaseFilter {
  paths: string[];
  classification?: string;
  status?: string;
  q?: string;
}

export async function listCases(db: Db, filter: CaseFilter, limit: number, offset: number) {
  const where = and(
    underAnyPath(caseReport.jurisdictionPath, filter.paths),
    filter.classification ? eq(caseReport.classification, filter.classification) : undefined,
    filter.status ? eq(caseReport.status, filter.status) : undefined,
    filter.q ? or(ilike(caseReport.caseNumber, `${filter.q}%`), like(person.name, `${filter.q}%`)) : undefined,
  );
  const [items, counted] = await Promise.all([
    db
      .select({ case: caseReport, person, jurisdictionName: jurisdiction.name, investigation })
      .from(caseReport)
      .innerJoin(person, eq(person.id, caseReport.personId))
      .innerJoin(jurisdiction, eq(jurisdiction.id, caseReport.jurisdictionId))
      .leftJoin(investigation, eq(investigation.caseId, caseReport.id))
      .where(where)
      .orderBy(desc(caseReport.discoveredAt))
      .limit(limit)
      .offset(offset),
    db.select({ total: sql<number>`count(*)::int` }).from(caseReport).innerJoin(person, eq(person.id, caseReport.personId)).where(where),
  ]);
  return { items, total: counted[0]?.total ?? 0 };
}

/** Open cases with their investigation, for the clock sweep and the board (every jurisdiction when paths is null). */
export async function openCasesWithInvestigation(db: Db, paths: string[] | null) {
  return db
    .select({ case: caseReport, investigation, personName: person.name, leadName: appUser.displayName })
    .from(caseReport)
    .innerJoin(person, eq(person.id, caseReport.personId))
    .leftJoin(investigation, eq(investigation.caseId, caseReport.id))
    .leftJoin(appUser, eq(appUser.id, investigation.leadUserId))
    .where(and(eq(caseReport.status, 'open'), paths ? underAnyPath(caseReport.jurisdictionPath, paths) : undefined))
    .orderBy(asc(caseReport.reportDueAt));
}

export async function insertInvestigation(db: Db, row: typeof investigation.$inferInsert): Promise<InvestigationRow> {
  const rows = await db.insert(investigation).values(row).returning();
  return rows[0] as InvestigationRow;
}

export async function findInvestigation(db: Db, caseId: string): Promise<InvestigationRow | undefined> {
  const rows = await db.select().from(investigation).where(eq(investigation.caseId, caseId)).limit(1);
  return rows[0];
}

export async function updateInvestigation(db: Db, id: string, changes: Partial<typeof investigation.$inferInsert>): Promise<void> {
  await db
    .update(investigation)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(investigation.id, id));
}

export async function insertTrajectory(db: Db, row: typeof trajectoryPoint.$inferInsert): Promise<TrajectoryRow> {
  const rows = await db.insert(trajectoryPoint).values(row).returning();
  return rows[0] as TrajectoryRow;
}

export async function trajectoryOf(db: Db, caseId: string) {
  return db
    .select({ point: trajectoryPoint, placeName: place.name })
    .from(trajectoryPoint)
    .leftJoin(place, eq(place.id, trajectoryPoint.placeId))
    .where(and(eq(trajectoryPoint.caseId, caseId), isNull(trajectoryPoint.removedAt)))
    .orderBy(asc(trajectoryPoint.fromAt));
}

export async function countTrajectory(db: Db, caseId: string): Promise<number> {
  const rows = await db
    .select({ n: count() })
    .from(trajectoryPoint)
    .where(and(eq(trajectoryPoint.caseId, caseId), isNull(trajectoryPoint.removedAt)));
  return rows[0]?.n ?? 0;
}

export async function removeTrajectory(db: Db, caseId: string, id: string, userId: string | null, at: Date): Promise<boolean> {
  const rows = await db
    .update(trajectoryPoint)
    .set({ removedAt: at, removedBy: userId, updatedAt: at })
    .where(and(eq(trajectoryPoint.id, id), eq(trajectoryPoint.caseId, caseId), isNull(trajectoryPoint.removedAt)))
    .returning({ id: trajectoryPoint.id });
  return rows.length > 0;
}

export async function findLiveTrajectoryPoint(db: Db, caseId: string, id: string): Promise<TrajectoryRow | undefined> {
  const rows = await db
    .select()
    .from(trajectoryPoint)
    .where(and(eq(trajectoryPoint.id, id), eq(trajectoryPoint.caseId, caseId), isNull(trajectoryPoint.removedAt)))
    .limit(1);
  return rows[0];
}

export async function updateTrajectoryPoint(db: Db, id: string, changes: Partial<typeof trajectoryPoint.$inferInsert>): Promise<void> {
  await db.update(trajectoryPoint).set(changes).where(eq(trajectoryPoint.id, id));
}

/** Cases reported (the direct report, else discovery) in [from, to) under the subtrees, per classification; excluded ones left out. */
export async function caseCountsReported(db: Db, paths: string[], from: Date, to: Date) {
  const reported = sql`coalesce(${caseReport.reportedAt}, ${caseReport.discoveredAt})`;
  return db
    .select({ classification: caseReport.classification, n: count() })
    .from(caseReport)
    .where(
      and(
        underAnyPath(caseReport.jurisdictionPath, paths),
        sql`${caseReport.classification} <> 'excluded'`,
        sql`${reported} >= ${from.toISOString()}::timestamptz and ${reported} < ${to.toISOString()}::timestamptz`,
      ),
    )
    .groupBy(caseReport.classification);
}
