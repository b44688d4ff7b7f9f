import { and, asc, eq, like, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { jurisdiction, place } from '../../db/schema/index.ts';
import { underAnyPath } from '../../db/scope-sql.ts';

export type PlaceRow = typeof place.$inferSelect;
export type PlaceInsert = typeof place.$inferInsert;

export interface PlaceSearch {
  scopePaths: string[];
  underPath?: string;
  kind?: string;
  parentPlaceId?: string;
  namePart?: string;
  limit: number;
  offset: number;
}

export async function findPlaceById(db: Db, id: string): Promise<PlaceRow | undefined> {
  const rows = await db.select().from(place).where(eq(place.id, id)).limit(1);
  return rows[0];
}

export async function searchPlaces(db: Db, search: PlaceSearch) {
  const where = and(
    underAnyPath(place.jurisdictionPath, search.scopePaths),
    search.underPath ? like(place.jurisdictionPath, `${search.underPath}%`) : undefined,
    search.kind ? eq(place.kind, search.kind) : undefined,
    search.parentPlaceId ? eq(place.parentPlaceId, search.parentPlaceId) : undefined,
    search.namePart ? like(place.name, `%${search.namePart}%`) : undefined,
  );
  const [items, counted] = await Promise.all([
    db
      .select({
        id: place.id,
        kind: place.kind,
        name: place.name,
        code: place.code,
        parentPlaceId: place.parentPlaceId,
        jurisdictionId: place.jurisdictionId,
        jurisdictionName: jurisdiction.name,
        address: place.address,
      })
      .from(place)
      .innerJoin(jurisdiction, eq(jurisdiction.id, place.jurisdictionId))
      .where(where)
      .orderBy(asc(place.jurisdictionPath), asc(place.code))
      .limit(search.limit)
      .offset(search.offset),
    db.select({ total: sql<number>`count(*)::int` }).from(place).where(where),
  ]);
  return { items, total: counted[0]?.total ?? 0 };
}

export async function insertPlace(db: Db, row: PlaceInsert): Promise<PlaceRow> {
  const rows = await db.insert(place).values(row).returning();
  return rows[0] as PlaceRow;
}
