import { sql } from 'drizzle-orm';
import type { Db } from '../../packages/server/src/db/client.ts';
import { queryRows } from '../../packages/server/src/db/query-rows.ts';

/** Person n and place n as UUIDs, so the population is generated on the server without a round trip per row. */
export const personUuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
export const placeUuid = (n: number) => `00000000-0000-4000-9000-${n.toString(16).padStart(12, '0')}`;

const SCAN_INDEXES = [
  sql`create unique index scan_device_sequence_idx on scan (device_id, device_sequence)`,
  sql`create index scan_person_time_idx on scan (person_id, scanned_at)`,
  sql`create index scan_place_time_idx on scan (place_id, scanned_at)`,
];

export interface ScanPopulation {
  scans: number;
  people: number;
  places: number;
  days: number;
  start: Date;
}

/**
 * `scans` place-code scans spread evenly at random over `days` days, `people` and `places`, generated
 * server-side with generate_series (no rows cross the wire). The scan indexes are dropped during the load
 * and built again afterwards with the schema's own definitions, as a bulk restore would.
 */
export async function populateScans(db: Db, p: ScanPopulation): Promise<void> {
  await db.execute(sql`drop index if exists scan_device_sequence_idx, scan_person_time_idx, scan_place_time_idx`);
  const chunk = 2_000_000;
  for (let done = 0; done < p.scans; done += chunk) {
    const n = Math.min(chunk, p.scans - done);
    await db.execute(sql`
      insert into scan (person_id, place_id, scanned_at, decision, jurisdiction_path)
      select ('00000000-0000-4000-8000-' || lpad(to_hex((random() * ${p.people - 1})::int), 12, '0'))::uuid,
             ('00000000-0000-4000-9000-' || lpad(to_hex((random() * ${p.places - 1})::int), 12, '0'))::uuid,
             ${p.start.toISOString()}::timestamptz + random() * ${`${p.days} days`}::interval,
             'allow', '/32/3204/320412/'
      from generate_series(1, ${n})`);
  }
  for (const index of SCAN_INDEXES) await db.execute(index);
  await db.execute(sql`analyze scan`);
}

export async function countScans(db: Db): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from scan`);
  return row?.n ?? 0;
}
