import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/query-rows.ts';
import { addTwoTowns, addUser, loginAs, type TestClient } from '../../testing/factories.ts';
import { createTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';
import { PNG_EVIDENCE } from './evidence.fixture.ts';

interface Finding {
  id: string;
  state: string;
  responsibleUnitName: string | null;
  task: { id: string; state: string; dueAt: string } | null;
  rechecks: { passed: boolean; note: string }[];
}
interface Inspection {
  id: string;
  method: string;
  workingGroupName: string | null;
  findings: Finding[];
  openFindings: number;
}
interface Group {
  id: string;
  nameZh: string;
  leadUnits: { id: string; name: string }[];
  memberUnits: { id: string; name: string }[];
}

const at = (local: string) => new Date(`${local}:00+08:00`);

describe('supervision and accountability (SUP-001…006, SUP-008, SUP-009)', () => {
  let runtime: TestRuntime;
  let office: TestClient;
  let commander: TestClient;
  let townA: TestClient;
  let townB: TestClient;
  let ids: Awaited<ReturnType<typeof addTwoTowns>>;
  let hq: { id: string; groups: Group[] };
  let townHq: { id: string; groups: Group[] };
  let market: { id: string; name: string };
  let health: { id: string; name: string };
  let inspection: Inspection;

  const json = async <T>(client: TestClient, method: string, url: string, body?: unknown, status = 200): Promise<T> => {
    const reply = await client.request(method, url, body);
    assert.equal(reply.statusCode, status, `${method} ${url}: ${reply.body}`);
    return reply.json() as T;
  };
  const rows = async (table: string) =>
    (await queryRows<{ n: number }>(runtime.deps.database.db, sql`select count(*)::int as n from ${sql.identifier(table)}`))[0]?.n;
  /** Moves the clock and signs everyone in again (sessions last hours, the scenario days). */
  const setNow = async (local: string) => {
    runtime.deps.clock = () => at(local);
    runtime.deps.sessions.clear();
    office = await loginAs(runtime.app, 'office');
    commander = await loginAs(runtime.app, 'commander');
    townA = await loginAs(runtime.app, 'town-a');
    townB = await loginAs(runtime.app, 'town-b');
  };
  const finding = async (client: TestClient = office) =>
    (await json<Inspection>(client, 'GET', `/api/supervisions/${inspection.id}`)).findings[0] as Finding;
  /** The responsible side rectifies: evidence, then the task closed. */
  const rectify = async (taskId: string) => {
    const reply = await runtime.app.inject({
      method: 'POST',
      url: `/api/tasks/${taskId}/evidence?fileName=rectified.png`,
      headers: { ...office.headers, 'content-type': 'image/png' },
      payload: PNG_EVIDENCE,
    });
    assert.equal(reply.statusCode, 201, reply.body);
    await json(office, 'POST', `/api/tasks/${taskId}/close`, { note: '已整改并拍照' });
  };

  before(async () => {
    runtime = await createTestRuntime({ FANGKONG_LOGIN_RATE: '1000' });
    ids = await addTwoTowns(runtime.deps);
    await addUser(runtime.deps, 'office', 'command_office_staff', ids.county.id);
    await addUser(runtime.deps, 'commander', 'district_commander', ids.county.id);
    await addUser(runtime.deps, 'town-a', 'town_cadre', ids.townA.id);
    await addUser(runtime.deps, 'town-b', 'town_cadre', ids.townB.id);
    await setNow('2020-03-01T10:00');
    hq = await json(office, 'POST', '/api/command/headquarters', { jurisdictionId: ids.county.id }, 201);
    townHq = await json(townA, 'POST', '/api/command/headquarters', { jurisdictionId: ids.townA.id }, 201);
    await json(townB, 'POST', '/api/command/headquarters', { jurisdictionId: ids.townB.id }, 201);
    const units = (await json<{ items: { id: string; name: string }[] }>(office, 'GET', '/api/command/org-units')).items;
    market = units.find((u) => u.name === '区市场监管局') as { id: string; name: string };
    health = units.find((u) => u.name === '区卫健局') as { id: string; name: string };
  });
  after(() => runtime.close());

  it('SUP-001, SUP-004, SUP-008: the district supervision group inspects 湖塘镇 (双随机一公开); the finding’s rectification is a task for the responsible unit', async () => {
    const supervisionGroup = hq.groups.find((g) => g.nameZh === '督查检查组') as Group;
    inspection = await json<Inspection>(
      commander,
      'POST',
      '/api/supervisions',
      {
        headquartersId: hq.id,
        jurisdictionId: ids.townA.id,
        workingGroupId: supervisionGroup.id,
        method: 'double_random',
        subject: '农贸市场冷链食品防控落实情况',
        inspectedAt: at('2020-03-01T09:00').toISOString(),
        inspectors: '区纪委监委、区市场监管局',
        findings: [
          {
            description: '湖塘农贸市场进口冷链食品未见核酸检测证明',
            responsibleUnitId: market.id,
            rectificationDueAt: at('2020-03-03T18:00').toISOString(),
          },
        ],
      },
      201,
    );
    assert.equal(inspection.workingGroupName, '督查检查组');
    const [f] = inspection.findings;
    assert.deepEqual([f?.state, f?.responsibleUnitName, f?.task?.state], ['rectifying', '区市场监管局', 'open']);
    const [task] = await queryRows<{ source_kind: string; source_id: string; role: string }>(
      runtime.deps.database.db,
      sql`select t.source_kind, t.source_id, u.role from task t join task_unit u on u.task_id = t.id where t.id = ${f?.task?.id}`,
    );
    assert.deepEqual(task, { source_kind: 'supervision_finding', source_id: f?.id, role: 'responsible' });
    assert.equal((await json<{ items: Inspection[] }>(office, 'GET', '/api/supervisions')).items.length, 1, 'the office sees it too');
  });

  it('SUP-008: no re-check while the rectification is open; past its deadline the finding is overdue and the unit’s ledger shows it', async () => {
    const early = await office.request('POST', `/api/supervision-findings/${(await finding()).id}/rechecks`, {
      passed: true,
      note: '复查',
    });
    assert.equal(early.statusCode, 409);
    assert.equal((early.json() as { code: string }).code, 'rectificationOpen');
    await setNow('2020-03-04T09:00');
    assert.equal((await finding()).state, 'overdue');
    const ledger = await json<{ items: { unit: { name: string }; openFindings: number; overdueTasks: number }[] }>(
      commander,
      'GET',
      '/api/accountability',
    );
    assert.deepEqual(
      ledger.items.map((r) => [r.unit.name, r.openFindings, r.overdueTasks]),
      [['区市场监管局', 1, 1]],
    );
  });

  it('SUP-008, SUP-009: rectified → re-check fails with a new deadline (a new task) → rectified again → re-check passes and closes it', async () => {
    const first = await finding();
    await rectify(first.task?.id ?? '');
    assert.equal((await finding()).state, 'awaiting_recheck');
    const noDeadline = await office.request('POST', `/api/supervision-findings/${first.id}/rechecks`, { passed: false, note: '证明不全' });
    assert.equal(noDeadline.statusCode, 400);
    assert.equal((noDeadline.json() as { field: string }).field, 'newDueAt');
    const failed = await json<Finding>(office, 'POST', `/api/supervision-findings/${first.id}/rechecks`, {
      passed: false,
      note: '部分批次仍无检测证明',
      newDueAt: at('2020-03-06T18:00').toISOString(),
    });
    assert.equal(failed.state, 'rectifying');
    assert.notEqual(failed.task?.id, first.task?.id, 'a new rectification task');
    assert.equal(failed.task?.dueAt, at('2020-03-06T18:00').toISOString());
    await rectify(failed.task?.id ?? '');
    const own = await townA.request('POST', `/api/supervision-findings/${first.id}/rechecks`, { passed: true, note: '自查合格' });
    assert.equal(own.statusCode, 403, 'the inspected town does not re-check its own rectification');
    assert.equal((own.json() as { code: string }).code, 'notInspector');
    const passed = await json<Finding>(commander, 'POST', `/api/supervision-findings/${first.id}/rechecks`, {
      passed: true,
      note: '复查合格，已全部补齐',
    });
    assert.equal(passed.state, 'passed');
    assert.deepEqual(
      passed.rechecks.map((r) => r.passed),
      [false, true],
    );
    const again = await office.request('POST', `/api/supervision-findings/${first.id}/rechecks`, { passed: true, note: '再复查' });
    assert.equal(again.statusCode, 409);
    assert.equal((await json<Inspection>(office, 'GET', `/api/supervisions/${inspection.id}`)).openFindings, 0);
  });

  it('SUP-002, SUP-003, SUP-004: a unit’s accountability record holds its criticism (on its finding), a commendation, and its findings', async () => {
    const f = await finding();
    await json(
      office,
      'POST',
      '/api/accountability/records',
      {
        orgUnitId: market.id,
        kind: 'circulated_criticism',
        basis: '冷链食品检测证明缺失且逾期整改',
        findingId: f.id,
        decidedBy: '区纪委监委',
        decidedOn: '2020-03-04',
      },
      201,
    );
    await json(
      office,
      'POST',
      '/api/accountability/records',
      { orgUnitId: health.id, kind: 'commendation', basis: '密接转运及时', decidedBy: '区指挥部', decidedOn: '2020-03-04' },
      201,
    );
    const notOfUnit = await office.request('POST', '/api/accountability/records', {
      orgUnitId: health.id,
      kind: 'accountability',
      basis: '越权记录',
      findingId: f.id,
      decidedBy: '区纪委监委',
      decidedOn: '2020-03-04',
    });
    assert.equal(notOfUnit.statusCode, 400);
    assert.equal((notOfUnit.json() as { field: string }).field, 'findingId');
    const record = await json<{ records: { kind: string }[]; findings: Finding[] }>(
      commander,
      'GET',
      `/api/accountability/units/${market.id}`,
    );
    assert.deepEqual(
      record.records.map((r) => r.kind),
      ['circulated_criticism'],
    );
    assert.equal(record.findings[0]?.state, 'passed');
    const ledger = await json<{ items: { unit: { name: string }; records: Record<string, number> }[] }>(
      office,
      'GET',
      '/api/accountability',
    );
    assert.deepEqual(ledger.items.find((r) => r.unit.name === '区卫健局')?.records, { commendation: 1 });
  });

  it('bad input: an area outside the headquarters or the caller’s scope, a unit outside, a deadline passed, an inspection in the future — 400 naming the field; nothing written', async () => {
    const before_ = [await rows('supervision'), await rows('supervision_finding'), await rows('task')];
    const base = {
      headquartersId: townHq.id,
      jurisdictionId: ids.townA.id,
      method: 'unannounced',
      subject: '暗访',
      inspectedAt: at('2020-03-04T08:00').toISOString(),
    };
    const townUnit = townHq.groups[0]?.leadUnits[0]?.id;
    const due = at('2020-03-08T18:00').toISOString();
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, jurisdictionId: ids.townB.id }, 'jurisdictionId'],
      [{ ...base, headquartersId: hq.id }, 'headquartersId'],
      [
        { ...base, findings: [{ description: '越界', responsibleUnitId: market.id, rectificationDueAt: due }] },
        'findings.0.responsibleUnitId',
      ],
      [
        {
          ...base,
          findings: [{ description: '过期', responsibleUnitId: townUnit, rectificationDueAt: at('2020-03-01T00:00').toISOString() }],
        },
        'findings.0.rectificationDueAt',
      ],
      [{ ...base, inspectedAt: at('2020-03-05T08:00').toISOString() }, 'inspectedAt'],
    ];
    for (const [body, field] of cases) {
      const reply = await townA.request('POST', '/api/supervisions', body);
      assert.equal(reply.statusCode, 400, `${field}: ${reply.body}`);
      assert.equal((reply.json() as { field: string }).field, field);
    }
    assert.deepEqual([await rows('supervision'), await rows('supervision_finding'), await rows('task')], before_);
  });

  it('SUP-006: the township discipline commission’s unannounced visit (暗访) to a village is the town’s record, with its finding and rectification task; the district sees it', async () => {
    const coordination = townHq.groups.find((g) => g.nameZh === '综合协调组') as Group;
    const discipline = coordination.memberUnits.find((unit) => unit.name.includes('纪委'));
    assert.ok(discipline, `the township coordination group lists its discipline commission: ${JSON.stringify(coordination.memberUnits)}`);
    const lead = coordination.leadUnits[0] as { id: string; name: string };
    const visit = await json<Inspection>(
      townA,
      'POST',
      '/api/supervisions',
      {
        headquartersId: townHq.id,
        jurisdictionId: ids.villageA.id,
        workingGroupId: coordination.id,
        method: 'unannounced',
        subject: '暗访甲社区卡口值守',
        inspectedAt: at('2020-03-04T07:30').toISOString(),
        inspectors: discipline.name,
        findings: [
          { description: '卡口夜间无人值守', responsibleUnitId: lead.id, rectificationDueAt: at('2020-03-05T18:00').toISOString() },
        ],
      },
      201,
    );
    assert.deepEqual(
      [visit.method, visit.workingGroupName, visit.findings[0]?.state, visit.findings[0]?.task?.state],
      ['unannounced', '综合协调组', 'rectifying', 'open'],
    );
    const seenByOffice = (await json<{ items: Inspection[] }>(office, 'GET', '/api/supervisions')).items.find((i) => i.id === visit.id);
    assert.equal(seenByOffice?.method, 'unannounced');
  });

  it('SUP-005: an Internet + Supervision lead (国务院互联网+督查) is verified by the supervision group as an inspection of its own kind', async () => {
    const supervisionGroup = hq.groups.find((g) => g.nameZh === '督查检查组') as Group;
    const lead = await json<Inspection>(
      office,
      'POST',
      '/api/supervisions',
      {
        headquartersId: hq.id,
        jurisdictionId: ids.townA.id,
        workingGroupId: supervisionGroup.id,
        method: 'internet_plus_lead',
        subject: '互联网+督查线索：湖塘镇某小区未落实外来人员登记',
        inspectedAt: at('2020-03-04T08:00').toISOString(),
        inspectors: '区纪委监委',
        findings: [
          {
            description: '线索属实：小区门岗未登记外来人员',
            responsibleUnitId: health.id,
            rectificationDueAt: at('2020-03-06T18:00').toISOString(),
          },
        ],
      },
      201,
    );
    assert.deepEqual([lead.method, lead.workingGroupName, lead.openFindings], ['internet_plus_lead', '督查检查组', 1]);
    const bad = await office.request('POST', '/api/supervisions', {
      headquartersId: hq.id,
      jurisdictionId: ids.townA.id,
      method: 'rumour',
      subject: '一条不属于任何督查方式的记录',
      inspectedAt: at('2020-03-04T08:00').toISOString(),
    });
    assert.equal(bad.statusCode, 400);
    assert.equal((bad.json() as { field: string }).field, 'method');
  });

  it('another jurisdiction: town B reaches none of the inspection of town A, its findings or its units’ records', async () => {
    const f = await finding();
    for (const url of [`/api/supervisions/${inspection.id}`, `/api/accountability/units/${market.id}`]) {
      assert.equal((await townB.request('GET', url)).statusCode, 404, url);
    }
    assert.equal(
      (
        await townB.request('POST', `/api/supervisions/${inspection.id}/findings`, {
          description: '越界',
          responsibleUnitId: market.id,
          rectificationDueAt: at('2020-03-09T00:00').toISOString(),
        })
      ).statusCode,
      404,
    );
    assert.equal(
      (await townB.request('POST', `/api/supervision-findings/${f.id}/rechecks`, { passed: true, note: '越界复查' })).statusCode,
      404,
    );
    const record = await townB.request('POST', '/api/accountability/records', {
      orgUnitId: market.id,
      kind: 'accountability',
      basis: '越界问责',
      decidedBy: '乙',
      decidedOn: '2020-03-04',
    });
    assert.equal(record.statusCode, 400);
    assert.equal((record.json() as { field: string }).field, 'orgUnitId');
    assert.deepEqual((await json<{ items: unknown[] }>(townB, 'GET', '/api/supervisions')).items, []);
    assert.deepEqual((await json<{ items: unknown[] }>(townB, 'GET', '/api/accountability')).items, []);
  });
});
