import { sql } from 'drizzle-orm';
import type { Db } from './client.ts';
import { queryRows } from './query-rows.ts';

/** Row count and an order-independent checksum of every column of every row. */
export interface TableFingerprint {
  rows: number;
  checksum: string;
}

/** Keyed `schema.table` for tables and `sequence schema.name` for sequences (their last value). */
export type Fingerprints = Record<string, TableFingerprint>;

const TABLES = sql`
  select n.nspname as schema, c.relname as name
  from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema')
    and n.nspname not like 'pg\\_toast%' and n.nspname not like 'pg\\_temp%'
  order by 1, 2`;

const SEQUENCES = sql`
  select schemaname as schema, sequencename as name, last_value::text as value from pg_sequences order by 1, 2`;

/**
 * The sum of the first 60 bits of each row's md5 is independent of row order and of the table's
 * size in memory (a string_agg of a million rows would not fit). The row text depends on the
 * session's time zone and float format, so both are fixed for the comparison.
 */
function tableFingerprint(schema: string, name: string) {
  const table = sql.raw(`"${schema.replaceAll('"', '""')}"."${name.replaceAll('"', '""')}"`);
  return sql`select count(*)::int as rows,
    coalesce(sum(('x' || substr(md5(t::text), 1, 15))::bit(60)::bigint), 0)::text as checksum from ${table} t`;
}

/** Fingerprints of every table and sequence outside the system schemas (app tables and Drizzle's migrations). */
export async function fingerprintDatabase(db: Db): Promise<Fingerprints> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local timezone = 'UTC'`);
    await tx.execute(sql`set local extra_float_digits = 1`);
    const result: Fingerprints = {};
    for (const { schema, name } of await queryRows<{ schema: string; name: string }>(tx, TABLES)) {
      const [row] = await queryRows<TableFingerprint>(tx, tableFingerprint(schema, name));
      if (row) result[`${schema}.${name}`] = { rows: Number(row.rows), checksum: row.checksum };
    }
    for (const { schema, name, value } of await queryRows<{ schema: string; name: string; value: string | null }>(tx, SEQUENCES)) {
      result[`sequence ${schema}.${name}`] = { rows: 0, checksum: value ?? 'unused' };
    }
    return result;
  });
}
