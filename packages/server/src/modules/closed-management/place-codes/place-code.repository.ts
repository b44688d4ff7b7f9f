import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { place, placeCode } from '../../../db/schema/index.ts';
import { underAnyPath } from '../../../db/scope-sql.ts';

const columns = {
  id: placeCode.id,
  placeId: placeCode.placeId,
  placeName: place.name,
  placeKind: place.kind,
  code: placeCode.code,
  status: placeCode.status,
  jurisdictionPath: placeCode.jurisdictionPath,
};
export type PlaceCodeView = {
  id: string;
  placeId: string;
  placeName: string;
  placeKind: string;
  code: string;
  status: string;
  jurisdictionPath: string;
};

export async function activeCodeOf(db: Db, placeId: string): Promise<PlaceCodeView | undefined> {
  const rows = await db
    .select(columns)
    .from(placeCode)
    .innerJoin(place, eq(place.id, placeCode.placeId))
    .where(and(eq(placeCode.placeId, placeId), eq(placeCode.status, 'active')));
  return rows[0];
}

export async function findPlaceCode(db: Db, id: string): Promise<PlaceCodeView | undefined> {
  return (await db.select(columns).from(placeCode).innerJoin(place, eq(place.id, placeCode.placeId)).where(eq(placeCode.id, id)))[0];
}

export async function insertPlaceCode(db: Db, row: typeof placeCode.$inferInsert) {
  return (await db.insert(placeCode).values(row).returning())[0] as typeof placeCode.$inferSelect;
}

export function placeCodesUnder(db: Db, paths: readonly string[]): Promise<PlaceCodeView[]> {
  return db
    .select(columns)
    .from(placeCode)
    .innerJoin(place, eq(place.id, placeCode.placeId))
    .where(and(eq(placeCode.status, 'active'), underAnyPath(placeCode.jurisdictionPath, paths)))
    .orderBy(asc(place.name))
    .limit(500);
}
