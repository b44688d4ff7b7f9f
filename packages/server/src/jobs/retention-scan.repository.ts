import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { queryRows } from '../db/query-rows.ts';

/** One scope's cut-off: rows under a jurisdiction path starting with `pathPart` and older than `before` are due (null: none). */
export interface ScopeCutoff {
  pathPart: string;
  before: Date | null;
}

const instant = (before: Date | null) => (before === null ? sql`'-infinity'::timestamptz` : sql`${before.toISOString()}::timestamptz`);

/**
 * The cut-off of each row's jurisdiction in SQL, the most specific scope first (core `retentionRulesAt` answers
 * the same for one path); the general scope (`/`) is last.
 */
export function cutoffByPath(pathColumn: SQL, cutoffs: readonly ScopeCutoff[]): SQL {
  const general = cutoffs.at(-1);
  if (!general) return sql`null::timestamptz`;
  const whens = cutoffs.slice(0, -1).map((c) => sql`when ${pathColumn} like ${`${c.pathPart}%`} then ${instant(c.before)}`);
  const otherwise = instant(general.before);
  return whens.length === 0 ? otherwise : sql`(case ${sql.join(whens, sql` `)} else ${otherwise} end)`;
}

/** The movement records kept for the scan period: place-code and checkpoint scans, and household-pass uses at a gate. */
export const MOVEMENT_TABLES = {
  scans: { table: 'scan', time: 'scanned_at', lastKey: sql`max(id)::text`, keyType: sql`bigint` },
  passUses: { table: 'pass_use', time: 'used_at', lastKey: sql`max(id::text)`, keyType: sql`uuid` },
} as const;
export type MovementTable = keyof typeof MOVEMENT_TABLES;

function dueWhere(kind: MovementTable, cutoffs: readonly ScopeCutoff[], after: string | null): SQL {
  const t = MOVEMENT_TABLES[kind];
  const due = sql`${sql.identifier(t.time)} < ${cutoffByPath(sql`jurisdiction_path`, cutoffs)}`;
  return after === null ? due : sql`id > ${after}::${t.keyType} and ${due}`;
}

/**
 * Deletes up to `limit` due rows after the key `after`, in key order, and gives how many went and the last key:
 * one pass over the table per run, however many batches.
 */
export async function purgeMovementBatch(
  db: Db,
  kind: MovementTable,
  cutoffs: readonly ScopeCutoff[],
  after: string | null,
  limit: number,
): Promise<{ deleted: number; lastKey: string | null }> {
  const t = MOVEMENT_TABLES[kind];
  const table = sql.identifier(t.table);
  const rows = await queryRows<{ deleted: number; last_key: string | null }>(
    db,
    sql`with gone as (
          delete from ${table} where id in (select id from ${table} where ${dueWhere(kind, cutoffs, after)} order by id limit ${limit})
          returning id)
        select count(*)::int as deleted, ${t.lastKey} as last_key from gone`,
  );
  return { deleted: rows[0]?.deleted ?? 0, lastKey: rows[0]?.last_key ?? null };
}

/** How many rows a purge would delete now (the dry run). */
export async function countMovementDue(db: Db, kind: MovementTable, cutoffs: readonly ScopeCutoff[]): Promise<number> {
  const table = sql.identifier(MOVEMENT_TABLES[kind].table);
  const rows = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${table} where ${dueWhere(kind, cutoffs, null)}`);
  return rows[0]?.n ?? 0;
}
