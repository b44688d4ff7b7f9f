import type { LabResult } from '@fangkong/core';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { queryRows } from '../../../db/query-rows.ts';
import { environmentSample } from '../../../db/schema/index.ts';
import { pathUnder } from '../testing-sql.ts';

export type EnvironmentSampleInsert = typeof environmentSample.$inferInsert;

export async function insertEnvironmentSample(db: Db, row: EnvironmentSampleInsert): Promise<string> {
  const rows = await db.insert(environmentSample).values(row).returning({ id: environmentSample.id });
  return rows[0]?.id ?? '';
}

/** A sample with its tube, place, sampler and lab result, as lists and the detail show it. */
export interface SampleRow {
  id: string;
  tube_id: string;
  barcode: string;
  lab_name: string | null;
  place_id: string;
  place_name: string;
  place_kind: string;
  jurisdiction_name: string;
  specimen_kind: string;
  goods_description: string | null;
  cold_chain: boolean;
  imported: boolean;
  origin_country: string | null;
  batch_number: string | null;
  note: string | null;
  sampled_at: Date | string;
  sampled_by_name: string | null;
  edition_id: string;
  jurisdiction_path: string;
  result: LabResult | null;
  tested_at: Date | string | null;
  open_tasks: number;
  total: number;
}

export interface SampleFilter {
  paths: readonly string[];
  placeId?: string;
  /** pending: no result yet. */
  result?: 'pending' | 'negative' | 'positive' | 'indeterminate';
  batchNumber?: string;
  limit: number;
  offset: number;
}

function filterSql(filter: Omit<SampleFilter, 'limit' | 'offset'>): SQL {
  const parts = [pathUnder(sql`es.jurisdiction_path`, filter.paths)];
  if (filter.placeId) parts.push(sql`es.place_id = ${filter.placeId}`);
  if (filter.batchNumber) parts.push(sql`es.batch_number = ${filter.batchNumber}`);
  if (filter.result === 'pending') parts.push(sql`lr.id is null`);
  else if (filter.result) parts.push(sql`lr.result = ${filter.result}`);
  return sql.join(parts, sql` and `);
}

/** Newest first; the open follow-up tasks of the page's samples are counted in one pass over open tasks. */
function pageSql(where: SQL, limit: number, offset: number): SQL {
  return sql`with page as (
      select es.id, es.tube_id, t.barcode, t.lab_name, es.place_id, p.name as place_name, p.kind as place_kind, j.name as jurisdiction_name,
        es.specimen_kind, es.goods_description, es.cold_chain, es.imported, es.origin_country, es.batch_number, es.note,
        es.sampled_at, u.display_name as sampled_by_name, es.edition_id, es.jurisdiction_path, lr.result, lr.tested_at,
        count(*) over ()::int as total
      from environment_sample es
      join tube t on t.id = es.tube_id
      join place p on p.id = es.place_id
      join jurisdiction j on j.id = es.jurisdiction_id
      left join lab_result lr on lr.id = es.tube_id
      left join app_user u on u.id = es.sampled_by
      where ${where}
      order by es.sampled_at desc, es.id limit ${limit} offset ${offset}
    ), open_task as (
      select k.details->>'sampleId' as id, count(*)::int as n from task k
      where k.status = 'open' and k.details->>'source' = 'environment' and k.details->>'sampleId' in (select id::text from page)
      group by 1
    )
    select page.*, coalesce(o.n, 0) as open_tasks from page left join open_task o on o.id = page.id::text
    order by page.sampled_at desc, page.id`;
}

export async function sampleRows(db: Db, filter: SampleFilter): Promise<SampleRow[]> {
  return queryRows<SampleRow>(db, pageSql(filterSql(filter), filter.limit, filter.offset));
}

export async function findSampleRow(db: Db, id: string): Promise<SampleRow | undefined> {
  const rows = await queryRows<SampleRow>(db, pageSql(sql`es.id = ${id}`, 1, 0));
  return rows[0];
}

export interface FollowUpTaskRow {
  id: string;
  kind: string;
  status: string;
  jurisdiction_path: string;
  details: Record<string, unknown>;
  created_at: Date | string;
  closed_at: Date | string | null;
}

export interface FollowUpAlertRow {
  id: string;
  kind: string;
  status: string;
  jurisdiction_path: string;
  details: Record<string, unknown>;
  created_at: Date | string;
}

/**
 * The tasks and alerts a sample's result set off: they name the sample in their details and sit at
 * the place's, its community's or its district's path (status and path keep to the open/path index).
 */
export async function followUpOfSample(db: Db, sampleId: string, paths: readonly string[]) {
  const at = sql`jurisdiction_path in (select value from json_array_elements_text(${JSON.stringify(paths)}::json))`;
  const [tasks, alerts] = await Promise.all([
    queryRows<FollowUpTaskRow>(
      db,
      sql`select id, kind, status, jurisdiction_path, details, created_at, closed_at from task
          where status in ('open', 'closed') and ${at} and details->>'source' = 'environment' and details->>'sampleId' = ${sampleId}
          order by created_at, kind`,
    ),
    queryRows<FollowUpAlertRow>(
      db,
      sql`select id, kind, status, jurisdiction_path, details, created_at from alert
          where status in ('open', 'resolved') and ${at} and details->>'source' = 'environment' and details->>'sampleId' = ${sampleId}
          order by created_at, jurisdiction_path`,
    ),
  ]);
  return { tasks, alerts };
}
