import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { campaignZone, collectionPoint, jurisdiction, testCampaign } from '../../../db/schema/index.ts';
import { pathUnder } from '../testing-sql.ts';

export type CampaignRow = typeof testCampaign.$inferSelect;
export type ZoneRow = typeof campaignZone.$inferSelect;
export type PointRow = typeof collectionPoint.$inferSelect;

export async function insertCampaign(db: Db, row: typeof testCampaign.$inferInsert): Promise<CampaignRow> {
  const rows = await db.insert(testCampaign).values(row).returning();
  return rows[0] as CampaignRow;
}

export async function findCampaign(db: Db, id: string): Promise<CampaignRow | undefined> {
  const rows = await db.select().from(testCampaign).where(eq(testCampaign.id, id)).limit(1);
  return rows[0];
}

/** Campaigns that meet the caller's scope: inside it, or holding part of it; with `closedSince`, open ones and those closed since then. */
export async function campaignsMeeting(db: Db, scope: readonly string[], limit: number, offset: number, closedSince?: Date) {
  const inside = pathUnder(sql`${testCampaign.jurisdictionPath}`, scope);
  const holding =
    scope.length > 0
      ? sql.join(
          scope.map((path) => sql`${path} like ${testCampaign.jurisdictionPath} || '%'`),
          sql` or `,
        )
      : sql`false`;
  const live = closedSince
    ? sql` and (${testCampaign.status} = 'open' or ${testCampaign.closedAt} >= ${closedSince.toISOString()}::timestamptz)`
    : sql``;
  const where = sql`(${inside} or ${holding})${live}`;
  const [items, counted] = await Promise.all([
    db
      .select({ campaign: testCampaign, jurisdictionName: jurisdiction.name })
      .from(testCampaign)
      .innerJoin(jurisdiction, eq(jurisdiction.id, testCampaign.jurisdictionId))
      .where(where)
      .orderBy(desc(testCampaign.startsAt), asc(testCampaign.id))
      .limit(limit)
      .offset(offset),
    db.select({ total: sql<number>`count(*)::int` }).from(testCampaign).where(where),
  ]);
  return { items, total: counted[0]?.total ?? 0 };
}

export async function updateCampaign(db: Db, id: string, changes: Partial<typeof testCampaign.$inferInsert>): Promise<void> {
  await db
    .update(testCampaign)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(testCampaign.id, id));
}

export async function insertZones(db: Db, rows: (typeof campaignZone.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) await db.insert(campaignZone).values(rows);
}

/** A zone set again for the same jurisdiction replaces the earlier choice (a community sealed mid-campaign). */
export async function upsertZone(db: Db, row: typeof campaignZone.$inferInsert): Promise<ZoneRow> {
  const rows = await db
    .insert(campaignZone)
    .values(row)
    .onConflictDoUpdate({
      target: [campaignZone.campaignId, campaignZone.jurisdictionId],
      set: { zoneType: row.zoneType, poolSize: row.poolSize, household: row.household ?? false, updatedAt: new Date() },
    })
    .returning();
  return rows[0] as ZoneRow;
}

export async function zonesOf(db: Db, campaignId: string): Promise<ZoneRow[]> {
  return db.select().from(campaignZone).where(eq(campaignZone.campaignId, campaignId)).orderBy(asc(campaignZone.jurisdictionPath));
}

export async function insertPoint(db: Db, row: typeof collectionPoint.$inferInsert): Promise<PointRow> {
  const rows = await db.insert(collectionPoint).values(row).returning();
  return rows[0] as PointRow;
}

export async function pointsOf(db: Db, campaignId: string, scope: readonly string[]): Promise<PointRow[]> {
  return db
    .select()
    .from(collectionPoint)
    .where(and(eq(collectionPoint.campaignId, campaignId), pathUnder(sql`${collectionPoint.jurisdictionPath}`, scope)))
    .orderBy(asc(collectionPoint.jurisdictionPath), asc(collectionPoint.name));
}

/** A collection point with its campaign and the campaign's zones: what every scan needs, in one round trip. */
export async function findPointWithCampaign(db: Db, pointId: string) {
  const zones = sql<{ path: string; zoneType: string; poolSize: number; household: boolean }[]>`coalesce((
    select json_agg(json_build_object('path', z.jurisdiction_path, 'zoneType', z.zone_type, 'poolSize', z.pool_size, 'household', z.household))
    from ${campaignZone} z where z.campaign_id = ${testCampaign.id}), '[]'::json)`;
  const rows = await db
    .select({ point: collectionPoint, campaign: testCampaign, zones })
    .from(collectionPoint)
    .innerJoin(testCampaign, eq(testCampaign.id, collectionPoint.campaignId))
    .where(eq(collectionPoint.id, pointId))
    .limit(1);
  return rows[0];
}
