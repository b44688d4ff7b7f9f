import type { SQL } from 'drizzle-orm';
import type { Db } from './client.ts';

/** Runs raw SQL on either driver; both answer with `{ rows }`. */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** Raw SQL answers timestamps as Date (pg) or text (PGlite through drizzle): normalize to Date. */
export function asDate(value: Date | string | null): Date | null {
  if (value === null) return null;
  return value instanceof Date ? value : new Date(value);
}
