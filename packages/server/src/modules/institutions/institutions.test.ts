import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/query-rows.ts';
import { addTwoTowns, addUser, loginAs, residentId, type TestClient } from '../../testing/factories.ts';
import { createTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';

const NOW = '2020-03-02T10:00:00+08:00';
const TODAY = '2020-03-02';

interface Institution {
  id: string;
  findings: { code: string; requirement: string; params: Record<string, number> }[];
}
interface Task {
  id: string;
  title: string;
  sourceKind: string;
  sourceId: string | null;
  dueAt: string | null;
  assigneeName: string | null;
}

describe('institutions (issue 16): registry, school checks and absences, pharmacy sales, incidents', () => {
  let runtime: TestRuntime;
  let town: TestClient;
  let school: TestClient;
  let pharmacy: TestClient;
  let grid: TestClient;
  let medic: TestClient;
  let townB: TestClient;
  let ids: Awaited<ReturnType<typeof addTwoTowns>>;
  let schoolId: string;
  let pharmacyId: string;

  const json = async <T>(client: TestClient, method: string, url: string, body?: unknown, status = 200): Promise<T> => {
    const reply = await client.request(method, url, body);
    assert.equal(reply.statusCode, status, `${method} ${url}: ${reply.body}`);
    return reply.json() as T;
  };
  const count = async (table: string) =>
    (await queryRows<{ n: number }>(runtime.deps.database.db, sql`select count(*)::int as n from ${sql.identifier(table)}`))[0]?.n ?? 0;
  const sentinel = async (series: string) =>
    (
      await queryRows<{ n: number }>(
        runtime.deps.database.db,
        sql`select coalesce(sum(count), 0)::int as n from sentinel_daily_count where series = ${series} and day = ${TODAY}`,
      )
    )[0]?.n ?? 0;
  const register = (client: TestClient, body: Record<string, unknown>, status = 201) =>
    json<Institution>(client, 'POST', '/api/institutions', { jurisdictionId: ids.villageA.id, ...body }, status);

  before(async () => {
    runtime = await createTestRuntime();
    runtime.deps.clock = () => new Date(NOW);
    ids = await addTwoTowns(runtime.deps);
    await addUser(runtime.deps, 'town-a', 'town_cadre', ids.townA.id);
    await addUser(runtime.deps, 'school-a', 'institution_reporter', ids.townA.id);
    await addUser(runtime.deps, 'pharm-a', 'pharmacy_staff', ids.villageA.id);
    await addUser(runtime.deps, 'grid-a', 'grid_worker', ids.villageA.id);
    await addUser(runtime.deps, 'medic-a', 'assigned_medic', ids.villageA.id);
    await addUser(runtime.deps, 'town-b', 'town_cadre', ids.townB.id);
    town = await loginAs(runtime.app, 'town-a');
    school = await loginAs(runtime.app, 'school-a');
    pharmacy = await loginAs(runtime.app, 'pharm-a');
    grid = await loginAs(runtime.app, 'grid-a');
    medic = await loginAs(runtime.app, 'medic-a');
    townB = await loginAs(runtime.app, 'town-b');
    schoolId = (
      await register(town, {
        kind: 'school',
        name: '甲小学',
        code: 'A-SCH-1',
        profile: { students: 1300, classes: 30, healthWorkers: 2, preventionTeams: 1, preventionInstructors: 1 },
      })
    ).id;
    pharmacyId = (await register(town, { kind: 'pharmacy', name: '甲大药房', code: 'A-PHA-1', profile: { nearCommunity: true } })).id;
  });
  after(() => runtime.close());

  it('SCH-010 SC-48: a school of 1,300 pupils with 2 health workers is registered and flagged (needs 3)', async () => {
    const list = await json<{ items: Institution[] }>(town, 'GET', '/api/institutions?kind=school');
    const found = list.items.find((i) => i.id === schoolId);
    assert.deepEqual(
      found?.findings.map((f) => [f.requirement, f.params]),
      [['SCH-010', { needed: 3, have: 2 }]],
    );
    const ok = await register(town, {
      kind: 'school',
      name: '甲中学',
      code: 'A-SCH-2',
      profile: { students: 1200, healthWorkers: 2, preventionTeams: 1, preventionInstructors: 1 },
    });
    assert.deepEqual(ok.findings, []);
  });

  it('bad input: more classes than students, another town, a duplicate code → 400 naming the field, nothing written', async () => {
    const before_ = await count('institution');
    const classes = await town.request('POST', '/api/institutions', {
      kind: 'school',
      name: '错校',
      code: 'A-SCH-X',
      jurisdictionId: ids.villageA.id,
      profile: { students: 20, classes: 30 },
    });
    assert.equal(classes.statusCode, 400);
    assert.match(classes.body, /profile\.classes/);
    const other = await town.request('POST', '/api/institutions', {
      kind: 'pharmacy',
      name: '乙药房',
      code: 'B-PHA',
      jurisdictionId: ids.villageB.id,
      profile: {},
    });
    assert.equal(other.statusCode, 400);
    assert.match(other.body, /jurisdictionId/);
    const dup = await town.request('POST', '/api/institutions', {
      kind: 'pharmacy',
      name: '甲药房',
      code: 'A-PHA-1',
      jurisdictionId: ids.villageA.id,
      profile: {},
    });
    assert.equal(dup.statusCode, 400);
    assert.equal(await count('institution'), before_);
  });

  it('SCH-004 SCH-002: the school reports its morning check and the duty shows done; the noon check is still due', async () => {
    await json(
      school,
      'POST',
      `/api/institutions/${schoolId}/health-checks`,
      { session: 'morning', present: 1290, absent: 10, feverish: 1 },
      201,
    );
    const day = await json<{ duties: { id: string; state: string }[]; healthChecks: { session: string }[] }>(
      school,
      'GET',
      `/api/institutions/${schoolId}`,
    );
    assert.equal(day.duties.find((d) => d.id === 'school.morning_check')?.state, 'done');
    assert.equal(day.duties.find((d) => d.id === 'school.noon_check')?.state, 'due');
    assert.deepEqual(
      day.healthChecks.map((c) => c.session),
      ['morning'],
    );
    const bad = await school.request('POST', `/api/institutions/${schoolId}/health-checks`, {
      session: 'noon',
      present: 10,
      absent: 0,
      feverish: 11,
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /feverish/);
  });

  it('SCH-005 SC-51: a pupil absent with fever is registered, counted in the series, and a fast-track NAT task reaches the medic', async () => {
    const absence = await json<{ id: string; natTaskId: string | null; natDueAt: string }>(
      school,
      'POST',
      `/api/institutions/${schoolId}/absences`,
      { name: '张小明', className: '三年级二班', reason: 'fever', temperature: 38.2 },
      201,
    );
    assert.ok(absence.natTaskId);
    assert.equal(new Date(absence.natDueAt).getTime(), new Date(NOW).getTime() + 12 * 3_600_000);
    assert.equal(await sentinel('school_illness_absence'), 1);
    const mine = await json<{ items: Task[] }>(medic, 'GET', '/api/tasks/mine');
    assert.ok(mine.items.some((t) => t.id === absence.natTaskId && t.sourceKind === 'school_absence_nat'));
    const day = await json<{ absences: { name: string }[] }>(town, 'GET', `/api/institutions/${schoolId}`);
    assert.equal(day.absences[0]?.name.includes('明'), false, 'the absent pupil is masked in lists');
    const other = await json<{ natTaskId: string | null }>(
      school,
      'POST',
      `/api/institutions/${schoolId}/absences`,
      { name: '李四', reason: 'other_illness' },
      201,
    );
    assert.equal(other.natTaskId, null);
    assert.equal(await sentinel('school_illness_absence'), 2);
  });

  it('PHAR-001 SC-61: a sale without a valid buyer ID is refused naming the field, and nothing is written', async () => {
    const [sales, tasks] = [await count('pharmacy_sale'), await count('task')];
    const reply = await pharmacy.request('POST', `/api/institutions/${pharmacyId}/pharmacy-sales`, {
      buyerName: '王某',
      buyerIdNumber: '320412198001011230',
      buyerPhone: '13912345678',
      drugName: '复方甘草片',
      drugClass: 'cough',
      quantity: 1,
    });
    assert.equal(reply.statusCode, 400);
    assert.match(reply.body, /buyerIdNumber/);
    assert.equal(await count('pharmacy_sale'), sales);
    assert.equal(await count('task'), tasks);
  });

  it('PHAR-001 SC-61: a real-name fever-drug sale reaches the grid worker’s work list within 24 hours; lists mask the buyer', async () => {
    const idNumber = residentId('19800101', 123);
    const sale = await json<{ id: string; followUpTaskId: string; followUpDueAt: string; buyerIdNumber: string }>(
      pharmacy,
      'POST',
      `/api/institutions/${pharmacyId}/pharmacy-sales`,
      {
        buyerName: '王某某',
        buyerIdNumber: idNumber,
        buyerPhone: '13912345678',
        drugName: '布洛芬缓释胶囊',
        drugClass: 'fever',
        quantity: 2,
      },
      201,
    );
    assert.equal(new Date(sale.followUpDueAt).getTime(), new Date(NOW).getTime() + 24 * 3_600_000);
    assert.notEqual(sale.buyerIdNumber, idNumber);
    const mine = await json<{ items: Task[] }>(grid, 'GET', '/api/tasks/mine');
    const task = mine.items.find((t) => t.id === sale.followUpTaskId);
    assert.equal(task?.sourceKind, 'pharmacy_follow_up');
    assert.equal(task?.dueAt, sale.followUpDueAt);
    assert.equal(await sentinel('pharmacy_fever_drug_purchase'), 1);
    const list = await json<{ items: { buyerIdNumber: string; buyerPhone: string }[] }>(grid, 'GET', '/api/pharmacy-sales');
    assert.equal(list.items.length, 1);
    assert.ok(!JSON.stringify(list).includes(idNumber) && !JSON.stringify(list).includes('13912345678'));
    const tasks = await json<{ items: Task[] }>(town, 'GET', `/api/institution-tasks?institutionId=${pharmacyId}`);
    assert.deepEqual(
      tasks.items.map((t) => t.sourceKind),
      ['pharmacy_follow_up'],
    );
  });

  it('a buyer in full only with a stated purpose, and the view is audited', async () => {
    const list = await json<{ items: { id: string }[] }>(grid, 'GET', '/api/pharmacy-sales');
    const id = list.items[0]?.id ?? '';
    assert.equal((await grid.request('POST', `/api/pharmacy-sales/${id}/reveal`, { purpose: '' })).statusCode, 400);
    const full = await json<{ buyerIdNumber: string }>(grid, 'POST', `/api/pharmacy-sales/${id}/reveal`, { purpose: '电话随访核实身份' });
    assert.equal(full.buyerIdNumber, residentId('19800101', 123));
    const audits = await queryRows<{ n: number }>(
      runtime.deps.database.db,
      sql`select count(*)::int as n from audit_event where action = 'pharmacy.sale.reveal' and entity_id = ${id}`,
    );
    assert.equal(audits[0]?.n, 1);
  });

  it('another town’s user: the institution is not found, a report into it is refused, lists are empty', async () => {
    assert.equal((await townB.request('GET', `/api/institutions/${schoolId}`)).statusCode, 404);
    const sale = await townB.request('POST', `/api/institutions/${pharmacyId}/pharmacy-sales`, {
      buyerName: '越界',
      buyerIdNumber: residentId('19800101', 125),
      buyerPhone: '13912345679',
      drugName: '布洛芬',
      drugClass: 'fever',
      quantity: 1,
    });
    assert.equal(sale.statusCode, 404);
    assert.deepEqual((await json<{ items: unknown[] }>(townB, 'GET', '/api/institutions')).items, []);
    assert.deepEqual((await json<{ items: unknown[] }>(townB, 'GET', '/api/pharmacy-sales')).items, []);
    assert.deepEqual((await json<{ items: unknown[] }>(townB, 'GET', '/api/institution-tasks')).items, []);
  });

  it('CASE-013 SC-66: a confirmed case in a welfare home issues full disinfection, belongings, tracing and centralized isolation', async () => {
    const home = await register(town, {
      kind: 'special_institution',
      name: '甲福利院',
      code: 'A-INST-1',
      profile: { specialType: 'welfare_home', residents: 60 },
    });
    const incident = await json<{ steps: { stepId: string; taskId: string }[] }>(
      town,
      'POST',
      `/api/institutions/${home.id}/incidents`,
      { finding: 'confirmed_case' },
      201,
    );
    assert.deepEqual(
      incident.steps.map((s) => s.stepId),
      ['full_disinfection', 'belongings_disposal', 'contact_tracing', 'centralized_isolation'],
    );
    const tasks = await json<{ items: Task[] }>(town, 'GET', `/api/institution-tasks?institutionId=${home.id}`);
    assert.equal(tasks.items.filter((t) => t.sourceKind === 'institution_incident').length, 4);
    assert.equal((await school.request('POST', `/api/institutions/${home.id}/incidents`, { finding: 'confirmed_case' })).statusCode, 403);
  });

  it('INST-004 MKT-005: a care home without a level keeps protected visits; a market records its 1110 duties, another kind’s duty is refused', async () => {
    const market = await register(town, { kind: 'market', name: '甲农贸市场', code: 'A-MKT-1', profile: { livePoultry: true } });
    await json(town, 'POST', `/api/institutions/${market.id}/duty-records`, { dutyId: 'market.daily_disinfection', done: true }, 201);
    const day = await json<{ duties: { id: string; state: string }[] }>(town, 'GET', `/api/institutions/${market.id}`);
    assert.equal(day.duties.find((d) => d.id === 'market.daily_disinfection')?.state, 'done');
    assert.equal(day.duties.find((d) => d.id === 'market.monthly_closure')?.state, 'due');
    const wrong = await town.request('POST', `/api/institutions/${market.id}/duty-records`, { dutyId: 'school.morning_check', done: true });
    assert.equal(wrong.statusCode, 400);
    assert.match(wrong.body, /dutyId/);
    const home = await json<{ items: { id: string; kind: string }[] }>(town, 'GET', '/api/institutions?kind=special_institution');
    const homeDay = await json<{ duties: { id: string }[]; levelInForce: string | null }>(
      town,
      'GET',
      `/api/institutions/${home.items[0]?.id}`,
    );
    assert.equal(homeDay.levelInForce, null);
    assert.ok(homeDay.duties.some((d) => d.id === 'special.visits_protected'));
    assert.ok(!homeDay.duties.some((d) => d.id === 'special.closed_management'));
  });

  it('MED-007: a health centre’s fever-clinic and primary-care visits land in the sentinel series', async () => {
    const centre = await register(town, {
      kind: 'medical_institution',
      name: '甲卫生院',
      code: 'A-MED-1',
      profile: { feverClinic: true, sentinel: true },
    });
    await json(town, 'POST', `/api/institutions/${centre.id}/visit-counts`, { feverClinicVisits: 7, primaryCareVisits: 15 }, 201);
    await json(town, 'POST', `/api/institutions/${centre.id}/visit-counts`, { feverClinicVisits: 8, primaryCareVisits: 15 }, 201);
    assert.equal(await sentinel('fever_clinic_visit'), 8);
    assert.equal(await sentinel('primary_care_visit'), 15);
    const week = await json<{ items: { series: string; count: number }[] }>(town, 'GET', '/api/institution-sentinels');
    assert.equal(week.items.find((i) => i.series === 'fever_clinic_visit')?.count, 8);
  });
});
