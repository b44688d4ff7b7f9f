import { and, asc, between, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { dutyShift } from '../../../db/schema/index.ts';

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
