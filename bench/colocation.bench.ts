// Co-location (时空伴随): 20 000 000 place-code scans over 30 days by 1 600 000 people at 10 000 places
// (quick: a tenth of each), generated server-side. For 100 random cases, the co-location candidates over
// the last 14 days (the case's own scans → everyone's scans at those places within ±30 minutes), through
// the same service the API uses. The figure is the p95 in ms; printed beside it, the ratio to the p95 of
// a bare indexed range lookup (one place, one hour) measured in the same run.
import { performance } from 'node:perf_hooks';
import { findEdition, tracingRules } from '@fangkong/core';
import { sql } from 'drizzle-orm';
import { coLocatedPeople } from '../packages/server/src/modules/tracing/co-location.service.ts';
import { createTestRuntime } from '../packages/server/src/testing/test-runtime.ts';
import type { Benchmark } from './bench-types.ts';
import { countScans, personUuid, placeUuid, populateScans } from './support/scan-population.ts';

const CASES = 100;
const DAY_MS = 86_400_000;
const START = new Date('2022-07-01T00:00:00+08:00');

const percentile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.ceil(values.length * q) - 1] ?? 0;
const p95 = (values: number[]) => percentile(values, 0.95);
const round = (x: number) => Math.round(x * 100) / 100;

async function timedMs(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/** Deterministic pseudo-random integers (the cases and the baseline places), so two runs ask the same. */
function picker(seed: number) {
  let state = seed;
  return (below: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state % below;
  };
}

const bench: Benchmark = {
  name: 'colocation',
  unit: 'ms p95',
  goal: 50,
  better: 'lower',
  async run({ quick }) {
    const size = { scans: quick ? 2_000_000 : 20_000_000, people: quick ? 160_000 : 1_600_000, places: quick ? 1_000 : 10_000, days: 30 };
    const runtime = await createTestRuntime();
    try {
      const db = runtime.deps.database.db;
      const loadStarted = performance.now();
      await populateScans(db, { ...size, start: START });
      const loadSeconds = (performance.now() - loadStarted) / 1000;
      // biome-ignore lint/style/noNonNullAssertion: the 9th edition is always registered
      const rules = tracingRules(findEdition('cn-2022-9th')!);
      const window = { from: new Date(START.getTime() + 16 * DAY_MS), to: new Date(START.getTime() + 30 * DAY_MS) };
      const pick = picker(11);
      const colocation: number[] = [];
      const baseline: number[] = [];
      let candidates = 0;
      for (let i = 0; i < CASES; i++) {
        const person = personUuid(pick(size.people));
        colocation.push(await timedMs(async () => (candidates += (await coLocatedPeople(db, person, window, [], rules)).length)));
        const from = new Date(window.from.getTime() + pick(14 * 24) * 3_600_000);
        const to = new Date(from.getTime() + 3_600_000);
        baseline.push(
          await timedMs(() =>
            db.execute(sql`select person_id, scanned_at from scan where place_id = ${placeUuid(pick(size.places))}::uuid
                           and scanned_at >= ${from.toISOString()} and scanned_at <= ${to.toISOString()}`),
          ),
        );
      }
      const figure = round(p95(colocation));
      const ratio = round(figure / Math.max(p95(baseline), 0.01));
      const database = runtime.deps.database.pglite ? 'PGlite' : 'PostgreSQL';
      return {
        figure,
        sizes: { ...size, scansStored: await countScans(db), cases: CASES, windowDays: 14, toleranceMinutes: 30, database },
        details: [
          `population: ${size.scans} scans, ${size.people} people, ${size.places} places over ${size.days} days (${database}), loaded and indexed in ${loadSeconds.toFixed(1)} s`,
          `co-location of ${CASES} random cases over 14 days: p50 ${round(percentile(colocation, 0.5))} ms, p95 ${figure} ms, ${round(candidates / CASES)} candidates per case`,
          `baseline, one indexed range lookup (one place, one hour): p95 ${round(p95(baseline))} ms`,
          `ratio: co-location p95 = ${ratio} × the bare indexed lookup p95`,
        ],
      };
    } finally {
      await runtime.close();
    }
  },
};

export default bench;
