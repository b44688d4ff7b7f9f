import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { queryRows } from '../../../db/query-rows.ts';
import { pathUnder } from '../testing-sql.ts';

/** A place with what its environment samples say: latest sample, latest positive and negative (by sampling time). */
export interface PlaceStatusRow {
  id: string;
  kind: string;
  name: string;
  code: string;
  jurisdiction_id: string;
  jurisdiction_name: string;
  jurisdiction_path: string;
  created_at: Date | string;
  samples: number;
  last_sampled_at: Date | string | null;
  last_positive_at: Date | string | null;
  last_negative_at: Date | string | null;
  /** With a batch: the place's samples of that batch and how many were positive. */
  batch_samples: number;
  batch_positives: number;
}

export interface PlaceStatusFilter {
  paths: readonly string[];
  /** Places of these kinds (the plans), or any kind. */
  kinds?: readonly string[];
  /** Only places with at least one positive sample. */
  positiveOnly?: boolean;
  /** Only places with a sample of this batch. */
  batchNumber?: string;
  placeId?: string;
}

function whereOf(filter: PlaceStatusFilter): SQL {
  const parts = [pathUnder(sql`p.jurisdiction_path`, filter.paths)];
  if (filter.kinds) parts.push(sql`p.kind in (select value from json_array_elements_text(${JSON.stringify(filter.kinds)}::json))`);
  if (filter.positiveOnly) parts.push(sql`s.last_positive_at is not null`);
  if (filter.batchNumber) parts.push(sql`s.batch_samples > 0`);
  if (filter.placeId) parts.push(sql`p.id = ${filter.placeId}`);
  return sql.join(parts, sql` and `);
}

/** One lateral aggregate per place over its samples (index on place and sampling time). */
export async function placeStatusRows(db: Db, filter: PlaceStatusFilter): Promise<PlaceStatusRow[]> {
  const batch = filter.batchNumber ?? null;
  return queryRows<PlaceStatusRow>(
    db,
    sql`select p.id, p.kind, p.name, p.code, p.jurisdiction_id, j.name as jurisdiction_name, p.jurisdiction_path, p.created_at,
          s.samples, s.last_sampled_at, s.last_positive_at, s.last_negative_at, s.batch_samples, s.batch_positives
        from place p
        join jurisdiction j on j.id = p.jurisdiction_id
        cross join lateral (
          select count(*)::int as samples, max(es.sampled_at) as last_sampled_at,
            max(es.sampled_at) filter (where lr.result = 'positive') as last_positive_at,
            max(es.sampled_at) filter (where lr.result = 'negative') as last_negative_at,
            count(*) filter (where es.batch_number = ${batch}::text)::int as batch_samples,
            count(*) filter (where es.batch_number = ${batch}::text and lr.result = 'positive')::int as batch_positives
          from environment_sample es left join lab_result lr on lr.id = es.tube_id
          where es.place_id = p.id
        ) s
        where ${whereOf(filter)}
        order by p.jurisdiction_path, p.code`,
  );
}
