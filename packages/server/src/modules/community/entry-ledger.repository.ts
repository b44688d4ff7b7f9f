import { and, desc, eq, isNull, or } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { appUser, entryLedger } from '../../db/schema/index.ts';
import { underAnyPath } from '../../db/scope-sql.ts';

export type LedgerRow = typeof entryLedger.$inferSelect;

export async function insertLedgerEntry(db: Db, row: typeof entryLedger.$inferInsert): Promise<LedgerRow> {
  const [inserted] = await db.insert(entryLedger).values(row).returning();
  if (!inserted) throw new Error('ledger insert returned nothing');
  return inserted;
}

export async function findLedgerEntry(db: Db, id: string): Promise<LedgerRow | undefined> {
  return (await db.select().from(entryLedger).where(eq(entryLedger.id, id)).limit(1))[0];
}

export async function closeLedgerEntry(db: Db, id: string, at: Date, by: string | null) {
  const [row] = await db
    .update(entryLedger)
    .set({ leftAt: at, closedBy: by, updatedAt: new Date() })
    .where(and(eq(entryLedger.id, id), isNull(entryLedger.leftAt)))
    .returning();
  return row;
}

/** A day's entries in scope, and every entry still open whatever its day (SC-37: the ones to close out). */
export async function ledgerOf(db: Db, paths: readonly string[], day: string) {
  return db
    .select({ row: entryLedger, escortName: appUser.displayName })
    .from(entryLedger)
    .innerJoin(appUser, eq(appUser.id, entryLedger.escortUserId))
    .where(and(underAnyPath(entryLedger.jurisdictionPath, paths), or(eq(entryLedger.enteredOn, day), isNull(entryLedger.leftAt))))
    .orderBy(desc(entryLedger.enteredAt))
    .limit(500);
}
