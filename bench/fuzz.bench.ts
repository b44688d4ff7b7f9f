// Issue 12, fault and abuse tests: the route fuzzer of `route-fuzz.test.ts` at a larger size. Every
// operation of the OpenAPI document, as the anonymous caller, a grid worker, an epidemiologist and a
// town administrator, with fast-check's hostile variants; the figure is the number of 5xx answers.
import type { OpenApiDocument } from '../packages/server/src/testing/route-fuzz.ts';
import { fuzzTargets } from '../packages/server/src/testing/route-fuzz.ts';
import { buildFuzzWorld } from '../packages/server/src/testing/route-fuzz-fixture.ts';
import { runFuzz } from '../packages/server/src/testing/route-fuzz-runner.ts';
import { createTestRuntime } from '../packages/server/src/testing/test-runtime.ts';
import type { Benchmark, BenchOutcome } from './bench-types.ts';

async function run({ quick }: { quick: boolean }): Promise<BenchOutcome> {
  const runsPerRoute = quick ? 4 : 30;
  const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
  const runtime = await createTestRuntime({ LOG_LEVEL: 'silent' });
  try {
    const world = await buildFuzzWorld(runtime);
    const targets = fuzzTargets(runtime.app.swagger() as OpenApiDocument);
    const started = performance.now();
    const report = await runFuzz({ app: runtime.app, db: runtime.deps.database.db, targets, ...world, seed, runsPerRoute });
    const seconds = Math.round(performance.now() - started) / 1000;
    const others = report.failures.filter((f) => f.status < 500);
    return {
      figure: report.serverErrors,
      sizes: { routes: targets.length, actors: world.actors.length, runsPerRoute, requests: report.tried, seconds, seed },
      details: [
        `seed ${seed} (repeat with FUZZ_SEED=${seed}); ${targets.length} operations × ${world.actors.length} actors × ${runsPerRoute} requests`,
        `requests tried: ${report.tried} in ${seconds} s (${Math.round(report.tried / seconds)} req/s)`,
        `statuses: ${Object.entries(report.byStatus)
          .map(([status, n]) => `${status} × ${n}`)
          .join(', ')}`,
        `5xx found: ${report.serverErrors}; other failures (refusal shape, rows changed by a refusal, lost session): ${others.length}`,
        ...report.failures
          .slice(0, 20)
          .map(
            (f) =>
              `  ${f.status} ${f.actor} ${f.route}: ${f.problem} — ${f.request.method} ${f.request.url.slice(0, 200)} ${JSON.stringify(f.request.payload ?? f.request.raw ?? null).slice(0, 300)}`,
          ),
        `slowest routes: ${report.slowest
          .slice(0, 5)
          .map((r) => `${r.route} ${r.ms} ms`)
          .join(', ')}`,
      ],
    };
  } finally {
    await runtime.close();
  }
}

// Goal: no hostile request makes the server answer 5xx.
const fuzz: Benchmark = { name: 'fuzz', unit: '5xx found', goal: 0, better: 'lower', run };
export default fuzz;
