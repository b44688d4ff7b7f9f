import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { communityReport } from '../../db/schema/index.ts';
import { underAnyPath } from '../../db/scope-sql.ts';

export type CommunityReportRow = typeof communityReport.$inferSelect;

export async function insertCommunityReport(db: Db, row: typeof communityReport.$inferInsert): Promise<CommunityReportRow> {
  const [inserted] = await db.insert(communityReport).values(row).returning();
  if (!inserted) throw new Error('community report insert returned nothing');
  return inserted;
}

export async function findCommunityReport(db: Db, id: string): Promise<CommunityReportRow | undefined> {
  return (await db.select().from(communityReport).where(eq(communityReport.id, id)).limit(1))[0];
}

export async function setTrackingTask(db: Db, id: string, taskId: string) {
  await db.update(communityReport).set({ trackingTaskId: taskId, updatedAt: new Date() }).where(eq(communityReport.id, id));
}

export type ReportOutcome = Pick<
  typeof communityReport.$inferInsert,
  'state' | 'episodeId' | 'policeStation' | 'policeReference' | 'outcomeNote' | 'closedAt' | 'closedBy'
>;

/** Closes a report still open (a second close finds nothing: each report is closed once). */
export async function closeCommunityReport(db: Db, id: string, outcome: ReportOutcome) {
  const [row] = await db
    .update(communityReport)
    .set({ ...outcome, updatedAt: new Date() })
    .where(and(eq(communityReport.id, id), eq(communityReport.state, 'open')))
    .returning();
  return row;
}

/** Reports in scope, newest first; open ones only when asked. */
export async function communityReportsUnder(db: Db, paths: readonly string[], openOnly: boolean) {
  return db
    .select()
    .from(communityReport)
    .where(and(underAnyPath(communityReport.jurisdictionPath, paths), openOnly ? eq(communityReport.state, 'open') : undefined))
    .orderBy(desc(communityReport.createdAt))
    .limit(500);
}
