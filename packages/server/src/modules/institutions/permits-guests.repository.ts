import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { eventPermit, hotelGuest, institution, pharmacySale } from '../../db/schema/index.ts';
import { underAnyPath } from '../../db/scope-sql.ts';

export type EventPermitRow = typeof eventPermit.$inferSelect;
export type HotelGuestRow = typeof hotelGuest.$inferSelect;

export async function insertEventPermit(db: Db, row: typeof eventPermit.$inferInsert): Promise<EventPermitRow> {
  const [inserted] = await db.insert(eventPermit).values(row).returning();
  if (!inserted) throw new Error('event permit insert returned nothing');
  return inserted;
}

export async function findEventPermit(db: Db, id: string): Promise<EventPermitRow | undefined> {
  return (await db.select().from(eventPermit).where(eq(eventPermit.id, id)).limit(1))[0];
}

export async function decideEventPermit(db: Db, id: string, changes: Partial<typeof eventPermit.$inferInsert>) {
  const [row] = await db
    .update(eventPermit)
    .set({ ...changes, updatedAt: new Date() })
    .where(and(eq(eventPermit.id, id), eq(eventPermit.status, 'pending')))
    .returning();
  return row;
}

export async function eventPermitsUnder(db: Db, paths: readonly string[], status: string | undefined) {
  return db
    .select()
    .from(eventPermit)
    .where(and(underAnyPath(eventPermit.jurisdictionPath, paths), status ? eq(eventPermit.status, status) : undefined))
    .orderBy(desc(eventPermit.eventDate))
    .limit(200);
}

export async function insertHotelGuest(db: Db, row: typeof hotelGuest.$inferInsert): Promise<HotelGuestRow> {
  const [inserted] = await db.insert(hotelGuest).values(row).returning();
  if (!inserted) throw new Error('hotel guest insert returned nothing');
  return inserted;
}

export async function setGuestTask(db: Db, id: string, taskId: string) {
  await db.update(hotelGuest).set({ reportTaskId: taskId }).where(eq(hotelGuest.id, id));
}

export async function findHotelGuest(db: Db, id: string): Promise<HotelGuestRow | undefined> {
  return (await db.select().from(hotelGuest).where(eq(hotelGuest.id, id)).limit(1))[0];
}

export async function hotelGuestsUnder(db: Db, paths: readonly string[], institutionId: string | undefined) {
  return db
    .select({ row: hotelGuest, hotelName: institution.name })
    .from(hotelGuest)
    .innerJoin(institution, eq(institution.id, hotelGuest.institutionId))
    .where(and(underAnyPath(hotelGuest.jurisdictionPath, paths), institutionId ? eq(hotelGuest.institutionId, institutionId) : undefined))
    .orderBy(desc(hotelGuest.checkInOn), desc(hotelGuest.createdAt))
    .limit(200);
}

/** PHAR-002: the sales in scope not yet shared, oldest first. */
export async function unsharedSales(db: Db, paths: readonly string[]) {
  return db
    .select({ row: pharmacySale, pharmacyName: institution.name })
    .from(pharmacySale)
    .innerJoin(institution, eq(institution.id, pharmacySale.institutionId))
    .where(and(underAnyPath(pharmacySale.jurisdictionPath, paths), isNull(pharmacySale.sharedAt)))
    .orderBy(pharmacySale.soldAt);
}

export async function markShared(db: Db, ids: readonly string[], at: Date) {
  if (ids.length === 0) return;
  await db
    .update(pharmacySale)
    .set({ sharedAt: at })
    .where(
      sql`${pharmacySale.id} in (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )})`,
    );
}
