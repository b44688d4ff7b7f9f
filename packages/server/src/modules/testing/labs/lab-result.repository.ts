import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { queryRows } from '../../../db/query-rows.ts';
import { pathUnder } from '../testing-sql.ts';
import type { LabEntry } from './lab-row.ts';

export interface BatchMeta {
  /** The caller's labResult subtrees: a tube outside them is an unknown barcode. */
  scope: readonly string[];
  now: Date;
  source: 'csv' | 'xlsx' | 'api';
  jobId: string | null;
  userId: string | null;
}

/** A tube whose new result sets something off: not negative, or a retest. */
export interface ResultedTubeRow {
  tubeId: string;
  result: string;
  memberCount: number;
  retestOfTubeId: string | null;
  editionId: string;
}

export interface BatchOutcome {
  created: number;
  /** Rows not applied: unknownBarcode, tubeNotSampled, resultConflict, or `existing` (same result again). */
  problems: { row: number; code: string }[];
  followUps: ResultedTubeRow[];
}

interface Row {
  kind: 'problem' | 'created' | 'followUp';
  row_no: number | null;
  code: string | null;
  tube_id: string | null;
  result: string | null;
  member_count: number | null;
  retest_of: string | null;
  edition_id: string | null;
}

/** A PostgreSQL array literal of texts: one parameter per column, parsed by array_in (faster than JSON). */
function textArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/[\\"]/g, '\\$&')}"`).join(',')}}`;
}

const numberArray = (values: readonly number[]) => `{${values.join(',')}}`;

/**
 * Applies a batch of results in one statement: the batch travels as one array parameter per column
 * (same SQL on PGlite and PostgreSQL, no parameter ceiling), is matched to tubes by barcode and
 * written once per tube — the result's id is the tube's, so a result already there is found by the
 * primary key and reported as `existing` (same result) or `resultConflict`. Tubes a lab received
 * while still open are closed. No ON CONFLICT: the rows are filtered first, and a concurrent import
 * of the same tube fails the batch on the primary key, which the caller retries (see lab-import).
 * Answers only the rows not applied, the count written, and the tubes that set off follow-up.
 */
export async function applyLabBatch(db: Db, entries: readonly LabEntry[], meta: BatchMeta): Promise<BatchOutcome> {
  const now = meta.now.toISOString();
  // A batch's hash joins and sort fit in memory instead of spilling to temp files (default 4 MB); this transaction only.
  await db.execute(sql`set local work_mem = '64MB'`);
  const rows = await queryRows<Row>(
    db,
    sql`with s as (
      select * from unnest(${numberArray(entries.map((e) => e.row))}::int[], ${textArray(entries.map((e) => e.barcode))}::text[],
        ${textArray(entries.map((e) => e.result))}::text[], ${numberArray(entries.map((e) => e.testedAt))}::bigint[],
        ${textArray(entries.map((e) => e.lab))}::text[]) as x(r, b, v, ms, l)
    ), m as (
      -- Lateral lookups: one index probe per row, never a scan of every tube (a hash join would read a million per batch).
      select s.*, t.id as tube_id, t.member_count, t.status as tube_status, t.retest_of_tube_id, t.edition_id,
        t.jurisdiction_path as path, lr.result as prior
      from s
      left join lateral (
        select id, member_count, status, retest_of_tube_id, edition_id, jurisdiction_path from tube
        where tube.barcode = s.b and ${pathUnder(sql`tube.jurisdiction_path`, meta.scope)} limit 1
      ) t on true
      left join lateral (select result from lab_result where lab_result.id = t.id) lr on true
    ), ok as (
      select * from m where tube_id is not null and member_count > 0 and prior is null
    ), ins as (
      insert into lab_result (id, barcode, result, lab_name, tested_at, received_at, source, import_job_id, reported_by, jurisdiction_path)
      select tube_id, b, v, l, to_timestamp(ms / 1000.0), ${now}::timestamptz, ${meta.source}::text, ${meta.jobId}::uuid, ${meta.userId}::uuid, path
      from ok order by tube_id
    ), received as (
      update tube set status = 'closed', closed_at = ${now}::timestamptz, updated_at = ${now}::timestamptz
      where id in (select tube_id from ok where tube_status = 'open')
    )
    select 'problem' as kind, r as row_no,
      case when tube_id is null then 'unknownBarcode' when member_count = 0 then 'tubeNotSampled'
           when prior <> v then 'resultConflict' else 'existing' end as code,
      null::uuid as tube_id, null::text as result, null::int as member_count, null::uuid as retest_of, null::text as edition_id
    from m where not (tube_id is not null and member_count > 0 and prior is null)
    union all
    select 'created', (select count(*)::int from ok), null, null, null, null, null, null
    union all
    select 'followUp', null, null, tube_id, v, member_count, retest_of_tube_id, edition_id
    from ok where v <> 'negative' or retest_of_tube_id is not null`,
  );
  return {
    created: rows.find((r) => r.kind === 'created')?.row_no ?? 0,
    problems: rows.filter((r) => r.kind === 'problem').map((r) => ({ row: r.row_no ?? 0, code: r.code ?? 'invalidValue' })),
    followUps: rows
      .filter((r) => r.kind === 'followUp')
      .map((r) => ({
        tubeId: r.tube_id ?? '',
        result: r.result ?? '',
        memberCount: r.member_count ?? 0,
        retestOfTubeId: r.retest_of,
        editionId: r.edition_id ?? '',
      })),
  };
}
