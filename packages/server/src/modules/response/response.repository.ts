import { asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { queryRows } from '../../db/query-rows.ts';
import { jurisdiction, responseLevel, responseReassessment } from '../../db/schema/index.ts';
import { importedCase } from '../cases/case-origin.repository.ts';
import { pathUnder } from '../testing/testing-sql.ts';

export type LevelChangeRow = typeof responseLevel.$inferSelect;

export async function insertLevelChange(db: Db, row: typeof responseLevel.$inferInsert): Promise<LevelChangeRow> {
  const [inserted] = await db.insert(responseLevel).values(row).returning();
  if (!inserted) throw new Error('response_level insert returned no row');
  return inserted;
}

export async function updateLevelChange(db: Db, id: string, changes: Partial<typeof responseLevel.$inferInsert>): Promise<void> {
  await db
    .update(responseLevel)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(responseLevel.id, id));
}

export async function findLevelChange(db: Db, id: string): Promise<LevelChangeRow | undefined> {
  const [row] = await db.select().from(responseLevel).where(eq(responseLevel.id, id));
  return row;
}

export function levelChangesOf(db: Db, jurisdictionId: string): Promise<LevelChangeRow[]> {
  return db
    .select()
    .from(responseLevel)
    .where(eq(responseLevel.jurisdictionId, jurisdictionId))
    .orderBy(asc(responseLevel.proposedAt), asc(responseLevel.id));
}

/** The level changes of the jurisdictions at these paths (a jurisdiction and its ancestors), with the path each belongs to. */
export function levelChangesAtPaths(db: Db, paths: readonly string[]): Promise<Array<{ path: string; change: LevelChangeRow }>> {
  if (paths.length === 0) return Promise.resolve([]);
  return db
    .select({ path: jurisdiction.path, change: responseLevel })
    .from(responseLevel)
    .innerJoin(jurisdiction, eq(jurisdiction.id, responseLevel.jurisdictionId))
    .where(inArray(jurisdiction.path, [...paths]))
    .orderBy(asc(responseLevel.proposedAt), asc(responseLevel.id));
}

/** The level changes of every jurisdiction at or under a path. */
export function levelChangesUnder(db: Db, path: string): Promise<LevelChangeRow[]> {
  return db
    .select({ change: responseLevel })
    .from(responseLevel)
    .innerJoin(jurisdiction, eq(jurisdiction.id, responseLevel.jurisdictionId))
    .where(pathUnder(sql`${jurisdiction.path}`, [path]))
    .orderBy(asc(responseLevel.proposedAt))
    .then((rows) => rows.map((r) => r.change));
}

/** One change at a time per jurisdiction: proposals and approvals lock the jurisdiction's row first. */
export async function lockJurisdiction(db: Db, jurisdictionId: string): Promise<void> {
  await db.execute(sql`select id from jurisdiction where id = ${jurisdictionId} for update`);
}

export interface ResponseCaseRow {
  id: string;
  classification: string;
  onset_date: string | null;
  report_date: string;
  isolated_on: string | null;
  imported: boolean;
  infector_case_id: string | null;
  source_hypothesis: string | null;
  jurisdiction_path: string;
}

/**
 * The cases under a jurisdiction as the response rules read them: report day (the direct report, else
 * discovery), isolation day (the case's own episode start, else its discovery: a case is transferred for
 * isolation within 2 hours of discovery, CASE-004), imported when found while under inbound-traveller
 * management, and the investigation's source hypothesis.
 */
export function responseCaseRows(db: Db, path: string): Promise<ResponseCaseRow[]> {
  return queryRows<ResponseCaseRow>(
    db,
    sql`select c.id, c.classification, c.onset_date::text as onset_date,
      (coalesce(c.reported_at, c.discovered_at) at time zone 'Asia/Shanghai')::date::text as report_date,
      coalesce(e.start_date, (c.discovered_at at time zone 'Asia/Shanghai')::date)::text as isolated_on,
      ${importedCase('c')} as imported,
      c.infector_case_id, i.form->>'sourceHypothesis' as source_hypothesis, c.jurisdiction_path
    from case_report c
    left join key_person_episode e on e.id = c.episode_id
    left join investigation i on i.case_id = c.id
    where ${pathUnder(sql`c.jurisdiction_path`, [path])} and c.classification <> 'excluded'`,
  );
}

export type ReassessmentRow = typeof responseReassessment.$inferSelect;

export async function insertReassessment(db: Db, row: typeof responseReassessment.$inferInsert): Promise<ReassessmentRow> {
  const [inserted] = await db.insert(responseReassessment).values(row).returning();
  if (!inserted) throw new Error('response_reassessment insert returned no row');
  return inserted;
}

/** A place's re-assessments, newest first (LVL-011). */
export function reassessmentsOf(db: Db, jurisdictionId: string, limit = 50): Promise<ReassessmentRow[]> {
  return db
    .select()
    .from(responseReassessment)
    .where(eq(responseReassessment.jurisdictionId, jurisdictionId))
    .orderBy(desc(responseReassessment.assessedAt), desc(responseReassessment.id))
    .limit(limit);
}
