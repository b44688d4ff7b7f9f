import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { queryRows } from '../../db/query-rows.ts';
import { jurisdiction, riskArea } from '../../db/schema/index.ts';
import { underAnyPath } from '../../db/scope-sql.ts';

export type RiskAreaRow = typeof riskArea.$inferSelect;

export async function insertRiskArea(db: Db, row: typeof riskArea.$inferInsert): Promise<RiskAreaRow> {
  const rows = await db.insert(riskArea).values(row).returning();
  return rows[0] as RiskAreaRow;
}

export async function updateRiskArea(db: Db, id: string, changes: Partial<typeof riskArea.$inferInsert>): Promise<RiskAreaRow> {
  const rows = await db
    .update(riskArea)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(riskArea.id, id))
    .returning();
  return rows[0] as RiskAreaRow;
}

export async function findRiskArea(db: Db, id: string): Promise<RiskAreaRow | undefined> {
  const rows = await db.select().from(riskArea).where(eq(riskArea.id, id)).limit(1);
  return rows[0];
}

/** The published grade of an area, if any (one at a time, by the partial unique index). */
export async function publishedOf(db: Db, jurisdictionId: string): Promise<RiskAreaRow | undefined> {
  const rows = await db
    .select()
    .from(riskArea)
    .where(and(eq(riskArea.jurisdictionId, jurisdictionId), eq(riskArea.status, 'published')))
    .limit(1);
  return rows[0];
}

/** Grades in scope with the area's name and code; `statuses` narrows (e.g. the current and pending ones). */
export async function riskAreasUnder(db: Db, paths: readonly string[], statuses: readonly string[], limit: number) {
  return db
    .select({ area: riskArea, name: jurisdiction.name, code: jurisdiction.code, level: jurisdiction.level })
    .from(riskArea)
    .innerJoin(jurisdiction, eq(jurisdiction.id, riskArea.jurisdictionId))
    .where(
      and(underAnyPath(riskArea.jurisdictionPath, [...paths]), statuses.length > 0 ? inArray(riskArea.status, [...statuses]) : undefined),
    )
    .orderBy(asc(riskArea.jurisdictionPath), desc(riskArea.proposedAt))
    .limit(limit);
}

/** The jurisdictions of one level in the subtrees (the units an edition grades). */
export async function jurisdictionsAtLevel(db: Db, paths: readonly string[], level: string) {
  return db
    .select()
    .from(jurisdiction)
    .where(and(eq(jurisdiction.level, level), underAnyPath(jurisdiction.path, [...paths])))
    .orderBy(asc(jurisdiction.code));
}

/** The published grade of the deepest graded area a person lives in, if any. */
export async function publishedLevelOfPerson(db: Db, personId: string): Promise<string | null> {
  const rows = await queryRows<{ level: string }>(
    db,
    sql`select r.level from risk_area r join person p on p.jurisdiction_path like r.jurisdiction_path || '%'
      where p.id = ${personId} and r.status = 'published' order by length(r.jurisdiction_path) desc limit 1`,
  );
  return rows[0]?.level ?? null;
}
