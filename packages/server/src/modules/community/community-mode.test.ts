import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/query-rows.ts';
import { addTwoTowns, addUser, expectOk, loginAs, residentId, signInCommandStaff, type TestClient } from '../../testing/factories.ts';
import { createTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';

interface ModeView {
  mode: string;
  openCases: number;
  because: { clause: string }[];
  tasks: { title: string; dueAt: string; state: string; assigneeName: string | null }[];
}

/**
 * SC-26, LVL-020 (seed 004 Part B §二(一)–(二)): a community keeps infection out until the first suspected or confirmed
 * case among its residents; that case switches it to stopping spread, and its grid worker gets close-contact
 * management and the disinfection of the five outbreak spots, due at the case's spot deadline (24 h).
 */
describe('SC-26 the community’s mode switches on its first case', () => {
  let runtime: TestRuntime;
  let office: TestClient;
  let grid: TestClient;
  let townB: TestClient;
  let place: Awaited<ReturnType<typeof addTwoTowns>>;
  let seq = 600;

  const mode = async (client: TestClient, jurisdictionId: string) =>
    (await expectOk(client, 'GET', `/api/community/mode?jurisdictionId=${jurisdictionId}`)) as unknown as ModeView;
  const openCase = async (villageId: string, classification: string) => {
    const person = await expectOk(office, 'POST', '/api/persons', {
      idType: 'resident_id',
      idNumber: residentId('19800101', seq++),
      name: `病例${seq}`,
      jurisdictionId: villageId,
    });
    return expectOk(office, 'POST', '/api/cases', {
      personId: person.id,
      classification,
      source: 'manual',
      ...(classification === 'confirmed' ? { clinicalType: 'mild' } : {}),
    });
  };
  const switchTasks = async () =>
    (
      await queryRows<{ n: number }>(
        runtime.deps.database.db,
        sql`select count(*)::int as n from task where source_kind = 'community_mode_switch'`,
      )
    )[0]?.n;

  before(async () => {
    runtime = await createTestRuntime({ FANGKONG_LOGIN_RATE: '1000' });
    runtime.deps.clock = () => new Date('2020-02-10T09:00:00+08:00');
    place = await addTwoTowns(runtime.deps);
    ({ office } = await signInCommandStaff(runtime.deps, runtime.app, place.county.id));
    await addUser(runtime.deps, 'grid-a', 'grid_worker', place.villageA.id);
    await addUser(runtime.deps, 'town-b', 'town_cadre', place.townB.id);
    grid = await loginAs(runtime.app, 'grid-a');
    townB = await loginAs(runtime.app, 'town-b');
  });
  after(() => runtime.close());

  it('SC-26 LVL-020: with no case the community keeps infection out (Part B §二(一)); an asymptomatic infection does not switch it', async () => {
    assert.deepEqual(
      [(await mode(grid, place.villageA.id)).mode, (await mode(grid, place.villageA.id)).because[0]?.clause],
      ['keep_out', 'Part B §二(一)'],
    );
    await openCase(place.villageA.id, 'asymptomatic');
    assert.equal((await mode(grid, place.villageA.id)).mode, 'keep_out');
    assert.equal(await switchTasks(), 0);
  });

  it('SC-26: the first suspected case switches 甲社区 to stopping spread; its grid worker gets the six tasks due in 24 hours, audited', async () => {
    const opened = await openCase(place.villageA.id, 'suspected');
    const view = await mode(grid, place.villageA.id);
    assert.deepEqual([view.mode, view.openCases, view.because[0]?.clause], ['stop_spread', 1, 'Part B §二(二)']);
    assert.equal(view.tasks.length, 6);
    assert.ok(view.tasks.some((t) => t.title.includes('严格密接管理')));
    assert.ok(view.tasks.some((t) => t.title.includes('疫点消毒：病例家庭')));
    assert.ok(view.tasks.every((t) => t.dueAt === '2020-02-11T01:00:00.000Z' && t.state === 'open'));
    assert.ok(
      view.tasks.every((t) => t.assigneeName !== null),
      'the community’s grid worker works them',
    );
    const mine = (await expectOk(grid, 'GET', '/api/tasks/mine')) as unknown as { items: { sourceKind: string }[] };
    assert.equal(mine.items.filter((t) => t.sourceKind === 'community_mode_switch').length, 6);
    const [audit] = await queryRows<{ after: { caseId: string } }>(
      runtime.deps.database.db,
      sql`select after from audit_event where action = 'community.modeSwitch' and entity_id = ${place.villageA.id}`,
    );
    assert.equal(audit?.after.caseId, opened.id);
  });

  it('SC-26: a second case finds 甲社区 switched already (no new tasks); 乙社区 of the other town stays as it was', async () => {
    await openCase(place.villageA.id, 'confirmed');
    assert.equal((await mode(grid, place.villageA.id)).openCases, 2);
    assert.equal(await switchTasks(), 6);
    assert.equal((await mode(townB, place.villageB.id)).mode, 'keep_out');
  });

  it('LVL-020: an asymptomatic infection reclassified as confirmed switches its community (乙社区)', async () => {
    const opened = await openCase(place.villageB.id, 'asymptomatic');
    assert.equal((await mode(townB, place.villageB.id)).mode, 'keep_out');
    await expectOk(office, 'POST', `/api/cases/${opened.id}/classify`, {
      classification: 'confirmed',
      clinicalType: 'mild',
      reason: '出现临床表现，订正为确诊',
    });
    const view = await mode(townB, place.villageB.id);
    assert.deepEqual([view.mode, view.tasks.length], ['stop_spread', 6]);
  });

  it('another jurisdiction: town B reads nothing of 甲社区’s mode (404); a town is not a community (400)', async () => {
    assert.equal((await townB.request('GET', `/api/community/mode?jurisdictionId=${place.villageA.id}`)).statusCode, 404);
    const town = await townB.request('GET', `/api/community/mode?jurisdictionId=${place.townB.id}`);
    assert.equal(town.statusCode, 400);
    assert.equal((town.json() as { field: string }).field, 'jurisdictionId');
  });
});
