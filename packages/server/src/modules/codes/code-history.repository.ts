import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { healthCodeState } from '../../db/schema/index.ts';

export type CodeStateRow = typeof healthCodeState.$inferSelect;

export async function lastStateOf(db: Db, personId: string): Promise<CodeStateRow | undefined> {
  const rows = await db
    .select()
    .from(healthCodeState)
    .where(eq(healthCodeState.personId, personId))
    .orderBy(desc(healthCodeState.at), desc(healthCodeState.createdAt))
    .limit(1);
  return rows[0];
}

export async function insertState(db: Db, row: typeof healthCodeState.$inferInsert): Promise<void> {
  await db.insert(healthCodeState).values(row);
}

export function statesOf(db: Db, personId: string, limit = 200): Promise<CodeStateRow[]> {
  return db
    .select()
    .from(healthCodeState)
    .where(eq(healthCodeState.personId, personId))
    .orderBy(desc(healthCodeState.at), desc(healthCodeState.createdAt))
    .limit(limit);
}
