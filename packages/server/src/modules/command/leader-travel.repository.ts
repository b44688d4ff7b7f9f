import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { leaderTravelRequest, rosterMember } from '../../db/schema/index.ts';

export type TravelRequestRow = typeof leaderTravelRequest.$inferSelect;

export async function insertTravelRequest(db: Db, row: typeof leaderTravelRequest.$inferInsert): Promise<TravelRequestRow> {
  const rows = await db.insert(leaderTravelRequest).values(row).returning();
  return rows[0] as TravelRequestRow;
}

export async function findTravelRequest(db: Db, id: string): Promise<TravelRequestRow | undefined> {
  const rows = await db.select().from(leaderTravelRequest).where(eq(leaderTravelRequest.id, id)).limit(1);
  return rows[0];
}

export async function decideTravelRequest(
  db: Db,
  id: string,
  decision: Pick<TravelRequestRow, 'status' | 'decidedBy' | 'decidedAt' | 'decisionNote'>,
): Promise<void> {
  await db
    .update(leaderTravelRequest)
    .set({ ...decision, updatedAt: decision.decidedAt ?? new Date() })
    .where(eq(leaderTravelRequest.id, id));
}

/** A headquarters' requests, newest departure first, with the leader's name and role. */
export async function travelRequestsOf(db: Db, headquartersId: string) {
  return db
    .select({ request: leaderTravelRequest, name: rosterMember.name, role: rosterMember.role })
    .from(leaderTravelRequest)
    .innerJoin(rosterMember, eq(rosterMember.id, leaderTravelRequest.rosterMemberId))
    .where(eq(leaderTravelRequest.headquartersId, headquartersId))
    .orderBy(desc(leaderTravelRequest.departAt));
}

/** Someone taken off the roster takes their requests along (the audit trail keeps them). */
export async function deleteTravelRequestsOf(db: Db, rosterMemberId: string): Promise<void> {
  await db.delete(leaderTravelRequest).where(eq(leaderTravelRequest.rosterMemberId, rosterMemberId));
}
