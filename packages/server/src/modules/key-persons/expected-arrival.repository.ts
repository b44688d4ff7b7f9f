import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { expectedArrival, person, place, quarantineRoom } from '../../db/schema/index.ts';
import { underAnyPath } from '../../db/scope-sql.ts';

export type ExpectedArrivalRow = typeof expectedArrival.$inferSelect;

export async function insertExpectedArrival(db: Db, row: typeof expectedArrival.$inferInsert): Promise<ExpectedArrivalRow> {
  const rows = await db.insert(expectedArrival).values(row).returning();
  return rows[0] as ExpectedArrivalRow;
}

/** The expected arrivals in the caller's subtrees, soonest first, with the masked person and the reserved bed's site and room. */
export async function expectedArrivalsIn(db: Db, paths: string[], jurisdictionPath?: string) {
  const site = place;
  return db
    .select({
      arrival: expectedArrival,
      name: person.name,
      idMasked: person.idMasked,
      siteName: site.name,
      roomCode: quarantineRoom.code,
    })
    .from(expectedArrival)
    .innerJoin(person, eq(person.id, expectedArrival.personId))
    .innerJoin(site, eq(site.id, expectedArrival.siteId))
    .innerJoin(quarantineRoom, eq(quarantineRoom.id, expectedArrival.roomId))
    .where(
      and(
        underAnyPath(expectedArrival.jurisdictionPath, paths),
        jurisdictionPath ? underAnyPath(expectedArrival.jurisdictionPath, [jurisdictionPath]) : undefined,
      ),
    )
    .orderBy(asc(expectedArrival.expectedArrivalDate), asc(expectedArrival.createdAt));
}

export async function findExpectedArrival(db: Db, id: string): Promise<ExpectedArrivalRow | undefined> {
  return (await db.select().from(expectedArrival).where(eq(expectedArrival.id, id)).limit(1))[0];
}

/** Closes a reservation still expected (arrived or cancelled); a second close finds nothing. */
export async function closeExpectedArrival(
  db: Db,
  id: string,
  outcome: Pick<typeof expectedArrival.$inferInsert, 'status' | 'episodeId' | 'cancelReason' | 'closedAt'>,
) {
  const [row] = await db
    .update(expectedArrival)
    .set({ ...outcome, updatedAt: new Date() })
    .where(and(eq(expectedArrival.id, id), eq(expectedArrival.status, 'expected')))
    .returning();
  return row;
}

export async function setArrivalEpisode(db: Db, id: string, episodeId: string) {
  await db.update(expectedArrival).set({ episodeId, updatedAt: new Date() }).where(eq(expectedArrival.id, id));
}
