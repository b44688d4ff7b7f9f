import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/query-rows.ts';
import { addTwoTowns, addUser, loginAs, residentId, type TestClient } from '../../testing/factories.ts';
import { createTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';

/**
 * Issue 12 defect 8 (ASVS V8.3, CODE-007 personal data): registering an ID number held in another
 * jurisdiction must not say where, whose or which record; each such refusal is audited and an account
 * that keeps trying is throttled, so nobody maps an ID list to districts through 409 answers.
 */
describe('an ID number held outside the caller scope cannot be probed through registration', () => {
  let runtime: TestRuntime;
  let gridA: TestClient;
  let gridB: TestClient;
  let villageAId: string;
  let villageBId: string;
  const heldId = residentId('19850505', 313);
  const person = (jurisdictionId: string, idNumber = heldId) => ({ idType: 'resident_id', idNumber, name: '周六', jurisdictionId });
  const refusals = async () =>
    (
      await queryRows<{ n: number }>(
        runtime.deps.database.db,
        sql`select count(*)::int as n from audit_event where action = 'person.registerRefused'`,
      )
    )[0]?.n;

  before(async () => {
    runtime = await createTestRuntime({ FANGKONG_DUPLICATE_PROBE_RATE: '3' });
    const { villageA, villageB } = await addTwoTowns(runtime.deps);
    villageAId = villageA.id;
    villageBId = villageB.id;
    await addUser(runtime.deps, 'probe-grid-a', 'grid_worker', villageA.id);
    await addUser(runtime.deps, 'probe-grid-b', 'grid_worker', villageB.id);
    gridA = await loginAs(runtime.app, 'probe-grid-a');
    gridB = await loginAs(runtime.app, 'probe-grid-b');
    const first = await gridA.request('POST', '/api/persons', person(villageAId));
    assert.equal(first.statusCode, 201, first.body);
  });
  after(() => runtime.close());

  it('inside the scope the 409 names the existing record to open instead', async () => {
    const again = await gridA.request('POST', '/api/persons', person(villageAId));
    assert.equal(again.statusCode, 409);
    const body = again.json() as { code: string; field: string; details?: { existingId?: string } };
    assert.equal(body.code, 'duplicatePerson');
    assert.match(body.details?.existingId ?? '', /^[0-9a-f-]{36}$/);
    assert.equal(await refusals(), 0, 'an in-scope duplicate is no probe');
  });

  it('outside the scope the 409 carries no id, place or name, and the refusal is audited without the number', async () => {
    const reply = await gridB.request('POST', '/api/persons', person(villageBId));
    assert.equal(reply.statusCode, 409);
    const body = reply.json() as Record<string, unknown>;
    assert.equal(body.code, 'duplicatePerson');
    assert.equal(body.details, undefined);
    const { requestId: _requestId, ...answer } = body;
    assert.deepEqual(Object.keys(answer).sort(), ['code', 'field', 'message']);
    assert.doesNotMatch(JSON.stringify(answer), /甲社区|湖塘|周六/);
    assert.equal(await refusals(), 1);
    const [event] = await queryRows<{ after: string }>(
      runtime.deps.database.db,
      sql`select "after"::text as after from audit_event where action = 'person.registerRefused'`,
    );
    assert.ok(
      event && !event.after.includes(heldId) && !event.after.includes(heldId.slice(6, 14)),
      'the audit keeps the hash, not the number',
    );
  });

  it('an account that keeps hitting IDs held elsewhere is throttled with 429; a new ID still registers', async () => {
    await gridB.request('POST', '/api/persons', person(villageBId));
    await gridB.request('POST', '/api/persons', person(villageBId));
    const throttled = await gridB.request('POST', '/api/persons', person(villageBId));
    assert.equal(throttled.statusCode, 429, throttled.body);
    assert.equal(await refusals(), 4, 'every refusal is audited, the throttled one too');
    const fresh = await gridB.request('POST', '/api/persons', person(villageBId, residentId('19920202', 515)));
    assert.equal(fresh.statusCode, 201, 'only probes are throttled, not registration');
  });
});
