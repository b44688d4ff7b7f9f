import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/query-rows.ts';
import { addTwoTowns, addUser, loginAs, type TestClient } from '../../testing/factories.ts';
import { createTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';

const TODAY = '2020-03-01';
const NOW = `${TODAY}T10:00:00+08:00`;

interface Stock {
  id: string;
  quantity: number;
  daysOfCover: number | null;
  low: { rule: string; values: Record<string, number> } | null;
  expiry: { rule: string } | null;
}
interface Verdict {
  name: string;
  colour: string;
  findings: { rule: string; requirement: string; level: string; values: Record<string, string | number>; clause: string }[];
}

describe('supplies and preparedness (issue 15 parts 4 and 6)', () => {
  let runtime: TestRuntime;
  let office: TestClient;
  let townA: TestClient;
  let townB: TestClient;
  let ids: Awaited<ReturnType<typeof addTwoTowns>>;

  const ok = async <T>(client: TestClient, method: string, url: string, body?: unknown, status = 201): Promise<T> => {
    const reply = await client.request(method, url, body);
    assert.equal(reply.statusCode, status, `${method} ${url}: ${reply.body}`);
    return reply.json() as T;
  };
  const errorOf = async (client: TestClient, method: string, url: string, body?: unknown) => {
    const reply = await client.request(method, url, body);
    const json = reply.json() as { field?: string; code: string };
    return { status: reply.statusCode, field: json.field, code: json.code };
  };
  const stock = (jurisdictionId: string, item: string, quantity: number, more: Record<string, unknown> = {}) => ({
    jurisdictionId,
    holderKind: 'town',
    holderName: '湖塘镇',
    item,
    unit: '瓶',
    quantity,
    dailyUse: 10,
    ...more,
  });
  const movementCount = async (id: string) =>
    (
      await queryRows<{ n: number }>(
        runtime.deps.database.db,
        sql`select count(*)::int as n from stock_movement where stock_item_id = ${id}`,
      )
    )[0]?.n;

  before(async () => {
    runtime = await createTestRuntime();
    runtime.deps.clock = () => new Date(NOW);
    ids = await addTwoTowns(runtime.deps);
    await addUser(runtime.deps, 'office', 'command_office_staff', ids.county.id);
    await addUser(runtime.deps, 'town-a', 'town_cadre', ids.townA.id);
    await addUser(runtime.deps, 'town-b', 'town_cadre', ids.townB.id);
    office = await loginAs(runtime.app, 'office');
    townA = await loginAs(runtime.app, 'town-a');
    townB = await loginAs(runtime.app, 'town-b');
  });
  after(() => runtime.close());

  it('RES-001 SC-59: 20 days of disinfectant is marked low and raises a stock_low alert; a receipt to 30 days clears the mark', async () => {
    const created = await ok<Stock>(townA, 'POST', '/api/supplies/stock', stock(ids.townA.id, 'disinfectant', 200));
    assert.deepEqual([created.daysOfCover, created.low?.rule, created.low?.values.required], [20, 'reserveBelowDays', 30]);
    const alerts = await ok<{ items: { kind: string; link: string | null }[] }>(
      office,
      'GET',
      '/api/alerts?kind=stock_low',
      undefined,
      200,
    );
    assert.deepEqual(
      alerts.items.map((a) => [a.kind, a.link]),
      [['stock_low', '/supplies']],
    );
    const moved = await ok<{ stock: Stock }>(townA, 'POST', `/api/supplies/stock/${created.id}/movements`, {
      kind: 'receive',
      quantity: 100,
    });
    assert.deepEqual([moved.stock.quantity, moved.stock.daysOfCover, moved.stock.low], [300, 30, null]);
  });

  it('RES-013: a movement below zero is a 400 at quantity, and nothing is written', async () => {
    const created = await ok<Stock>(townA, 'POST', '/api/supplies/stock', stock(ids.townA.id, 'gloves', 50));
    const before = await movementCount(created.id);
    assert.deepEqual(await errorOf(townA, 'POST', `/api/supplies/stock/${created.id}/movements`, { kind: 'issue', quantity: 51 }), {
      status: 400,
      field: 'quantity',
      code: 'stockBelowZero',
    });
    assert.deepEqual(await errorOf(townA, 'POST', `/api/supplies/stock/${created.id}/movements`, { kind: 'adjust', quantity: -2 }), {
      status: 400,
      field: 'reason',
      code: 'adjustNeedsReason',
    });
    assert.equal(await movementCount(created.id), before);
    const list = await ok<Stock[]>(townA, 'GET', '/api/supplies/stock', undefined, 200);
    assert.equal(list.find((s) => s.id === created.id)?.quantity, 50);
  });

  it('RES-014 RES-013: a donation names its donor; a transfer moves stock between holders and both keep history', async () => {
    const from = await ok<Stock>(
      office,
      'POST',
      '/api/supplies/stock',
      stock(ids.county.id, 'protective_mask', 0, { holderKind: 'district', holderName: '区物资库' }),
    );
    assert.equal(
      (await errorOf(office, 'POST', `/api/supplies/stock/${from.id}/movements`, { kind: 'donation', quantity: 500 })).field,
      'donor',
    );
    await ok(office, 'POST', `/api/supplies/stock/${from.id}/movements`, { kind: 'donation', quantity: 500, donor: '某爱心企业' });
    const to = await ok<Stock>(townA, 'POST', '/api/supplies/stock', stock(ids.townA.id, 'protective_mask', 10));
    const transfer = { kind: 'transfer', quantity: 200, toStockItemId: to.id };
    // RES-009: a scarce item goes out only with its purpose; without one, a 400 at reason and nothing moves.
    assert.deepEqual(await errorOf(office, 'POST', `/api/supplies/stock/${from.id}/movements`, transfer), {
      status: 400,
      field: 'reason',
      code: 'scarcePurposeRequired',
    });
    assert.equal(await movementCount(to.id), 1);
    const moved = await ok<{ stock: Stock }>(office, 'POST', `/api/supplies/stock/${from.id}/movements`, {
      ...transfer,
      reason: '湖塘镇发热门诊补充',
    });
    assert.equal(moved.stock.quantity, 300);
    const history = await ok<{ items: { kind: string; delta: number; balanceAfter: number }[] }>(
      townA,
      'GET',
      `/api/supplies/stock/${to.id}/movements`,
      undefined,
      200,
    );
    assert.deepEqual(
      history.items.map((m) => [m.kind, m.delta, m.balanceAfter]),
      [
        ['transfer', 200, 210],
        ['receive', 10, 10],
      ],
    );
    const audit = await queryRows<{ action: string }>(
      runtime.deps.database.db,
      sql`select action from audit_event where entity_id = ${from.id} order by id`,
    );
    assert.deepEqual(
      audit.map((a) => a.action),
      ['supply.stockCreate', 'supply.donation', 'supply.transfer'],
    );
  });

  it('scope: town B never sees town A’s stock; A’s id in B’s body is a 400 at the field; B writes nothing in A', async () => {
    const a = await ok<Stock>(townA, 'POST', '/api/supplies/stock', stock(ids.townA.id, 'hand_sanitizer', 40));
    const b = await ok<Stock>(townB, 'POST', '/api/supplies/stock', stock(ids.townB.id, 'hand_sanitizer', 40, { holderName: '牛塘镇' }));
    assert.equal((await townB.request('GET', `/api/supplies/stock/${a.id}/movements`)).statusCode, 404);
    assert.equal((await townB.request('POST', `/api/supplies/stock/${a.id}/movements`, { kind: 'issue', quantity: 1 })).statusCode, 404);
    assert.deepEqual(
      await errorOf(townB, 'POST', `/api/supplies/stock/${b.id}/movements`, { kind: 'transfer', quantity: 1, toStockItemId: a.id }),
      {
        status: 400,
        field: 'toStockItemId',
        code: 'unknownStockItem',
      },
    );
    assert.deepEqual(await errorOf(townB, 'POST', '/api/supplies/stock', stock(ids.townA.id, 'sprayer', 1)), {
      status: 400,
      field: 'jurisdictionId',
      code: 'unknownJurisdiction',
    });
    const seen = await ok<Stock[]>(townB, 'GET', '/api/supplies/stock', undefined, 200);
    assert.ok(seen.every((s) => s.id !== a.id));
    assert.equal((await townB.request('GET', `/api/supplies/readiness?jurisdictionId=${ids.townA.id}`)).statusCode, 404);
  });

  it('SC-60 RES-002 RES-007: a county with a 180-place quarantine site is red; at 200 the reason is gone', async () => {
    const add = (body: Record<string, unknown>) =>
      ok<{ id: string }>(office, 'POST', '/api/preparedness/items', { jurisdictionId: ids.county.id, status: 'ready', ...body });
    await add({ kind: 'designated_hospital', name: '区人民医院' });
    await add({ kind: 'asymptomatic_observation_point', name: '区无症状感染者医学观察点' });
    await add({ kind: 'nat_lab', name: '区疾控实验室' });
    await add({ kind: 'nat_lab', name: '区人民医院实验室' });
    const site = await add({ kind: 'quarantine_site', name: '区集中隔离点', capacity: 180 });
    const red = await ok<Verdict & { children: Verdict[] }>(
      office,
      'GET',
      `/api/supplies/readiness?jurisdictionId=${ids.county.id}`,
      undefined,
      200,
    );
    assert.equal(red.colour, 'red');
    const capacity = red.findings.find((f) => f.rule === 'capacityShort');
    assert.deepEqual([capacity?.values.capacity, capacity?.values.required, capacity?.clause], [180, 200, 'seed 003 item 9']);
    await ok(office, 'PATCH', `/api/preparedness/items/${site.id}`, { capacity: 200 }, 200);
    const after = await ok<Verdict & { children: Verdict[] }>(
      office,
      'GET',
      `/api/supplies/readiness?jurisdictionId=${ids.county.id}`,
      undefined,
      200,
    );
    assert.ok(!after.findings.some((f) => f.rule === 'capacityShort' || (f.rule === 'facilityShort' && f.values.kind === 'nat_lab')));
    // SC-59: town B has no centralized service point: its child verdict is red for it.
    const b = after.children.find((c) => c.name === '牛塘镇');
    assert.ok(b?.findings.some((f) => f.rule === 'facilityShort' && f.values.kind === 'service_point' && f.level === 'red'));
  });

  it('PREP-004 PREP-002 PREP-003: plans with review dates, drills with attendance and findings', async () => {
    assert.equal(
      (
        await errorOf(office, 'POST', '/api/preparedness/plans', {
          jurisdictionId: ids.county.id,
          title: '旧预案',
          level: 'general',
          issuedBy: '区政府办公室',
          issuedOn: '2020-01-20',
          reviewDueOn: '2020-01-01',
        })
      ).field,
      'reviewDueOn',
    );
    const plan = await ok<{ id: string; reviewState: string }>(office, 'POST', '/api/preparedness/plans', {
      jurisdictionId: ids.county.id,
      title: '武进区新冠肺炎疫情应急预案',
      documentNumber: '武肺炎防控指〔2020〕54号',
      level: 'general',
      issuedBy: '区政府办公室',
      issuedOn: '2020-02-20',
      reviewDueOn: '2020-03-20',
    });
    assert.equal(plan.reviewState, 'review_soon');
    const drill = {
      jurisdictionId: ids.county.id,
      kind: 'drill',
      title: '隔离点转运演练',
      heldOn: '2020-02-25',
      planId: plan.id,
      expected: 20,
      findings: '转运车辆到位慢',
    };
    assert.deepEqual(await errorOf(office, 'POST', '/api/preparedness/exercises', { ...drill, attended: 21 }), {
      status: 400,
      field: 'attended',
      code: 'attendanceOutOfRange',
    });
    await ok(office, 'POST', '/api/preparedness/exercises', { ...drill, attended: 18 });
    const list = await ok<{ attended: number; findings: string }[]>(townA, 'GET', '/api/preparedness/exercises', undefined, 200);
    assert.equal(list.length, 0, 'a town sees only drills inside it');
    const seen = await ok<{ attended: number }[]>(office, 'GET', '/api/preparedness/exercises', undefined, 200);
    assert.deepEqual(
      seen.map((e) => e.attended),
      [18],
    );
  });

  it('ENV-003: a sealed building is scheduled twice a day (never less); one record is due, two are done', async () => {
    const base = { jurisdictionId: ids.townA.id, placeKind: 'sealed_building', placeName: '甲社区3幢' };
    assert.deepEqual(await errorOf(townA, 'POST', '/api/supplies/disinfection', { ...base, times: 1 }), {
      status: 400,
      field: 'times',
      code: 'belowDisinfectionNorm',
    });
    const schedule = await ok<{ id: string; state: string; required: number }>(townA, 'POST', '/api/supplies/disinfection', base);
    assert.deepEqual([schedule.state, schedule.required], ['due', 2]);
    await ok(townA, 'POST', `/api/supplies/disinfection/${schedule.id}/records`, { doneAt: `${TODAY}T07:00:00+08:00` });
    assert.equal(
      (await errorOf(townA, 'POST', `/api/supplies/disinfection/${schedule.id}/records`, { doneAt: `${TODAY}T11:00:00+08:00` })).field,
      'doneAt',
    );
    await ok(townA, 'POST', `/api/supplies/disinfection/${schedule.id}/records`, {});
    const list = await ok<{ id: string; state: string; doneThisPeriod: number }[]>(
      townA,
      'GET',
      '/api/supplies/disinfection',
      undefined,
      200,
    );
    assert.deepEqual(
      list.filter((s) => s.id === schedule.id).map((s) => [s.state, s.doneThisPeriod]),
      [['done', 2]],
    );
    assert.equal((await townB.request('POST', `/api/supplies/disinfection/${schedule.id}/records`, {})).statusCode, 404);
  });

  it('PREP-001: a checklist item recorded ready shows ready on the list; an unknown number or a number on a facility is refused, nothing written', async () => {
    const base = { jurisdictionId: ids.townA.id, kind: 'checklist', name: '应急准备清单第1项', status: 'ready' };
    const count = async () =>
      (
        await queryRows<{ n: number }>(
          runtime.deps.database.db,
          sql`select count(*)::int as n from preparation_item where kind = 'checklist'`,
        )
      )[0]?.n;
    const before = await count();
    assert.deepEqual(await errorOf(townA, 'POST', '/api/preparedness/items', { ...base, checklistNo: 99 }), {
      status: 400,
      field: 'checklistNo',
      code: 'unknownChecklistItem',
    });
    assert.deepEqual(await errorOf(townA, 'POST', '/api/preparedness/items', { ...base, kind: 'service_point', checklistNo: 1 }), {
      status: 400,
      field: 'checklistNo',
      code: 'checklistOnly',
    });
    assert.equal(await count(), before);
    const item = await ok<{ id: string }>(townA, 'POST', '/api/preparedness/items', { ...base, checklistNo: 1, status: 'in_progress' });
    type Listed = { checklist: { no: number; ready: boolean }[] };
    const readyOf = async (no: number) =>
      (await ok<Listed>(townA, 'GET', `/api/preparedness/items?jurisdictionId=${ids.townA.id}`, undefined, 200)).checklist.find(
        (c) => c.no === no,
      )?.ready;
    assert.equal(await readyOf(1), false, 'in preparation is not ready');
    await ok(townA, 'PATCH', `/api/preparedness/items/${item.id}`, { status: 'ready' }, 200);
    assert.equal(await readyOf(1), true);
    assert.equal(await readyOf(2), false);
    assert.equal((await townB.request('PATCH', `/api/preparedness/items/${item.id}`, { status: 'not_started' })).statusCode, 404);
  });
});
