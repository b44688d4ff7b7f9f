import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { maskAddress, maskIdNumber } from '@fangkong/core';
import { type SQL, sql } from 'drizzle-orm';
import { queryRows } from '../db/query-rows.ts';
import { addHousehold, addTwoTowns, addUser, loginAs, residentId, type TestClient } from '../testing/factories.ts';
import { createTestRuntime, type TestRuntime } from '../testing/test-runtime.ts';

interface AuditRow {
  id: number;
  at: Date;
  actor_user_id: string | null;
  actor_name: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  jurisdiction_path: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  reason: string | null;
  request_id: string | null;
  client_ip: string | null;
}

interface AuditPage {
  total: number;
  items: { action: string; entityId: string | null; jurisdictionPath: string | null; actorName: string }[];
}

/** The text of an error and of its causes: drivers wrap the database's message. */
function errorText(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error; e instanceof Error; e = e.cause) parts.push(e.message);
  return parts.join(' | ');
}

describe('audit trail', () => {
  let runtime: TestRuntime;
  let gridA: TestClient;
  let cadreB: TestClient;
  let gridAUserId: string;
  let villageA: { id: string; path: string };
  let villageB: { id: string; path: string };
  let townB: { path: string };
  let householdA: string;
  const rows = <T>(query: SQL) => queryRows<T>(runtime.deps.database.db, query);
  const count = async (query: SQL) => (await rows<{ n: number }>(query))[0]?.n ?? -1;

  before(async () => {
    runtime = await createTestRuntime();
    const towns = await addTwoTowns(runtime.deps);
    villageA = towns.villageA;
    villageB = towns.villageB;
    townB = towns.townB;
    householdA = (await addHousehold(runtime.deps, towns.villageA, 'A-2-202')).id;
    gridAUserId = (await addUser(runtime.deps, 'grid-a', 'grid_worker', villageA.id)).id;
    await addUser(runtime.deps, 'cadre-b', 'town_cadre', towns.townB.id);
    gridA = await loginAs(runtime.app, 'grid-a');
    cadreB = await loginAs(runtime.app, 'cadre-b');
  });
  after(() => runtime.close());

  it('is append-only: the database refuses UPDATE, DELETE and TRUNCATE', async () => {
    const db = runtime.deps.database.db;
    const before = await count(sql`select count(*)::int as n from audit_event`);
    assert.ok(before > 0, 'the logins wrote events to try to change');
    for (const statement of [sql`update audit_event set reason = 'rewritten'`, sql`delete from audit_event`, sql`truncate audit_event`]) {
      await assert.rejects(db.execute(statement), (error: unknown) => /audit_event is append-only/.test(errorText(error)));
    }
    assert.equal(await count(sql`select count(*)::int as n from audit_event`), before);
    assert.equal(await count(sql`select count(*)::int as n from audit_event where reason = 'rewritten'`), 0);
  });

  it('records a person registration once, in the same transaction, with who, what, masked values, reason, request and IP', async () => {
    const idNumber = residentId('19850312', 231);
    const address = '湖塘镇甲社区2幢202室';
    const reply = await runtime.app.inject({
      method: 'POST',
      url: '/api/persons',
      headers: gridA.headers,
      remoteAddress: '10.1.2.3',
      payload: {
        idType: 'resident_id',
        idNumber,
        name: '王小明',
        phone: '13912345678',
        address,
        jurisdictionId: villageA.id,
        householdId: householdA,
        reason: '入户登记',
      },
    });
    assert.equal(reply.statusCode, 201, reply.body);
    const personId = (reply.json() as { id: string }).id;
    const events = await rows<AuditRow>(sql`select * from audit_event where entity_type = 'person' and entity_id = ${personId}`);
    assert.equal(events.length, 1);
    const event = events[0] as AuditRow;
    assert.deepEqual(
      { ...event, id: undefined, at: undefined },
      {
        id: undefined,
        at: undefined,
        actor_user_id: gridAUserId,
        actor_name: 'grid-a',
        action: 'person.create',
        entity_type: 'person',
        entity_id: personId,
        jurisdiction_path: villageA.path,
        before: null,
        after: { name: '王小明', idNumber: maskIdNumber(idNumber), phone: '139****5678', address: maskAddress(address) },
        reason: '入户登记',
        request_id: String(reply.headers['x-request-id']),
        client_ip: '10.1.2.3',
      },
    );
    const everything = JSON.stringify(await rows(sql`select * from audit_event`));
    for (const secret of [idNumber, '13912345678', '2幢202室']) assert.ok(!everything.includes(secret), `${secret} is in the audit trail`);
    // now() is the transaction's start time: equal stamps mean the row and its event were written together.
    const stamps = await rows<{ same: boolean }>(
      sql`select p.created_at = a.at as same from person p join audit_event a on a.entity_id = p.id::text where p.id = ${personId}`,
    );
    assert.deepEqual(stamps, [{ same: true }]);
  });

  it('writes neither a row nor an event when the write is refused (duplicate → 409)', async () => {
    const idNumber = residentId('19900101', 321);
    const person = { idType: 'resident_id', idNumber, name: '赵六', jurisdictionId: villageA.id };
    assert.equal((await gridA.request('POST', '/api/persons', person)).statusCode, 201);
    const people = await count(sql`select count(*)::int as n from person`);
    const events = await count(sql`select count(*)::int as n from audit_event where action = 'person.create'`);
    const again = await gridA.request('POST', '/api/persons', { ...person, name: '赵六二' });
    assert.equal(again.statusCode, 409, again.body);
    assert.equal((again.json() as { field: string }).field, 'idNumber');
    assert.equal(await count(sql`select count(*)::int as n from person`), people);
    assert.equal(await count(sql`select count(*)::int as n from audit_event where action = 'person.create'`), events);
  });

  it('keeps row and event together when registrations of one person race (one 201, the others 409)', async () => {
    const person = { idType: 'resident_id', idNumber: residentId('19920202', 468), name: '钱七', jurisdictionId: villageA.id };
    const people = await count(sql`select count(*)::int as n from person`);
    const events = await count(sql`select count(*)::int as n from audit_event where action = 'person.create'`);
    // On PostgreSQL several transactions pass the duplicate lookup together; the unique index then decides.
    const replies = await Promise.all([1, 2, 3, 4].map(() => gridA.request('POST', '/api/persons', person)));
    assert.deepEqual(replies.map((r) => r.statusCode).sort(), [201, 409, 409, 409], replies.map((r) => r.body).join('\n'));
    assert.equal(await count(sql`select count(*)::int as n from person`), people + 1);
    assert.equal(await count(sql`select count(*)::int as n from audit_event where action = 'person.create'`), events + 1);
  });

  it('audits a view of a person with its purpose', async () => {
    const created = await gridA.request('POST', '/api/persons', {
      idType: 'resident_id',
      idNumber: residentId('19800808', 135),
      name: '孙八',
      jurisdictionId: villageA.id,
    });
    const { id } = created.json() as { id: string };
    assert.equal((await gridA.request('GET', `/api/persons/${id}?purpose=${encodeURIComponent('核实密接')}`)).statusCode, 200);
    const views = await rows<AuditRow>(sql`select * from audit_event where entity_id = ${id} and action like 'person.view%'`);
    assert.deepEqual(
      views.map((v) => [v.action, v.actor_name, v.reason]),
      [['person.viewFull', 'grid-a', '核实密接']],
    );
  });

  it('lists events inside the caller’s scope only: town B does not see town A', async () => {
    const registered = await cadreB.request('POST', '/api/persons', {
      idType: 'resident_id',
      idNumber: residentId('19770707', 246),
      name: '周九',
      jurisdictionId: villageB.id,
    });
    assert.equal(registered.statusCode, 201, registered.body);
    const seenByB = (await cadreB.request('GET', '/api/audit?pageSize=200')).json() as AuditPage;
    assert.ok(
      seenByB.items.some((e) => e.action === 'person.create' && e.actorName === 'cadre-b'),
      'B sees its own event',
    );
    assert.ok(seenByB.items.every((e) => e.jurisdictionPath?.startsWith(townB.path)));
    assert.equal(seenByB.total, seenByB.items.length);
    const body = JSON.stringify(seenByB);
    for (const secret of [villageA.path, 'grid-a', gridAUserId]) assert.ok(!body.includes(secret), `B sees ${secret}`);
    const filtered = (await cadreB.request('GET', '/api/audit?actor=grid-a')).json() as AuditPage;
    assert.equal(filtered.total, 0);

    const seenByA = (await gridA.request('GET', '/api/audit?pageSize=200')).json() as AuditPage;
    assert.ok(seenByA.items.some((e) => e.action === 'person.create' && e.actorName === 'grid-a'));
    assert.ok(seenByA.items.every((e) => e.jurisdictionPath?.startsWith(villageA.path)));
  });
});
