// Puts `count` people under management in bulk (SQL set operations), with episodes spread over the
// last 21 days so that today holds due tests, overdue tests, missing checks and releases.
import { addDays, categoryRule, findEdition, planEpisode } from '@fangkong/core';
import { sql } from 'drizzle-orm';
import type { Db } from '../../packages/server/src/db/client.ts';
import { queryRows } from '../../packages/server/src/db/query-rows.ts';

const SPREAD_DAYS = 21;

export async function populateManaged(db: Db, villagePath: string, villageId: string, count: number, today: string): Promise<void> {
  const edition = findEdition('seed-2020');
  const rule = edition && categoryRule(edition, 'close_contact');
  if (!edition || !rule) throw new Error('seed-2020 close_contact missing');
  await db.execute(sql`
    insert into person (id_type, id_hash, id_cipher, id_masked, name, jurisdiction_id, jurisdiction_path)
    select 'resident_id', 'bench-' || g, 'v1.x', '320412********' || lpad((g % 10000)::text, 4, '0'), '测试' || g, ${villageId}, ${villagePath}
    from generate_series(1, ${count}) g`);
  for (let offset = 0; offset < SPREAD_DAYS; offset++) {
    const start = addDays(today, -offset);
    const plan = planEpisode(edition, rule, start);
    await db.execute(sql`
      insert into key_person_episode (person_id, category, edition_id, start_date, management_type, planned_release_date, planned_end_date, plan, jurisdiction_id, jurisdiction_path)
      select p.id, 'close_contact', 'seed-2020', ${start}, 'centralized_quarantine', ${plan.releaseDate}, ${plan.managementEndDate}, ${JSON.stringify(plan)}::jsonb, p.jurisdiction_id, p.jurisdiction_path
      from person p where substr(p.id_hash, 7)::int % ${SPREAD_DAYS} = ${offset}`);
    for (const test of plan.tests) {
      await db.execute(sql`
        insert into schedule_item (episode_id, kind, test_kind, due_date, status, jurisdiction_path)
        select e.id, 'test', ${test.kind}, ${test.date}, case when ${test.date} < ${today} and random() < 0.9 then 'done' else 'due' end, e.jurisdiction_path
        from key_person_episode e where e.start_date = ${start}`);
    }
  }
  for (const day of [addDays(today, -1), today]) {
    await db.execute(sql`
      insert into health_observation (episode_id, observed_at, observed_date, temperature_tenths, jurisdiction_path)
      select e.id, ${`${day}T08:00:00+08:00`}::timestamptz, ${day}, 365, e.jurisdiction_path
      from key_person_episode e where random() < 0.8`);
  }
  await db.execute(sql`analyze`);
}

export async function countRows(db: Db, table: string): Promise<number> {
  return (await queryRows<{ n: number }>(db, sql.raw(`select count(*)::int as n from ${table}`)))[0]?.n ?? 0;
}
