import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { jurisdiction } from '../db/schema/index.ts';
import type { JurisdictionRow } from '../modules/jurisdictions/jurisdiction.repository.ts';

export type { JurisdictionRow };
export type JurisdictionInsert = typeof jurisdiction.$inferInsert;

export async function jurisdictionsByCodes(db: Db, codes: string[]): Promise<JurisdictionRow[]> {
  if (codes.length === 0) return [];
  return db.select().from(jurisdiction).where(inArray(jurisdiction.code, codes));
}

export async function insertJurisdictions(db: Db, rows: JurisdictionInsert[]): Promise<JurisdictionRow[]> {
  if (rows.length === 0) return [];
  return db.insert(jurisdiction).values(rows).returning();
}

export async function updateJurisdiction(db: Db, id: string, changes: Partial<JurisdictionInsert>): Promise<void> {
  await db
    .update(jurisdiction)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(jurisdiction.id, id));
}
