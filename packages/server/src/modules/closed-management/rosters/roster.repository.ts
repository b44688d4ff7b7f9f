import { and, asc, between, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { dutyShift, place } from '../../../db/schema/index.ts';
import { underAnyPath } from '../../../db/scope-sql.ts';

export type DutyShiftRow = typeof dutyShift.$inferSelect;
export type StaffMember = { name: string; userId?: string; phone?: string };

export async function upsertShift(db: Db, row: typeof dutyShift.$inferInsert): Promise<DutyShiftRow> {
  const rows = await db
    .insert(dutyShift)
    .values(row)
    .onConflictDoUpdate({
      target: [dutyShift.placeId, dutyShift.shiftDate, dutyShift.shift],
      set: { staff: row.staff, updatedAt: sql`now()` },
    })
    .returning();
  return rows[0] as DutyShiftRow;
}

export function shiftsOf(db: Db, placeId: string, from: string, to: string): Promise<DutyShiftRow[]> {
  return db
    .select()
    .from(dutyShift)
    .where(and(eq(dutyShift.placeId, placeId), between(dutyShift.shiftDate, from, to)))
    .orderBy(asc(dutyShift.shiftDate), asc(dutyShift.shift));
}

/** The shifts recorded for one day at every checkpoint under some subtrees, with the checkpoint's name (RES-006 readiness). */
export function shiftsOnUnder(db: Db, paths: readonly string[], day: string) {
  return db
    .select({ checkpoint: place.name, jurisdictionPath: dutyShift.jurisdictionPath, shift: dutyShift.shift, staff: dutyShift.staff })
    .from(dutyShift)
    .innerJoin(place, eq(place.id, dutyShift.placeId))
    .where(and(underAnyPath(dutyShift.jurisdictionPath, paths), eq(dutyShift.shiftDate, day)))
    .orderBy(asc(place.name), asc(dutyShift.shift));
}
