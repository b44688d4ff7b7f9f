import { and, asc, desc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  appUser,
  expertGroup,
  headquarters,
  jurisdiction,
  orgUnit,
  rosterMember,
  workingGroup,
  workingGroupRevision,
  workingGroupUnit,
} from '../../db/schema/index.ts';
import { underAnyPath } from '../../db/scope-sql.ts';

export type HeadquartersRow = typeof headquarters.$inferSelect;
export type WorkingGroupRow = typeof workingGroup.$inferSelect;
export type OrgUnitRow = typeof orgUnit.$inferSelect;
export type RosterRow = typeof rosterMember.$inferSelect;
export type ExpertGroupRow = typeof expertGroup.$inferSelect;

export async function insertHeadquarters(db: Db, row: typeof headquarters.$inferInsert): Promise<HeadquartersRow> {
  const rows = await db.insert(headquarters).values(row).returning();
  return rows[0] as HeadquartersRow;
}

export async function findHeadquarters(db: Db, id: string): Promise<HeadquartersRow | undefined> {
  const rows = await db.select().from(headquarters).where(eq(headquarters.id, id)).limit(1);
  return rows[0];
}

export async function headquartersOfJurisdiction(db: Db, jurisdictionId: string): Promise<HeadquartersRow | undefined> {
  const rows = await db.select().from(headquarters).where(eq(headquarters.jurisdictionId, jurisdictionId)).limit(1);
  return rows[0];
}

/**
 * The headquarters that commands a jurisdiction: its own, else the nearest ancestor's (a town without a
 * headquarters of its own is commanded by the district's, ORG-001).
 */
export async function nearestHeadquarters(db: Db, ancestorOrSelfPaths: readonly string[]): Promise<HeadquartersRow | undefined> {
  if (ancestorOrSelfPaths.length === 0) return undefined;
  const rows = await db
    .select()
    .from(headquarters)
    .where(inArray(headquarters.jurisdictionPath, [...ancestorOrSelfPaths]))
    .orderBy(desc(sql`length(${headquarters.jurisdictionPath})`))
    .limit(1);
  return rows[0];
}

export async function updateHeadquarters(db: Db, id: string, changes: Partial<typeof headquarters.$inferInsert>): Promise<void> {
  await db
    .update(headquarters)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(headquarters.id, id));
}

/** Every change under a headquarters raises its version. */
export async function bumpHeadquarters(db: Db, id: string): Promise<void> {
  await db
    .update(headquarters)
    .set({ version: sql`${headquarters.version} + 1`, updatedAt: new Date() })
    .where(eq(headquarters.id, id));
}

export async function listHeadquarters(db: Db, paths: string[]) {
  return db
    .select({ hq: headquarters, jurisdictionName: jurisdiction.name, jurisdictionCode: jurisdiction.code })
    .from(headquarters)
    .innerJoin(jurisdiction, eq(jurisdiction.id, headquarters.jurisdictionId))
    .where(underAnyPath(headquarters.jurisdictionPath, paths))
    .orderBy(asc(headquarters.jurisdictionPath));
}

export async function jurisdictionNameOf(db: Db, id: string) {
  const rows = await db.select({ name: jurisdiction.name, code: jurisdiction.code }).from(jurisdiction).where(eq(jurisdiction.id, id));
  return rows[0];
}

export async function insertWorkingGroup(db: Db, row: typeof workingGroup.$inferInsert): Promise<WorkingGroupRow> {
  const rows = await db.insert(workingGroup).values(row).returning();
  return rows[0] as WorkingGroupRow;
}

export async function findWorkingGroup(db: Db, id: string): Promise<WorkingGroupRow | undefined> {
  const rows = await db.select().from(workingGroup).where(eq(workingGroup.id, id)).limit(1);
  return rows[0];
}

export async function groupsOf(db: Db, headquartersId: string): Promise<WorkingGroupRow[]> {
  return db
    .select()
    .from(workingGroup)
    .where(eq(workingGroup.headquartersId, headquartersId))
    .orderBy(asc(workingGroup.sortOrder), asc(workingGroup.createdAt));
}

export async function updateWorkingGroup(db: Db, id: string, changes: Partial<typeof workingGroup.$inferInsert>): Promise<void> {
  await db
    .update(workingGroup)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(workingGroup.id, id));
}

export async function bumpWorkingGroup(db: Db, id: string): Promise<void> {
  await db
    .update(workingGroup)
    .set({ version: sql`${workingGroup.version} + 1`, updatedAt: new Date() })
    .where(eq(workingGroup.id, id));
}

export async function insertRevision(db: Db, row: typeof workingGroupRevision.$inferInsert): Promise<void> {
  await db.insert(workingGroupRevision).values(row);
}

export async function revisionsOf(db: Db, workingGroupId: string) {
  return db
    .select({ revision: workingGroupRevision, changedByName: appUser.displayName })
    .from(workingGroupRevision)
    .leftJoin(appUser, eq(appUser.id, workingGroupRevision.changedBy))
    .where(eq(workingGroupRevision.workingGroupId, workingGroupId))
    .orderBy(asc(workingGroupRevision.version));
}

/** The lead and member units of the given groups, with the units' names. */
export async function unitsOfGroups(db: Db, groupIds: string[]) {
  if (groupIds.length === 0) return [];
  return db
    .select({ workingGroupId: workingGroupUnit.workingGroupId, role: workingGroupUnit.role, id: orgUnit.id, name: orgUnit.name })
    .from(workingGroupUnit)
    .innerJoin(orgUnit, eq(orgUnit.id, workingGroupUnit.orgUnitId))
    .where(inArray(workingGroupUnit.workingGroupId, groupIds))
    .orderBy(asc(workingGroupUnit.position));
}

export async function replaceGroupUnits(
  db: Db,
  workingGroupId: string,
  units: { orgUnitId: string; role: 'lead' | 'member' }[],
  jurisdictionPath: string,
): Promise<void> {
  await db.delete(workingGroupUnit).where(eq(workingGroupUnit.workingGroupId, workingGroupId));
  if (units.length === 0) return;
  await db.insert(workingGroupUnit).values(units.map((u, position) => ({ ...u, position, workingGroupId, jurisdictionPath })));
}

export async function insertOrgUnit(db: Db, row: typeof orgUnit.$inferInsert): Promise<OrgUnitRow> {
  const rows = await db.insert(orgUnit).values(row).returning();
  return rows[0] as OrgUnitRow;
}

export async function findOrgUnit(db: Db, id: string): Promise<OrgUnitRow | undefined> {
  const rows = await db.select().from(orgUnit).where(eq(orgUnit.id, id)).limit(1);
  return rows[0];
}

export async function findOrgUnits(db: Db, ids: string[]): Promise<OrgUnitRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(orgUnit).where(inArray(orgUnit.id, ids));
}

export async function unitsOfJurisdiction(db: Db, jurisdictionId: string): Promise<OrgUnitRow[]> {
  return db.select().from(orgUnit).where(eq(orgUnit.jurisdictionId, jurisdictionId));
}

/** Units in the caller's subtrees, by name or any alias (ORG-060: 市场监督局 finds 区市场监管局). */
export async function searchOrgUnits(db: Db, paths: string[], filter: { jurisdictionId?: string; q?: string }) {
  const byName = filter.q
    ? or(
        ilike(orgUnit.name, `%${filter.q}%`),
        sql`exists (select 1 from jsonb_array_elements_text(${orgUnit.aliases}) a where a ilike ${`%${filter.q}%`})`,
      )
    : undefined;
  return db
    .select({ unit: orgUnit, jurisdictionName: jurisdiction.name })
    .from(orgUnit)
    .innerJoin(jurisdiction, eq(jurisdiction.id, orgUnit.jurisdictionId))
    .where(
      and(
        underAnyPath(orgUnit.jurisdictionPath, paths),
        filter.jurisdictionId ? eq(orgUnit.jurisdictionId, filter.jurisdictionId) : undefined,
        byName,
      ),
    )
    .orderBy(asc(orgUnit.jurisdictionPath), asc(orgUnit.name))
    .limit(500);
}

export async function insertRosterMember(db: Db, row: typeof rosterMember.$inferInsert): Promise<RosterRow> {
  const rows = await db.insert(rosterMember).values(row).returning();
  return rows[0] as RosterRow;
}

export async function findRosterMember(db: Db, id: string): Promise<RosterRow | undefined> {
  const rows = await db.select().from(rosterMember).where(eq(rosterMember.id, id)).limit(1);
  return rows[0];
}

export async function updateRosterMember(db: Db, id: string, changes: Partial<typeof rosterMember.$inferInsert>): Promise<void> {
  await db
    .update(rosterMember)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(rosterMember.id, id));
}

export async function deleteRosterMember(db: Db, id: string): Promise<void> {
  await db.delete(rosterMember).where(eq(rosterMember.id, id));
}

export async function rosterOf(db: Db, headquartersId: string) {
  return db
    .select({ member: rosterMember, unitName: orgUnit.name })
    .from(rosterMember)
    .leftJoin(orgUnit, eq(orgUnit.id, rosterMember.orgUnitId))
    .where(eq(rosterMember.headquartersId, headquartersId))
    .orderBy(asc(rosterMember.sortOrder), asc(rosterMember.createdAt));
}

export async function rosterOfGroup(db: Db, workingGroupId: string): Promise<RosterRow[]> {
  return db
    .select()
    .from(rosterMember)
    .where(eq(rosterMember.workingGroupId, workingGroupId))
    .orderBy(asc(rosterMember.sortOrder), asc(rosterMember.createdAt));
}

export async function isOnRoster(db: Db, headquartersId: string, userId: string): Promise<boolean> {
  const rows = await db
    .select({ id: rosterMember.id })
    .from(rosterMember)
    .where(and(eq(rosterMember.headquartersId, headquartersId), eq(rosterMember.userId, userId)))
    .limit(1);
  return rows.length > 0;
}

export async function insertExpertGroup(db: Db, row: typeof expertGroup.$inferInsert): Promise<ExpertGroupRow> {
  const rows = await db.insert(expertGroup).values(row).returning();
  return rows[0] as ExpertGroupRow;
}

export async function findExpertGroup(db: Db, id: string): Promise<ExpertGroupRow | undefined> {
  const rows = await db.select().from(expertGroup).where(eq(expertGroup.id, id)).limit(1);
  return rows[0];
}

export async function expertGroupsOf(db: Db, headquartersId: string): Promise<ExpertGroupRow[]> {
  return db.select().from(expertGroup).where(eq(expertGroup.headquartersId, headquartersId)).orderBy(asc(expertGroup.createdAt));
}

export async function updateExpertGroup(db: Db, id: string, changes: Partial<typeof expertGroup.$inferInsert>): Promise<void> {
  await db
    .update(expertGroup)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(expertGroup.id, id));
}
