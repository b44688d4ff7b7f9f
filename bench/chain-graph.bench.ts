// Transmission chains (传播链): a 5 000-case outbreak in 50 chains of 100 cases (each case infects up to
// three, depth ≈ 4), every case with two confirmed contacts, in one county. `GET /api/chains` as the
// county CDC epidemiologist (cookie session, in-process through Fastify inject), pages 1–3 of 20 roots
// (about 2 000 cases per page, aggregated: size, generations, contacts) in turn, and opening one chain. The figure is the p95 in ms; printed beside it, the p95 of bare
// `GET /health` measured the same way in the same run, and their ratio.
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import type { Db } from '../packages/server/src/db/client.ts';
import { addTwoTowns, addUser, loginAs } from '../packages/server/src/testing/factories.ts';
import { createTestRuntime } from '../packages/server/src/testing/test-runtime.ts';
import type { Benchmark } from './bench-types.ts';

const NODES = 5_000;
const CHAINS = 50;
const REQUESTS = 100;

const percentile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.ceil(values.length * q) - 1] ?? 0;
const round = (x: number) => Math.round(x * 100) / 100;

async function timedMs(work: () => Promise<{ statusCode: number }>): Promise<number> {
  const started = performance.now();
  const reply = await work();
  if (reply.statusCode !== 200) throw new Error(`answered ${reply.statusCode}`);
  return performance.now() - started;
}

/** People, cases (case i of a chain is infected by case ⌊(i − 1) / 3⌋ of the same chain) and two contacts each. */
async function populate(db: Db, village: { id: string; path: string }) {
  const perChain = NODES / CHAINS;
  await db.execute(sql`insert into person (id, id_type, id_hash, id_cipher, id_masked, name, jurisdiction_id, jurisdiction_path)
    select ('00000000-0000-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid, 'resident_id', 'bench-chain-' || n, 'x', '3204**********0000',
      '病例' || n, ${village.id}::uuid, ${village.path} from generate_series(0, ${NODES * 3 - 1}) n`);
  await db.execute(sql`insert into case_report (id, case_number, person_id, classification, onset_date, discovered_at, report_due_at,
        investigation_due_at, sealing_due_at, source, infector_case_id, edition_id, jurisdiction_id, jurisdiction_path)
      select ('10000000-0000-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid, 'B-' || n, ('00000000-0000-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid,
        'confirmed', date '2022-07-01' + (n % ${perChain}) / 10, timestamptz '2022-07-01 09:00+08' + (n % ${perChain}) * interval '1 hour',
        now(), now(), now(), 'manual',
        case when n % ${perChain} = 0 then null
             else ('10000000-0000-4000-8000-' || lpad(to_hex(n - n % ${perChain} + (n % ${perChain} - 1) / 3), 12, '0'))::uuid end,
        'cn-2022-9th', ${village.id}::uuid, ${village.path}
      from generate_series(0, ${NODES - 1}) n`);
  await db.execute(sql`insert into exposure (case_id, person_id, kind, reason, exposed_to, status, category, jurisdiction_path)
    select ('10000000-0000-4000-8000-' || lpad(to_hex(n % ${NODES}), 12, '0'))::uuid, ('00000000-0000-4000-8000-' || lpad(to_hex(${NODES} + n), 12, '0'))::uuid,
      'household', '{"zh":"同户","en":"Household"}'::jsonb, now(), 'confirmed', 'close_contact', ${village.path}
    from generate_series(0, ${NODES * 2 - 1}) n`);
  await db.execute(sql`analyze person, case_report, exposure`);
}

const bench: Benchmark = {
  name: 'chain-graph',
  unit: 'ms p95',
  goal: 200,
  better: 'lower',
  async run({ quick }) {
    const requests = quick ? 30 : REQUESTS;
    const runtime = await createTestRuntime({ FANGKONG_LOGIN_RATE: '1000' });
    try {
      const db = runtime.deps.database.db;
      const { county, villageA } = await addTwoTowns(runtime.deps);
      await addUser(runtime.deps, 'bench-cdc', 'cdc_epidemiologist', county.id);
      const loadStarted = performance.now();
      await populate(db, villageA);
      const loadSeconds = (performance.now() - loadStarted) / 1000;
      const cdc = await loginAs(runtime.app, 'bench-cdc');
      const count = await db.execute(sql`select count(*)::int as n from case_report`);
      const stored = (count as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0;
      const pages = [1, 2, 3].map((page) => `/api/chains?page=${page}&pageSize=20`);
      let casesPerPage = 0;
      for (const url of pages) {
        const { items } = (await cdc.request('GET', url)).json() as { items: { size: number }[] };
        casesPerPage = Math.max(
          casesPerPage,
          items.reduce((sum, c) => sum + c.size, 0),
        );
      }
      const { items: roots } = (await cdc.request('GET', '/api/chains?pageSize=50')).json() as { items: { rootId: string }[] };
      const chains: number[] = [];
      const health: number[] = [];
      const opened: number[] = [];
      for (let i = 0; i < requests; i++) {
        chains.push(await timedMs(() => cdc.request('GET', pages[i % pages.length] ?? '/api/chains')));
        health.push(await timedMs(() => runtime.app.inject({ method: 'GET', url: '/health' })));
        opened.push(await timedMs(() => cdc.request('GET', `/api/chains/${roots[i % roots.length]?.rootId}`)));
      }
      const figure = round(percentile(chains, 0.95));
      const baseline = round(percentile(health, 0.95));
      const database = runtime.deps.database.pglite ? 'PGlite' : 'PostgreSQL';
      return {
        figure,
        sizes: { cases: stored, chains: CHAINS, contacts: NODES * 2, requests, pageSize: 20, database },
        details: [
          `outbreak: ${stored} cases in ${CHAINS} chains, ${NODES * 2} confirmed contacts (${database}), loaded in ${loadSeconds.toFixed(1)} s`,
          `GET /api/chains pages 1–3 of 20 roots (${casesPerPage} cases per page), ${requests} requests: p50 ${round(percentile(chains, 0.5))} ms, p95 ${figure} ms`,
          `GET /api/chains/:rootId (one chain of ${NODES / CHAINS} cases opened): p50 ${round(percentile(opened, 0.5))} ms, p95 ${round(percentile(opened, 0.95))} ms`,
          `baseline, bare GET /health: p50 ${round(percentile(health, 0.5))} ms, p95 ${baseline} ms`,
          `ratio: chains p95 = ${round(figure / Math.max(baseline, 0.01))} × the bare /health p95`,
        ],
      };
    } finally {
      await runtime.close();
    }
  },
};

export default bench;
