import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/query-rows.ts';
import { institution, place } from '../../db/schema/index.ts';
import { addTwoTowns, addUser, loginAs, type TestClient } from '../../testing/factories.ts';
import { createTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';
import { upsertShift } from '../closed-management/rosters/roster.repository.ts';

const TODAY = '2020-03-01';
const NOW = `${TODAY}T10:00:00+08:00`;

interface Finding {
  rule: string;
  requirement: string;
  level: string;
  holder: string | null;
  values: Record<string, string | number>;
}
interface Verdict {
  name: string;
  colour: string;
  findings: Finding[];
  children: { name: string; colour: string; findings: Finding[] }[];
}

/** RES-004, RES-005, RES-006, RES-009, RES-010, RES-011, RES-015 through the API: what is recorded shows on readiness with its reason. */
describe('readiness of vehicles, staff, units, funds and kept facilities (issue 15 part 4)', () => {
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
  const item = (client: TestClient, jurisdictionId: string, kind: string, name: string, more: Record<string, unknown> = {}) =>
    ok<{ id: string; keptCapacity: number | null }>(client, 'POST', '/api/preparedness/items', {
      jurisdictionId,
      kind,
      name,
      status: 'ready',
      ...more,
    });
  const readinessOf = (client: TestClient, jurisdictionId: string) =>
    ok<Verdict>(client, 'GET', `/api/supplies/readiness?jurisdictionId=${jurisdictionId}`, undefined, 200);
  const rules = (v: { findings: Finding[] }, requirement: string) =>
    v.findings.filter((f) => f.requirement === requirement).map((f) => [f.level, f.rule, f.values.kind ?? f.values.shift ?? f.holder]);

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

  it('RES-005: 3 ambulances with 2 drivers and 5 doctors: two can go out (amber); a third driver and the rest clear it', async () => {
    const a = ids.townA.id;
    for (const plate of ['粤LLE120', '粤L120YU', '粤LLX120']) await item(townA, a, 'ambulance', plate);
    for (const n of [1, 2]) await item(townA, a, 'ambulance_driver', `司机${n}`);
    for (const n of [1, 2, 3, 4, 5]) await item(townA, a, 'ambulance_doctor', `医生${n}`);
    const short = await readinessOf(townA, a);
    assert.deepEqual(rules(short, 'RES-005'), [
      ['amber', 'facilityShort', 'ambulance_driver'],
      ['amber', 'facilityShort', 'vehicle_lead'],
      ['amber', 'facilityShort', 'police_vehicle'],
      ['amber', 'vehiclesUncrewed', 'ambulance'],
    ]);
    assert.deepEqual(
      [
        short.findings.find((f) => f.rule === 'vehiclesUncrewed')?.values.crewed,
        short.findings.find((f) => f.rule === 'vehiclesUncrewed')?.values.vehicles,
      ],
      [2, 3],
    );
    for (const n of [3, 4]) await item(townA, a, 'ambulance_driver', `司机${n}`);
    await item(townA, a, 'vehicle_lead', '120 负责人');
    for (const n of [1, 2, 3, 4, 5, 6]) await item(townA, a, 'police_vehicle', `警车${n}`);
    assert.deepEqual(rules(await readinessOf(townA, a), 'RES-005'), []);
  });

  it('RES-009 RES-010: a street without its scarce-supply custodian or emergency fund is amber; recording them clears both', async () => {
    const before = await readinessOf(townA, ids.townA.id);
    assert.deepEqual(rules(before, 'RES-009'), [['amber', 'facilityShort', 'supply_custodian']]);
    assert.deepEqual(rules(before, 'RES-010'), [['amber', 'facilityShort', 'emergency_fund']]);
    await item(townA, ids.townA.id, 'supply_custodian', '物资保管员 张三');
    await item(townA, ids.townA.id, 'emergency_fund', '2020 年卫生应急经费', { note: '50 万元' });
    const after = await readinessOf(townA, ids.townA.id);
    assert.deepEqual([rules(after, 'RES-009'), rules(after, 'RES-010')], [[], []]);
  });

  it('RES-015 MED-001: cutting an isolation ward from 40 to 39 beds or withdrawing the designated hospital is red; the floor stays', async () => {
    const ward = await item(office, ids.county.id, 'isolation_ward', '区人民医院隔离病区', { capacity: 40 });
    const hospital = await item(office, ids.county.id, 'designated_hospital', '区人民医院');
    assert.deepEqual([ward.keptCapacity, hospital.keptCapacity], [40, 1]);
    assert.deepEqual(rules(await readinessOf(office, ids.county.id), 'RES-015'), []);
    await ok(office, 'PATCH', `/api/preparedness/items/${ward.id}`, { capacity: 39 }, 200);
    await ok(office, 'PATCH', `/api/preparedness/items/${hospital.id}`, { status: 'not_started' }, 200);
    const cut = await readinessOf(office, ids.county.id);
    assert.equal(cut.colour, 'red');
    assert.deepEqual(rules(cut, 'RES-015').sort(), [
      ['red', 'capacityDrawnDown', 'isolation_ward'],
      ['red', 'facilityWithdrawn', 'designated_hospital'],
    ]);
    await ok(office, 'PATCH', `/api/preparedness/items/${ward.id}`, { capacity: 40 }, 200);
    await ok(office, 'PATCH', `/api/preparedness/items/${hospital.id}`, { status: 'ready' }, 200);
    assert.deepEqual(rules(await readinessOf(office, ids.county.id), 'RES-015'), []);
    const audit = await queryRows<{ after: { keptCapacity: number } }>(
      runtime.deps.database.db,
      sql`select after from audit_event where entity_id = ${ward.id} and action = 'preparedness.itemUpdate' order by id`,
    );
    assert.deepEqual(
      audit.map((a) => a.after.keptCapacity),
      [40, 40],
    );
  });

  it('RES-006 RES-011: an understaffed night shift, a school short of health workers and an enterprise without supplies are amber', async () => {
    const db = runtime.deps.database.db;
    const v = ids.villageA;
    const [checkpoint] = await db
      .insert(place)
      .values({ kind: 'checkpoint', name: '甲社区东门卡口', code: 'cp-a-1', jurisdictionId: v.id, jurisdictionPath: v.path })
      .returning();
    assert.ok(checkpoint);
    await upsertShift(db, {
      placeId: checkpoint.id,
      shiftDate: TODAY,
      shift: 'day',
      staff: ['甲', '乙', '丙', '丁'].map((name) => ({ name })),
      jurisdictionPath: v.path,
    });
    await upsertShift(db, { placeId: checkpoint.id, shiftDate: TODAY, shift: 'night', staff: [{ name: '戊' }], jurisdictionPath: v.path });
    const unit = (kind: string, name: string, profile: Record<string, number>) => ({
      kind,
      name,
      code: name,
      profile,
      jurisdictionId: v.id,
      jurisdictionPath: v.path,
    });
    await db
      .insert(institution)
      .values([
        unit('school', '甲小学', { students: 601, healthWorkers: 1 }),
        unit('school', '乙小学', { students: 600, healthWorkers: 1 }),
        unit('enterprise', '甲厂', { employees: 120 }),
      ]);
    const verdict = await readinessOf(townA, ids.townA.id);
    assert.deepEqual(rules(verdict, 'RES-006'), [
      ['amber', 'schoolHealthWorkersShort', '甲小学'],
      ['amber', 'checkpointShiftShort', 'night'],
    ]);
    assert.deepEqual(rules(verdict, 'RES-011'), [['amber', 'unitNoSupplies', 'enterprise']]);
    for (const supply of ['medical_mask', 'disinfectant', 'thermometer_gun']) {
      await ok(townA, 'POST', '/api/supplies/stock', {
        jurisdictionId: v.id,
        holderKind: 'institution',
        holderName: '甲厂',
        item: supply,
        unit: '件',
        quantity: 20,
      });
    }
    assert.deepEqual(rules(await readinessOf(townA, ids.townA.id), 'RES-011'), []);
    // Scope: town B sees none of it, and A's readiness is not found for B.
    const b = await readinessOf(townB, ids.townB.id);
    assert.deepEqual([rules(b, 'RES-006'), rules(b, 'RES-011')], [[], []]);
    assert.equal((await townB.request('GET', `/api/supplies/readiness?jurisdictionId=${ids.townA.id}`)).statusCode, 404);
  });

  it('RES-004: a hospital holds 30 days of suits at full-load use; 29 days is amber with the clause', async () => {
    const h = await ok<{ id: string; low: { rule: string; requirement: string } | null }>(office, 'POST', '/api/supplies/stock', {
      jurisdictionId: ids.county.id,
      holderKind: 'hospital',
      holderName: '区人民医院',
      item: 'protective_suit',
      unit: '套',
      quantity: 290,
      dailyUse: 10,
    });
    assert.deepEqual([h.low?.requirement, h.low?.rule], ['RES-004', 'reserveBelowDays']);
    const received = await ok<{ stock: { low: unknown } }>(office, 'POST', `/api/supplies/stock/${h.id}/movements`, {
      kind: 'receive',
      quantity: 10,
    });
    assert.equal(received.stock.low, null);
  });
});
