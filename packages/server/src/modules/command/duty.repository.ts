import { and, asc, between, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { headquartersDuty, rosterMember } from '../../db/schema/index.ts';

export async function dutyBetween(db: Db, headquartersId: string, from: string, to: string) {
  return db
    .select({ duty: headquartersDuty, member: rosterMember })
    .from(headquartersDuty)
    .innerJoin(rosterMember, eq(rosterMember.id, headquartersDuty.rosterMemberId))
    .where(and(eq(headquartersDuty.headquartersId, headquartersId), between(headquartersDuty.dutyDate, from, to)))
    .orderBy(asc(headquartersDuty.dutyDate), asc(headquartersDuty.shift), asc(headquartersDuty.dutyRole));
}

/** Replaces who is on duty for one day and shift. */
export async function replaceDuty(
  db: Db,
  slot: { headquartersId: string; dutyDate: string; shift: string; jurisdictionPath: string },
  people: { rosterMemberId: string; dutyRole: string }[],
): Promise<void> {
  await db
    .delete(headquartersDuty)
    .where(
      and(
        eq(headquartersDuty.headquartersId, slot.headquartersId),
        eq(headquartersDuty.dutyDate, slot.dutyDate),
        eq(headquartersDuty.shift, slot.shift),
      ),
    );
  if (people.length > 0) await db.insert(headquartersDuty).values(people.map((p) => ({ ...slot, ...p })));
}

export async function deleteDutyOf(db: Db, rosterMemberId: string): Promise<void> {
  await db.delete(headquartersDuty).where(eq(headquartersDuty.rosterMemberId, rosterMemberId));
}
