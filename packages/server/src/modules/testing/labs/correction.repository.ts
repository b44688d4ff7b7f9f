import { aliasedTable, and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { asDate, queryRows } from '../../../db/query-rows.ts';
import { appUser, labResultCorrection } from '../../../db/schema/index.ts';
import { underAnyPath } from '../../../db/scope-sql.ts';
import { pathUnder } from '../testing-sql.ts';

export type CorrectionRow = typeof labResultCorrection.$inferSelect;

/** A tube and its result (null while the lab has not reported), as a correction needs them. */
export interface TubeResult {
  tubeId: string;
  barcode: string;
  memberCount: number;
  retestOfTubeId: string | null;
  editionId: string;
  jurisdictionPath: string;
  result: string | null;
  labName: string | null;
  testedAt: Date | null;
  receivedAt: Date | null;
  correctedAt: Date | null;
}

interface TubeResultRaw {
  tube_id: string;
  barcode: string;
  member_count: number;
  retest_of_tube_id: string | null;
  edition_id: string;
  jurisdiction_path: string;
  result: string | null;
  lab_name: string | null;
  tested_at: Date | string | null;
  received_at: Date | string | null;
  corrected_at: Date | string | null;
}

const shapeTube = (r: TubeResultRaw): TubeResult => ({
  tubeId: r.tube_id,
  barcode: r.barcode,
  memberCount: r.member_count,
  retestOfTubeId: r.retest_of_tube_id,
  editionId: r.edition_id,
  jurisdictionPath: r.jurisdiction_path,
  result: r.result,
  labName: r.lab_name,
  testedAt: asDate(r.tested_at),
  receivedAt: asDate(r.received_at),
  correctedAt: asDate(r.corrected_at),
});

/** The tube with this barcode inside the caller's subtrees, with its result if there is one. */
export async function tubeResultByBarcode(db: Db, barcode: string, scope: readonly string[]): Promise<TubeResult | undefined> {
  const rows = await queryRows<TubeResultRaw>(
    db,
    sql`select t.id as tube_id, t.barcode, t.member_count, t.retest_of_tube_id, t.edition_id, t.jurisdiction_path,
          lr.result, lr.lab_name, lr.tested_at, lr.received_at, lr.corrected_at
        from tube t left join lab_result lr on lr.id = t.id
        where t.barcode = ${barcode} and ${pathUnder(sql`t.jurisdiction_path`, scope)} limit 1`,
  );
  return rows[0] ? shapeTube(rows[0]) : undefined;
}

/**
 * Sets the corrected result, only if the result is still the one the correction was asked against;
 * answers the tube, or nothing when the result changed meanwhile.
 */
export async function applyCorrectedResult(db: Db, correction: CorrectionRow, now: Date): Promise<TubeResult | undefined> {
  const at = now.toISOString();
  const rows = await queryRows<TubeResultRaw>(
    db,
    sql`update lab_result lr set result = ${correction.newResult}, correction_id = ${correction.id}, corrected_at = ${at}::timestamptz,
          updated_at = ${at}::timestamptz
        from tube t
        where lr.id = ${correction.labResultId} and t.id = lr.id and lr.result = ${correction.previousResult}
        returning t.id as tube_id, t.barcode, t.member_count, t.retest_of_tube_id, t.edition_id, t.jurisdiction_path,
          lr.result, lr.lab_name, lr.tested_at, lr.received_at, lr.corrected_at`,
  );
  return rows[0] ? shapeTube(rows[0]) : undefined;
}

export async function insertCorrection(db: Db, row: typeof labResultCorrection.$inferInsert): Promise<CorrectionRow> {
  const rows = await db.insert(labResultCorrection).values(row).returning();
  return rows[0] as CorrectionRow;
}

export async function findCorrection(db: Db, id: string): Promise<CorrectionRow | undefined> {
  const rows = await db.select().from(labResultCorrection).where(eq(labResultCorrection.id, id)).limit(1);
  return rows[0];
}

export async function pendingCorrectionOf(db: Db, labResultId: string): Promise<CorrectionRow | undefined> {
  const rows = await db
    .select()
    .from(labResultCorrection)
    .where(and(eq(labResultCorrection.labResultId, labResultId), eq(labResultCorrection.status, 'pending')))
    .limit(1);
  return rows[0];
}

/** Decides a pending correction; false when someone else decided it first. */
export async function decideCorrection(db: Db, id: string, changes: Partial<typeof labResultCorrection.$inferInsert>): Promise<boolean> {
  const rows = await db
    .update(labResultCorrection)
    .set({ ...changes, updatedAt: new Date() })
    .where(and(eq(labResultCorrection.id, id), eq(labResultCorrection.status, 'pending')))
    .returning({ id: labResultCorrection.id });
  return rows.length === 1;
}

export async function saveFollowUp(db: Db, id: string, followUp: Record<string, unknown>): Promise<void> {
  await db.update(labResultCorrection).set({ followUp }).where(eq(labResultCorrection.id, id));
}

const requester = aliasedTable(appUser, 'requester');
const decider = aliasedTable(appUser, 'decider');

export interface CorrectionListRow {
  correction: CorrectionRow;
  requestedByName: string;
  decidedByName: string | null;
}

function listed(db: Db) {
  return db
    .select({ correction: labResultCorrection, requestedByName: requester.displayName, decidedByName: decider.displayName })
    .from(labResultCorrection)
    .innerJoin(requester, eq(requester.id, labResultCorrection.requestedBy))
    .leftJoin(decider, eq(decider.id, labResultCorrection.decidedBy));
}

/** Corrections in the caller's subtrees with one status, newest first. */
export function correctionsIn(db: Db, paths: readonly string[], status: string, limit = 200): Promise<CorrectionListRow[]> {
  return listed(db)
    .where(and(eq(labResultCorrection.status, status), underAnyPath(labResultCorrection.jurisdictionPath, paths)))
    .orderBy(desc(labResultCorrection.requestedAt), desc(labResultCorrection.createdAt))
    .limit(limit);
}

/** A tube's corrections (its result's history), newest first. */
export function correctionsOfTube(db: Db, labResultId: string): Promise<CorrectionListRow[]> {
  return listed(db)
    .where(eq(labResultCorrection.labResultId, labResultId))
    .orderBy(desc(labResultCorrection.requestedAt), desc(labResultCorrection.createdAt));
}
