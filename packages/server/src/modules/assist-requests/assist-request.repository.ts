import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { assistRequest, jurisdiction } from '../../db/schema/index.ts';
import { underAnyPath } from '../../db/scope-sql.ts';

export type AssistRequestRow = typeof assistRequest.$inferSelect;

export async function insertAssistRequest(db: Db, row: typeof assistRequest.$inferInsert): Promise<AssistRequestRow> {
  const rows = await db.insert(assistRequest).values(row).returning();
  return rows[0] as AssistRequestRow;
}

export async function findAssistRequest(db: Db, id: string): Promise<AssistRequestRow | undefined> {
  const rows = await db.select().from(assistRequest).where(eq(assistRequest.id, id)).limit(1);
  return rows[0];
}

export async function updateAssistRequest(db: Db, id: string, changes: Partial<typeof assistRequest.$inferInsert>): Promise<void> {
  await db
    .update(assistRequest)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(assistRequest.id, id));
}

export async function listAssistRequests(db: Db, paths: string[], status: string | undefined, limit: number, offset: number) {
  const where = and(underAnyPath(assistRequest.jurisdictionPath, paths), status ? eq(assistRequest.status, status) : undefined);
  const [items, counted] = await Promise.all([
    db
      .select({ request: assistRequest, jurisdictionName: jurisdiction.name })
      .from(assistRequest)
      .innerJoin(jurisdiction, eq(jurisdiction.id, assistRequest.jurisdictionId))
      .where(where)
      .orderBy(desc(assistRequest.createdAt))
      .limit(limit)
      .offset(offset),
    db.select({ total: sql<number>`count(*)::int` }).from(assistRequest).where(where),
  ]);
  return { items, total: counted[0]?.total ?? 0 };
}

/** Towns, villages and grids inside the given subtrees: the candidates for address routing. */
export async function routingCandidates(db: Db, paths: string[]) {
  return db
    .select({ id: jurisdiction.id, name: jurisdiction.name, level: jurisdiction.level, path: jurisdiction.path })
    .from(jurisdiction)
    .where(and(inArray(jurisdiction.level, ['county', 'town', 'village']), underAnyPath(jurisdiction.path, paths)));
}
