import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { alert } from '../../db/schema/index.ts';

/** Which of these dedup keys were raised already: the reminder sweep asks once instead of inserting each again every minute. */
export async function raisedKeys(db: Db, keys: readonly string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db
    .select({ key: alert.dedupKey })
    .from(alert)
    .where(inArray(alert.dedupKey, [...keys]));
  return new Set(rows.map((r) => r.key));
}
