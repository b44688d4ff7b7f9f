import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { outsiderRegistration, place } from '../../../db/schema/index.ts';
import { underAnyPath } from '../../../db/scope-sql.ts';

export function checkpointsUnder(db: Db, paths: readonly string[]) {
  return db
    .select({ id: place.id, name: place.name, code: place.code, jurisdictionPath: place.jurisdictionPath, address: place.address })
    .from(place)
    .where(and(eq(place.kind, 'checkpoint'), underAnyPath(place.jurisdictionPath, paths)))
    .orderBy(asc(place.jurisdictionPath), asc(place.name))
    .limit(500);
}

export async function insertOutsider(db: Db, row: typeof outsiderRegistration.$inferInsert) {
  return (await db.insert(outsiderRegistration).values(row).returning())[0] as typeof outsiderRegistration.$inferSelect;
}
