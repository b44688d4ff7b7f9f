import type { CalendarDate } from '@fangkong/core';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { queryRows } from '../db/query-rows.ts';

/** What an anonymised person (and copies of their identity) is called in lists: their name is gone. */
export const ANONYMISED_NAME = '已匿名';

/** A lookup hash no keyed hash can equal (it has a colon), unique per row: an ID search never finds the row again. */
const deadHash = (table: string) => sql`'anonymised:' || ${sql.identifier(table)}.id::text`;

export interface AnonymisedPerson {
  id: string;
  /** What is kept of the birth date (core `generalisedBirthDate`). */
  birthDate: CalendarDate | null;
}

export interface AnonymisedCounts {
  persons: number;
  episodes: number;
  observations: number;
  episodeEvents: number;
  declarations: number;
  exposures: number;
  outsiderRegistrations: number;
  assistRequests: number;
  oneTimeCodes: number;
}

const count = async (db: Db, query: SQL) => (await queryRows<{ id: string }>(db, query)).length;
const list = (ids: readonly string[]) =>
  sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );

/**
 * Name, ID (hash, cipher, mask), phone, address and household go; sex, the birth year and the jurisdiction
 * stay, so counts by place, sex and age band do not change, and every record pointing to the person still does.
 * `emptyCipher` is the data key's encryption of '': whatever decrypts an ID number gets nothing back.
 */
function clearPersons(db: Db, people: readonly AnonymisedPerson[], emptyCipher: string, now: Date): Promise<number> {
  const values = sql.join(
    people.map((p) => sql`(${p.id}::uuid, ${p.birthDate}::date)`),
    sql`, `,
  );
  return count(
    db,
    sql`update person set name = ${ANONYMISED_NAME}, id_hash = ${deadHash('person')}, id_cipher = ${emptyCipher}, id_masked = '',
          phone_cipher = null, phone_masked = null, phone_hash = null, address_cipher = null, address_masked = null,
          household_id = null, household_role = null, birth_date = v.birth_date,
          anonymised_at = ${now.toISOString()}::timestamptz, updated_at = ${now.toISOString()}::timestamptz
        from (values ${values}) as v(id, birth_date)
        where person.id = v.id and person.anonymised_at is null returning person.id`,
  );
}

/**
 * Free text and places that point back to the person in their episodes. An episode's `updated_at` stays: it
 * dates the closure the retention period counts from.
 */
async function clearEpisodes(db: Db, ids: SQL) {
  const episodes = sql`select id from key_person_episode where person_id in (${ids})`;
  return {
    episodes: await count(
      db,
      sql`update key_person_episode set home_seal = null, household_id = null
          where person_id in (${ids}) and (home_seal is not null or household_id is not null) returning id`,
    ),
    observations: await count(
      db,
      sql`update health_observation set not_measured_reason = null
          where episode_id in (${episodes}) and not_measured_reason is not null returning id`,
    ),
    episodeEvents: await count(
      db,
      sql`update episode_event set details = details - 'notMeasuredReason' - 'reason'
          where person_id in (${ids}) and jsonb_exists_any(details, array['notMeasuredReason', 'reason']) returning id`,
    ),
  };
}

/** Copies of the person's identity and words kept elsewhere: registrations at a gate, 协查 requests, notes, declarations. */
async function clearCopies(db: Db, ids: SQL, emptyCipher: string) {
  return {
    declarations: await count(
      db,
      sql`update health_declaration set travel = '[]'::jsonb where person_id in (${ids}) and travel <> '[]'::jsonb returning id`,
    ),
    exposures: await count(
      db,
      sql`update exposure set decision_note = null where person_id in (${ids}) and decision_note is not null returning id`,
    ),
    outsiderRegistrations: await count(
      db,
      sql`update outsider_registration set name = ${ANONYMISED_NAME}, id_hash = ${deadHash('outsider_registration')}, id_masked = '', phone_masked = null
          where person_id in (${ids}) returning id`,
    ),
    assistRequests: await count(
      db,
      sql`update assist_request set name = ${ANONYMISED_NAME}, id_hash = ${deadHash('assist_request')}, id_cipher = ${emptyCipher}, id_masked = '',
            phone_cipher = null, phone_masked = null, address_cipher = ${emptyCipher}, address_masked = '', routed_by = null
          where person_id in (${ids}) returning id`,
    ),
    oneTimeCodes: await count(db, sql`delete from one_time_code where person_id in (${ids}) returning id`),
  };
}

/** Anonymises the people and everything that copies their identity, inside the caller's transaction. */
export async function anonymisePeople(
  db: Db,
  people: readonly AnonymisedPerson[],
  emptyCipher: string,
  now: Date,
): Promise<AnonymisedCounts> {
  const ids = list(people.map((p) => p.id));
  const persons = await clearPersons(db, people, emptyCipher, now);
  return { persons, ...(await clearEpisodes(db, ids)), ...(await clearCopies(db, ids, emptyCipher)) };
}
