import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { queryRows } from '../../db/query-rows.ts';
import { jurisdiction } from '../../db/schema/index.ts';

export type JurisdictionRow = typeof jurisdiction.$inferSelect;

export interface JurisdictionCounts {
  householdCount: number;
  residentCount: number;
}

export async function findJurisdictionById(db: Db, id: string): Promise<JurisdictionRow | undefined> {
  const rows = await db.select().from(jurisdiction).where(eq(jurisdiction.id, id)).limit(1);
  return rows[0];
}

export async function findJurisdictionByCode(db: Db, code: string): Promise<JurisdictionRow | undefined> {
  const rows = await db.select().from(jurisdiction).where(eq(jurisdiction.code, code)).limit(1);
  return rows[0];
}

export async function findJurisdictionsByPaths(db: Db, paths: string[]): Promise<JurisdictionRow[]> {
  if (paths.length === 0) return [];
  return db.select().from(jurisdiction).where(inArray(jurisdiction.path, paths)).orderBy(asc(jurisdiction.path));
}

export async function findJurisdictionsByCodes(db: Db, codes: readonly string[]): Promise<JurisdictionRow[]> {
  if (codes.length === 0) return [];
  return db
    .select()
    .from(jurisdiction)
    .where(inArray(jurisdiction.code, [...codes]));
}

export async function childrenOf(db: Db, parentId: string): Promise<JurisdictionRow[]> {
  return db.select().from(jurisdiction).where(eq(jurisdiction.parentId, parentId)).orderBy(asc(jurisdiction.code));
}

/**
 * Counts under each child of `parentPath` in one pass over the subtree: rows are grouped by the
 * path segment that follows the parent's path (the child's code).
 */
export async function countsByChild(db: Db, parentPath: string): Promise<Map<string, JurisdictionCounts>> {
  const offset = parentPath.length + 1;
  const pattern = `${parentPath}%`;
  const childCode = (column: string) => sql.raw(`split_part(substr(${column}, ${offset}), '/', 1)`);
  const [households, residents] = await Promise.all([
    queryRows<{ code: string; n: number }>(
      db,
      sql`select ${childCode('jurisdiction_path')} as code, count(*)::int as n from place where kind = 'household' and jurisdiction_path like ${pattern} group by 1`,
    ),
    queryRows<{ code: string; n: number }>(
      db,
      sql`select ${childCode('jurisdiction_path')} as code, count(*)::int as n from person where jurisdiction_path like ${pattern} group by 1`,
    ),
  ]);
  const counts = new Map<string, JurisdictionCounts>();
  const slot = (code: string) => {
    const existing = counts.get(code) ?? { householdCount: 0, residentCount: 0 };
    counts.set(code, existing);
    return existing;
  };
  for (const row of households) slot(row.code).householdCount = row.n;
  for (const row of residents) slot(row.code).residentCount = row.n;
  return counts;
}

export async function directChildCounts(db: Db, parentId: string): Promise<Map<string, number>> {
  const rows = await queryRows<{ parent_id: string; n: number }>(
    db,
    sql`select c.parent_id, count(*)::int as n from jurisdiction c join jurisdiction p on p.id = c.parent_id where p.parent_id = ${parentId} group by 1`,
  );
  return new Map(rows.map((row) => [row.parent_id, row.n]));
}

export async function searchJurisdictions(db: Db, scopePaths: string[], text: string, limit: number): Promise<JurisdictionRow[]> {
  if (scopePaths.length === 0) return [];
  const inScope = sql.join(
    scopePaths.map((path) => sql`${jurisdiction.path} like ${`${path}%`}`),
    sql` or `,
  );
  return db
    .select()
    .from(jurisdiction)
    .where(sql`(${inScope}) and (${jurisdiction.name} like ${`%${text}%`} or ${jurisdiction.code} like ${`${text}%`})`)
    .orderBy(asc(jurisdiction.path))
    .limit(limit);
}
