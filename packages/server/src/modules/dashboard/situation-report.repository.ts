import type { JurisdictionLevel } from '@fangkong/core';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { jurisdiction, situationReport } from '../../db/schema/index.ts';

export type SituationReportRow = typeof situationReport.$inferSelect;

/** The jurisdictions a report is compiled for (the protocol's levels: the county and its towns), tree order. */
export function reportJurisdictions(db: Db, levels: readonly JurisdictionLevel[]) {
  return db
    .select()
    .from(jurisdiction)
    .where(inArray(jurisdiction.level, [...levels]))
    .orderBy(asc(jurisdiction.path));
}

/** Inserts a day's report once; a second compile of the same day writes nothing (null). */
export async function insertSituationReport(db: Db, row: typeof situationReport.$inferInsert): Promise<SituationReportRow | null> {
  const rows = await db.insert(situationReport).values(row).onConflictDoNothing().returning();
  return rows[0] ?? null;
}

export async function findSituationReport(db: Db, id: string): Promise<SituationReportRow | undefined> {
  return (await db.select().from(situationReport).where(eq(situationReport.id, id)).limit(1))[0];
}

export async function hasSituationReport(db: Db, jurisdictionId: string, forDate: string): Promise<boolean> {
  const rows = await db
    .select({ id: situationReport.id })
    .from(situationReport)
    .where(and(eq(situationReport.jurisdictionId, jurisdictionId), eq(situationReport.forDate, forDate)))
    .limit(1);
  return rows.length > 0;
}

/** The latest reports of exactly these jurisdictions (a county's list is not flooded by its towns'), newest day first. */
export function situationReportsOf(db: Db, paths: readonly string[], limit: number) {
  return db
    .select({
      id: situationReport.id,
      jurisdictionId: situationReport.jurisdictionId,
      jurisdictionName: jurisdiction.name,
      forDate: situationReport.forDate,
      compiledAt: situationReport.compiledAt,
    })
    .from(situationReport)
    .innerJoin(jurisdiction, eq(jurisdiction.id, situationReport.jurisdictionId))
    .where(inArray(situationReport.jurisdictionPath, [...paths]))
    .orderBy(desc(situationReport.forDate))
    .limit(limit);
}
