import { and, asc, desc, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { caseReport, exposure, keyPersonEpisode, person, place, testingGroupMember, transmissionEvent } from '../../db/schema/index.ts';
import { underAnyPath } from '../../db/scope-sql.ts';

export type CaseRow = typeof caseReport.$inferSelect;
export type ExposureRow = typeof exposure.$inferSelect;
export type EventRow = typeof transmissionEvent.$inferSelect;

/** The case table is owned by the cases module; tracing reads the one row it needs here. */
export async function findCase(db: Db, id: string): Promise<CaseRow | undefined> {
  const rows = await db.select().from(caseReport).where(eq(caseReport.id, id)).limit(1);
  return rows[0];
}

export interface PersonBrief {
  personId: string;
  name: string;
  idMasked: string;
  jurisdictionPath: string;
}

const brief = { personId: person.id, name: person.name, idMasked: person.idMasked, jurisdictionPath: person.jurisdictionPath };

export async function householdOf(db: Db, personId: string) {
  const rows = await db
    .select({ householdId: person.householdId, householdName: place.name })
    .from(person)
    .leftJoin(place, eq(place.id, person.householdId))
    .where(eq(person.id, personId));
  return rows[0];
}

export function householdMembers(db: Db, householdId: string, exceptPersonId: string): Promise<PersonBrief[]> {
  return db
    .select(brief)
    .from(person)
    .where(and(eq(person.householdId, householdId), ne(person.id, exceptPersonId)))
    .orderBy(asc(person.name));
}

/** Colleagues: active members of the same mandatory-testing roster kept by the same unit. */
export async function rosterColleagues(db: Db, personId: string) {
  const own = await db
    .select({ group: testingGroupMember.group, unitName: testingGroupMember.unitName })
    .from(testingGroupMember)
    .where(and(eq(testingGroupMember.personId, personId), isNull(testingGroupMember.leftOn)));
  const found: (PersonBrief & { unitName: string })[] = [];
  for (const roster of own) {
    if (!roster.unitName) continue;
    const rows = await db
      .select(brief)
      .from(testingGroupMember)
      .innerJoin(person, eq(person.id, testingGroupMember.personId))
      .where(
        and(
          eq(testingGroupMember.group, roster.group),
          eq(testingGroupMember.unitName, roster.unitName),
          isNull(testingGroupMember.leftOn),
          ne(testingGroupMember.personId, personId),
        ),
      );
    found.push(...rows.map((r) => ({ ...r, unitName: roster.unitName as string })));
  }
  return found;
}

export function peopleByIds(db: Db, ids: readonly string[]): Promise<PersonBrief[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select(brief)
    .from(person)
    .where(
      sql`${person.id} in (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )})`,
    );
}

export function placeNames(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([] as { id: string; name: string }[]);
  return db
    .select({ id: place.id, name: place.name })
    .from(place)
    .where(
      sql`${place.id} in (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )})`,
    );
}

/** The events a person took part in (GIN index on participant_ids). */
export function eventsWithParticipant(db: Db, personId: string): Promise<EventRow[]> {
  return db
    .select()
    .from(transmissionEvent)
    .where(sql`${transmissionEvent.participantIds} @> ${JSON.stringify([personId])}::jsonb`);
}

export function exposuresOfCase(db: Db, caseId: string) {
  return db
    .select({
      exposure,
      name: person.name,
      idMasked: person.idMasked,
      episodeStatus: keyPersonEpisode.status,
      episodeCategory: keyPersonEpisode.category,
    })
    .from(exposure)
    .innerJoin(person, eq(person.id, exposure.personId))
    .leftJoin(keyPersonEpisode, eq(keyPersonEpisode.id, exposure.episodeId))
    .where(eq(exposure.caseId, caseId))
    .orderBy(asc(exposure.createdAt));
}

export async function findExposure(db: Db, id: string): Promise<ExposureRow | undefined> {
  const rows = await db.select().from(exposure).where(eq(exposure.id, id)).limit(1);
  return rows[0];
}

export async function insertExposure(db: Db, row: typeof exposure.$inferInsert): Promise<ExposureRow> {
  const rows = await db.insert(exposure).values(row).returning();
  return rows[0] as ExposureRow;
}

export async function updateExposure(db: Db, id: string, changes: Partial<typeof exposure.$inferInsert>): Promise<void> {
  await db
    .update(exposure)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(exposure.id, id));
}

export async function insertTransmissionEvent(db: Db, row: typeof transmissionEvent.$inferInsert): Promise<EventRow> {
  const rows = await db.insert(transmissionEvent).values(row).returning();
  return rows[0] as EventRow;
}

export async function findTransmissionEvent(db: Db, id: string): Promise<EventRow | undefined> {
  const rows = await db.select().from(transmissionEvent).where(eq(transmissionEvent.id, id)).limit(1);
  return rows[0];
}

export async function updateTransmissionEvent(db: Db, id: string, changes: Partial<typeof transmissionEvent.$inferInsert>) {
  await db
    .update(transmissionEvent)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(transmissionEvent.id, id));
}

export async function deleteTransmissionEvent(db: Db, id: string): Promise<void> {
  await db.delete(transmissionEvent).where(eq(transmissionEvent.id, id));
}

export async function listTransmissionEvents(db: Db, paths: string[], limit: number, offset: number) {
  const where = underAnyPath(transmissionEvent.jurisdictionPath, paths);
  const [items, count] = await Promise.all([
    db.select().from(transmissionEvent).where(where).orderBy(desc(transmissionEvent.fromAt)).limit(limit).offset(offset),
    db.select({ n: sql<number>`count(*)::int` }).from(transmissionEvent).where(where),
  ]);
  return { items, total: count[0]?.n ?? 0 };
}
