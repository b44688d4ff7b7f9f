import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { queryRows } from '../../../db/query-rows.ts';
import { uuidList } from '../testing-sql.ts';

/** An environment sample whose tube has just been resulted, with its place. */
export interface ResultedSampleRow {
  id: string;
  tube_id: string;
  barcode: string;
  result: string;
  specimen_kind: string;
  cold_chain: boolean;
  batch_number: string | null;
  goods_description: string | null;
  place_id: string;
  place_name: string;
  place_kind: string;
  jurisdiction_path: string;
  edition_id: string;
}

/** The environment samples among resulted tubes (unique index on tube_id): the rest are people's tubes. */
export async function resultedSamplesOf(db: Db, tubeIds: readonly string[]): Promise<ResultedSampleRow[]> {
  if (tubeIds.length === 0) return [];
  return queryRows<ResultedSampleRow>(
    db,
    sql`select es.id, es.tube_id, t.barcode, lr.result, es.specimen_kind, es.cold_chain, es.batch_number, es.goods_description,
          es.place_id, p.name as place_name, p.kind as place_kind, es.jurisdiction_path, es.edition_id
        from environment_sample es join tube t on t.id = es.tube_id join lab_result lr on lr.id = es.tube_id
        join place p on p.id = es.place_id
        where es.tube_id in ${uuidList(tubeIds)}`,
  );
}

export interface FollowUpTaskInsert {
  kind: string;
  jurisdictionPath: string;
  dueAt: Date;
  details: Record<string, unknown>;
}

/**
 * One task of a kind per sample: a result handed over twice does not set the work off twice. A task
 * closed because a correction withdrew the positive does not count: corrected back to positive, the
 * work is handed out again.
 */
export async function insertTaskOnce(db: Db, row: FollowUpTaskInsert): Promise<boolean> {
  const sampleId = String(row.details.sampleId);
  const rows = await queryRows<{ id: string }>(
    db,
    sql`insert into task (kind, status, due_at, details, jurisdiction_path)
        select ${row.kind}, 'open', ${row.dueAt.toISOString()}::timestamptz, ${JSON.stringify(row.details)}::jsonb, ${row.jurisdictionPath}
        where not exists (
          select 1 from task where status in ('open', 'closed') and kind = ${row.kind} and jurisdiction_path = ${row.jurisdictionPath}
            and details->>'source' = 'environment' and details->>'sampleId' = ${sampleId}
            and (details->>'closedReason') is distinct from 'resultCorrected'
        )
        returning id`,
  );
  return rows.length > 0;
}

export interface EnvironmentTaskRow {
  id: string;
  kind: string;
  status: string;
  jurisdiction_path: string;
  details: Record<string, unknown>;
}

export async function findEnvironmentTask(db: Db, id: string): Promise<EnvironmentTaskRow | undefined> {
  const rows = await queryRows<EnvironmentTaskRow>(
    db,
    sql`select id, kind, status, jurisdiction_path, details from task where id = ${id} and details->>'source' = 'environment'`,
  );
  return rows[0];
}

export async function closeTaskRow(db: Db, id: string, at: Date, closing: Record<string, unknown>): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`update task set status = 'closed', closed_at = ${at.toISOString()}::timestamptz, updated_at = ${at.toISOString()}::timestamptz,
          details = details || ${JSON.stringify(closing)}::jsonb
        where id = ${id} and status = 'open' returning id`,
  );
  return rows.length > 0;
}
