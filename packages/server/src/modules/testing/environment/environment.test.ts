import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../../db/query-rows.ts';
import type { place } from '../../../db/schema/index.ts';
import { addUser, loginAs, type TestClient } from '../../../testing/factories.ts';
import { createTestRuntime, type TestRuntime } from '../../../testing/test-runtime.ts';
import { insertPlace } from '../../places/place.repository.ts';
import { addHousehold, at, expectStatus, gbkEncode, type TestingWorld, testingWorld } from '../testing.test-support.ts';

type Place = typeof place.$inferSelect;

interface Progress {
  status: string;
  created: number;
  existing: number;
  failed: number;
  followUp: { controlTasks: number; alerts: number; caseCandidates: number; keyPersons: number };
}

interface Detail {
  id: string;
  tubeId: string;
  barcode: string;
  result: string | null;
  followUp: { decision: string[]; because: { rule: string; source: string; clause: string }[] };
  placeRisk: { decision: string } | null;
  tasks: { id: string; kind: string; status: string; closable: boolean; details: Record<string, unknown> }[];
  alerts: { kind: string; audience: string; status: string }[];
}

interface PlaceStatus {
  placeId: string;
  placeName: string;
  risk: string;
  state?: string;
  dueDate?: string;
  batchSamples?: number;
  batchPositives?: number;
}

const LAB = '武进区疾控中心';
const BATCH = 'EC-20220701-01';

/** SC-63 (seed 000 §三(二)5): a positive imported cold-chain sample at a farmers' market, its follow-up and the batch trace. */
describe('environment and goods sampling (TEST-014, MKT-001)', () => {
  let runtime: TestRuntime;
  let w: TestingWorld;
  let county: TestClient;
  /** A town-A cadre: samples in every community of the town. */
  let cadre: TestClient;
  let market: Place;
  let coldStore: Place;
  let clinic: Place;
  let marketB: Place;
  let neverSampled: Place;
  let positiveId: string;

  const db = () => runtime.deps.database.db;
  const venue = (kind: string, name: string, code: string, where: { id: string; path: string }, createdAt = at('08:00', '2022-06-30')) =>
    insertPlace(db(), { kind, name, code, jurisdictionId: where.id, jurisdictionPath: where.path, createdAt });
  const coldChainGoods = (placeId: string, barcode: string, extra: Record<string, unknown> = {}) => ({
    placeId,
    barcode,
    specimenKind: 'outer_packaging',
    goodsDescription: '冷冻白虾',
    coldChain: true,
    imported: true,
    originCountry: '厄瓜多尔',
    batchNumber: BATCH,
    labName: LAB,
    ...extra,
  });
  const upload = async (lines: string[]) => {
    const reply = await runtime.app.inject({
      method: 'POST',
      url: '/api/testing/lab-results/imports?wait=true',
      headers: { ...w.lab.headers, 'content-type': 'text/csv' },
      payload: gbkEncode(['条码,结果,检测时间,检测机构', ...lines].join('\r\n')),
    });
    assert.equal(reply.statusCode, 202, reply.body);
    return reply.json() as Progress;
  };
  const failure = async (client: TestClient, method: string, url: string, body?: unknown) => {
    const reply = await client.request(method, url, body);
    const json = reply.json() as { code: string; field?: string };
    return [reply.statusCode, json.code, json.field];
  };

  before(async () => {
    runtime = await createTestRuntime({ FANGKONG_LOGIN_RATE: '1000' });
    w = await testingWorld(runtime);
    await addUser(runtime.deps, 'cdc-county', 'cdc_epidemiologist', w.county.id);
    county = await loginAs(runtime.app, 'cdc-county');
    await addUser(runtime.deps, 'cadre-a', 'town_cadre', w.townA.id);
    cadre = await loginAs(runtime.app, 'cadre-a');
    market = await venue('market', '湖塘农贸市场', 'M-A-01', w.villageA);
    coldStore = await venue('enterprise', '湖塘冷链仓储有限公司', 'E-A-01', w.villageA2);
    clinic = await venue('fever_clinic', '湖塘卫生院发热门诊', 'F-A-01', w.villageA);
    neverSampled = await venue('market', '丙社区生鲜菜市场', 'M-A-02', w.villageA2);
    marketB = await venue('market', '牛塘农贸市场', 'M-B-01', w.villageB);
  });
  after(() => runtime.close());

  it('registers an imported cold-chain sample of a market in its own closed tube of one specimen', async () => {
    const sample = await expectStatus<{ id: string; tubeId: string; editionId: string }>(
      w.grid,
      201,
      'POST',
      '/api/testing/environment/samples',
      coldChainGoods(market.id, 'ENV-000001'),
    );
    positiveId = sample.id;
    const [tube] = await queryRows<Record<string, unknown>>(
      db(),
      sql`select barcode, setting, status, member_count, pool_size, jurisdiction_path from tube where id = ${sample.tubeId}`,
    );
    assert.deepEqual(tube, {
      barcode: 'ENV-000001',
      setting: 'environment',
      status: 'closed',
      member_count: 1,
      pool_size: 1,
      jurisdiction_path: w.villageA.path,
    });
    assert.equal(sample.editionId, 'cn-2022-9th');
  });

  it('refuses bad input with the field at fault', async () => {
    const post = (client: TestClient, body: Record<string, unknown>) => failure(client, 'POST', '/api/testing/environment/samples', body);
    assert.deepEqual(await post(w.grid, coldChainGoods(randomUUID(), 'ENV-BAD001')), [404, 'notFound', 'placeId']);
    assert.deepEqual(await post(w.grid, coldChainGoods(marketB.id, 'ENV-BAD002')), [404, 'notFound', 'placeId'], 'a place of town B');
    assert.deepEqual(await post(w.office, coldChainGoods(market.id, 'ENV-BAD003')), [403, 'forbidden', undefined], 'no sampling right');
    assert.deepEqual(await post(w.grid, coldChainGoods(market.id, 'ENV-000001')), [409, 'tubeExists', 'barcode']);
    assert.deepEqual(await post(w.grid, coldChainGoods(market.id, 'ENV-BAD004', { batchNumber: ' ' })), [400, 'required', 'batchNumber']);
    assert.deepEqual(await post(w.grid, coldChainGoods(market.id, 'ENV-BAD005', { originCountry: undefined })), [
      400,
      'required',
      'originCountry',
    ]);
    const swab = { placeId: market.id, barcode: 'ENV-BAD006', specimenKind: 'environment_surface' };
    assert.deepEqual(await post(w.grid, { ...swab, batchNumber: BATCH }), [400, 'goodsOnlyField', 'batchNumber']);
    assert.deepEqual(await post(w.grid, { ...swab, sampledAt: at('09:00', '2022-07-11').toISOString() }), [400, 'futureDate', 'sampledAt']);
    const home = await addHousehold(runtime.deps, w.villageA, 'A-9-901');
    assert.deepEqual(await post(w.grid, { ...swab, placeId: home.id }), [400, 'notSampledPlace', 'placeId']);
    assert.deepEqual(await post(w.grid, { ...swab, barcode: 'bad' }), [400, 'barcode.format', 'barcode']);
    const written = await queryRows<{ n: number }>(db(), sql`select count(*)::int as n from tube where barcode like 'ENV-BAD%'`);
    assert.equal(written[0]?.n, 0);
  });

  it('the same batch sampled at a cold store, and at a market of town B', async () => {
    runtime.deps.clock = () => at('09:00');
    await expectStatus(cadre, 201, 'POST', '/api/testing/environment/samples', coldChainGoods(coldStore.id, 'ENV-000002'));
    await expectStatus(w.otherTown, 201, 'POST', '/api/testing/environment/samples', coldChainGoods(marketB.id, 'ENV-B00001'));
    // The fever clinic's surface swab of a week ago: due again today.
    await expectStatus(w.grid, 201, 'POST', '/api/testing/environment/samples', {
      placeId: clinic.id,
      barcode: 'ENV-000003',
      specimenKind: 'environment_surface',
      sampledAt: at('10:00', '2022-07-03').toISOString(),
      labName: LAB,
    });
  });

  // SC-63, CASE-012, MKT-001: a positive goods sample sets off disinfection, worker NAT screening and the trace
  it('a positive through the lab import alerts community and district and hands out disinfection, screening and the batch trace', async () => {
    runtime.deps.clock = () => at('16:00');
    const progress = await upload([`ENV-000001,阳性,2022-07-10 15:00,${LAB}`, `ENV-000003,阴性,2022-07-10 15:00,${LAB}`]);
    assert.deepEqual([progress.status, progress.created, progress.failed], ['done', 2, 0]);
    assert.deepEqual([progress.followUp.alerts, progress.followUp.controlTasks], [2, 3]);
    assert.deepEqual([progress.followUp.caseCandidates, progress.followUp.keyPersons], [0, 0], 'a tube of goods hands no person over');
    const tasks = await queryRows<{ kind: string; jurisdiction_path: string; barcode: string; close_place: boolean }>(
      db(),
      sql`select kind, jurisdiction_path, details->>'barcode' as barcode, (details->>'closePlace')::boolean as close_place
          from task where details->>'sampleId' = ${positiveId} order by kind`,
    );
    assert.deepEqual(tasks, [
      { kind: 'batch_trace', jurisdiction_path: w.county.path, barcode: 'ENV-000001', close_place: false },
      { kind: 'environment_disinfection', jurisdiction_path: w.villageA.path, barcode: 'ENV-000001', close_place: true },
      { kind: 'worker_screening', jurisdiction_path: w.villageA.path, barcode: 'ENV-000001', close_place: false },
    ]);
    const alerts = await queryRows<{ kind: string; jurisdiction_path: string; audience: string }>(
      db(),
      sql`select kind, jurisdiction_path, details->>'audience' as audience from alert where details->>'barcode' = 'ENV-000001' order by 2`,
    );
    assert.deepEqual(alerts, [
      { kind: 'environment_positive', jurisdiction_path: w.county.path, audience: 'marketSupervision' },
      { kind: 'environment_positive', jurisdiction_path: w.villageA.path, audience: 'community' },
    ]);
  });

  it('the same file again sets nothing off twice', async () => {
    const progress = await upload([`ENV-000001,阳性,2022-07-10 15:00,${LAB}`]);
    assert.deepEqual([progress.created, progress.existing, progress.followUp.alerts, progress.followUp.controlTasks], [0, 1, 0, 0]);
    const [count] = await queryRows<{ n: number }>(
      db(),
      sql`select count(*)::int as n from task where details->>'sampleId' = ${positiveId}`,
    );
    assert.equal(count?.n, 3);
  });

  // TEST-014, MKT-001: the place of a positive sample is flagged at risk
  it('the sample shows its follow-up with the clauses, and its place is flagged', async () => {
    const detail = await expectStatus<Detail>(w.grid, 200, 'GET', `/api/testing/environment/samples/${positiveId}`);
    assert.equal(detail.result, 'positive');
    assert.deepEqual(detail.followUp.decision, ['communityAlert', 'districtAlert', 'closeAndDisinfect', 'screenWorkers', 'traceBatch']);
    assert.ok(detail.followUp.because.some((r) => r.source === 'seed 000' && r.clause === '§三(二)5'));
    assert.equal(detail.placeRisk?.decision, 'atRisk');
    assert.deepEqual(detail.tasks.map((t) => [t.kind, t.details.tubeId]).sort(), [
      ['batch_trace', detail.tubeId],
      ['environment_disinfection', detail.tubeId],
      ['worker_screening', detail.tubeId],
    ]);
    assert.deepEqual(detail.alerts.map((a) => a.audience).sort(), ['community', 'marketSupervision']);
    const risks = await expectStatus<{ items: PlaceStatus[] }>(w.office, 200, 'GET', '/api/testing/environment/risks');
    assert.deepEqual(
      risks.items.map((p) => [p.placeName, p.risk]),
      [['湖塘农贸市场', 'atRisk']],
    );
    assert.deepEqual(await failure(w.otherTown, 'GET', `/api/testing/environment/samples/${positiveId}`), [404, 'notFound', 'id']);
  });

  // MKT-008: imported cold-chain goods are traced by batch to every place in scope that holds them
  it('the batch trace lists the places in scope holding the batch', async () => {
    const trace = await expectStatus<{ places: PlaceStatus[] }>(w.office, 200, 'GET', `/api/testing/environment/batches/${BATCH}`);
    assert.deepEqual(
      trace.places.map((p) => [p.placeName, p.batchSamples, p.batchPositives, p.risk]),
      [
        ['湖塘农贸市场', 1, 1, 'atRisk'],
        ['湖塘冷链仓储有限公司', 1, 0, 'none'],
      ],
    );
    const fromCounty = await expectStatus<{ places: PlaceStatus[] }>(county, 200, 'GET', `/api/testing/environment/batches/${BATCH}`);
    assert.equal(fromCounty.places.length, 3, 'the district sees town B’s market too');
    const fromB = await expectStatus<{ places: PlaceStatus[] }>(w.otherTown, 200, 'GET', `/api/testing/environment/batches/${BATCH}`);
    assert.deepEqual(
      fromB.places.map((p) => p.placeName),
      ['牛塘农贸市场'],
    );
  });

  // MKT-001: places are sampled regularly; never sampled or late is listed
  it('the due list: sampled today covered, sampled a week ago due, never sampled overdue; town B not listed', async () => {
    const due = await expectStatus<{ counts: Record<string, number>; items: PlaceStatus[]; plans: { placeKind: string }[] }>(
      w.office,
      200,
      'GET',
      '/api/testing/environment/due',
    );
    assert.deepEqual(
      due.items.map((p) => [p.placeName, p.state, p.dueDate]),
      [
        ['丙社区生鲜菜市场', 'overdue', '2022-06-30'],
        ['湖塘卫生院发热门诊', 'due', '2022-07-10'],
        ['湖塘农贸市场', 'covered', '2022-07-17'],
      ],
    );
    assert.deepEqual(due.counts, { covered: 1, due: 1, overdue: 1 });
    assert.deepEqual(due.plans.map((p) => p.placeKind).sort(), ['fever_clinic', 'market']);
    const overdue = await expectStatus<{ items: PlaceStatus[] }>(w.office, 200, 'GET', '/api/testing/environment/due?state=overdue');
    assert.deepEqual(
      overdue.items.map((p) => p.placeId),
      [neverSampled.id],
    );
    assert.deepEqual(await failure(w.office, 'GET', `/api/testing/environment/due?jurisdictionId=${w.townB.id}`), [
      403,
      'forbidden',
      'jurisdictionId',
    ]);
  });

  it('environment results count in the turnaround report under their own limit', async () => {
    const report = await expectStatus<{ rows: { setting: string; results: number; limitHours: number }[] }>(
      w.office,
      200,
      'GET',
      '/api/testing/turnaround',
    );
    const row = report.rows.find((r) => r.setting === 'environment');
    assert.deepEqual([row?.results, row?.limitHours], [2, 24]);
  });

  // CASE-012: the positive place's disinfection task is closed by its community
  it('the community closes its disinfection task; the district’s batch trace is not its to close', async () => {
    const detail = await expectStatus<Detail>(w.grid, 200, 'GET', `/api/testing/environment/samples/${positiveId}`);
    const task = (kind: string) => detail.tasks.find((t) => t.kind === kind)?.id ?? '';
    assert.deepEqual(detail.tasks.map((t) => [t.kind, t.closable]).sort(), [
      ['batch_trace', false],
      ['environment_disinfection', true],
      ['worker_screening', true],
    ]);
    const close = (client: TestClient, id: string) =>
      failure(client, 'POST', `/api/testing/environment/tasks/${id}/close`, { note: '已闭市并完成终末消毒' });
    assert.deepEqual(await close(w.otherTown, task('environment_disinfection')), [404, 'notFound', 'id']);
    assert.deepEqual(await close(w.grid, task('batch_trace')), [404, 'notFound', 'id']);
    await expectStatus(w.grid, 200, 'POST', `/api/testing/environment/tasks/${task('environment_disinfection')}/close`, {
      note: '已闭市并完成终末消毒',
    });
    assert.deepEqual(await close(w.grid, task('environment_disinfection')), [409, 'taskClosed', 'id']);
    const list = await expectStatus<{ items: { id: string; openTasks: number }[] }>(
      w.grid,
      200,
      'GET',
      '/api/testing/environment/samples?result=positive',
    );
    assert.deepEqual(
      list.items.map((s) => [s.id, s.openTasks]),
      [[positiveId, 2]],
    );
  });

  it('an indeterminate sample is sampled again; a later negative sample of the market lifts its flag', async () => {
    runtime.deps.clock = () => at('10:00', '2022-07-12');
    // Two days on: sessions of the first day have lapsed.
    w.grid = await loginAs(runtime.app, 'grid-a');
    w.office = await loginAs(runtime.app, 'office-a');
    w.lab = await loginAs(runtime.app, 'lab-county');
    cadre = await loginAs(runtime.app, 'cadre-a');
    await expectStatus(w.grid, 201, 'POST', '/api/testing/environment/samples', {
      placeId: market.id,
      barcode: 'ENV-000004',
      specimenKind: 'environment_surface',
    });
    await expectStatus(cadre, 201, 'POST', '/api/testing/environment/samples', {
      placeId: neverSampled.id,
      barcode: 'ENV-000005',
      specimenKind: 'air',
    });
    runtime.deps.clock = () => at('18:00', '2022-07-12');
    const progress = await upload([`ENV-000004,阴性,2022-07-12 17:00,${LAB}`, `ENV-000005,可疑,2022-07-12 17:00,${LAB}`]);
    assert.deepEqual([progress.created, progress.followUp.controlTasks, progress.followUp.alerts], [2, 1, 0]);
    const resample = await queryRows<{ kind: string; path: string }>(
      db(),
      sql`select kind, jurisdiction_path as path from task where details->>'barcode' = 'ENV-000005'`,
    );
    assert.deepEqual(resample, [{ kind: 'environment_resample', path: w.villageA2.path }]);
    const risks = await expectStatus<{ items: PlaceStatus[] }>(w.office, 200, 'GET', '/api/testing/environment/risks');
    assert.deepEqual(risks.items, []);
    const all = await expectStatus<{ items: PlaceStatus[] }>(w.office, 200, 'GET', '/api/testing/environment/risks?includeCleared=true');
    assert.deepEqual(
      all.items.map((p) => [p.placeName, p.risk]),
      [['湖塘农贸市场', 'cleared']],
    );
  });

  it('a corrected environment result reruns the place follow-up naming the correction, and a correction back closes it', async () => {
    const correct = async (result: string) => {
      const asked = await expectStatus<{ id: string }>(w.lab, 201, 'POST', '/api/testing/lab-result-corrections', {
        barcode: 'ENV-000003',
        result,
        reason: '实验室复核：样本标签贴错',
        labReference: '武疾控检〔2022〕121号',
      });
      await expectStatus(w.office, 200, 'POST', `/api/testing/lab-result-corrections/${asked.id}/approve`, {});
      return asked.id;
    };
    const placeRows = (table: 'task' | 'alert') =>
      queryRows<{ kind: string; status: string; correction: string | null; reason: string | null; path: string }>(
        db(),
        sql`select kind, status, details->>'correctionId' as correction, details->>'closedReason' as reason, jurisdiction_path as path
            from ${sql.raw(table)} where details->>'barcode' = 'ENV-000003' order by kind, created_at, jurisdiction_path`,
      );
    const toPositive = await correct('positive');
    const tasks = await placeRows('task');
    assert.ok(tasks.length > 0, 'the clinic’s positive swab hands out place work');
    assert.ok(tasks.every((t) => t.status === 'open' && t.correction === toPositive && t.path === w.villageA.path));
    assert.ok(tasks.some((t) => t.kind === 'environment_disinfection'));
    const raised = await placeRows('alert');
    assert.deepEqual(
      raised.map((a) => [a.kind, a.correction, a.path]),
      [
        ['environment_positive', toPositive, w.county.path],
        ['environment_positive', toPositive, w.villageA.path],
      ],
    );
    const back = await correct('negative');
    const closed = await placeRows('task');
    assert.equal(closed.length, tasks.length);
    assert.ok(closed.every((t) => t.status === 'closed' && t.reason === 'resultCorrected' && t.correction === back));
    const alerts = await placeRows('alert');
    assert.deepEqual(
      alerts.map((a) => [a.kind, a.correction, a.path]),
      [
        ['environment_positive', toPositive, w.county.path],
        ['environment_positive', toPositive, w.villageA.path],
        ['result_corrected', back, w.villageA.path],
      ],
    );
    const again = await correct('positive');
    const reopened = (await placeRows('task')).filter((t) => t.status === 'open');
    assert.deepEqual(
      reopened.map((t) => [t.kind, t.correction]),
      tasks.map((t) => [t.kind, again]),
      'corrected back to positive, the place work is handed out again',
    );
  });
});
