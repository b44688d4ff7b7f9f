import { and, desc, eq, gte, inArray, lt, lte, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { reportSubmission } from '../../db/schema/index.ts';
import { underAnyPath } from '../../db/scope-sql.ts';
import type { ReportingUnit } from './report-unit.repository.ts';

export type SubmissionRow = typeof reportSubmission.$inferSelect;
export type SubmissionInsert = typeof reportSubmission.$inferInsert;

/** The unit's columns of a submission: a community by its jurisdiction, an institution by its place. */
export function unitColumns(unit: ReportingUnit) {
  return unit.kind === 'place'
    ? { unitKind: 'place', unitPlaceId: unit.id, unitJurisdictionId: null }
    : { unitKind: 'jurisdiction', unitPlaceId: null, unitJurisdictionId: unit.id };
}

const ofUnit = (unit: ReportingUnit) =>
  unit.kind === 'place' ? eq(reportSubmission.unitPlaceId, unit.id) : eq(reportSubmission.unitJurisdictionId, unit.id);

/** The id of the unit a submission is from. */
export const unitIdOf = (row: Pick<SubmissionRow, 'unitPlaceId' | 'unitJurisdictionId'>) => row.unitPlaceId ?? row.unitJurisdictionId ?? '';

export async function insertSubmission(db: Db, row: SubmissionInsert): Promise<SubmissionRow> {
  const rows = await db.insert(reportSubmission).values(row).returning();
  return rows[0] as SubmissionRow;
}

export async function updateSubmission(db: Db, id: string, changes: Partial<SubmissionInsert>): Promise<void> {
  await db
    .update(reportSubmission)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(reportSubmission.id, id));
}

/** Signs a draft: true when it was still a draft (a second signer at the same moment finds it signed). */
export async function signDraft(db: Db, id: string, changes: Partial<SubmissionInsert>): Promise<boolean> {
  const rows = await db
    .update(reportSubmission)
    .set({ ...changes, status: 'submitted', updatedAt: new Date() })
    .where(and(eq(reportSubmission.id, id), eq(reportSubmission.status, 'draft')))
    .returning({ id: reportSubmission.id });
  return rows.length > 0;
}

export async function findSubmission(db: Db, id: string): Promise<SubmissionRow | undefined> {
  const rows = await db.select().from(reportSubmission).where(eq(reportSubmission.id, id)).limit(1);
  return rows[0];
}

/** The unit's current (not superseded) report of a template for a day, locked for the correction that replaces it. */
export async function currentSubmission(db: Db, code: string, unit: ReportingUnit, period: string): Promise<SubmissionRow | undefined> {
  const rows = await db
    .select()
    .from(reportSubmission)
    .where(
      and(
        eq(reportSubmission.templateCode, code),
        ofUnit(unit),
        eq(reportSubmission.period, period),
        ne(reportSubmission.status, 'superseded'),
      ),
    )
    .for('update')
    .limit(1);
  return rows[0];
}

/** The unit's last signed report of a template before a day: the standing counts a zero report carries. */
export async function lastSubmittedBefore(db: Db, code: string, unit: ReportingUnit, period: string): Promise<SubmissionRow | undefined> {
  const rows = await db
    .select()
    .from(reportSubmission)
    .where(
      and(
        eq(reportSubmission.templateCode, code),
        ofUnit(unit),
        lt(reportSubmission.period, period),
        eq(reportSubmission.status, 'submitted'),
      ),
    )
    .orderBy(desc(reportSubmission.period))
    .limit(1);
  return rows[0];
}

/** Every revision of a unit's report for a day, newest first (the correction history). */
export async function revisionsOf(db: Db, code: string, unit: ReportingUnit, period: string): Promise<SubmissionRow[]> {
  return db
    .select()
    .from(reportSubmission)
    .where(and(eq(reportSubmission.templateCode, code), ofUnit(unit), eq(reportSubmission.period, period)))
    .orderBy(desc(reportSubmission.revision));
}

export interface HistoryFilter {
  unit: ReportingUnit;
  code?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

/** A unit's reports over days (current revisions), newest day first. */
export async function unitHistory(db: Db, filter: HistoryFilter) {
  const where = and(
    ofUnit(filter.unit),
    ne(reportSubmission.status, 'superseded'),
    filter.code ? eq(reportSubmission.templateCode, filter.code) : undefined,
    filter.from ? gte(reportSubmission.period, filter.from) : undefined,
    filter.to ? lte(reportSubmission.period, filter.to) : undefined,
  );
  const [items, counted] = await Promise.all([
    db
      .select()
      .from(reportSubmission)
      .where(where)
      .orderBy(desc(reportSubmission.period), reportSubmission.templateCode)
      .limit(filter.limit)
      .offset(filter.offset),
    db.select({ total: sql<number>`count(*)::int` }).from(reportSubmission).where(where),
  ]);
  return { items, total: counted[0]?.total ?? 0 };
}

/** Current reports of a day inside the given subtrees, for the board, the sums and the export. */
export async function submissionsOfDay(
  db: Db,
  period: string,
  codes: readonly string[],
  paths: readonly string[],
): Promise<SubmissionRow[]> {
  if (codes.length === 0) return [];
  return db
    .select()
    .from(reportSubmission)
    .where(
      and(
        eq(reportSubmission.period, period),
        inArray(reportSubmission.templateCode, [...codes]),
        ne(reportSubmission.status, 'superseded'),
        underAnyPath(reportSubmission.jurisdictionPath, paths),
      ),
    );
}
