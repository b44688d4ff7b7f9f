import type { ReleaseKind } from '@fangkong/core';
import { and, desc, eq, inArray, ne, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { queryRows } from '../../db/query-rows.ts';
import { infoRelease, interviewRequest, jurisdiction, opinionItem } from '../../db/schema/index.ts';
import { pathUnder } from '../testing/testing-sql.ts';

export type ReleaseRow = typeof infoRelease.$inferSelect;
export type InterviewRow = typeof interviewRequest.$inferSelect;
export type OpinionRow = typeof opinionItem.$inferSelect;

const LIST_LIMIT = 200;

export async function insertRelease(db: Db, row: typeof infoRelease.$inferInsert): Promise<ReleaseRow> {
  const [inserted] = await db.insert(infoRelease).values(row).returning();
  if (!inserted) throw new Error('info_release insert returned no row');
  return inserted;
}

export async function updateRelease(db: Db, id: string, changes: Partial<typeof infoRelease.$inferInsert>): Promise<ReleaseRow> {
  const [row] = await db
    .update(infoRelease)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(infoRelease.id, id))
    .returning();
  if (!row) throw new Error('info_release update returned no row');
  return row;
}

/** The row locked for a workflow step (one step at a time per item). */
export async function findRelease(db: Db, id: string, lock = false): Promise<ReleaseRow | undefined> {
  const query = db.select().from(infoRelease).where(eq(infoRelease.id, id));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export function releasesUnder(db: Db, scope: readonly string[], status?: string): Promise<ReleaseRow[]> {
  const conditions: SQL[] = [pathUnder(sql`${infoRelease.jurisdictionPath}`, scope)];
  if (status) conditions.push(eq(infoRelease.status, status));
  return db
    .select()
    .from(infoRelease)
    .where(and(...conditions))
    .orderBy(desc(infoRelease.updatedAt))
    .limit(LIST_LIMIT);
}

export interface PublishedRow {
  id: string;
  kind: ReleaseKind;
  title: string;
  body: string;
  interpretation: string;
  audience: string;
  for_date: string | null;
  published_at: Date | string;
  jurisdiction_name: string;
}

/**
 * Published items over the given places (an item at a place or any of its ancestors reaches it), newest first.
 * Nothing but the text, the place's name and the time: no drafter, no approver.
 */
export function publishedOver(db: Db, paths: readonly string[] | null, audiences: readonly string[]): Promise<PublishedRow[]> {
  const over =
    paths === null
      ? sql`true`
      : paths.length === 0
        ? sql`false`
        : sql`(${sql.join(
            paths.map((path) => sql`${path} like r.jurisdiction_path || '%'`),
            sql` or `,
          )})`;
  return queryRows<PublishedRow>(
    db,
    sql`select r.id, r.kind, r.title, r.body, r.interpretation, r.audience, r.for_date::text as for_date, r.published_at,
          j.name as jurisdiction_name
        from info_release r join jurisdiction j on j.id = r.jurisdiction_id
        where r.status = 'published' and r.audience in (${sql.join(
          audiences.map((a) => sql`${a}`),
          sql`, `,
        )}) and ${over}
        order by r.published_at desc limit 50`,
  );
}

export async function insertInterview(db: Db, row: typeof interviewRequest.$inferInsert): Promise<InterviewRow> {
  const [inserted] = await db.insert(interviewRequest).values(row).returning();
  if (!inserted) throw new Error('interview_request insert returned no row');
  return inserted;
}

export async function updateInterview(db: Db, id: string, changes: Partial<typeof interviewRequest.$inferInsert>): Promise<InterviewRow> {
  const [row] = await db
    .update(interviewRequest)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(interviewRequest.id, id))
    .returning();
  if (!row) throw new Error('interview_request update returned no row');
  return row;
}

export async function findInterview(db: Db, id: string, lock = false): Promise<InterviewRow | undefined> {
  const query = db.select().from(interviewRequest).where(eq(interviewRequest.id, id));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export function interviewsUnder(db: Db, scope: readonly string[]): Promise<InterviewRow[]> {
  return db
    .select()
    .from(interviewRequest)
    .where(pathUnder(sql`${interviewRequest.jurisdictionPath}`, scope))
    .orderBy(desc(interviewRequest.createdAt))
    .limit(LIST_LIMIT);
}

export async function insertOpinion(db: Db, row: typeof opinionItem.$inferInsert): Promise<OpinionRow> {
  const [inserted] = await db.insert(opinionItem).values(row).returning();
  if (!inserted) throw new Error('opinion_item insert returned no row');
  return inserted;
}

export async function updateOpinion(db: Db, id: string, changes: Partial<typeof opinionItem.$inferInsert>): Promise<OpinionRow> {
  const [row] = await db
    .update(opinionItem)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(opinionItem.id, id))
    .returning();
  if (!row) throw new Error('opinion_item update returned no row');
  return row;
}

export async function findOpinion(db: Db, id: string, lock = false): Promise<OpinionRow | undefined> {
  const query = db.select().from(opinionItem).where(eq(opinionItem.id, id));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export function opinionsUnder(db: Db, scope: readonly string[], status?: string): Promise<OpinionRow[]> {
  const conditions: SQL[] = [pathUnder(sql`${opinionItem.jurisdictionPath}`, scope)];
  if (status) conditions.push(eq(opinionItem.status, status));
  return db
    .select()
    .from(opinionItem)
    .where(and(...conditions))
    .orderBy(desc(opinionItem.loggedAt))
    .limit(LIST_LIMIT);
}

/** Names of the jurisdictions items belong to, for lists. */
export async function jurisdictionNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: jurisdiction.id, name: jurisdiction.name })
    .from(jurisdiction)
    .where(inArray(jurisdiction.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** A day's new cases by classification under a place, and the confirmed cases reported up to the day's end. */
export async function caseCountsOfDay(db: Db, path: string, from: Date, to: Date) {
  const [row] = await queryRows<{ confirmed: number; asymptomatic: number; suspected: number; cumulative: number }>(
    db,
    sql`select
          count(*) filter (where c.classification = 'confirmed' and coalesce(c.reported_at, c.discovered_at) >= ${from.toISOString()}::timestamptz)::int as confirmed,
          count(*) filter (where c.classification = 'asymptomatic' and coalesce(c.reported_at, c.discovered_at) >= ${from.toISOString()}::timestamptz)::int as asymptomatic,
          count(*) filter (where c.classification = 'suspected' and coalesce(c.reported_at, c.discovered_at) >= ${from.toISOString()}::timestamptz)::int as suspected,
          count(*) filter (where c.classification = 'confirmed')::int as cumulative
        from case_report c
        where ${pathUnder(sql`c.jurisdiction_path`, [path])} and coalesce(c.reported_at, c.discovered_at) < ${to.toISOString()}::timestamptz`,
  );
  return row ?? { confirmed: 0, asymptomatic: 0, suspected: 0, cumulative: 0 };
}

/** When each of these places published its daily outbreak information for the day (DAILY-007), if it has. */
export async function dailyPublishedAt(db: Db, jurisdictionIds: readonly string[], day: string): Promise<Map<string, Date>> {
  if (jurisdictionIds.length === 0) return new Map();
  const rows = await db
    .select({ jurisdictionId: infoRelease.jurisdictionId, publishedAt: infoRelease.publishedAt })
    .from(infoRelease)
    .where(
      and(
        inArray(infoRelease.jurisdictionId, [...jurisdictionIds]),
        eq(infoRelease.kind, 'daily_outbreak'),
        eq(infoRelease.forDate, day),
        eq(infoRelease.status, 'published'),
      ),
    );
  return new Map(rows.flatMap((r) => (r.publishedAt ? [[r.jurisdictionId, r.publishedAt] as const] : [])));
}

/** Every public-opinion item not yet closed, everywhere: what the reminder sweep checks against its deadlines (INFO-004). */
export function unclosedOpinions(db: Db): Promise<OpinionRow[]> {
  return db.select().from(opinionItem).where(ne(opinionItem.status, 'closed'));
}

export interface SignalWarningRow {
  id: string;
  signalId: string;
  title: string;
  status: string;
}

/**
 * The warnings drafted from each of these early-warning signals that the reader may read (at a place under `scope`),
 * oldest first (INFO-007: the signal's side of the link).
 */
export async function warningsOfSignals(
  db: Db,
  signalIds: readonly string[],
  scope: readonly string[],
): Promise<Map<string, SignalWarningRow[]>> {
  if (signalIds.length === 0 || scope.length === 0) return new Map();
  const rows = await db
    .select({ id: infoRelease.id, signalId: infoRelease.signalId, title: infoRelease.title, status: infoRelease.status })
    .from(infoRelease)
    .where(and(inArray(infoRelease.signalId, [...signalIds]), pathUnder(sql`${infoRelease.jurisdictionPath}`, scope)))
    .orderBy(infoRelease.createdAt);
  const bySignal = new Map<string, SignalWarningRow[]>();
  for (const r of rows) {
    if (!r.signalId) continue;
    bySignal.set(r.signalId, [...(bySignal.get(r.signalId) ?? []), { ...r, signalId: r.signalId }]);
  }
  return bySignal;
}
