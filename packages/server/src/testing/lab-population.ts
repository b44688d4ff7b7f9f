// Tubes for the lab-import and crash-import benchmarks and the crash-resume test, in bulk (SQL set
// operations): `tubes` closed pools of 10 in one community, every hundredth of them to come back
// positive. Positive pools get their ten members (person, sample, pool member), since the fan-out
// reads them; negative pools carry their member count only — a negative result reads no member
// row, so writing millions of them would only lengthen the set-up, not the import.
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';

export const POSITIVE_EVERY = 100;
export const POOL = 10;
export const LAB = '武进区疾控中心';
const SAMPLED_AT = '2022-07-10T08:00:00+08:00';

export const barcodeOf = (n: number) => `B${String(n).padStart(8, '0')}`;

export async function populateTubes(db: Db, villagePath: string, villageId: string, tubes: number): Promise<number> {
  await db.execute(sql`
    insert into tube (barcode, pool_size, zone_type, setting, status, member_count, opened_at, closed_at, lab_name, edition_id, jurisdiction_path)
    select 'B' || lpad(g::text, 8, '0'), ${POOL}, 'general', 'campaign', 'closed', ${POOL}, ${SAMPLED_AT}::timestamptz,
      ${SAMPLED_AT}::timestamptz + interval '1 hour', ${LAB}, 'cn-2022-9th', ${villagePath}
    from generate_series(1, ${tubes}) g`);
  const members = Math.floor(tubes / POSITIVE_EVERY) * POOL;
  await db.execute(sql`
    insert into person (id_type, id_hash, id_cipher, id_masked, name, jurisdiction_id, jurisdiction_path)
    select 'resident_id', 'bench-' || k, 'v1.x', '320412********' || lpad((k % 10000)::text, 4, '0'), '测试' || k, ${villageId}, ${villagePath}
    from generate_series(1, ${members}) k`);
  await db.execute(sql`
    insert into sample (person_id, purpose, payer, sampled_at, jurisdiction_path)
    select p.id, 'campaign', 'government', ${SAMPLED_AT}::timestamptz, p.jurisdiction_path from person p where p.id_hash like 'bench-%'`);
  await db.execute(sql`
    insert into pool_member (tube_id, sample_id, person_id, position, jurisdiction_path)
    select t.id, s.id, s.person_id, ((k.n - 1) % ${POOL}) + 1, s.jurisdiction_path
    from sample s join person p on p.id = s.person_id
    cross join lateral (select substr(p.id_hash, 7)::int as n) k
    join tube t on t.barcode = 'B' || lpad(((((k.n - 1) / ${POOL}) + 1) * ${POSITIVE_EVERY})::text, 8, '0')`);
  await db.execute(sql`analyze`);
  return members;
}

/** The lab's file: one row per tube (tubes `from`…`to`), UTF-8 CSV as lab systems export it. */
export function labCsv(tubes: number, from = 1): Buffer {
  const lines = ['条码,结果,检测时间,检测机构'];
  for (let n = from; n < from + tubes; n++) {
    const minute = String(n % 60).padStart(2, '0');
    lines.push(`${barcodeOf(n)},${n % POSITIVE_EVERY === 0 ? '阳性' : '阴性'},2022-07-10 14:${minute},${LAB}`);
  }
  return Buffer.from(`${lines.join('\n')}\n`, 'utf8');
}
