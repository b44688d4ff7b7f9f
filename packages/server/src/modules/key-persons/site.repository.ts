import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { expectedArrival, keyPersonEpisode, place, quarantineRoom } from '../../db/schema/index.ts';
import { underAnyPath } from '../../db/scope-sql.ts';

export type RoomRow = typeof quarantineRoom.$inferSelect;

export async function findRoom(db: Db, id: string): Promise<RoomRow | undefined> {
  const rows = await db.select().from(quarantineRoom).where(eq(quarantineRoom.id, id)).limit(1);
  return rows[0];
}

/** Beds taken in a room: people placed there, and beds reserved for expected arrivals (SC-13). */
export async function roomOccupancy(db: Db, roomId: string): Promise<number> {
  const rows = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(keyPersonEpisode)
    .where(and(eq(keyPersonEpisode.roomId, roomId), eq(keyPersonEpisode.status, 'active')));
  return (rows[0]?.n ?? 0) + (await reservedBeds(db, roomId));
}

export async function reservedBeds(db: Db, roomId: string): Promise<number> {
  const rows = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(expectedArrival)
    .where(and(eq(expectedArrival.roomId, roomId), eq(expectedArrival.status, 'expected')));
  return rows[0]?.n ?? 0;
}

export async function siteBedsAndOccupancy(
  db: Db,
  siteIds: string[],
): Promise<Map<string, { rooms: number; beds: number; occupied: number }>> {
  const result = new Map<string, { rooms: number; beds: number; occupied: number }>();
  if (siteIds.length === 0) return result;
  const beds = await db
    .select({
      siteId: quarantineRoom.siteId,
      rooms: sql<number>`count(*)::int`,
      beds: sql<number>`coalesce(sum(${quarantineRoom.beds}), 0)::int`,
    })
    .from(quarantineRoom)
    .where(inArray(quarantineRoom.siteId, siteIds))
    .groupBy(quarantineRoom.siteId);
  const occupied = await db
    .select({ siteId: keyPersonEpisode.siteId, n: sql<number>`count(*)::int` })
    .from(keyPersonEpisode)
    .where(and(inArray(keyPersonEpisode.siteId, siteIds), eq(keyPersonEpisode.status, 'active')))
    .groupBy(keyPersonEpisode.siteId);
  const reserved = await db
    .select({ siteId: expectedArrival.siteId, n: sql<number>`count(*)::int` })
    .from(expectedArrival)
    .where(and(inArray(expectedArrival.siteId, siteIds), eq(expectedArrival.status, 'expected')))
    .groupBy(expectedArrival.siteId);
  for (const id of siteIds) result.set(id, { rooms: 0, beds: 0, occupied: 0 });
  for (const row of beds) Object.assign(result.get(row.siteId) ?? {}, { rooms: row.rooms, beds: row.beds });
  for (const row of occupied) if (row.siteId) Object.assign(result.get(row.siteId) ?? {}, { occupied: row.n });
  // Beds reserved for expected arrivals (SC-13) are taken too.
  for (const row of reserved) {
    const counts = result.get(row.siteId);
    if (counts) counts.occupied += row.n;
  }
  return result;
}

export async function sitesInScope(db: Db, paths: string[]) {
  return db
    .select({
      id: place.id,
      name: place.name,
      jurisdictionId: place.jurisdictionId,
      jurisdictionPath: place.jurisdictionPath,
      address: place.address,
    })
    .from(place)
    .where(and(eq(place.kind, 'quarantine_site'), underAnyPath(place.jurisdictionPath, paths)))
    .orderBy(asc(place.name));
}

export async function roomsOfSite(db: Db, siteId: string) {
  return db
    .select({
      id: quarantineRoom.id,
      code: quarantineRoom.code,
      beds: quarantineRoom.beds,
      occupied: sql<number>`(select count(*)::int from key_person_episode e where e.room_id = "quarantine_room"."id" and e.status = 'active')
        + (select count(*)::int from expected_arrival a where a.room_id = "quarantine_room"."id" and a.status = 'expected')`,
    })
    .from(quarantineRoom)
    .where(eq(quarantineRoom.siteId, siteId))
    .orderBy(asc(quarantineRoom.code));
}

export async function insertRooms(db: Db, rows: (typeof quarantineRoom.$inferInsert)[]): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await db.insert(quarantineRoom).values(rows).onConflictDoNothing().returning({ id: quarantineRoom.id });
  return inserted.length;
}

/**
 * The names an episode's readers may see of its site and room. Reading the episode is the
 * permission: the site itself may lie outside the reader's jurisdiction (issue 18 item 2).
 */
export async function siteAndRoomNames(
  db: Db,
  siteId: string | null,
  roomId: string | null,
): Promise<{ siteName: string | null; roomCode: string | null }> {
  const [site, room] = await Promise.all([
    siteId ? db.select({ name: place.name }).from(place).where(eq(place.id, siteId)).limit(1) : Promise.resolve([]),
    roomId
      ? db.select({ code: quarantineRoom.code }).from(quarantineRoom).where(eq(quarantineRoom.id, roomId)).limit(1)
      : Promise.resolve([]),
  ]);
  return { siteName: site[0]?.name ?? null, roomCode: room[0]?.code ?? null };
}
