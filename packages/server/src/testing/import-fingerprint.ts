// What a lab import and a roster import leave in the database, as a row count and a checksum per
// table, so two databases that took the same files (one crashed and resumed, one clean) can be
// compared. Each row is read by its natural key (barcode, ID-number hash, category, dates), never
// by generated ids or the moment it was written: those differ between two databases by design.
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { queryRows } from '../db/query-rows.ts';

export interface TableFingerprint {
  rows: number;
  checksum: string;
}

export type Fingerprint = Record<string, TableFingerprint>;

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const TIME_OF_DAY = 'T[0-9:.]+(Z|[+-][0-9:]+)';

/** A json or text value with its generated ids and times of day blanked (dates are kept). */
const natural = (value: SQL) => sql`regexp_replace(regexp_replace(${value}::text, ${UUID}, 'id', 'g'), ${TIME_OF_DAY}, '', 'g')`;

const personKey = (alias: string) => sql.raw(`(select id_hash from person where id = ${alias}.person_id)`);

/** One natural row per table row; the table name keys the answer. */
const NATURAL_ROWS: Record<string, SQL> = {
  lab_result: sql`select row(barcode, result, lab_name, extract(epoch from tested_at), source, jurisdiction_path, import_job_id is not null)::text as r from lab_result`,
  tube: sql`select row(barcode, status, member_count)::text as r from tube`,
  person: sql`select row(id_hash, name, id_masked, jurisdiction_path)::text as r from person`,
  key_person_episode: sql`select row(${personKey('e')}, category, start_date, status, management_type, planned_release_date, planned_end_date, source, jurisdiction_path)::text as r from key_person_episode e`,
  schedule_item: sql`select row(${personKey('e')}, e.category, s.kind, s.test_kind, s.due_date, s.status, s.jurisdiction_path)::text as r
    from schedule_item s join key_person_episode e on e.id = s.episode_id`,
  episode_event: sql`select row(${personKey('v')}, v.kind)::text as r from episode_event v`,
  task: sql`select row(kind, status, ${personKey('t')}, ${natural(sql.raw('details'))}, jurisdiction_path)::text as r from task t`,
  // The report, information and disinfection reminder sweeps raise their own alerts at every server start (a crashed run starts four
  // times): not the import's.
  alert: sql`select row(kind, status, ${natural(sql.raw('dedup_key'))}, ${natural(sql.raw('details'))}, jurisdiction_path)::text as r from alert
    where kind not in ('report_due', 'report_late', 'info_daily_due', 'info_daily_late', 'opinion_overdue', 'disinfection_overdue')`,
  // One job per file (a crash resumed the job, never started a second), with the same final counts.
  import_job: sql`select row(kind, file_hash, status, total, processed, created, existing, failed)::text as r from import_job`,
  // Every audited write once: logins and the server's own sweeps happen once per start, so they are left out.
  audit_event: sql`select row(action, entity_type, jurisdiction_path)::text as r from audit_event
    where action not like 'auth.%' and action not like 'jobs.%'`,
};

export async function importFingerprint(db: Db): Promise<Fingerprint> {
  const fingerprint: Fingerprint = {};
  for (const [table, rows] of Object.entries(NATURAL_ROWS)) {
    const [found] = await queryRows<{ rows: number; checksum: string }>(
      db,
      sql`select count(*)::int as rows, coalesce(md5(string_agg(r, E'\\n' order by r)), '') as checksum from (${rows}) natural_rows`,
    );
    fingerprint[table] = found ?? { rows: 0, checksum: '' };
  }
  return fingerprint;
}

/** The tables whose count or checksum differ between two fingerprints. */
export function fingerprintMismatches(got: Fingerprint, expected: Fingerprint): string[] {
  return Object.keys(expected).filter(
    (table) => got[table]?.rows !== expected[table]?.rows || got[table]?.checksum !== expected[table]?.checksum,
  );
}
