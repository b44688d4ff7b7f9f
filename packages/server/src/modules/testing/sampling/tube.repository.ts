import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { queryRows } from '../../../db/query-rows.ts';
import { poolMember, sample, tube } from '../../../db/schema/index.ts';

export type TubeRow = typeof tube.$inferSelect;
export type TubeInsert = typeof tube.$inferInsert;
export type SampleInsert = typeof sample.$inferInsert;

export async function findTubeByBarcode(db: Db, barcode: string): Promise<TubeRow | undefined> {
  const rows = await db.select().from(tube).where(eq(tube.barcode, barcode)).limit(1);
  return rows[0];
}

export async function insertTube(db: Db, row: TubeInsert): Promise<TubeRow> {
  const rows = await db.insert(tube).values(row).returning();
  return rows[0] as TubeRow;
}

/** Two collectors opening the same new barcode at once: one insert wins, both then read the same tube. */
export async function openTube(db: Db, row: TubeInsert): Promise<TubeRow> {
  await db.insert(tube).values(row).onConflictDoNothing({ target: tube.barcode });
  const found = await findTubeByBarcode(db, row.barcode);
  if (!found) throw new Error(`tube ${row.barcode} vanished`);
  return found;
}

/**
 * Takes the next place in an open tube in one statement (the row lock orders concurrent scans);
 * answers the member's position, or nothing when the tube is closed or already full.
 */
export async function takePlace(db: Db, tubeId: string, capacity: number): Promise<number | undefined> {
  const rows = await db
    .update(tube)
    .set({ memberCount: sql`${tube.memberCount} + 1`, updatedAt: new Date() })
    .where(and(eq(tube.id, tubeId), eq(tube.status, 'open'), sql`${tube.memberCount} < ${capacity}`))
    .returning({ memberCount: tube.memberCount });
  return rows[0]?.memberCount;
}

export async function closeTube(db: Db, tubeId: string, at: Date, householdId?: string | null): Promise<void> {
  await db
    .update(tube)
    .set({ status: 'closed', closedAt: at, updatedAt: at, ...(householdId ? { householdId } : {}) })
    .where(eq(tube.id, tubeId));
}

export async function setTubeHousehold(db: Db, tubeId: string, householdId: string): Promise<void> {
  await db
    .update(tube)
    .set({ householdId })
    .where(and(eq(tube.id, tubeId), sql`${tube.householdId} is null`));
}

export async function closeOpenTubes(db: Db, campaignId: string, at: Date): Promise<number> {
  const rows = await db
    .update(tube)
    .set({ status: 'closed', closedAt: at, updatedAt: at })
    .where(and(eq(tube.campaignId, campaignId), eq(tube.status, 'open'), sql`${tube.memberCount} > 0`))
    .returning({ id: tube.id });
  return rows.length;
}

export async function insertSample(db: Db, row: SampleInsert): Promise<string> {
  const rows = await db.insert(sample).values(row).returning({ id: sample.id });
  return rows[0]?.id ?? '';
}

/**
 * A campaign scan's sample and its place in the tube in one statement; the groups the person is on
 * are read in the same statement (TEST-001: recorded with the sample).
 */
export async function insertCampaignSample(db: Db, row: SampleInsert, place: { tubeId: string; position: number }): Promise<string> {
  const rows = await queryRows<{ sample_id: string }>(
    db,
    sql`with s as (
      insert into sample (person_id, campaign_id, collection_point_id, purpose, payer, groups, sampled_at, sampled_by, jurisdiction_path)
      values (${row.personId}, ${row.campaignId ?? null}::uuid, ${row.collectionPointId ?? null}::uuid, ${row.purpose}, ${row.payer},
        (select coalesce(jsonb_agg(m.group_code order by m.group_code), '[]'::jsonb) from testing_group_member m
         where m.person_id = ${row.personId} and m.left_on is null),
        ${row.sampledAt.toISOString()}::timestamptz, ${row.sampledBy ?? null}::uuid, ${row.jurisdictionPath})
      returning id
    )
    insert into pool_member (tube_id, sample_id, person_id, position, jurisdiction_path)
    select ${place.tubeId}, s.id, ${row.personId}, ${place.position}, ${row.jurisdictionPath} from s
    returning sample_id`,
  );
  return rows[0]?.sample_id ?? '';
}

export async function insertPoolMember(db: Db, row: typeof poolMember.$inferInsert): Promise<void> {
  await db.insert(poolMember).values(row);
}
