import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/query-rows.ts';
import { addTwoTowns, addUser, loginAs, type TestClient } from '../../testing/factories.ts';
import { createTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';
import { PDF_EVIDENCE, PNG_EVIDENCE } from './evidence.fixture.ts';

const LIMIT = 4096;

interface Task {
  id: string;
  state: string;
  late: boolean;
  title: string;
  units: { name: string; role: string }[];
  workingGroupName: string | null;
  assigneeName: string | null;
  evidenceCount: number;
  closable: boolean;
  evidence: { id: string; fileName: string; sizeBytes: number }[];
}
interface Group {
  id: string;
  nameZh: string;
  leadUnits: { id: string; name: string }[];
  memberUnits: { id: string; name: string }[];
}

const at = (local: string) => new Date(`${local}:00+08:00`);

describe('command tasks (ORG-060, SC-70; issue 13 bad input)', () => {
  let runtime: TestRuntime;
  let office: TestClient;
  let cdc: TestClient;
  let grid: TestClient;
  let gridB: TestClient;
  let townB: TestClient;
  let ids: Awaited<ReturnType<typeof addTwoTowns>>;
  let medical: Group;
  let townBGroup: Group;
  let userIds: Record<string, string>;
  let districtHq: string;
  let taskId: string;

  const json = async <T>(client: TestClient, method: string, url: string, body?: unknown, status = 200): Promise<T> => {
    const reply = await client.request(method, url, body);
    assert.equal(reply.statusCode, status, `${method} ${url}: ${reply.body}`);
    return reply.json() as T;
  };
  const tasks = async () => (await queryRows<{ n: number }>(runtime.deps.database.db, sql`select count(*)::int as n from task`))[0]?.n;
  const upload = (client: TestClient, id: string, body: Buffer, type: string, name = 'photo.png') =>
    runtime.app.inject({
      method: 'POST',
      url: `/api/tasks/${id}/evidence?fileName=${encodeURIComponent(name)}`,
      headers: { ...client.headers, 'content-type': type },
      payload: body,
    });
  const setNow = (local: string) => {
    runtime.deps.clock = () => at(local);
  };

  before(async () => {
    runtime = await createTestRuntime({ FANGKONG_LOGIN_RATE: '1000', FANGKONG_UPLOAD_EVIDENCE_BYTES: String(LIMIT) });
    setNow('2020-03-01T10:00');
    ids = await addTwoTowns(runtime.deps);
    userIds = {};
    for (const [name, role, where] of [
      ['office', 'command_office_staff', ids.county.id],
      ['cdc', 'cdc_epidemiologist', ids.county.id],
      ['grid-a', 'grid_worker', ids.villageA.id],
      ['grid-b', 'grid_worker', ids.villageB.id],
      ['town-b', 'town_cadre', ids.townB.id],
    ] as const) {
      userIds[name] = (await addUser(runtime.deps, name, role, where)).id;
    }
    office = await loginAs(runtime.app, 'office');
    cdc = await loginAs(runtime.app, 'cdc');
    grid = await loginAs(runtime.app, 'grid-a');
    gridB = await loginAs(runtime.app, 'grid-b');
    townB = await loginAs(runtime.app, 'town-b');
    const district = await json<{ id: string; groups: Group[] }>(
      office,
      'POST',
      '/api/command/headquarters',
      { jurisdictionId: ids.county.id },
      201,
    );
    districtHq = district.id;
    medical = district.groups.find((g) => g.nameZh === '疫情防控和医疗救治组') as Group;
    const town = await json<{ groups: Group[] }>(townB, 'POST', '/api/command/headquarters', { jurisdictionId: ids.townB.id }, 201);
    townBGroup = town.groups[0] as Group;
  });
  after(() => runtime.close());

  it('ORG-060: the office issues a task to a group, its lead and participating units and a person, audited', async () => {
    const police = medical.memberUnits.find((u) => u.name === '区公安局');
    const created = await json<Task>(
      office,
      'POST',
      '/api/tasks',
      {
        jurisdictionId: ids.villageA.id,
        headquartersId: districtHq,
        title: '甲社区密接人员转运',
        dueAt: at('2020-03-02T18:00').toISOString(),
        workingGroupId: medical.id,
        assigneeUserId: userIds.cdc,
        units: [
          { unitId: medical.leadUnits[0]?.id, role: 'lead' },
          { unitId: police?.id, role: 'participating' },
        ],
      },
      201,
    );
    taskId = created.id;
    assert.equal(created.state, 'open');
    assert.equal(created.workingGroupName, '疫情防控和医疗救治组');
    assert.deepEqual(
      created.units.map((u) => [u.name, u.role]),
      [
        ['区卫健局', 'lead'],
        ['区公安局', 'participating'],
      ],
    );
    const [audit] = await queryRows<{ action: string }>(
      runtime.deps.database.db,
      sql`select action from audit_event where entity_id = ${taskId}`,
    );
    assert.equal(audit?.action, 'task.create');
  });

  it('ORG-060, SC-70: "my tasks" — the person it was given to, a grid worker given one in the community, a unit’s roster member by the unit’s part', async () => {
    const mine = await json<{ items: Task[] }>(cdc, 'GET', '/api/tasks/mine');
    assert.deepEqual(
      mine.items.map((t) => t.id),
      [taskId],
    );
    await json(
      office,
      'POST',
      '/api/tasks',
      {
        jurisdictionId: ids.villageA.id,
        title: '入户核查返乡人员',
        dueAt: at('2020-03-01T20:00').toISOString(),
        assigneeUserId: userIds['grid-a'],
      },
      201,
    );
    assert.deepEqual(
      (await json<{ items: Task[] }>(grid, 'GET', '/api/tasks/mine')).items.map((t) => t.title),
      ['入户核查返乡人员'],
    );
    const police = medical.memberUnits.find((u) => u.name === '区公安局');
    await json(
      office,
      'POST',
      '/api/command/roster-members',
      { headquartersId: districtHq, name: '公安联络员', role: 'liaison', orgUnitId: police?.id, userId: userIds['grid-a'] },
      201,
    );
    const byUnit = await json<{ items: Task[] }>(grid, 'GET', '/api/tasks/mine');
    assert.ok(byUnit.items.some((t) => t.id === taskId && t.units.some((u) => u.name === '区公安局' && u.role === 'participating')));
    const unitTasks = await json<{ items: Task[] }>(office, 'GET', `/api/tasks?unitId=${police?.id}`);
    assert.deepEqual(
      unitTasks.items.map((t) => t.id),
      [taskId],
    );
  });

  it('open becomes overdue once the deadline passes (derived, not stored); the counts follow', async () => {
    setNow('2020-03-01T21:00');
    const list = await json<{ items: Task[]; counts: { open: number; overdue: number; done: number } }>(office, 'GET', '/api/tasks');
    assert.deepEqual(list.counts, { open: 1, overdue: 1, done: 0 });
    assert.equal(list.items[0]?.state, 'overdue', 'overdue first');
    assert.equal((await json<{ items: Task[] }>(office, 'GET', '/api/tasks?state=overdue')).items[0]?.title, '入户核查返乡人员');
    setNow('2020-03-01T10:00');
  });

  it('bad input: a task outside the jurisdiction — place, group, unit, person — or without deadline or assignee is a 400 naming the field; nothing written', async () => {
    const before_ = await tasks();
    const base = {
      jurisdictionId: ids.villageA.id,
      title: '越界任务',
      dueAt: at('2020-03-02T18:00').toISOString(),
      workingGroupId: medical.id,
    };
    const cases: [TestClient, Record<string, unknown>, string, string][] = [
      [townB, { ...base, workingGroupId: townBGroup.id }, 'jurisdictionId', 'unknownJurisdiction'],
      [office, { ...base, workingGroupId: townBGroup.id }, 'workingGroupId', 'outsideJurisdiction'],
      [office, { ...base, assigneeUserId: userIds['grid-b'] }, 'assigneeUserId', 'outsideJurisdiction'],
      [office, { ...base, units: [{ unitId: townBGroup.leadUnits[0]?.id, role: 'responsible' }] }, 'units', 'outsideJurisdiction'],
      [office, { ...base, dueAt: at('2020-03-01T09:00').toISOString() }, 'dueAt', 'deadlinePassed'],
      [office, { ...base, workingGroupId: undefined }, 'workingGroupId', 'assigneeRequired'],
      [office, { ...base, dueAt: 'tomorrow' }, 'dueAt', 'invalidValue'],
    ];
    for (const [client, body, field, code] of cases) {
      const reply = await client.request('POST', '/api/tasks', body);
      assert.equal(reply.statusCode, 400, `${field}: ${reply.body}`);
      assert.deepEqual([(reply.json() as { field: string }).field, (reply.json() as { code: string }).code], [field, code]);
    }
    assert.equal(await tasks(), before_);
  });

  it('evidence: a JPEG, PNG or PDF whose bytes match its type; a file over the limit is 413 naming the body; nothing written', async () => {
    const count = async () =>
      (await queryRows<{ n: number }>(runtime.deps.database.db, sql`select count(*)::int as n from task_evidence`))[0]?.n;
    const tooBig = await upload(office, taskId, Buffer.concat([PNG_EVIDENCE, Buffer.alloc(LIMIT)]), 'image/png');
    assert.equal(tooBig.statusCode, 413);
    assert.equal((tooBig.json() as { field: string }).field, 'body');
    const faked = await upload(office, taskId, Buffer.from('not really a png'), 'image/png');
    assert.equal(faked.statusCode, 400);
    assert.deepEqual([(faked.json() as { field: string }).field, (faked.json() as { code: string }).code], ['body', 'evidenceNotMatching']);
    const wrongType = await upload(office, taskId, PNG_EVIDENCE, 'text/plain');
    assert.equal(wrongType.statusCode, 415);
    assert.equal(await count(), 0);
    const saved = await upload(cdc, taskId, PDF_EVIDENCE, 'application/pdf', '../../转运记录.pdf');
    assert.equal(saved.statusCode, 201, saved.body);
    assert.equal((saved.json() as { fileName: string }).fileName, '转运记录.pdf');
    assert.equal(await count(), 1);
  });

  it('closing needs evidence first; someone not on the task does not see it; a closed task takes no more', async () => {
    const other = await json<Task>(
      office,
      'POST',
      '/api/tasks',
      { jurisdictionId: ids.villageA.id, title: '消杀记录', dueAt: at('2020-03-02T18:00').toISOString(), workingGroupId: medical.id },
      201,
    );
    const noEvidence = await office.request('POST', `/api/tasks/${other.id}/close`, { note: '已完成' });
    assert.equal(noEvidence.statusCode, 400);
    assert.equal((noEvidence.json() as { field: string }).field, 'evidence');
    const stranger = await upload(grid, other.id, PNG_EVIDENCE, 'image/png');
    assert.equal(stranger.statusCode, 404, 'a grid worker of the community sees only the tasks given to them');
    assert.equal((await grid.request('GET', `/api/tasks/${other.id}`)).statusCode, 404);
    assert.equal((await grid.request('POST', `/api/tasks/${other.id}/close`, { note: '代办' })).statusCode, 404);
    assert.equal((await upload(office, other.id, PNG_EVIDENCE, 'image/png')).statusCode, 201);
    const closed = await json<Task>(office, 'POST', `/api/tasks/${other.id}/close`, { note: '已消杀并拍照' });
    assert.deepEqual([closed.state, closed.evidenceCount, closed.closable], ['done', 1, false]);
    assert.equal((await office.request('POST', `/api/tasks/${other.id}/close`, { note: '再办结' })).statusCode, 409);
    assert.equal((await upload(office, other.id, PNG_EVIDENCE, 'image/png')).statusCode, 409);
    const file = await runtime.app.inject({
      method: 'GET',
      url: `/api/tasks/${other.id}/evidence/${closed.evidence[0]?.id}`,
      headers: office.headers,
    });
    assert.equal(file.statusCode, 200);
    assert.deepEqual(file.rawPayload, PNG_EVIDENCE);
    assert.equal(file.headers['content-type'], 'image/png');
  });

  it('another jurisdiction: town B reaches none of town A’s tasks (404), lists none, and its grid worker has no "my tasks" of A', async () => {
    const detail = await json<Task>(office, 'GET', `/api/tasks/${taskId}`);
    for (const url of [`/api/tasks/${taskId}`, `/api/tasks/${taskId}/evidence/${detail.evidence[0]?.id}`]) {
      assert.equal((await townB.request('GET', url)).statusCode, 404, url);
    }
    assert.equal((await townB.request('POST', `/api/tasks/${taskId}/close`, { note: '越界办结' })).statusCode, 404);
    assert.equal((await upload(townB, taskId, PNG_EVIDENCE, 'image/png')).statusCode, 404);
    assert.deepEqual((await json<{ items: Task[] }>(townB, 'GET', '/api/tasks')).items, []);
    assert.deepEqual((await json<{ items: Task[] }>(gridB, 'GET', '/api/tasks/mine')).items, []);
  });
});
