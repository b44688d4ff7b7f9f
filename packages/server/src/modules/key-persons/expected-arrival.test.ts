import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/query-rows.ts';
import { addTwoTowns, addUser, expectOk, loginAs, residentId, type TestClient } from '../../testing/factories.ts';
import { createTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';
import { insertPlace } from '../places/place.repository.ts';

interface Arrival {
  name: string;
  idMasked: string;
  status: string;
  siteName: string;
  roomId: string;
  roomCode: string;
}

/** SC-13, LVL-IV-09 (seed 002 §九(一)9): 利用公安大数据线索, 提前摸排入境人员, 安排集中隔离场所. */
describe('SC-13 advance identification: the police feed of expected inbound persons', () => {
  let runtime: TestRuntime;
  let townA: TestClient;
  let townB: TestClient;
  let ids: Awaited<ReturnType<typeof addTwoTowns>>;
  let siteId: string;
  let seq = 500;

  const person = (extra: Record<string, unknown> = {}) => {
    seq += 1;
    return {
      idType: 'resident_id',
      idNumber: residentId('19850101', seq),
      name: `入境${seq}`,
      origin: '韩国首尔',
      expectedArrivalDate: '2020-11-22',
      ...extra,
    };
  };
  const feed = (persons: unknown[], jurisdictionId = ids.townA.id) => ({
    jurisdictionId,
    feedReference: '公安线索 2020-11-20 第3批',
    persons,
  });
  const count = async (table: string) =>
    (await queryRows<{ n: number }>(runtime.deps.database.db, sql.raw(`select count(*)::int as n from ${table}`)))[0]?.n ?? 0;

  before(async () => {
    runtime = await createTestRuntime({ FANGKONG_LOGIN_RATE: '1000' });
    runtime.deps.clock = () => new Date('2020-11-20T10:00:00+08:00');
    ids = await addTwoTowns(runtime.deps);
    const site = await insertPlace(runtime.deps.database.db, {
      kind: 'quarantine_site',
      name: '湖塘镇集中隔离点',
      code: 'SITE-HT',
      jurisdictionId: ids.townA.id,
      jurisdictionPath: ids.townA.path,
    });
    siteId = site.id;
    await addUser(runtime.deps, 'admin-a', 'system_admin', ids.townA.id);
    await addUser(runtime.deps, 'town-a', 'town_cadre', ids.townA.id);
    await addUser(runtime.deps, 'town-b', 'town_cadre', ids.townB.id);
    const admin = await loginAs(runtime.app, 'admin-a');
    await expectOk(admin, 'POST', `/api/quarantine-sites/${site.id}/rooms`, { prefix: 'R', count: 12, beds: 1 });
    townA = await loginAs(runtime.app, 'town-a');
    townB = await loginAs(runtime.app, 'town-b');
  });
  after(() => runtime.close());

  it('SC-13 LVL-IV-09 KP-F07 CODE-014: ten expected persons → ten pre-arrival records, each with its own reserved bed, audited; the site counts them taken', async () => {
    const reply = await townA.request('POST', '/api/key-persons/expected-arrivals', feed(Array.from({ length: 10 }, () => person())));
    assert.equal(reply.statusCode, 201, reply.body);
    assert.equal((reply.json() as { created: number }).created, 10);
    const list = (await expectOk(townA, 'GET', `/api/key-persons/expected-arrivals?jurisdictionId=${ids.townA.id}`)) as unknown as {
      items: Arrival[];
    };
    assert.equal(list.items.length, 10, JSON.stringify(list).slice(0, 300));
    assert.equal(new Set(list.items.map((a) => a.roomId)).size, 10, 'one bed each');
    assert.ok(list.items.every((a) => a.status === 'expected' && a.siteName === '湖塘镇集中隔离点'));
    assert.ok(
      list.items.every((a) => a.idMasked.includes('*')),
      'ID masked in the list',
    );
    assert.equal(await count(`audit_event where action = 'keyPerson.expectArrival'`), 10);
    const site = (await expectOk(townA, 'GET', `/api/quarantine-sites/${siteId}`)) as unknown as {
      occupied: number;
      rooms: { occupied: number }[];
    };
    assert.equal(site.rooms.filter((r) => r.occupied === 1).length, 10);
  });

  it('bad input: too few free beds (409 on persons), an arrival date passed, a bad ID in row 2 — 4xx naming the field; nothing written', async () => {
    const before = [await count('expected_arrival'), await count('person')];
    const cases: [unknown[], number, string][] = [
      [[person(), person(), person()], 400, 'persons'],
      [[person({ expectedArrivalDate: '2020-11-19' })], 400, 'persons.0.expectedArrivalDate'],
      [[person(), person({ idNumber: '3204121985' })], 400, 'persons.1.idNumber'],
    ];
    for (const [persons, status, field] of cases) {
      const reply = await townA.request('POST', '/api/key-persons/expected-arrivals', feed(persons));
      assert.equal(reply.statusCode, status, reply.body);
      assert.equal((reply.json() as { field: string }).field, field);
    }
    assert.deepEqual([await count('expected_arrival'), await count('person')], before);
  });

  it('another town: town B cannot file a feed for town A (400 on jurisdictionId) and lists none of its arrivals', async () => {
    const reply = await townB.request('POST', '/api/key-persons/expected-arrivals', feed([person()]));
    assert.deepEqual([reply.statusCode, (reply.json() as { field: string }).field], [400, 'jurisdictionId']);
    assert.deepEqual(((await expectOk(townB, 'GET', '/api/key-persons/expected-arrivals')) as { items: unknown[] }).items, []);
    const scoped = (await expectOk(townB, 'GET', `/api/key-persons/expected-arrivals?jurisdictionId=${ids.townA.id}`)) as {
      items: unknown[];
    };
    assert.deepEqual(scoped.items, []);
  });

  it('SC-13 LVL-IV-09 KP-F07: on arrival the person is an inbound traveller in the bed reserved for them; cancelling frees a bed; each closes once', async () => {
    const reply = await townA.request('POST', '/api/key-persons/expected-arrivals', feed([person(), person()]));
    assert.equal(reply.statusCode, 201, reply.body);
    const [arriving, staying] = (reply.json() as { ids: string[] }).ids;
    const arrived = (await expectOk(townA, 'POST', `/api/key-persons/expected-arrivals/${arriving}/arrived`)) as { episodeId: string };
    const [episode] = await queryRows<{ category: string; room_id: string; reserved: string; source: string; management_type: string }>(
      runtime.deps.database.db,
      sql`select e.category, e.room_id, a.room_id as reserved, e.source, e.management_type
          from key_person_episode e join expected_arrival a on a.episode_id = e.id where e.id = ${arrived.episodeId}`,
    );
    assert.deepEqual(
      [episode?.category, episode?.room_id, episode?.source, episode?.management_type],
      ['inbound_traveller', episode?.reserved, 'police_big_data', 'centralized_quarantine'],
    );
    const taken = async () =>
      ((await expectOk(townA, 'GET', `/api/quarantine-sites/${siteId}`)) as unknown as { rooms: { occupied: number }[] }).rooms.filter(
        (r) => r.occupied === 1,
      ).length;
    assert.equal(await taken(), 12, 'the arrived person now holds the bed that was reserved');
    const again = await townA.request('POST', `/api/key-persons/expected-arrivals/${arriving}/arrived`);
    assert.deepEqual([again.statusCode, (again.json() as { field: string }).field], [409, 'status']);
    const noReason = await townA.request('POST', `/api/key-persons/expected-arrivals/${staying}/cancel`, { reason: ' ' });
    assert.equal(noReason.statusCode, 400);
    await expectOk(townA, 'POST', `/api/key-persons/expected-arrivals/${staying}/cancel`, { reason: '未入境，航班取消' });
    assert.equal(await taken(), 11, 'the cancelled reservation’s bed is free');
    assert.equal(await count(`audit_event where action in ('keyPerson.expectedArrived', 'keyPerson.expectedCancelled')`), 2);
    const foreign = await townB.request('POST', `/api/key-persons/expected-arrivals/${staying}/cancel`, { reason: '越界' });
    assert.equal(foreign.statusCode, 404);
  });
});
