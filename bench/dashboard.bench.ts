// The command dashboard at district scale (issue 17): GET /api/dashboard as the district commander, over a district of
// 1.6 M residents (the demo county's 18 towns and 297 communities), 500 k key-person episodes, 5 M lab results and a
// year of cases, colours and sentinel series, built in bulk with SQL. 200 requests (the district and each town in
// turn, a 60-day range and a full year), through the real app (fastify inject: routing, session, scope, every
// section); the figure is the p95 in ms (goal < 300); beside it, the p95 of GET /api/auth/me sent the same way in the same
// process (the baseline) and the ratio. The full scale is the default; --quick runs at 1/40 of the sizes.
import { performance } from 'node:perf_hooks';
import { addDays, shanghaiDate } from '@fangkong/core';
import { sql } from 'drizzle-orm';
import { buildApp } from '../packages/server/src/app.ts';
import type { Db } from '../packages/server/src/db/client.ts';
import { queryRows } from '../packages/server/src/db/query-rows.ts';
import { DEMO_COUNTY } from '../packages/server/src/demo/demo-seed.ts';
import { importDivisions } from '../packages/server/src/divisions/divisions.service.ts';
import { systemContext } from '../packages/server/src/http/context.ts';
import { addUser, loginAs } from '../packages/server/src/testing/factories.ts';
import type { Benchmark } from './bench-types.ts';
import { openBenchRuntime } from './support/bench-server.ts';

const REQUESTS = 200;
/** What every request costs before the dashboard's work: session, routing, the reply. */
const BASELINE_URL = '/api/auth/me';
const round1 = (x: number) => Math.round(x * 10) / 10;

interface Sizes {
  residents: number;
  episodes: number;
  results: number;
  cases: number;
}

export async function populate(db: Db, sizes: Sizes, today: string) {
  const villages = `(select id, path, row_number() over (order by path) - 1 as k from jurisdiction where level = 'village' and path like '/32/3204/${DEMO_COUNTY}/%')`;
  const count = `(select count(*) from jurisdiction where level = 'village' and path like '/32/3204/${DEMO_COUNTY}/%')`;
  await db.execute(
    sql.raw(`insert into person (id_type, id_hash, id_cipher, id_masked, name, jurisdiction_id, jurisdiction_path)
      select 'resident_id', 'bench-' || g, 'v1.x', '320412********0000', '测试' || g, v.id, v.path
      from generate_series(0, ${sizes.residents - 1}) g join ${villages} v on v.k = g % ${count}`),
  );
  await db.execute(
    sql.raw(`insert into key_person_episode (person_id, category, edition_id, start_date, management_type, status, plan, jurisdiction_id, jurisdiction_path)
      select p.id, (array['close_contact','secondary_contact','inbound_traveller','high_risk_area_visitor'])[1 + (row_number() over ()) % 4],
        'seed-2020', '${addDays(today, -30)}', 'home_quarantine', case when random() < 0.2 then 'active' else 'released' end, '{}'::jsonb, p.jurisdiction_id, p.jurisdiction_path
      from person p where p.id_hash like 'bench-%' limit ${sizes.episodes}`),
  );
  await db.execute(
    sql.raw(`insert into lab_result (id, barcode, result, lab_name, tested_at, received_at, source, jurisdiction_path)
      select gen_random_uuid(), 'B' || g, case when g % 5000 = 0 then 'positive' else 'negative' end, '武进区疾控中心',
        now() - ((g % 365) || ' days')::interval, now() - ((g % 365) || ' days')::interval, 'bench', '/32/3204/${DEMO_COUNTY}/'
      from generate_series(1, ${sizes.results}) g`),
  );
  await db.execute(
    sql.raw(`insert into case_report (case_number, person_id, classification, onset_date, discovered_at, report_due_at, investigation_due_at, sealing_due_at, source, edition_id, jurisdiction_id, jurisdiction_path)
      select '320412-B-' || n, id, (array['confirmed','asymptomatic','suspected'])[1 + n % 3], (now() - ((n % 365) || ' days')::interval)::date,
        now() - ((n % 365) || ' days')::interval, now(), now(), now(), 'manual', 'seed-2020', jurisdiction_id, jurisdiction_path
      from (select id, jurisdiction_id, jurisdiction_path, row_number() over () as n from person where id_hash like 'bench-%' limit ${sizes.cases}) p`),
  );
  await db.execute(
    sql.raw(`insert into health_code_state (person_id, colour, rule_version, at, jurisdiction_path)
      select id, (array['green','yellow','red'])[1 + (row_number() over ()) % 3], 'bench', now(), jurisdiction_path
      from person where id_hash like 'bench-%' and substr(id_hash, 7)::int % 10 = 0`),
  );
  await db.execute(
    sql.raw(`insert into health_code_current (person_id, colour, at, jurisdiction_path)
      select distinct on (person_id) person_id, colour, at, jurisdiction_path from health_code_state order by person_id, at desc`),
  );
  // a bulk load: the rollup the trigger keeps row by row is built once after the rows, in one statement
  await db.execute(sql`alter table sentinel_daily_count disable trigger sentinel_daily_rollup_trg`);
  await db.execute(
    sql.raw(`insert into sentinel_daily_count (jurisdiction_id, jurisdiction_path, series, day, count)
      select v.id, v.path, s, '${today}'::date - d, 5 + (d % 7)
      from ${villages} v, unnest(array['fever_clinic_visit','pharmacy_fever_drug_purchase','school_illness_absence','ili']) s, generate_series(1, 365) d`),
  );
  await db.execute(
    sql.raw(`insert into sentinel_daily_rollup (jurisdiction_path, series, day, count)
      select substr(c.jurisdiction_path, 1, pos), c.series, c.day, sum(c.count)::int
      from sentinel_daily_count c, generate_series(2, length(c.jurisdiction_path)) pos
      where substr(c.jurisdiction_path, pos, 1) = '/' group by 1, 2, 3`),
  );
  await db.execute(sql`alter table sentinel_daily_count enable trigger sentinel_daily_rollup_trg`);
  // after a bulk load, as autovacuum would soon do: statistics and the visibility map (index-only scans)
  await db.execute(sql`vacuum analyze`);
}

const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0;

const bench: Benchmark = {
  name: 'dashboard',
  unit: 'ms',
  goal: 300,
  better: 'lower',
  async run({ quick }) {
    const scale = quick ? 40 : 1;
    const sizes: Sizes = {
      residents: 1_600_000 / scale,
      episodes: 500_000 / scale,
      results: 5_000_000 / scale,
      cases: 20_000 / scale,
    };
    const runtime = await openBenchRuntime();
    try {
      const { deps } = runtime;
      await importDivisions(deps, { county: DEMO_COUNTY, log: () => {}, context: systemContext('bench') });
      const today = shanghaiDate(deps.clock());
      const started = performance.now();
      await populate(deps.database.db, sizes, today);
      const populateSeconds = Math.round((performance.now() - started) / 100) / 10;
      const [county] = await queryRows<{ id: string }>(deps.database.db, sql`select id from jurisdiction where code = ${DEMO_COUNTY}`);
      const towns = await queryRows<{ id: string }>(
        deps.database.db,
        sql`select id from jurisdiction where level = 'town' and code like ${`${DEMO_COUNTY}%`}`,
      );
      if (!county) throw new Error('no county');
      await addUser(deps, 'commander-bench', 'district_commander', county.id);
      const app = await buildApp(deps);
      const commander = await loginAs(app, 'commander-bench');
      const targets = [county.id, ...towns.map((t) => t.id)];
      const urls = Array.from({ length: REQUESTS }, (_, i) => {
        const range = i % 2 === 0 ? '' : `&from=${addDays(today, -365)}&to=${today}`;
        return `/api/dashboard?jurisdictionId=${targets[i % targets.length]}${range}`;
      });
      const timed = async (list: readonly string[]) => {
        const times: number[] = [];
        for (const url of list) {
          const t0 = performance.now();
          const reply = await commander.request('GET', url);
          times.push(performance.now() - t0);
          if (reply.statusCode !== 200) throw new Error(`${url}: ${reply.statusCode} ${reply.body.slice(0, 200)}`);
        }
        return times.sort((a, b) => a - b);
      };
      await timed(urls.slice(0, 10));
      const sorted = await timed(urls);
      // the baseline, in the same process and the same way: a request that only passes session, scope and routing
      const baseline = await timed(Array.from({ length: REQUESTS }, () => BASELINE_URL));
      await app.close();
      const p95 = Math.round(percentile(sorted, 0.95));
      const baseP95 = percentile(baseline, 0.95);
      return {
        figure: p95,
        sizes: { ...sizes, villages: 297, requests: REQUESTS, database: deps.database.kind },
        details: [
          `populated in ${populateSeconds} s (${deps.database.kind})`,
          `dashboard p50 ${Math.round(percentile(sorted, 0.5))} ms, p95 ${p95} ms, max ${Math.round(sorted.at(-1) ?? 0)} ms over ${REQUESTS} requests`,
          `baseline ${BASELINE_URL}: p50 ${round1(percentile(baseline, 0.5))} ms, p95 ${round1(baseP95)} ms over ${REQUESTS} requests`,
          `ratio: dashboard p95 = ${Math.round(p95 / Math.max(baseP95, 1e-3))} × the baseline's p95`,
        ],
      };
    } finally {
      await runtime.close();
    }
  },
};

export default bench;
