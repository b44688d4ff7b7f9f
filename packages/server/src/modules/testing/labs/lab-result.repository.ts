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

/**
 * Applies a batch of results in one statement: the batch is one JSON parameter (no COPY, same SQL on
 * PGlite and PostgreSQL), matched to tubes by barcode, written once per tube (the unique tube_id
 * makes a second import change nothing), and tubes a lab received while still open are closed.
 * Answers only what the caller needs: the rows not applied, the count written, and the tubes that
 * set off follow-up.
 */
export async function applyLabBatch(db: Db, entries: readonly LabEntry[], meta: BatchMeta): Promise<BatchOutcome> {
  const payload = JSON.stringify(entries.map((e) => ({ r: e.row, b: e.barcode, v: e.result, t: e.testedAt, l: e.lab })));
  const now = meta.now.toISOString();
  const rows = await queryRows<Row>(
    db,
    sql`with s as (
      select * from json_to_recordset(${payload}::json) as x(r int, b text, v text, t timestamptz, l text)
    ), m as (
      select s.*, t.id as tube_id, t.member_count, t.status as tube_status, t.jurisdiction_path as path, lr.result as prior
      from s
      left join tube t on t.barcode = s.b and ${pathUnder(sql`t.jurisdiction_path`, meta.scope)}
      left join lab_result lr on lr.tube_id = t.id
    ), ok as (
      select * from m where tube_id is not null and member_count > 0 and prior is null
    ), ins as (
      insert into lab_result (tube_id, barcode, result, lab_name, tested_at, received_at, source, import_job_id, reported_by, jurisdiction_path)
      select tube_id, b, v, l, t, ${now}::timestamptz, ${meta.source}::text, ${meta.jobId}::uuid, ${meta.userId}::uuid, path from ok
      on conflict (tube_id) do nothing
      returning tube_id, result
    ), received as (
      update tube set status = 'closed', closed_at = ${now}::timestamptz, updated_at = ${now}::timestamptz
      where id in (select tube_id from ok where tube_status = 'open')
      returning id
    )
    select 'problem' as kind, r as row_no,
      case when tube_id is null then 'unknownBarcode' when member_count = 0 then 'tubeNotSampled'
           when prior <> v then 'resultConflict' else 'existing' end as code,
      null::uuid as tube_id, null::text as result, null::int as member_count, null::uuid as retest_of, null::text as edition_id
    from m where not (tube_id is not null and member_count > 0 and prior is null)
    union all
    select 'created', (select count(*)::int from ins), null, null, null, null, null, null
    union all
    select 'followUp', null, null, ins.tube_id, ins.result, t.member_count, t.retest_of_tube_id, t.edition_id
    from ins join tube t on t.id = ins.tube_id
    where ins.result <> 'negative' or t.retest_of_tube_id is not null`,
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
