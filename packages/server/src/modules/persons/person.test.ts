import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/query-rows.ts';
import { addHousehold, addTwoTowns, addUser, loginAs, residentId, type TestClient } from '../../testing/factories.ts';
import { createTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';

describe('persons', () => {
  let runtime: TestRuntime;
  let gridWorker: TestClient;
  let villageId: string;
  let householdId: string;

  before(async () => {
    runtime = await createTestRuntime();
    const { villageA } = await addTwoTowns(runtime.deps);
    villageId = villageA.id;
    householdId = (await addHousehold(runtime.deps, villageA, 'A-1-101')).id;
    await addUser(runtime.deps, 'grid-a', 'grid_worker', villageA.id);
    gridWorker = await loginAs(runtime.app, 'grid-a');
  });
  after(() => runtime.close());

  it('registers a person with ID, phone and address encrypted at rest and masked in lists', async () => {
    const idNumber = residentId('19850312', 231);
    const created = await gridWorker.request('POST', '/api/persons', {
      idType: 'resident_id',
      idNumber,
      name: '王小明',
      phone: '13812345678',
      address: '湖塘镇甲社区1幢101室',
      jurisdictionId: villageId,
      householdId,
    });
    assert.equal(created.statusCode, 201, created.body);
    const stored = await queryRows<Record<string, string>>(runtime.deps.database.db, sql`select * from person`);
    const raw = JSON.stringify(stored);
    assert.ok(!raw.includes(idNumber) && !raw.includes('13812345678') && !raw.includes('1幢101室'), 'no plaintext at rest');
    const list = (await gridWorker.request('GET', '/api/persons?q=王')).json() as { items: { idMasked: string; phoneMasked: string }[] };
    assert.equal(list.items[0]?.idMasked, `${idNumber.slice(0, 6)}********${idNumber.slice(14)}`);
    assert.equal(list.items[0]?.phoneMasked, '138****5678');
    const byId = (await gridWorker.request('GET', `/api/persons?q=${idNumber}`)).json() as { total: number };
    assert.equal(byId.total, 1, 'found by keyed hash of the ID number');
  });

  it('refuses a wrong check digit with the field named, writing nothing', async () => {
    const valid = residentId('19900101', 555);
    const wrong = valid.slice(0, 17) + (valid[17] === '1' ? '2' : '1');
    const reply = await gridWorker.request('POST', '/api/persons', {
      idType: 'resident_id',
      idNumber: wrong,
      name: '李四',
      jurisdictionId: villageId,
    });
    assert.equal(reply.statusCode, 400);
    assert.deepEqual(
      { ...(reply.json() as object), requestId: undefined, message: undefined },
      {
        code: 'residentId.checkDigit',
        field: 'idNumber',
        requestId: undefined,
        message: undefined,
      },
    );
    const count = await queryRows<{ n: number }>(runtime.deps.database.db, sql`select count(*)::int as n from person where name = '李四'`);
    assert.equal(count[0]?.n, 0);
  });
});
