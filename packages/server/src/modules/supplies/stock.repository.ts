import { and, asc, desc, eq, gt, isNotNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { stockItem, stockMovement } from '../../db/schema/index.ts';
import { underAnyPath } from '../../db/scope-sql.ts';

export type StockItemRow = typeof stockItem.$inferSelect;
export type StockMovementRow = typeof stockMovement.$inferSelect;

export async function findStockItem(db: Db, id: string): Promise<StockItemRow | undefined> {
  const rows = await db.select().from(stockItem).where(eq(stockItem.id, id)).limit(1);
  return rows[0];
}

/** The row locked for a movement: two movements of one item never read the same balance. */
export async function lockStockItem(db: Db, id: string): Promise<StockItemRow | undefined> {
  const rows = await db.select().from(stockItem).where(eq(stockItem.id, id)).for('update').limit(1);
  return rows[0];
}

export async function insertStockItem(db: Db, row: typeof stockItem.$inferInsert): Promise<StockItemRow | undefined> {
  const rows = await db.insert(stockItem).values(row).onConflictDoNothing().returning();
  return rows[0];
}

export async function setStockBalance(db: Db, id: string, quantity: number, changes: Partial<typeof stockItem.$inferInsert> = {}) {
  await db
    .update(stockItem)
    .set({ ...changes, quantity, updatedAt: new Date() })
    .where(eq(stockItem.id, id));
}

export async function stockItemsUnder(db: Db, paths: readonly string[]): Promise<StockItemRow[]> {
  return db
    .select()
    .from(stockItem)
    .where(underAnyPath(stockItem.jurisdictionPath, paths))
    .orderBy(asc(stockItem.jurisdictionPath), asc(stockItem.holderKind), asc(stockItem.holderName), asc(stockItem.item));
}

export async function insertMovement(db: Db, row: typeof stockMovement.$inferInsert): Promise<StockMovementRow> {
  const rows = await db.insert(stockMovement).values(row).returning();
  return rows[0] as StockMovementRow;
}

export async function movementsOf(db: Db, stockItemId: string, limit: number, offset: number) {
  const where = eq(stockMovement.stockItemId, stockItemId);
  const [items, counted] = await Promise.all([
    db.select().from(stockMovement).where(where).orderBy(desc(stockMovement.movedAt), desc(stockMovement.id)).limit(limit).offset(offset),
    db.select({ total: sql<number>`count(*)::int` }).from(stockMovement).where(and(where)),
  ]);
  return { items, total: counted[0]?.total ?? 0 };
}

/** Every line still held whose earliest expiry falls on or before a day (the expiry sweep, RES-013). */
export async function stockExpiringBy(db: Db, lastDay: string): Promise<StockItemRow[]> {
  return db
    .select()
    .from(stockItem)
    .where(and(gt(stockItem.quantity, 0), isNotNull(stockItem.expiresOn), lte(stockItem.expiresOn, lastDay)))
    .orderBy(asc(stockItem.expiresOn));
}
