import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { fuzzTargets, type OpenApiDocument } from '../testing/route-fuzz.ts';
import { buildFuzzWorld, type FuzzWorld } from '../testing/route-fuzz-fixture.ts';
import { changedBetween, current, type FuzzReport, problemOf, runFuzz } from '../testing/route-fuzz-runner.ts';
import { createTestRuntime, type TestRuntime } from '../testing/test-runtime.ts';

/**
 * Issue 12, fault and abuse tests: every operation of the OpenAPI document, fuzzed with fast-check
 * as the anonymous caller, a grid worker, an epidemiologist and a town administrator. No 5xx; every
 * refusal a 4xx with `{ code, message }` and the `field` when the input is at fault; no row changed
 * by a refused request. A bounded run here (fixed seed, printed); `npm run bench -- fuzz` runs more.
 * No route is skipped. The four upload routes (POST /api/key-persons/imports, /api/testing/lab-results/imports,
 * /api/testing/group-imports, /api/tasks/:id/evidence) get JSON, text and malformed bodies here but no .xlsx, CSV
 * or image files: hostile files are the upload guards' tests (`xlsx-zip-guard`, upload limits, the evidence tests in
 * modules/command/task.test.ts). Signed-in actors do not sign out.
 */

const SEED = Number(process.env.FUZZ_SEED ?? 20200301);
const RUNS_PER_ROUTE = Number(process.env.FUZZ_RUNS ?? 3);

describe('route fuzz (issue 12): hostile input to every route as each role', () => {
  let runtime: TestRuntime;
  let world: FuzzWorld;
  let report: FuzzReport;

  before(async () => {
    runtime = await createTestRuntime();
    world = await buildFuzzWorld(runtime);
  });
  after(() => runtime.close());

  it('covers every operation of the OpenAPI document', () => {
    const targets = fuzzTargets(runtime.app.swagger() as OpenApiDocument);
    const documented = new Set(targets.map((t) => t.route));
    const undocumented = runtime.app.registeredRoutes.map((r) => `${r.method} ${r.url}`).filter((key) => !documented.has(key));
    assert.deepEqual(undocumented, []);
    assert.ok(world.ids.own.length > 0 && world.ids.other.length > 0, 'ids of both towns to put in paths');
  });

  it('sees a changed row and a refusal without its field (so the checks below can fail)', async () => {
    const db = runtime.deps.database.db;
    const before_ = await current(db, null);
    assert.deepEqual(changedBetween(before_, await current(db, before_)), []);
    await db.execute(sql`update place set name = name where id = (select id from place order by id limit 1)`);
    assert.deepEqual(changedBetween(before_, await current(db, before_)), ['place']);
    assert.match(problemOf(400, '{"code":"invalidValue","message":"x"}') ?? '', /names no field/);
    assert.match(problemOf(502, '') ?? '', /server error/);
    assert.equal(problemOf(404, '{"code":"notFound","message":"x"}'), null);
  });

  it('answers no 5xx, refuses with a code, message and field, and a refusal writes nothing', async () => {
    const targets = fuzzTargets(runtime.app.swagger() as OpenApiDocument);
    const started = performance.now();
    report = await runFuzz({ app: runtime.app, db: runtime.deps.database.db, targets, ...world, seed: SEED, runsPerRoute: RUNS_PER_ROUTE });
    const seconds = Math.round(performance.now() - started) / 1000;
    console.log(
      `route fuzz: seed ${SEED} (FUZZ_SEED), ${RUNS_PER_ROUTE} per route and role, ${report.tried} requests in ${seconds} s, ${report.serverErrors} × 5xx`,
    );
    console.log(
      `statuses ${JSON.stringify(report.byStatus)}; by actor ${JSON.stringify(report.byActor)}; slowest ${JSON.stringify(report.slowest.slice(0, 5))}`,
    );
    const shown = report.failures
      .slice(0, 10)
      .map((f) => ({ ...f, request: { ...f.request, payload: JSON.stringify(f.request.payload)?.slice(0, 300) } }));
    assert.deepEqual(shown, []);
  });
});
