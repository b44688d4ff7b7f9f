import { and, asc, eq, like, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { jurisdiction, keyPersonEpisode, person, place } from '../../db/schema/index.ts';
import { underAnyPath } from '../../db/scope-sql.ts';
import type { PersonInsert } from './person-record.ts';

export type PersonRow = typeof person.$inferSelect;

export type PersonMatch = { idHash: string } | { phoneHash: string } | { namePrefix: string } | null;

export interface PersonSearch {
  scopePaths: string[];
  match: PersonMatch;
  limit: number;
  offset: number;
}

function matchCondition(match: PersonMatch): SQL | undefined {
  if (!match) return undefined;
  if ('idHash' in match) return eq(person.idHash, match.idHash);
  if ('phoneHash' in match) return eq(person.phoneHash, match.phoneHash);
  return like(person.name, `${match.namePrefix}%`);
}

const listColumns = {
  id: person.id,
  name: person.name,
  gender: person.gender,
  birthDate: person.birthDate,
  idType: person.idType,
  idMasked: person.idMasked,
  phoneMasked: person.phoneMasked,
  addressMasked: person.addressMasked,
  householdId: person.householdId,
  jurisdictionId: person.jurisdictionId,
  jurisdictionName: jurisdiction.name,
};

/** A lookup by ID or phone hash matches a handful of rows: their number is the count, no second query. */
export async function searchPersons(db: Db, search: PersonSearch) {
  const where = and(underAnyPath(person.jurisdictionPath, search.scopePaths), matchCondition(search.match));
  const items = await db
    .select(listColumns)
    .from(person)
    .innerJoin(jurisdiction, eq(jurisdiction.id, person.jurisdictionId))
    .where(where)
    .orderBy(asc(person.jurisdictionPath), asc(person.name), asc(person.id))
    .limit(search.limit)
    .offset(search.offset);
  const exact = search.match !== null && !('namePrefix' in search.match);
  if (exact && search.offset === 0 && items.length < search.limit) return { items, total: items.length };
  const counted = await db.select({ total: sql<number>`count(*)::int` }).from(person).where(where);
  return { items, total: counted[0]?.total ?? 0 };
}

export async function findPersonById(db: Db, id: string) {
  const rows = await db
    .select({ person, jurisdictionName: jurisdiction.name, householdName: place.name })
    .from(person)
    .innerJoin(jurisdiction, eq(jurisdiction.id, person.jurisdictionId))
    .leftJoin(place, eq(place.id, person.householdId))
    .where(eq(person.id, id))
    .limit(1);
  return rows[0];
}

export async function findPersonByIdHash(db: Db, idHash: string): Promise<PersonRow | undefined> {
  const rows = await db.select().from(person).where(eq(person.idHash, idHash)).limit(1);
  return rows[0];
}

export async function insertPerson(db: Db, row: PersonInsert): Promise<PersonRow> {
  const rows = await db.insert(person).values(row).returning();
  return rows[0] as PersonRow;
}

export async function updatePerson(db: Db, id: string, changes: Partial<PersonInsert>): Promise<PersonRow> {
  const rows = await db
    .update(person)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(person.id, id))
    .returning();
  return rows[0] as PersonRow;
}

export async function householdMembers(db: Db, householdId: string) {
  return db
    .select({ id: person.id, name: person.name, householdRole: person.householdRole, idMasked: person.idMasked })
    .from(person)
    .where(eq(person.householdId, householdId))
    .orderBy(asc(person.name));
}

/** Whether the person is in an active episode at a quarantine site inside one of the subtrees. */
export async function placedAtSiteUnder(db: Db, personId: string, sitePaths: readonly string[]): Promise<boolean> {
  if (sitePaths.length === 0) return false;
  const rows = await db
    .select({ id: keyPersonEpisode.id })
    .from(keyPersonEpisode)
    .innerJoin(place, eq(place.id, keyPersonEpisode.siteId))
    .where(
      and(eq(keyPersonEpisode.personId, personId), eq(keyPersonEpisode.status, 'active'), underAnyPath(place.jurisdictionPath, sitePaths)),
    )
    .limit(1);
  return rows.length > 0;
}
