import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/query-rows.ts';
import { addTwoTowns, addUser, completeAssessment, loginAs, signInCommandStaff, type TestClient } from '../../testing/factories.ts';
import { createTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';

const at = (local: string) => new Date(`${local}:00+08:00`);

/**
 * SC-34 (LVL-I-01, seed 002 §九(四)1): once Level I is approved over the district, the community's entrance ledger asks
 * core `vehicleEntryAllowed`: a vehicle carrying neither living nor protective supplies is refused, a supply vehicle
 * let in with the clause; below Level I vehicles enter as before.
 */
describe('SC-34 Level I full closure at the community entrance', () => {
  let runtime: TestRuntime;
  let office: TestClient;
  let commander: TestClient;
  let grid: TestClient;
  let gridId: string;
  let place: Awaited<ReturnType<typeof addTwoTowns>>;

  const vehicle = (extra: Record<string, unknown> = {}) => ({
    jurisdictionId: place.villageA.id,
    subject: 'vehicle',
    plate: '苏D12345',
    purpose: '运送',
    masked: true,
    temperature: 36.5,
    escortUserId: gridId,
    ...extra,
  });
  const enter = (body: unknown) => grid.request('POST', '/api/community/entry-ledger', body);
  const entries = async () =>
    (await queryRows<{ n: number }>(runtime.deps.database.db, sql`select count(*)::int as n from entry_ledger`))[0]?.n;
  const json = async <T>(client: TestClient, url: string, body: unknown, status: number): Promise<T> => {
    const reply = await client.request('POST', url, body);
    assert.equal(reply.statusCode, status, `${url}: ${reply.body}`);
    return reply.json() as T;
  };

  before(async () => {
    runtime = await createTestRuntime({ FANGKONG_LOGIN_RATE: '1000' });
    runtime.deps.clock = () => at('2020-11-20T10:00');
    place = await addTwoTowns(runtime.deps);
    ({ office, commander } = await signInCommandStaff(runtime.deps, runtime.app, place.county.id));
    gridId = (await addUser(runtime.deps, 'grid-a', 'grid_worker', place.villageA.id)).id;
    grid = await loginAs(runtime.app, 'grid-a');
  });
  after(() => runtime.close());

  it('SC-34: with no response level a freight vehicle enters as before (no closure)', async () => {
    const reply = await enter(vehicle({ vehicleKind: 'freight' }));
    assert.equal(reply.statusCode, 201, reply.body);
    assert.deepEqual((reply.json() as { because: unknown[] }).because, []);
  });

  it('SC-34 LVL-I-01: at Level I a private or freight vehicle is refused naming vehicleKind with the clause, nothing written; a supply vehicle enters', async () => {
    const proposed = await json<{ id: string }>(
      office,
      `/api/response-levels/${place.county.id}/proposals`,
      { to: 'I', basis: 'trigger', reason: '调整为一级', assessment: completeAssessment() },
      201,
    );
    await json(
      office,
      `/api/response-level-changes/${proposed.id}/confirmations`,
      { body: 'district', decision: 'confirmed', note: '同意' },
      200,
    );
    await json(commander, `/api/response-level-changes/${proposed.id}/approve`, { importRiskReduced: true }, 200);
    const before_ = await entries();
    for (const vehicleKind of ['private', 'freight', 'passenger']) {
      const refused = await enter(vehicle({ vehicleKind }));
      const body = refused.json() as { field: string; code: string; details: { because: { clause: string }[] } };
      assert.deepEqual(
        [refused.statusCode, body.field, body.code, body.details.because[0]?.clause],
        [400, 'vehicleKind', 'closureDenied', '§九(四)1'],
      );
    }
    const unsaid = await enter(vehicle());
    assert.deepEqual([unsaid.statusCode, (unsaid.json() as { field: string }).field], [400, 'vehicleKind']);
    assert.equal(await entries(), before_, 'nothing written');
    const supply = await enter(vehicle({ vehicleKind: 'living_supplies' }));
    assert.equal(supply.statusCode, 201, supply.body);
    assert.equal((supply.json() as { because: { rule: string }[] }).because[0]?.rule, 'closure.supplyVehicle');
    const person = await enter({ ...vehicle(), subject: 'person', name: '维修工王五', plate: undefined });
    assert.equal(person.statusCode, 201, 'people are checked by the ledger rules, not the vehicle closure');
  });
});
