import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/query-rows.ts';
import { addJurisdiction, addTwoTowns, addUser, loginAs, residentId, type TestClient } from '../../testing/factories.ts';
import { createTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';
import { insertRiskArea } from '../zones/risk-area.repository.ts';

let now = new Date('2020-03-02T10:00:00+08:00');
type Json = Record<string, unknown>;

describe('public places, pharmacies and the entrance (issue 16 part 2): PUB-005, PUB-007, PHAR-002, COMM-012', () => {
  let runtime: TestRuntime;
  let town: TestClient;
  let townB: TestClient;
  let school: TestClient;
  let hotelStaff: TestClient;
  let grid: TestClient;
  let gridB: TestClient;
  let ids: Awaited<ReturnType<typeof addTwoTowns>>;
  let hotelId: string;
  let wuhanId: string;
  let gridId: string;
  let gridBId: string;

  const send = (client: TestClient, method: string, url: string, body?: unknown) => client.request(method, url, body);
  const ok = async (client: TestClient, method: string, url: string, body?: unknown, status = 200) => {
    const reply = await send(client, method, url, body);
    assert.equal(reply.statusCode, status, `${method} ${url}: ${reply.body}`);
    return reply.json() as Json;
  };
  const field = async (reply: Promise<{ statusCode: number; json: () => unknown }>) => {
    const r = await reply;
    return [r.statusCode, (r.json() as { field?: string }).field];
  };
  const count = async (table: string) =>
    (await queryRows<{ n: number }>(runtime.deps.database.db, sql`select count(*)::int as n from ${sql.identifier(table)}`))[0]?.n ?? 0;
  const publish = (j: { id: string; path: string }, level: string) =>
    insertRiskArea(runtime.deps.database.db, {
      jurisdictionId: j.id,
      jurisdictionPath: j.path,
      editionId: 'seed-2020',
      asOf: '2020-02-20',
      computedLevel: level,
      reasons: [],
      level,
      status: 'published',
      proposedAt: now,
      publishedAt: now,
    });

  before(async () => {
    runtime = await createTestRuntime();
    runtime.deps.clock = () => now;
    const deps = runtime.deps;
    ids = await addTwoTowns(deps);
    await addJurisdiction(deps, 'CN', '42', '湖北省', 'province');
    const wuhan = await addJurisdiction(deps, '42', '4201', '武汉市', 'city');
    wuhanId = wuhan.id;
    await publish(wuhan, 'high');
    await publish(ids.townB, 'medium');
    await addUser(deps, 'town-a', 'town_cadre', ids.townA.id);
    await addUser(deps, 'town-b', 'town_cadre', ids.townB.id);
    await addUser(deps, 'school-a', 'institution_reporter', ids.townA.id);
    await addUser(deps, 'hotel-a', 'institution_reporter', ids.villageA.id);
    gridId = (await addUser(deps, 'grid-a', 'grid_worker', ids.villageA.id)).id;
    gridBId = (await addUser(deps, 'grid-b', 'grid_worker', ids.villageB.id)).id;
    town = await loginAs(runtime.app, 'town-a');
    townB = await loginAs(runtime.app, 'town-b');
    school = await loginAs(runtime.app, 'school-a');
    hotelStaff = await loginAs(runtime.app, 'hotel-a');
    grid = await loginAs(runtime.app, 'grid-a');
    gridB = await loginAs(runtime.app, 'grid-b');
    const hotel = await ok(
      town,
      'POST',
      '/api/institutions',
      { kind: 'public_place', name: '湖塘宾馆', code: 'A-HOTEL-1', jurisdictionId: ids.villageA.id, profile: { venueType: 'hotel' } },
      201,
    );
    hotelId = String(hotel.id);
  });
  after(() => runtime.close());

  const exam = {
    kind: 'exam',
    title: '初三模拟考试',
    organizer: '湖塘实验中学',
    eventDate: '2020-03-10',
    attendees: 400,
    plan: '一考一案：分散考场、测温入场',
  };

  it('PUB-005 ZONE-012: a low-risk town’s exam is filed pending, then approved by the town; the decision audited', async () => {
    const filed = await ok(school, 'POST', '/api/event-permits', { ...exam, jurisdictionId: ids.villageA.id }, 201);
    assert.equal(filed.status, 'pending');
    assert.deepEqual((filed.advice as { approvable: boolean; because: { rule: string } }).because.rule, 'event.gradeAllows');
    const decided = await ok(town, 'POST', `/api/event-permits/${filed.id}/decide`, { approve: true, note: '同意，按方案执行' });
    assert.equal(decided.status, 'approved');
    assert.equal((await send(town, 'POST', `/api/event-permits/${filed.id}/decide`, { approve: false })).statusCode, 409);
    const audit = await queryRows<{ action: string }>(
      runtime.deps.database.db,
      sql`select action from audit_event where entity_id = ${String(filed.id)} order by id`,
    );
    assert.deepEqual(
      audit.map((a) => a.action),
      ['event.file', 'event.decide'],
    );
  });

  it('PUB-005 ZONE-012: in a medium-risk town an exam cannot be approved (400 naming approve) unless urgent', async () => {
    const filed = await ok(townB, 'POST', '/api/event-permits', { ...exam, jurisdictionId: ids.villageB.id }, 201);
    assert.deepEqual(filed.advice, {
      approvable: false,
      because: { rule: 'event.gradeForbids', grade: 'medium', clause: (filed.advice as { because: { clause: Json } }).because.clause },
    });
    assert.deepEqual(await field(send(townB, 'POST', `/api/event-permits/${filed.id}/decide`, { approve: true })), [400, 'approve']);
    const refused = await ok(townB, 'POST', `/api/event-permits/${filed.id}/decide`, { approve: false, note: '中风险地区' });
    assert.equal(refused.status, 'refused');
    const urgent = await ok(townB, 'POST', '/api/event-permits', { ...exam, jurisdictionId: ids.villageB.id, urgent: true }, 201);
    assert.equal((await ok(townB, 'POST', `/api/event-permits/${urgent.id}/decide`, { approve: true })).status, 'approved');
  });

  it('PUB-005 bad input and scope: a date past, no plan, another town → 4xx naming the field, nothing written', async () => {
    const before_ = await count('event_permit');
    assert.deepEqual(
      await field(send(school, 'POST', '/api/event-permits', { ...exam, jurisdictionId: ids.villageA.id, eventDate: '2020-03-01' })),
      [400, 'eventDate'],
    );
    assert.deepEqual(await field(send(school, 'POST', '/api/event-permits', { ...exam, jurisdictionId: ids.villageA.id, plan: '  ' })), [
      400,
      'plan',
    ]);
    assert.deepEqual(await field(send(school, 'POST', '/api/event-permits', { ...exam, jurisdictionId: ids.villageB.id })), [
      400,
      'jurisdictionId',
    ]);
    assert.equal(await count('event_permit'), before_);
    const mine = (await ok(town, 'GET', '/api/event-permits')).items as { id: string }[];
    assert.equal((await send(townB, 'POST', `/api/event-permits/${mine[0]?.id}/decide`, { approve: false })).statusCode, 404);
    assert.ok(
      ((await ok(townB, 'GET', '/api/event-permits')).items as { jurisdictionId: string }[]).every(
        (e) => e.jurisdictionId === ids.villageB.id,
      ),
    );
  });

  it('PUB-007 KP-G07: a guest from Wuhan (high) is registered masked and reported to the community as a task; the full view is audited', async () => {
    // The hotel's front desk picks the origin from the published risk areas (public notices, any signed-in user).
    const places = (await ok(hotelStaff, 'GET', '/api/community/risk-places', undefined, 200)) as {
      items: { jurisdictionId: string; level: string }[];
    };
    assert.deepEqual(
      places.items.filter((p) => p.jurisdictionId === wuhanId).map((p) => p.level),
      ['high'],
    );
    const guest = await ok(
      hotelStaff,
      'POST',
      `/api/institutions/${hotelId}/guests`,
      {
        name: '住客张三',
        idType: 'resident_id',
        idNumber: residentId('19800101', 311),
        phone: '13800002222',
        fromPlace: '武汉市',
        fromJurisdictionId: wuhanId,
      },
      201,
    );
    assert.deepEqual([guest.name, guest.keyArea, guest.fromGrade], ['住***', true, 'high']);
    assert.match(String(guest.idNumber), /\*/);
    const task = await queryRows<{ source_kind: string; username: string }>(
      runtime.deps.database.db,
      sql`select t.source_kind, u.username from task t join app_user u on u.id = t.assignee_user_id where t.id = ${String(guest.reportTaskId)}`,
    );
    assert.deepEqual(task[0], { source_kind: 'hotel_guest_report', username: 'grid-a' });
    const plain = await ok(
      hotelStaff,
      'POST',
      `/api/institutions/${hotelId}/guests`,
      { name: '住客李四', idType: 'resident_id', idNumber: residentId('19810101', 313), fromPlace: '常州市' },
      201,
    );
    assert.deepEqual([plain.keyArea, plain.reportTaskId], [false, null]);
    const list = (await ok(grid, 'GET', `/api/hotel-guests?institutionId=${hotelId}`)).items as { name: string }[];
    assert.deepEqual(list.map((g) => g.name).sort(), ['住***', '住***']);
    const full = await ok(town, 'POST', `/api/hotel-guests/${guest.id}/reveal`, { purpose: '核查来客' });
    assert.equal(full.name, '住客张三');
    const audited = await queryRows<{ n: number }>(
      runtime.deps.database.db,
      sql`select count(*)::int as n from audit_event where action = 'hotel.guest.reveal' and entity_id = ${String(guest.id)}`,
    );
    assert.equal(audited[0]?.n, 1);
    assert.equal((await send(townB, 'POST', `/api/hotel-guests/${guest.id}/reveal`, { purpose: '越界' })).statusCode, 404);
  });

  it('PUB-007 bad input: a bad ID number, a school registering guests, another town’s hotel → 4xx, nothing written', async () => {
    const before_ = await count('hotel_guest');
    const bad = { name: '错号', idType: 'resident_id', idNumber: '320412198001013110', fromPlace: '常州' };
    assert.deepEqual(await field(send(hotelStaff, 'POST', `/api/institutions/${hotelId}/guests`, bad)), [400, 'idNumber']);
    const schoolRow = await ok(
      town,
      'POST',
      '/api/institutions',
      { kind: 'school', name: '甲校', code: 'A-SCH-G', jurisdictionId: ids.villageA.id, profile: { students: 100 } },
      201,
    );
    const good = { ...bad, idNumber: residentId('19800101', 317) };
    assert.deepEqual(await field(send(town, 'POST', `/api/institutions/${schoolRow.id}/guests`, good)), [400, 'id']);
    assert.equal((await send(townB, 'POST', `/api/institutions/${hotelId}/guests`, good)).statusCode, 404);
    assert.equal(await count('hotel_guest'), before_);
  });

  it('PHAR-002 SC-61: queued real-name sales are handed to the provincial platform once each, in full, audited; another town shares none of them', async () => {
    const pharmacy = await ok(
      town,
      'POST',
      '/api/institutions',
      { kind: 'pharmacy', name: '甲药房', code: 'A-PHA-S', jurisdictionId: ids.villageA.id, profile: {} },
      201,
    );
    for (const [i, name] of ['购药甲', '购药乙'].entries()) {
      await ok(
        town,
        'POST',
        `/api/institutions/${pharmacy.id}/pharmacy-sales`,
        {
          buyerName: name,
          buyerIdNumber: residentId('19700101', 401 + i),
          buyerPhone: '13800003333',
          drugName: '布洛芬',
          drugClass: 'fever',
          quantity: 1,
        },
        201,
      );
    }
    assert.equal((await ok(town, 'GET', '/api/pharmacy-sales/outbox')).pending, 2);
    const other = await ok(townB, 'POST', '/api/pharmacy-sales/share', { recipient: 'provincial_platform', purpose: '每日上报' });
    assert.equal(other.count, 0);
    const shared = await ok(town, 'POST', '/api/pharmacy-sales/share', { recipient: 'provincial_platform', purpose: '每日上报' });
    assert.equal(shared.count, 2);
    assert.deepEqual(
      (shared.items as { buyerName: string }[]).map((s) => s.buyerName),
      ['购药甲', '购药乙'],
    );
    assert.equal((await ok(town, 'GET', '/api/pharmacy-sales/outbox')).pending, 0);
    assert.equal((await ok(town, 'POST', '/api/pharmacy-sales/share', { recipient: 'provincial_platform', purpose: '每日上报' })).count, 0);
    const audit = await queryRows<{ after: { count: number; recipient: string } }>(
      runtime.deps.database.db,
      sql`select after from audit_event where action = 'pharmacy.sale.share'`,
    );
    assert.deepEqual(
      audit.map((a) => [a.after.recipient, a.after.count]),
      [['provincial_platform', 2]],
    );
  });

  it('COMM-012 SC-37: a repair worker enters masked, temperature taken, escorted; left open past the day it is flagged, closed out once', async () => {
    const entry = {
      jurisdictionId: ids.villageA.id,
      subject: 'person',
      name: '维修工王五',
      purpose: '水电维修',
      masked: true,
      temperature: 36.5,
    };
    assert.deepEqual(await field(send(grid, 'POST', '/api/community/entry-ledger', { ...entry, escortUserId: gridId, masked: false })), [
      400,
      'masked',
    ]);
    assert.deepEqual(
      await field(send(grid, 'POST', '/api/community/entry-ledger', { ...entry, escortUserId: gridId, temperature: 37.5 })),
      [400, 'temperature'],
    );
    assert.deepEqual(await field(send(grid, 'POST', '/api/community/entry-ledger', entry)), [400, 'escortUserId']);
    assert.deepEqual(await field(send(grid, 'POST', '/api/community/entry-ledger', { ...entry, escortUserId: gridBId })), [
      400,
      'escortUserId',
    ]);
    assert.equal(await count('entry_ledger'), 0);
    const person = await ok(grid, 'POST', '/api/community/entry-ledger', { ...entry, escortUserId: gridId }, 201);
    assert.equal(person.name, '维****');
    const vehicle = await ok(
      grid,
      'POST',
      '/api/community/entry-ledger',
      {
        jurisdictionId: ids.villageA.id,
        subject: 'vehicle',
        plate: '苏d12345',
        purpose: '送菜',
        masked: true,
        temperature: 36.6,
        escortUserId: gridId,
      },
      201,
    );
    assert.equal(vehicle.plate, '苏D12345');
    await ok(grid, 'POST', `/api/community/entry-ledger/${vehicle.id}/close`);
    const today = await ok(grid, 'GET', '/api/community/entry-ledger');
    assert.deepEqual([today.open, today.flagged], [1, 0]);
    now = new Date('2020-03-03T08:00:00+08:00');
    grid = await loginAs(runtime.app, 'grid-a'); // the night ended yesterday's session
    gridB = await loginAs(runtime.app, 'grid-b');
    const next = await ok(grid, 'GET', '/api/community/entry-ledger');
    assert.deepEqual([next.open, next.flagged], [1, 1]);
    assert.equal((next.items as { id: string; flagged: boolean }[]).find((i) => i.flagged)?.id, person.id);
    assert.equal((await send(gridB, 'POST', `/api/community/entry-ledger/${person.id}/close`)).statusCode, 404);
    assert.equal((await send(gridB, 'GET', `/api/community/entry-ledger?jurisdictionId=${ids.villageA.id}`)).statusCode, 403);
    await ok(grid, 'POST', `/api/community/entry-ledger/${person.id}/close`);
    assert.equal((await send(grid, 'POST', `/api/community/entry-ledger/${person.id}/close`)).statusCode, 409);
    assert.deepEqual([(await ok(grid, 'GET', '/api/community/entry-ledger')).flagged], [0]);
  });
});
