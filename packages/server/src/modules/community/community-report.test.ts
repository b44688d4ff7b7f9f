import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/query-rows.ts';
import { addHousehold, addTwoTowns, addUser, loginAs, residentId, type TestClient } from '../../testing/factories.ts';
import { createTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';

interface Report {
  id: string;
  state: string;
  subjectName: string | null;
  trackingTaskId: string | null;
  episodeId: string | null;
  because?: { clause: string }[];
}

/**
 * Seed 001 §三(二)2–3: a resident reports an unregistered outsider to the community, the town/street tracks the
 * person and brings them under management once found (SC-38, KP-I02); a returnee refusing a temperature check is
 * recorded and referred to the police (SC-39, KP-I03, COMM-034).
 */
describe('community reports: unregistered outsiders and refusals (SC-38, SC-39)', () => {
  let runtime: TestRuntime;
  let place: Awaited<ReturnType<typeof addTwoTowns>>;
  let resident: TestClient;
  let grid: TestClient;
  let townCadre: TestClient;
  let gridB: TestClient;
  let townCadreId: string;
  let householdId: string;

  const post = async (client: TestClient, url: string, body: unknown, status: number) => {
    const reply = await client.request('POST', url, body);
    assert.equal(reply.statusCode, status, `${url}: ${reply.body}`);
    return reply.json() as Report & { field?: string; code?: string };
  };
  const count = async (table: string) =>
    (await queryRows<{ n: number }>(runtime.deps.database.db, sql.raw(`select count(*)::int as n from ${table}`)))[0]?.n ?? 0;

  before(async () => {
    runtime = await createTestRuntime({ FANGKONG_LOGIN_RATE: '1000' });
    runtime.deps.clock = () => new Date('2020-02-10T02:00:00Z');
    place = await addTwoTowns(runtime.deps);
    householdId = (await addHousehold(runtime.deps, place.villageA, `${place.villageA.code}0101`)).id;
    await addUser(runtime.deps, 'res-a', 'resident', place.villageA.id);
    await addUser(runtime.deps, 'grid-a', 'grid_worker', place.villageA.id);
    townCadreId = (await addUser(runtime.deps, 'town-a', 'town_cadre', place.townA.id)).id;
    await addUser(runtime.deps, 'grid-b', 'grid_worker', place.villageB.id);
    resident = await loginAs(runtime.app, 'res-a');
    grid = await loginAs(runtime.app, 'grid-a');
    townCadre = await loginAs(runtime.app, 'town-a');
    gridB = await loginAs(runtime.app, 'grid-b');
  });
  after(() => runtime.close());

  it('SC-38 KP-I02: a resident’s report reaches the community and gives the town a tracking task due in 24 h, with the clauses', async () => {
    const report = await post(
      resident,
      '/api/me/outsider-reports',
      { description: '3 号楼住进外地人，未见登记', whereabouts: '3 号楼 2 单元' },
      201,
    );
    assert.deepEqual([report.state, report.because?.map((r) => r.clause)], ['open', ['§三(二)2', '§三(二)2']]);
    const [task] = await queryRows<{ jurisdiction_path: string; assignee_user_id: string; source_kind: string; hours: number }>(
      runtime.deps.database.db,
      sql`select jurisdiction_path, assignee_user_id, source_kind, extract(epoch from due_at - created_at)::int / 3600 as hours
          from task where id = ${report.trackingTaskId}`,
    );
    assert.deepEqual(
      [task?.jurisdiction_path, task?.assignee_user_id, task?.source_kind, task?.hours],
      [place.townA.path, townCadreId, 'community_report', 24],
    );
    const listed = (await grid.request('GET', `/api/community/reports?jurisdictionId=${place.villageA.id}`)).json() as { items: Report[] };
    assert.deepEqual(
      listed.items.map((r) => r.id),
      [report.id],
    );
  });

  it('SC-38: once found the outsider is a person in the household under home medical observation, the report and the tracking task close', async () => {
    const report = await post(
      grid,
      '/api/community/reports',
      {
        jurisdictionId: place.villageA.id,
        kind: 'unregistered_outsider',
        description: '群众反映有外来人员',
        whereabouts: '5 号楼',
      },
      201,
    );
    const found = await post(
      townCadre,
      `/api/community/reports/${report.id}/found`,
      {
        householdId,
        name: '李四',
        idType: 'resident_id',
        idNumber: residentId('19850101', 321),
        phone: '13800001111',
        fromPlace: '温州市',
      },
      200,
    );
    assert.equal(found.state, 'found');
    const [episode] = await queryRows<{ category: string; source: string; household: string }>(
      runtime.deps.database.db,
      sql`select e.category, e.source, p.household_id as household from key_person_episode e join person p on p.id = e.person_id where e.id = ${found.episodeId}`,
    );
    assert.deepEqual([episode?.source, episode?.household], ['community_report', householdId]);
    const [task] = await queryRows<{ status: string }>(
      runtime.deps.database.db,
      sql`select status from task where id = ${report.trackingTaskId}`,
    );
    assert.equal(task?.status, 'closed');
    const again = await post(townCadre, `/api/community/reports/${report.id}/not-found`, { note: '再次' }, 409);
    assert.equal(again.field, 'state');
  });

  it('SC-39 KP-I03 KP-Q01 COMM-034: a refusal of a temperature check is recorded with the person masked, then referred to the police; never tracked', async () => {
    const refusal = await post(
      grid,
      '/api/community/reports',
      {
        jurisdictionId: place.villageA.id,
        kind: 'refused_measure',
        refusedMeasure: 'temperature_check',
        subjectName: '王五',
        description: '返乡人员拒绝测温',
        whereabouts: '小区东门',
      },
      201,
    );
    assert.deepEqual(
      [refusal.subjectName, refusal.trackingTaskId, refusal.because?.map((r) => r.clause)],
      ['王*', null, ['§三(二)3', '§三(八)']],
    );
    const found = await post(
      grid,
      `/api/community/reports/${refusal.id}/found`,
      {
        householdId,
        name: '王五',
        idType: 'resident_id',
        idNumber: residentId('19800101', 111),
        fromPlace: '武汉市',
      },
      409,
    );
    assert.equal(found.field, 'state');
    const referred = await post(
      grid,
      `/api/community/reports/${refusal.id}/refer`,
      { policeStation: '湖塘派出所', policeReference: '2020-017' },
      200,
    );
    assert.equal(referred.state, 'referred');
    const audits = await queryRows<{ action: string }>(
      runtime.deps.database.db,
      sql`select action from audit_event where entity_id = ${refusal.id} order by id`,
    );
    assert.deepEqual(
      audits.map((a) => a.action),
      ['community.report.create', 'community.report.referred'],
    );
  });

  it('bad input writes nothing: a refusal without the measure or the person, a referral without the station, a resident filing a refusal', async () => {
    const before_ = await count('community_report');
    const noMeasure = await post(
      grid,
      '/api/community/reports',
      {
        jurisdictionId: place.villageA.id,
        kind: 'refused_measure',
        subjectName: '赵六',
        description: '拒绝',
        whereabouts: '门口',
      },
      400,
    );
    assert.equal(noMeasure.field, 'refusedMeasure');
    const noName = await post(
      grid,
      '/api/community/reports',
      {
        jurisdictionId: place.villageA.id,
        kind: 'refused_measure',
        refusedMeasure: 'medical_observation',
        description: '拒绝',
        whereabouts: '门口',
      },
      400,
    );
    assert.equal(noName.field, 'subjectName');
    const asResident = await resident.request('POST', '/api/me/outsider-reports', {
      description: 'x',
      whereabouts: 'y',
      refusedMeasure: 'temperature_check',
    });
    assert.equal(asResident.statusCode, 400);
    assert.equal(await count('community_report'), before_);
  });

  it('another jurisdiction gets 404 on the report and 403 on the list; its grid worker cannot close it', async () => {
    const report = await post(
      grid,
      '/api/community/reports',
      {
        jurisdictionId: place.villageA.id,
        kind: 'unregistered_outsider',
        description: '外来人员',
        whereabouts: '7 号楼',
      },
      201,
    );
    await post(gridB, `/api/community/reports/${report.id}/not-found`, { note: '无' }, 404);
    assert.equal((await gridB.request('GET', `/api/community/reports?jurisdictionId=${place.villageA.id}`)).statusCode, 403);
    const own = (await gridB.request('GET', '/api/community/reports')).json() as { items: Report[] };
    assert.equal(own.items.length, 0);
    await post(
      gridB,
      '/api/community/reports',
      {
        jurisdictionId: place.villageA.id,
        kind: 'unregistered_outsider',
        description: '外来人员',
        whereabouts: '7 号楼',
      },
      404,
    );
  });
});
