import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  episodeEvent,
  healthObservation,
  jurisdiction,
  keyPersonEpisode,
  person,
  releaseSignature,
  scheduleItem,
} from '../../db/schema/index.ts';
import { underAnyPath } from '../../db/scope-sql.ts';

export type EpisodeRow = typeof keyPersonEpisode.$inferSelect;
export type EpisodeInsert = typeof keyPersonEpisode.$inferInsert;
export type ScheduleItemRow = typeof scheduleItem.$inferSelect;

export async function insertEpisode(db: Db, row: EpisodeInsert): Promise<EpisodeRow> {
  const rows = await db.insert(keyPersonEpisode).values(row).returning();
  return rows[0] as EpisodeRow;
}

export async function updateEpisode(db: Db, id: string, changes: Partial<EpisodeInsert>): Promise<void> {
  await db
    .update(keyPersonEpisode)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(keyPersonEpisode.id, id));
}

export async function findEpisode(db: Db, id: string): Promise<EpisodeRow | undefined> {
  const rows = await db.select().from(keyPersonEpisode).where(eq(keyPersonEpisode.id, id)).limit(1);
  return rows[0];
}

export async function findActiveEpisode(db: Db, personId: string, category: string): Promise<EpisodeRow | undefined> {
  const rows = await db
    .select()
    .from(keyPersonEpisode)
    .where(and(eq(keyPersonEpisode.personId, personId), eq(keyPersonEpisode.category, category), eq(keyPersonEpisode.status, 'active')))
    .limit(1);
  return rows[0];
}

export async function insertScheduleItems(db: Db, rows: (typeof scheduleItem.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) await db.insert(scheduleItem).values(rows);
}

export async function scheduleOfEpisode(db: Db, episodeId: string): Promise<ScheduleItemRow[]> {
  return db
    .select()
    .from(scheduleItem)
    .where(eq(scheduleItem.episodeId, episodeId))
    .orderBy(asc(scheduleItem.dueDate), asc(scheduleItem.testKind));
}

export async function findScheduleItem(db: Db, id: string): Promise<ScheduleItemRow | undefined> {
  const rows = await db.select().from(scheduleItem).where(eq(scheduleItem.id, id)).limit(1);
  return rows[0];
}

export async function updateScheduleItem(db: Db, id: string, changes: Partial<typeof scheduleItem.$inferInsert>): Promise<void> {
  await db
    .update(scheduleItem)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(scheduleItem.id, id));
}

export async function cancelOpenItems(db: Db, episodeId: string): Promise<void> {
  await db
    .update(scheduleItem)
    .set({ status: 'cancelled', updatedAt: new Date() })
    .where(and(eq(scheduleItem.episodeId, episodeId), eq(scheduleItem.status, 'due'), eq(scheduleItem.kind, 'test')));
}

export async function insertEvent(db: Db, row: typeof episodeEvent.$inferInsert): Promise<void> {
  await db.insert(episodeEvent).values(row);
}

export async function eventsOfPerson(db: Db, personId: string) {
  return db
    .select()
    .from(episodeEvent)
    .where(eq(episodeEvent.personId, personId))
    .orderBy(asc(episodeEvent.at), asc(episodeEvent.createdAt));
}

export async function episodesOfPerson(db: Db, personId: string): Promise<EpisodeRow[]> {
  return db.select().from(keyPersonEpisode).where(eq(keyPersonEpisode.personId, personId)).orderBy(asc(keyPersonEpisode.createdAt));
}

export async function signaturesOf(db: Db, episodeId: string) {
  return db.select().from(releaseSignature).where(eq(releaseSignature.episodeId, episodeId));
}

export async function insertSignature(db: Db, row: typeof releaseSignature.$inferInsert): Promise<void> {
  await db.insert(releaseSignature).values(row);
}

export interface EpisodeSearch {
  scopePaths: string[];
  status?: string;
  category?: string;
  /** Also asked by the daily reports' pre-fill (people under home quarantine, DAILY-005). */
  managementType?: string;
  limit: number;
  offset: number;
}

export async function searchEpisodes(db: Db, search: EpisodeSearch) {
  const where = and(
    underAnyPath(keyPersonEpisode.jurisdictionPath, search.scopePaths),
    search.status ? eq(keyPersonEpisode.status, search.status) : undefined,
    search.category ? eq(keyPersonEpisode.category, search.category) : undefined,
    search.managementType ? eq(keyPersonEpisode.managementType, search.managementType) : undefined,
  );
  const [items, counted] = await Promise.all([
    db
      .select({
        episode: keyPersonEpisode,
        personName: person.name,
        idMasked: person.idMasked,
        jurisdictionName: jurisdiction.name,
      })
      .from(keyPersonEpisode)
      .innerJoin(person, eq(person.id, keyPersonEpisode.personId))
      .innerJoin(jurisdiction, eq(jurisdiction.id, keyPersonEpisode.jurisdictionId))
      .where(where)
      .orderBy(desc(keyPersonEpisode.startDate), asc(person.name))
      .limit(search.limit)
      .offset(search.offset),
    db.select({ total: sql<number>`count(*)::int` }).from(keyPersonEpisode).where(where),
  ]);
  return { items, total: counted[0]?.total ?? 0 };
}

export async function episodesByIds(db: Db, ids: string[]): Promise<EpisodeRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(keyPersonEpisode).where(inArray(keyPersonEpisode.id, ids));
}

export async function insertObservation(db: Db, row: typeof healthObservation.$inferInsert): Promise<string> {
  const rows = await db.insert(healthObservation).values(row).returning({ id: healthObservation.id });
  return (rows[0] as { id: string }).id;
}

export async function observationsOf(db: Db, episodeId: string) {
  return db.select().from(healthObservation).where(eq(healthObservation.episodeId, episodeId)).orderBy(desc(healthObservation.observedAt));
}
