import { desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { healthCodeCurrent, healthCodeState } from '../../db/schema/index.ts';

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

/** Appends a colour to the history and makes it the person's current one unless a later colour is already there. */
export async function insertState(db: Db, row: typeof healthCodeState.$inferInsert): Promise<void> {
  await db.insert(healthCodeState).values(row);
  const current = { personId: row.personId, colour: row.colour, at: row.at, jurisdictionPath: row.jurisdictionPath };
  await db
    .insert(healthCodeCurrent)
    .values(current)
    .onConflictDoUpdate({
      target: healthCodeCurrent.personId,
      set: { colour: row.colour, at: row.at, jurisdictionPath: row.jurisdictionPath },
      setWhere: sql`${healthCodeCurrent.at} <= excluded.at`,
    });
}

export function statesOf(db: Db, personId: string, limit = 200): Promise<CodeStateRow[]> {
  return db
    .select()
    .from(healthCodeState)
    .where(eq(healthCodeState.personId, personId))
    .orderBy(desc(healthCodeState.at), desc(healthCodeState.createdAt))
    .limit(limit);
}
