import type { DailyCount, WarningState } from '@fangkong/core';
import { and, desc, eq, gte, inArray, lte, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { queryRows } from '../../db/query-rows.ts';
import { earlyWarningSignal, sentinelDailyCount } from '../../db/schema/index.ts';
import { underAnyPath } from '../../db/scope-sql.ts';

export type SignalRow = typeof earlyWarningSignal.$inferSelect;
export type SignalInsert = typeof earlyWarningSignal.$inferInsert;

export interface SeriesOfJurisdiction {
  jurisdictionId: string;
  jurisdictionPath: string;
  series: string;
  counts: DailyCount[];
}

/** The jurisdictions with sentinel counts between the two days: whose edition in force the run asks. */
export async function sentinelPathsBetween(db: Db, from: string, to: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ path: sentinelDailyCount.jurisdictionPath })
    .from(sentinelDailyCount)
    .where(and(gte(sentinelDailyCount.day, from), lte(sentinelDailyCount.day, to)));
  return rows.map((r) => r.path);
}

/** Every (jurisdiction, series) with counts between the two days, each with its counts (days without a row are absent). */
export async function sentinelSeriesBetween(db: Db, from: string, to: string): Promise<SeriesOfJurisdiction[]> {
  const rows = await db
    .select({
      jurisdictionId: sentinelDailyCount.jurisdictionId,
      jurisdictionPath: sentinelDailyCount.jurisdictionPath,
      series: sentinelDailyCount.series,
      day: sentinelDailyCount.day,
      count: sentinelDailyCount.count,
    })
    .from(sentinelDailyCount)
    .where(and(gte(sentinelDailyCount.day, from), lte(sentinelDailyCount.day, to)))
    .orderBy(sentinelDailyCount.jurisdictionId, sentinelDailyCount.series, sentinelDailyCount.day);
  const grouped = new Map<string, SeriesOfJurisdiction>();
  for (const r of rows) {
    const key = `${r.jurisdictionId}:${r.series}`;
    const entry = grouped.get(key) ?? {
      jurisdictionId: r.jurisdictionId,
      jurisdictionPath: r.jurisdictionPath,
      series: r.series,
      counts: [],
    };
    entry.counts.push({ day: r.day, count: r.count });
    grouped.set(key, entry);
  }
  return [...grouped.values()];
}

/** Inserts a signal unless that (jurisdiction, series, day) was raised already; the new row, or null. */
export async function insertSignal(db: Db, row: SignalInsert): Promise<SignalRow | null> {
  const [inserted] = await db
    .insert(earlyWarningSignal)
    .values(row)
    .onConflictDoNothing({ target: [earlyWarningSignal.jurisdictionId, earlyWarningSignal.series, earlyWarningSignal.day] })
    .returning();
  return inserted ?? null;
}

export async function setSignalTask(db: Db, id: string, taskId: string): Promise<void> {
  await db.update(earlyWarningSignal).set({ taskId }).where(eq(earlyWarningSignal.id, id));
}

export interface SignalFilter {
  paths: readonly string[];
  states?: readonly WarningState[];
  from?: string;
  to?: string;
}

function signalWhere(f: SignalFilter): SQL | undefined {
  return and(
    underAnyPath(earlyWarningSignal.jurisdictionPath, f.paths),
    f.states?.length ? inArray(earlyWarningSignal.status, [...f.states]) : undefined,
    f.from ? gte(earlyWarningSignal.day, f.from) : undefined,
    f.to ? lte(earlyWarningSignal.day, f.to) : undefined,
  );
}

export async function listSignalRows(db: Db, filter: SignalFilter, limit: number, offset: number) {
  const where = signalWhere(filter);
  const [items, total] = await Promise.all([
    db
      .select()
      .from(earlyWarningSignal)
      .where(where)
      .orderBy(desc(earlyWarningSignal.day), desc(earlyWarningSignal.createdAt))
      .limit(limit)
      .offset(offset),
    queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${earlyWarningSignal} where ${where ?? sql`true`}`),
  ]);
  return { items, total: total[0]?.n ?? 0 };
}

export async function countSignalsByState(db: Db, paths: readonly string[]) {
  return db
    .select({ status: earlyWarningSignal.status, n: sql<number>`count(*)::int` })
    .from(earlyWarningSignal)
    .where(underAnyPath(earlyWarningSignal.jurisdictionPath, paths))
    .groupBy(earlyWarningSignal.status);
}

export async function findSignal(db: Db, id: string): Promise<SignalRow | undefined> {
  const [row] = await db.select().from(earlyWarningSignal).where(eq(earlyWarningSignal.id, id));
  return row;
}

export async function updateSignal(db: Db, id: string, change: Partial<SignalInsert>): Promise<SignalRow | undefined> {
  const [row] = await db
    .update(earlyWarningSignal)
    .set({ ...change, updatedAt: new Date() })
    .where(eq(earlyWarningSignal.id, id))
    .returning();
  return row;
}
