import { and, asc, desc, eq, like, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { queryRows } from '../../db/query-rows.ts';
import {
  gathering,
  jurisdiction,
  person,
  place,
  screeningRound,
  screeningVisit,
  sixOnesEntry,
  supplyRequest,
} from '../../db/schema/index.ts';
import { underAnyPath } from '../../db/scope-sql.ts';

export type RoundRow = typeof screeningRound.$inferSelect;
export type VisitRow = typeof screeningVisit.$inferSelect;
export type SixOnesRow = typeof sixOnesEntry.$inferSelect;
export type GatheringRow = typeof gathering.$inferSelect;
export type SupplyRow = typeof supplyRequest.$inferSelect;

export async function insertRound(db: Db, row: typeof screeningRound.$inferInsert): Promise<RoundRow> {
  return (await db.insert(screeningRound).values(row).returning())[0] as RoundRow;
}

export async function findRound(db: Db, id: string): Promise<RoundRow | undefined> {
  return (await db.select().from(screeningRound).where(eq(screeningRound.id, id)).limit(1))[0];
}

export async function closeRoundRow(db: Db, id: string, at: Date): Promise<RoundRow> {
  const rows = await db
    .update(screeningRound)
    .set({ status: 'closed', closedAt: at, updatedAt: at })
    .where(eq(screeningRound.id, id))
    .returning();
  return rows[0] as RoundRow;
}

export async function roundsUnder(db: Db, paths: readonly string[], limit = 50) {
  return db
    .select()
    .from(screeningRound)
    .where(underAnyPath(screeningRound.jurisdictionPath, paths))
    .orderBy(desc(screeningRound.startedOn), desc(screeningRound.createdAt))
    .limit(limit);
}

/** The households of a community (its subtree), in code order (building, unit, room). */
export async function householdsOf(db: Db, communityPath: string) {
  return db
    .select({ id: place.id, name: place.name, code: place.code, address: place.address })
    .from(place)
    .where(and(eq(place.kind, 'household'), like(place.jurisdictionPath, `${communityPath}%`)))
    .orderBy(asc(place.code));
}

export async function membersOfHouseholds(db: Db, householdIds: readonly string[]) {
  if (householdIds.length === 0) return [];
  return db
    .select({ id: person.id, name: person.name, householdId: person.householdId, householdRole: person.householdRole })
    .from(person)
    .where(sql`${person.householdId} in ${householdIds} and ${person.anonymisedAt} is null`)
    .orderBy(asc(person.name));
}

export async function insertVisit(db: Db, row: typeof screeningVisit.$inferInsert): Promise<VisitRow> {
  return (await db.insert(screeningVisit).values(row).returning())[0] as VisitRow;
}

export async function setVisitFindings(db: Db, id: string, findings: unknown[]) {
  await db.update(screeningVisit).set({ findings }).where(eq(screeningVisit.id, id));
}

export async function visitsOfRound(db: Db, roundId: string): Promise<VisitRow[]> {
  return db.select().from(screeningVisit).where(eq(screeningVisit.roundId, roundId)).orderBy(asc(screeningVisit.visitedAt));
}

/** The published grade over a place: the deepest published risk area that is the place or one of its ancestors. */
export async function publishedGradeOver(db: Db, path: string): Promise<string | null> {
  const rows = await queryRows<{ level: string }>(
    db,
    sql`select level from risk_area where status = 'published' and ${path} like jurisdiction_path || '%'
        order by length(jurisdiction_path) desc limit 1`,
  );
  return rows[0]?.level ?? null;
}

export async function sixOnesOf(db: Db, jurisdictionId: string, dutyDate: string): Promise<SixOnesRow[]> {
  return db
    .select()
    .from(sixOnesEntry)
    .where(and(eq(sixOnesEntry.jurisdictionId, jurisdictionId), eq(sixOnesEntry.dutyDate, dutyDate)));
}

export async function upsertSixOnes(db: Db, row: typeof sixOnesEntry.$inferInsert): Promise<SixOnesRow> {
  const rows = await db
    .insert(sixOnesEntry)
    .values(row)
    .onConflictDoUpdate({
      target: [sixOnesEntry.jurisdictionId, sixOnesEntry.dutyDate, sixOnesEntry.duty],
      set: { done: row.done, note: row.note ?? null, recordedBy: row.recordedBy ?? null, updatedAt: new Date() },
    })
    .returning();
  return rows[0] as SixOnesRow;
}

export async function insertGathering(db: Db, row: typeof gathering.$inferInsert): Promise<GatheringRow> {
  return (await db.insert(gathering).values(row).returning())[0] as GatheringRow;
}

export async function gatheringsUnder(db: Db, paths: readonly string[], limit = 100): Promise<GatheringRow[]> {
  return db.select().from(gathering).where(underAnyPath(gathering.jurisdictionPath, paths)).orderBy(desc(gathering.eventDate)).limit(limit);
}

export async function insertSupply(db: Db, row: typeof supplyRequest.$inferInsert): Promise<SupplyRow> {
  return (await db.insert(supplyRequest).values(row).returning())[0] as SupplyRow;
}

export async function findSupply(db: Db, id: string): Promise<SupplyRow | undefined> {
  return (await db.select().from(supplyRequest).where(eq(supplyRequest.id, id)).limit(1))[0];
}

export async function closeSupply(db: Db, id: string, changes: Partial<typeof supplyRequest.$inferInsert>): Promise<SupplyRow> {
  const rows = await db
    .update(supplyRequest)
    .set({ ...changes, updatedAt: new Date() })
    .where(and(eq(supplyRequest.id, id), eq(supplyRequest.status, 'requested')))
    .returning();
  return rows[0] as SupplyRow;
}

export async function suppliesUnder(db: Db, paths: readonly string[], limit = 100) {
  return db
    .select({ request: supplyRequest, householdName: place.name, householdCode: place.code })
    .from(supplyRequest)
    .innerJoin(place, eq(place.id, supplyRequest.householdId))
    .where(underAnyPath(supplyRequest.jurisdictionPath, paths))
    .orderBy(asc(supplyRequest.status), desc(supplyRequest.createdAt))
    .limit(limit);
}

/** Places of a kind under a path (the households a supply form may name). */
export async function placeUnder(db: Db, id: string, path: string) {
  const rows = await db
    .select()
    .from(place)
    .where(and(eq(place.id, id), like(place.jurisdictionPath, `${path}%`)))
    .limit(1);
  return rows[0];
}

/** A household is sealed when a member is under home quarantine (the episode's management type). */
export async function householdUnderHomeQuarantine(db: Db, householdId: string): Promise<boolean> {
  const rows = await queryRows<{ one: number }>(
    db,
    sql`select 1 as one from key_person_episode where household_id = ${householdId} and status = 'active'
        and management_type = 'home_quarantine' limit 1`,
  );
  return rows.length > 0;
}

export async function communitiesUnder(db: Db, paths: readonly string[], limit = 100) {
  return db
    .select({ id: jurisdiction.id, name: jurisdiction.name, code: jurisdiction.code, path: jurisdiction.path })
    .from(jurisdiction)
    .where(and(eq(jurisdiction.level, 'village'), underAnyPath(jurisdiction.path, paths)))
    .orderBy(asc(jurisdiction.code))
    .limit(limit);
}

/** Published grades at the levels given, anywhere: public notices, offered to the screening form as travel places. */
export async function publishedRiskPlaces(db: Db, levels: readonly string[]) {
  if (levels.length === 0) return [];
  return queryRows<{ jurisdictionId: string; name: string; level: string; path: string }>(
    db,
    sql`select r.jurisdiction_id as "jurisdictionId", j.name, r.level, r.jurisdiction_path as path
        from risk_area r join jurisdiction j on j.id = r.jurisdiction_id
        where r.status = 'published' and r.level in ${levels} order by r.jurisdiction_path limit 200`,
  );
}
