import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { queryRows } from '../../../db/query-rows.ts';
import { pathUnder } from '../testing-sql.ts';

/** Labs named in the last 30 days of tubes. */
const RECENT_DAYS = 30;

/**
 * The labs the platform knows within the scope: those its collection points send to and those its
 * tubes of the last 30 days went to, by name, sorted.
 */
export async function knownLabNames(db: Db, scope: readonly string[], now: Date): Promise<string[]> {
  const since = new Date(now.getTime() - RECENT_DAYS * 86_400_000).toISOString();
  const rows = await queryRows<{ name: string }>(
    db,
    sql`
    select name from (
      select lab_name as name from collection_point cp where cp.lab_name is not null and ${pathUnder(sql`cp.jurisdiction_path`, scope)}
      union
      select lab_name as name from tube t where t.lab_name is not null and t.opened_at >= ${since}::timestamptz and ${pathUnder(sql`t.jurisdiction_path`, scope)}
    ) labs where name <> '' order by name`,
  );
  return rows.map((row) => row.name);
}
