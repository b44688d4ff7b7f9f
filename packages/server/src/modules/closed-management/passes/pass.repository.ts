import { and, desc, eq, gte, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { householdPass, passUse, place } from '../../../db/schema/index.ts';
import { underAnyPath } from '../../../db/scope-sql.ts';

export type PassRow = typeof householdPass.$inferSelect;

export async function insertPass(db: Db, row: typeof householdPass.$inferInsert): Promise<PassRow> {
  return (await db.insert(householdPass).values(row).returning())[0] as PassRow;
}

export async function findPass(db: Db, where: { id: string } | { passNumber: string }): Promise<PassRow | undefined> {
  const condition = 'id' in where ? eq(householdPass.id, where.id) : eq(householdPass.passNumber, where.passNumber);
  return (await db.select().from(householdPass).where(condition))[0];
}

export function passesUnder(db: Db, paths: readonly string[], status?: string) {
  return db
    .select({
      id: householdPass.id,
      passNumber: householdPass.passNumber,
      householdId: householdPass.householdId,
      householdName: place.name,
      status: householdPass.status,
      validFrom: householdPass.validFrom,
      validTo: householdPass.validTo,
      revokedReason: householdPass.revokedReason,
      createdAt: householdPass.createdAt,
    })
    .from(householdPass)
    .innerJoin(place, eq(place.id, householdPass.householdId))
    .where(and(underAnyPath(householdPass.jurisdictionPath, paths), status ? eq(householdPass.status, status) : undefined))
    .orderBy(desc(householdPass.createdAt))
    .limit(500);
}

export async function markRevoked(db: Db, id: string, by: string | null, reason: string): Promise<PassRow | undefined> {
  const rows = await db
    .update(householdPass)
    .set({ status: 'revoked', revokedBy: by, revokedReason: reason, updatedAt: sql`now()` })
    .where(and(eq(householdPass.id, id), eq(householdPass.status, 'active')))
    .returning();
  return rows[0];
}

export async function outUsesSince(db: Db, passId: string, since: Date): Promise<Date[]> {
  const rows = await db
    .select({ usedAt: passUse.usedAt })
    .from(passUse)
    .where(and(eq(passUse.passId, passId), eq(passUse.direction, 'out'), gte(passUse.usedAt, since)));
  return rows.map((r) => r.usedAt);
}

export async function insertPassUse(db: Db, row: typeof passUse.$inferInsert) {
  return (await db.insert(passUse).values(row).returning())[0] as typeof passUse.$inferSelect;
}

/** Serializes uses of one pass: two gates checking the same pass at once cannot both let someone out. */
export async function lockPass(db: Db, id: string): Promise<void> {
  await db.select({ id: householdPass.id }).from(householdPass).where(eq(householdPass.id, id)).for('update');
}
