// 100 000 people under management: the daily sweep (overdue alerts, ended episodes) plus the
// district's work list (tests due, overdue, missing checks, releases due), timed together.
// The baseline printed beside it is a bare `count(*)` over the same episodes in the same run.
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { runDailySweep } from '../packages/server/src/jobs/daily-sweep.ts';
import { workList } from '../packages/server/src/modules/key-persons/work-list.service.ts';
import { addTwoTowns } from '../packages/server/src/testing/factories.ts';
import { createTestRuntime } from '../packages/server/src/testing/test-runtime.ts';
import type { Benchmark } from './bench-types.ts';
import { countRows, populateManaged } from './support/managed-population.ts';

const TODAY = '2020-03-21';

async function timed<T>(work: () => Promise<T>): Promise<{ seconds: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { seconds: (performance.now() - started) / 1000, value };
}

const bench: Benchmark = {
  name: 'key-person-schedule',
  unit: 's',
  goal: 5,
  better: 'lower',
  async run({ quick }) {
    const people = quick ? 10_000 : 100_000;
    const runtime = await createTestRuntime();
    try {
      runtime.deps.clock = () => new Date(`${TODAY}T06:00:00+08:00`);
      const { county, villageA } = await addTwoTowns(runtime.deps);
      const db = runtime.deps.database.db;
      const setup = await timed(() => populateManaged(db, villageA.path, villageA.id, people, TODAY));
      const baseline = await timed(() => db.execute(sql`select count(*) from key_person_episode where status = 'active'`));
      const context = {
        actor: {
          userId: null,
          username: 'bench',
          displayName: 'bench',
          grants: [{ role: 'district_commander' as const, jurisdictionId: county.id, jurisdictionPath: county.path }],
        },
        requestId: 'bench',
        clientIp: null,
      };
      const sweep = await timed(() => runDailySweep(runtime.deps, TODAY));
      const list = await timed(() => workList(runtime.deps, context, { date: TODAY, limit: 5000 }));
      const figure = Number((sweep.seconds + list.seconds).toFixed(3));
      const sizes = list.value;
      return {
        figure,
        sizes: {
          people,
          episodes: await countRows(db, 'key_person_episode'),
          scheduleItems: await countRows(db, 'schedule_item'),
          observations: await countRows(db, 'health_observation'),
          database: runtime.deps.database.kind,
        },
        details: [
          `population: ${people} people under management (${runtime.deps.database.kind}), set up in ${setup.seconds.toFixed(1)} s`,
          `daily sweep: ${sweep.seconds.toFixed(3)} s — ${sweep.value.overdueTests} overdue tests, ${sweep.value.missingChecks} missing checks, ${sweep.value.endedEpisodes} ended`,
          `district work list: ${list.seconds.toFixed(3)} s — due ${sizes.testsDue.length}, overdue ${sizes.testsOverdue.length}, checks due ${sizes.checksDue.length}, checks overdue ${sizes.checksOverdue.length}, releases ${sizes.releaseDue.length} (lists capped at 5000 rows)`,
          `baseline count(*) of active episodes: ${baseline.seconds.toFixed(3)} s`,
        ],
      };
    } finally {
      await runtime.close();
    }
  },
};

export default bench;
