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
  /**
   * Rows not applied: unknownBarcode, tubeNotSampled, resultConflict, duplicateInFile (another result
   * for a tube this import already resulted, from an earlier batch of the file), or `existing` (same result again).
   */
  problems: { row: number; code: string }[];
  followUps: ResultedTubeRow[];
}

interface Row {
  kind: 'problem' | 'followUp';
  row_no: number | null;
  code: string | null;
  tube_id: string | null;
  result: string | null;
  member_count: number | null;
  retest_of: string | null;
  edition_id: string | null;
}

/** A cell of the batch text: tabs and line breaks would split it (only a lab's name can carry them). */
const cell = (value: string) => value.replace(/[\t\r\n]/g, ' ');

/**
 * The batch as one text parameter, a line per entry (`row, barcode, result, epoch ms, lab`, tab-separated):
 * split by string_to_array on the server, which is several times cheaper than the input functions of
 * five typed arrays on PGlite, and the same SQL on both databases with no parameter ceiling.
 */
function batchText(entries: readonly LabEntry[]): string {
  return entries.map((e) => `${e.row}\t${e.barcode}\t${e.result}\t${e.testedAt}\t${cell(e.lab)}`).join('\n');
}

/**
 * Applies a batch of results in one statement: matched to tubes by barcode and written once per tube
 * (the result's id is the tube's, so a result already there is found by the primary key and reported
 * as `existing` — same result — or `resultConflict`, or `duplicateInFile` when this import wrote it). Tubes a lab received while still open are closed.
 * Tubes are found by one index probe per row (lateral), never by a scan of every tube: a district's
 * tube table grows by millions a month while a batch stays the same size. No ON CONFLICT: the rows
 * are filtered first, and a concurrent import of the same tube fails the batch on the primary key,
 * which the caller retries (see lab-import). Answers the rows not applied, the count written, and the
 * tubes that set off follow-up.
 */
export async function applyLabBatch(db: Db, entries: readonly LabEntry[], meta: BatchMeta): Promise<BatchOutcome> {
  if (entries.length === 0) return { created: 0, problems: [], followUps: [] };
  const now = meta.now.toISOString();
  const rows = await queryRows<Row>(
    db,
    sql`with s as (
      select split_part(x, E'\t', 1)::int as r, split_part(x, E'\t', 2) as b, split_part(x, E'\t', 3) as v,
        split_part(x, E'\t', 4)::bigint as ms, split_part(x, E'\t', 5) as l
      from unnest(string_to_array(${batchText(entries)}::text, E'\n')) as x
    ), m as (
      select s.*, t.id as tube_id, t.member_count, t.status as tube_status, t.retest_of_tube_id, t.edition_id,
        t.jurisdiction_path as path, lr.result as prior, lr.import_job_id as prior_job, (t.id is not null and t.member_count > 0 and lr.result is null) as fresh
      from s
      left join lateral (
        select id, member_count, status, retest_of_tube_id, edition_id, jurisdiction_path from tube
        where tube.barcode = s.b and ${pathUnder(sql`tube.jurisdiction_path`, meta.scope)} limit 1
      ) t on true
      left join lateral (select result, import_job_id from lab_result where lab_result.id = t.id) lr on true
    ), ins as (
      insert into lab_result (id, barcode, result, lab_name, tested_at, received_at, source, import_job_id, reported_by, jurisdiction_path)
      select tube_id, b, v, l, to_timestamp(ms / 1000.0), ${now}::timestamptz, ${meta.source}::text, ${meta.jobId}::uuid, ${meta.userId}::uuid, path
      from m where fresh
    ), received as (
      update tube set status = 'closed', closed_at = ${now}::timestamptz, updated_at = ${now}::timestamptz
      where id in (select tube_id from m where fresh and tube_status = 'open')
    )
    select 'problem' as kind, r as row_no,
      case when tube_id is null then 'unknownBarcode' when member_count = 0 then 'tubeNotSampled'
           when prior = v then 'existing' when prior_job = ${meta.jobId}::uuid then 'duplicateInFile' else 'resultConflict' end as code,
      null::uuid as tube_id, null::text as result, null::int as member_count, null::uuid as retest_of, null::text as edition_id
    from m where not fresh
    union all
    select 'followUp', null, null, tube_id, v, member_count, retest_of_tube_id, edition_id
    from m where fresh and (v <> 'negative' or retest_of_tube_id is not null)`,
  );
  const problems = rows.filter((r) => r.kind === 'problem').map((r) => ({ row: r.row_no ?? 0, code: r.code ?? 'invalidValue' }));
  return {
    // Every row of the batch is either written or a problem.
    created: entries.length - problems.length,
    problems,
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

/**
 * A batch's statements are estimated as costly (50 000 index probes), which makes PostgreSQL compile
 * them with JIT in every batch — about a tenth of the apply's time, for plans that run once.
 */
export async function withoutJit(tx: Db): Promise<void> {
  await tx.execute(sql`set local jit = off`);
}

/**
 * Fresh planner statistics for the tables a large import grew: without them a query right after the
 * import (the dashboard's) is planned for the tables as they were — on PGlite, which has no
 * autovacuum, for good. ANALYZE samples a fixed number of rows, so it costs little at any size.
 */
export async function analyzeAfterImport(db: Db): Promise<void> {
  await db.execute(sql`analyze tube, lab_result, task, alert`);
}
