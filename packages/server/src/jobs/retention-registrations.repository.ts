import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { queryRows } from '../db/query-rows.ts';
import { ANONYMISED_NAME } from './retention-anonymise.repository.ts';
import { cutoffByPath, type ScopeCutoff } from './retention-scan.repository.ts';

/**
 * Real-name registrations of someone's presence (issue 16): a night at a hotel (PUB-007), a visit through a
 * community's gate (COMM-012), a purchase at a pharmacy (PHAR-001), a person named in a community's report of a
 * refusal (SC-39), counted from the report's close. Like a scan they record where a person was, so
 * they are kept the scan period; then the person's name, ID and phone (and a vehicle's plate) go and the row stays,
 * so the day's counts and the sentinel series do not change. A sale not yet handed over (PHAR-002) waits for it.
 */
interface RegistrationTable {
  table: string;
  /** When the presence was, as a timestamptz. */
  when: SQL;
  /** The row still holds personal data. */
  identified: SQL;
  /** Rows the period does not apply to yet. */
  waits?: SQL;
  clear: (emptyCipher: string) => SQL;
}

const dead = (table: string) => sql`'anonymised:' || ${sql.identifier(table)}.id::text`;

export const REGISTRATION_TABLES = {
  hotelGuests: {
    table: 'hotel_guest',
    when: sql`(check_in_on::timestamp at time zone 'Asia/Shanghai')`,
    identified: sql`name_masked <> ${ANONYMISED_NAME}`,
    clear: (empty) =>
      sql`name_masked = ${ANONYMISED_NAME}, name_cipher = ${empty}, id_hash = ${dead('hotel_guest')}, id_masked = '',
          id_cipher = ${empty}, phone_masked = null, phone_cipher = null`,
  },
  entryLedger: {
    table: 'entry_ledger',
    when: sql`entered_at`,
    identified: sql`name_masked is distinct from ${ANONYMISED_NAME}`,
    clear: () => sql`name_masked = ${ANONYMISED_NAME}, name_cipher = null, plate = null`,
  },
  pharmacySales: {
    table: 'pharmacy_sale',
    when: sql`sold_at`,
    identified: sql`buyer_name_masked <> ${ANONYMISED_NAME}`,
    waits: sql`shared_at is null`,
    clear: (empty) =>
      sql`buyer_name_masked = ${ANONYMISED_NAME}, buyer_name_cipher = ${empty}, buyer_id_hash = ${dead('pharmacy_sale')},
          buyer_id_masked = '', buyer_id_cipher = ${empty}, buyer_phone_masked = '', buyer_phone_cipher = ${empty}`,
  },
  // SC-38/SC-39: the named person of a report (a refusal's subject), once the report is closed; an open one waits.
  communityReports: {
    table: 'community_report',
    when: sql`closed_at`,
    identified: sql`subject_name_masked is not null and subject_name_masked <> ${ANONYMISED_NAME}`,
    waits: sql`state = 'open'`,
    clear: () => sql`subject_name_masked = ${ANONYMISED_NAME}, subject_name_cipher = null`,
  },
} as const satisfies Record<string, RegistrationTable>;
export type RegistrationKind = keyof typeof REGISTRATION_TABLES;

function dueWhere(kind: RegistrationKind, cutoffs: readonly ScopeCutoff[]): SQL {
  const t: RegistrationTable = REGISTRATION_TABLES[kind];
  const due = sql`${t.identified} and ${t.when} < ${cutoffByPath(sql`jurisdiction_path`, cutoffs)}`;
  return t.waits ? sql`${due} and not (${t.waits})` : due;
}

/** Anonymises up to `limit` due rows of one table; answers their ids (fewer than `limit`: the table is done). */
export async function anonymiseRegistrationBatch(
  db: Db,
  kind: RegistrationKind,
  cutoffs: readonly ScopeCutoff[],
  emptyCipher: string,
  now: Date,
  limit: number,
): Promise<string[]> {
  const t: RegistrationTable = REGISTRATION_TABLES[kind];
  const table = sql.identifier(t.table);
  const rows = await queryRows<{ id: string }>(
    db,
    sql`update ${table} set ${t.clear(emptyCipher)}, updated_at = ${now.toISOString()}::timestamptz
        where id in (select id from ${table} where ${dueWhere(kind, cutoffs)} order by id limit ${limit}) returning id`,
  );
  return rows.map((r) => r.id);
}

/** How many rows of one table a run would anonymise now (the dry run). */
export async function countRegistrationsDue(db: Db, kind: RegistrationKind, cutoffs: readonly ScopeCutoff[]): Promise<number> {
  const table = sql.identifier(REGISTRATION_TABLES[kind].table);
  const rows = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${table} where ${dueWhere(kind, cutoffs)}`);
  return rows[0]?.n ?? 0;
}
