import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loginAs } from '../../testing/factories.ts';
import { createTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';
import { raiseAlert } from '../key-persons/alert.repository.ts';
import { addResidents, at, expectStatus, type TestingWorld, testingWorld } from '../testing/testing.test-support.ts';

interface AlertItem {
  id: string;
  kind: string;
  severity: string;
  status: string;
  personNameMasked: string | null;
  tubeCode: string | null;
  members: number | null;
  link: string | null;
}
interface AlertPage {
  total: number;
  items: AlertItem[];
}

const LAB = '武进区疾控中心';

// Issue 18 item 8. CASE-007 (warning levels: severity order), CASE-001 (overdue alerts), TEST-007
// (pool results followed up); lists are scoped to the caller's jurisdiction and mask names.
describe('GET /api/alerts: severity order, filters, scope, who and what', () => {
  let runtime: TestRuntime;
  let w: TestingWorld;

  before(async () => {
    runtime = await createTestRuntime({ FANGKONG_LOGIN_RATE: '1000' });
    w = await testingWorld(runtime);
    const people = await addResidents(runtime.deps, w.villageA, 3);
    const campaign = await expectStatus<{ id: string }>(w.office, 201, 'POST', '/api/testing/campaigns', {
      name: '甲社区',
      jurisdictionId: w.villageA.id,
      startsAt: at('07:00').toISOString(),
    });
    const point = await expectStatus<{ id: string }>(w.office, 201, 'POST', `/api/testing/campaigns/${campaign.id}/collection-points`, {
      name: '甲社区广场',
      jurisdictionId: w.villageA.id,
      opensAt: '07:00',
      closesAt: '19:00',
      staff: 2,
      expectedResidents: 3,
      labName: LAB,
    });
    for (const personId of people) {
      await expectStatus(w.grid, 201, 'POST', `/api/testing/collection-points/${point.id}/scans`, { barcode: 'P-000001', personId });
    }
    const db = runtime.deps.database.db;
    // Older, less severe alerts: a positive pool raised later must still come first.
    runtime.deps.clock = () => at('09:00');
    await raiseAlert(db, { kind: 'result_corrected', dedupKey: 't:low', details: { barcode: 'X-1' }, jurisdictionPath: w.villageA.path });
    await raiseAlert(db, { kind: 'capacity', dedupKey: 't:medium', details: { siteName: '甲点' }, jurisdictionPath: w.villageA.path });
    await raiseAlert(db, { kind: 'positive_result', dedupKey: 't:resolved', details: {}, jurisdictionPath: w.villageA.path });
    const all = await expectStatus<AlertPage>(w.office, 200, 'GET', '/api/alerts');
    const toResolve = all.items.find((a) => a.kind === 'positive_result');
    const resolved = await w.office.request('POST', `/api/alerts/${toResolve?.id}/resolve`, { reason: '已处置完毕' });
    assert.equal(resolved.statusCode, 204, resolved.body);
    runtime.deps.clock = () => at('16:00');
    const csv = ['条码,结果,检测时间,检测机构', `P-000001,阳性,2022-07-10 14:00,${LAB}`].join('\r\n');
    const reply = await runtime.app.inject({
      method: 'POST',
      url: '/api/testing/lab-results/imports?wait=true&fileName=results.csv',
      headers: { ...w.lab.headers, 'content-type': 'text/csv' },
      payload: Buffer.from(csv, 'utf8'),
    });
    assert.equal(reply.statusCode, 202, reply.body);
  });
  after(() => runtime.close());

  it('orders open before resolved, then critical → low: the positive pool is first (CASE-007)', async () => {
    const page = await expectStatus<AlertPage>(w.office, 200, 'GET', '/api/alerts');
    assert.deepEqual(
      page.items.map((a) => [a.kind, a.severity, a.status]),
      [
        ['positive_pool', 'critical', 'open'],
        ['capacity', 'medium', 'open'],
        ['result_corrected', 'low', 'open'],
        ['positive_result', 'critical', 'resolved'],
      ],
    );
  });

  it('the positive pool alert names a member (masked), the tube, how many, and links to the record', async () => {
    const page = await expectStatus<AlertPage>(w.office, 200, 'GET', '/api/alerts');
    const pool = page.items[0];
    assert.match(pool?.personNameMasked ?? '', /^居\*+$/);
    assert.deepEqual([pool?.tubeCode, pool?.members], ['P-000001', 3]);
    assert.match(pool?.link ?? '', /^\/persons\?person=[0-9a-f-]{36}$/, 'the member without an episode: her person record');
  });

  it('filters by kind, status, severity and jurisdiction', async () => {
    const kinds = async (query: string) =>
      (await expectStatus<AlertPage>(w.office, 200, 'GET', `/api/alerts?${query}`)).items.map((a) => a.kind);
    assert.deepEqual(await kinds('kind=capacity'), ['capacity']);
    assert.deepEqual(await kinds('status=resolved'), ['positive_result']);
    assert.deepEqual(await kinds('severity=critical&status=open'), ['positive_pool']);
    assert.deepEqual(await kinds(`jurisdictionId=${w.villageA2.id}`), []);
    assert.equal((await kinds(`jurisdictionId=${w.villageA.id}`)).length, 4);
  });

  it('refuses a jurisdiction outside the caller and an unknown kind, with the field', async () => {
    const outside = await w.office.request('GET', `/api/alerts?jurisdictionId=${w.townB.id}`);
    assert.equal(outside.statusCode, 403, outside.body);
    const unknown = await w.office.request('GET', '/api/alerts?kind=nope');
    assert.equal(unknown.statusCode, 400, unknown.body);
  });

  it('another jurisdiction does not see them, nor count them on its bell', async () => {
    const other = await expectStatus<AlertPage>(w.otherTown, 200, 'GET', '/api/alerts');
    assert.deepEqual(other.items, []);
    const badge = await expectStatus<{ open: number }>(w.otherTown, 200, 'GET', '/api/alerts/badge');
    assert.equal(badge.open, 0);
    const grid = await loginAs(runtime.app, 'grid-a');
    const seen = await expectStatus<AlertPage>(grid, 200, 'GET', '/api/alerts?status=open');
    assert.equal(seen.items[0]?.kind, 'positive_pool', 'the community grid worker sees the pool first too');
  });
});
