import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/query-rows.ts';
import { addTwoTowns, addUser, expectOk, loginAs, type TestClient } from '../../testing/factories.ts';
import { createTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';
import { insertSignal } from '../dashboard/early-warning.repository.ts';

const at = (local: string) => new Date(`${local}:00+08:00`);

/**
 * A warning drafted from an early-warning signal (issue 15 part 5; INFO-007 with CASE-007): the tip is pre-filled from
 * the signal, the release keeps the signal and the signal lists the warnings drafted from it, and a signal of another
 * area, or on anything but a warning, is refused naming signalId with nothing written.
 */
describe('a warning drafted from an early-warning signal', () => {
  let runtime: TestRuntime;
  let town: TestClient;
  let townB: TestClient;
  let grid: TestClient;
  let office: TestClient;
  let townAId: string;
  let townBId: string;
  let villageId: string;
  let countyId: string;
  let signalId: string;

  const warning = (jurisdictionId: string, over: Record<string, unknown> = {}) => ({
    jurisdictionId,
    kind: 'warning',
    title: '湖塘镇健康风险提示',
    body: '请做好个人防护。',
    audience: 'public',
    channels: ['platform'],
    signalId,
    ...over,
  });
  const releaseCount = async () =>
    (await queryRows<{ n: number }>(runtime.deps.database.db, sql`select count(*)::int as n from info_release`))[0]?.n;

  before(async () => {
    runtime = await createTestRuntime({ FANGKONG_LOGIN_RATE: '1000' });
    runtime.deps.clock = () => at('2020-02-11T09:00');
    const towns = await addTwoTowns(runtime.deps);
    townAId = towns.townA.id;
    townBId = towns.townB.id;
    villageId = towns.villageA.id;
    countyId = towns.county.id;
    await addUser(runtime.deps, 'town', 'town_cadre', townAId);
    await addUser(runtime.deps, 'town-b', 'town_cadre', townBId);
    await addUser(runtime.deps, 'grid', 'grid_worker', villageId);
    await addUser(runtime.deps, 'office', 'command_office_staff', towns.county.id);
    town = await loginAs(runtime.app, 'town');
    townB = await loginAs(runtime.app, 'town-b');
    grid = await loginAs(runtime.app, 'grid');
    office = await loginAs(runtime.app, 'office');
    const signal = await insertSignal(runtime.deps.database.db, {
      jurisdictionId: townAId,
      jurisdictionPath: towns.townA.path,
      series: 'fever_clinic_visit',
      day: '2020-02-10',
      method: 'C2',
      count: 12,
      threshold: 5.3,
      statistic: 4.1,
      evidence: {},
      editionId: 'seed-2020',
    });
    assert.ok(signal);
    signalId = signal.id;
  });
  after(() => runtime.close());

  it('INFO-007 CASE-007: the tip is pre-filled from the signal: the place, the series, the day and the count', async () => {
    const draft = await expectOk(town, 'GET', `/api/information/warning-draft?signalId=${signalId}`);
    assert.equal(draft.jurisdictionId, townAId);
    assert.equal(draft.title, '湖塘镇健康风险提示（2月10日）');
    assert.match(draft.body as string, /2月10日，湖塘镇发热门诊就诊监测数（12）明显高于近期水平/);
  });

  it('INFO-007: the warning keeps its signal, the signal lists its warning, and the signal’s history says so', async () => {
    const reply = await town.request('POST', '/api/information/releases', warning(townAId));
    assert.equal(reply.statusCode, 201, reply.body);
    const release = reply.json() as { id: string; signalId: string; status: string };
    assert.equal(release.signalId, signalId);
    assert.equal((await expectOk(town, 'GET', `/api/information/releases/${release.id}`)).signalId, signalId);
    const signals = (await expectOk(office, 'GET', '/api/early-warning/signals')).items as { id: string; warnings: unknown[] }[];
    assert.deepEqual(signals.find((s) => s.id === signalId)?.warnings, [{ id: release.id, title: '湖塘镇健康风险提示', status: 'draft' }]);
    const audit = await queryRows<{ entity_id: string; release: string }>(
      runtime.deps.database.db,
      sql`select entity_id, after->>'releaseId' as release from audit_event where action = 'earlyWarning.warningDrafted'`,
    );
    assert.deepEqual(audit, [{ entity_id: signalId, release: release.id }]);
    // The district's own warning from the same signal: listed for the district, not for the town, which cannot read it.
    const countyWarning = await expectOk(office, 'POST', '/api/information/releases', warning(countyId, { title: '武进区健康风险提示' }));
    const forOffice = (await expectOk(office, 'GET', '/api/early-warning/signals')).items as { id: string; warnings: { id: string }[] }[];
    assert.deepEqual(
      forOffice.find((s) => s.id === signalId)?.warnings.map((w) => w.id),
      [release.id, countyWarning.id],
    );
    const forTown = (await expectOk(town, 'GET', '/api/early-warning/signals')).items as { id: string; warnings: { id: string }[] }[];
    assert.deepEqual(
      forTown.find((s) => s.id === signalId)?.warnings.map((w) => w.id),
      [release.id],
    );
  });

  it('INFO-007 bad input: another area’s signal, a notice with a signal, a signal outside the issuing place: 400 signalId, nothing written', async () => {
    const before = await releaseCount();
    const cases: [TestClient, string, unknown, string][] = [
      [townB, 'GET', undefined, 'unknownSignal'],
      [townB, 'POST', warning(townBId), 'unknownSignal'],
      [town, 'POST', warning(townAId, { kind: 'notice' }), 'onlyForWarning'],
      [grid, 'POST', warning(villageId), 'unknownSignal'],
      [town, 'POST', warning(villageId), 'signalOutsidePlace'],
      [town, 'POST', warning(townAId, { signalId: '00000000-0000-4000-8000-000000000000' }), 'unknownSignal'],
    ];
    for (const [client, method, body, code] of cases) {
      const url = method === 'GET' ? `/api/information/warning-draft?signalId=${signalId}` : '/api/information/releases';
      const reply = await client.request(method, url, body);
      assert.equal(reply.statusCode, 400, `${code}: ${reply.body}`);
      const problem = reply.json() as { code: string; field: string };
      assert.deepEqual([problem.field, problem.code], ['signalId', code]);
    }
    assert.equal(await releaseCount(), before);
  });
});
