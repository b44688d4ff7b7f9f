import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/query-rows.ts';
import { addTwoTowns, addUser, expectOk, loginAs, signInCommandStaff, type TestClient } from '../../testing/factories.ts';
import { createTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';

interface TravelRequest {
  id: string;
  status: string;
  canDecide: boolean;
}
interface LeaderTravel {
  isSuperior: boolean;
  leaders: { name: string; presence: string; until: string | null; canRequest: boolean }[];
  requests: TravelRequest[];
}

const NOW = '2020-03-01T10:00:00+08:00';
const DEPART = '2020-03-02T08:00:00+08:00';
const RETURN = '2020-03-03T18:00:00+08:00';
const DURING = '2020-03-02T12:00:00+08:00';

/** SC-71, SUP-011, ORG-065 (seed 004 Part C §三(二)): 主要领导和分管领导原则上不得外出, 特殊情况须向上级机关请示报备. */
describe('leader travel requests: filed with and approved by the superior (SC-71, SUP-011)', () => {
  let runtime: TestRuntime;
  let commander: TestClient;
  let townA: TestClient;
  let townB: TestClient;
  let hqId: string;
  let secretary: string;
  let mayor: string;
  let member: string;
  let pending: TravelRequest;

  const travelOf = async (client: TestClient) =>
    (await expectOk(client, 'GET', `/api/command/headquarters/${hqId}/leader-travel`)) as unknown as LeaderTravel;
  const presenceOf = async (name: string) => (await travelOf(townA)).leaders.find((l) => l.name === name)?.presence;
  const requests = async () =>
    (await queryRows<{ n: number }>(runtime.deps.database.db, sql`select count(*)::int as n from leader_travel_request`))[0]?.n ?? 0;
  const trip = { destination: '南京市', reason: '赴省里参加防控工作会议', departAt: DEPART, returnAt: RETURN };
  const request = (client: TestClient, rosterMemberId: string, body: Record<string, unknown> = trip) =>
    client.request('POST', `/api/command/roster-members/${rosterMemberId}/travel-requests`, body);

  before(async () => {
    runtime = await createTestRuntime({ FANGKONG_LOGIN_RATE: '1000', FANGKONG_SESSION_HOURS: '240' });
    runtime.deps.clock = () => new Date(NOW);
    const ids = await addTwoTowns(runtime.deps);
    ({ commander } = await signInCommandStaff(runtime.deps, runtime.app, ids.county.id));
    await addUser(runtime.deps, 'town-a', 'town_cadre', ids.townA.id);
    await addUser(runtime.deps, 'town-b', 'town_cadre', ids.townB.id);
    townA = await loginAs(runtime.app, 'town-a');
    townB = await loginAs(runtime.app, 'town-b');
    hqId = String((await expectOk(townA, 'POST', '/api/command/headquarters', { jurisdictionId: ids.townA.id })).id);
    const add = async (name: string, role: string) =>
      String((await expectOk(townA, 'POST', '/api/command/roster-members', { headquartersId: hqId, name, role })).id);
    secretary = await add('王书记', 'commander_in_chief');
    mayor = await add('李镇长', 'deputy_commander');
    member = await add('赵干事', 'member');
  });
  after(() => runtime.close());

  it('SC-71: a request filed by the town leaves its principal leader present; the town cannot approve its own leader', async () => {
    const created = await request(townA, secretary);
    assert.equal(created.statusCode, 201, created.body);
    pending = created.json() as TravelRequest;
    assert.equal(pending.status, 'requested');
    runtime.deps.clock = () => new Date(DURING);
    assert.equal(await presenceOf('王书记'), 'present', 'filed, not approved: not away');
    const own = await townA.request('POST', `/api/command/travel-requests/${pending.id}/decision`, { approve: true });
    assert.equal(own.statusCode, 403, own.body);
    assert.equal((own.json() as { field: string }).field, 'decidedBy');
    runtime.deps.clock = () => new Date(NOW);
  });

  it('SC-71: the superior (the district commander) sees the request, approves it, audited; the leader is away only within the window', async () => {
    const seen = await travelOf(commander);
    assert.equal(seen.isSuperior, true);
    assert.equal(seen.requests.find((r) => r.id === pending.id)?.canDecide, true);
    const approved = (await expectOk(commander, 'POST', `/api/command/travel-requests/${pending.id}/decision`, {
      approve: true,
      note: '同意，保持通讯畅通',
    })) as unknown as TravelRequest;
    assert.equal(approved.status, 'approved');
    const [audit] = await queryRows<{ n: number }>(
      runtime.deps.database.db,
      sql`select count(*)::int as n from audit_event where action = 'command.approveLeaderTravel' and entity_id = ${pending.id}`,
    );
    assert.equal(audit?.n, 1);
    assert.equal(await presenceOf('王书记'), 'present', 'before departure');
    runtime.deps.clock = () => new Date(DURING);
    const away = (await travelOf(townA)).leaders.find((l) => l.name === '王书记');
    assert.deepEqual([away?.presence, away?.until], ['away', new Date(RETURN).toISOString()]);
    runtime.deps.clock = () => new Date(RETURN);
    assert.equal(await presenceOf('王书记'), 'present', 'back at the end of the window');
    runtime.deps.clock = () => new Date(NOW);
    const again = await commander.request('POST', `/api/command/travel-requests/${pending.id}/decision`, {
      approve: false,
      note: '不同意',
    });
    assert.equal(again.statusCode, 400);
    assert.equal((again.json() as { field: string }).field, 'status');
  });

  it('SC-71: a refused request (with its reason) or a withdrawn one leaves the leader present', async () => {
    const refused = (await request(townA, mayor).then((r) => r.json())) as TravelRequest;
    const noReason = await commander.request('POST', `/api/command/travel-requests/${refused.id}/decision`, { approve: false });
    assert.equal((noReason.json() as { field: string }).field, 'note');
    await expectOk(commander, 'POST', `/api/command/travel-requests/${refused.id}/decision`, { approve: false, note: '疫情期间不得外出' });
    const withdrawn = (await request(townA, mayor).then((r) => r.json())) as TravelRequest;
    assert.equal(
      ((await expectOk(townA, 'POST', `/api/command/travel-requests/${withdrawn.id}/withdraw`)) as { status: string }).status,
      'withdrawn',
    );
    runtime.deps.clock = () => new Date(DURING);
    assert.equal(await presenceOf('李镇长'), 'present');
    runtime.deps.clock = () => new Date(NOW);
  });

  it('bad input: a member (not a leader), a departure already past, a return before it, a blank destination — 400 naming the field; nothing written', async () => {
    const before = await requests();
    const cases: [string, Record<string, unknown>, string][] = [
      [member, trip, 'rosterMemberId'],
      [secretary, { ...trip, departAt: '2020-02-28T08:00:00+08:00' }, 'departAt'],
      [secretary, { ...trip, returnAt: DEPART }, 'returnAt'],
      [secretary, { ...trip, destination: '   ' }, 'destination'],
    ];
    for (const [id, body, field] of cases) {
      const reply = await request(townA, id, body);
      assert.equal(reply.statusCode, 400, reply.body);
      assert.equal((reply.json() as { field: string }).field, field);
    }
    assert.equal(await requests(), before);
  });

  it('another town: town B neither sees town A’s leaders nor files, decides or withdraws for them (404); nothing written', async () => {
    const before = await requests();
    assert.equal((await townB.request('GET', `/api/command/headquarters/${hqId}/leader-travel`)).statusCode, 404);
    assert.equal((await request(townB, secretary)).statusCode, 404);
    assert.equal((await townB.request('POST', `/api/command/travel-requests/${pending.id}/decision`, { approve: true })).statusCode, 404);
    assert.equal((await townB.request('POST', `/api/command/travel-requests/${pending.id}/withdraw`)).statusCode, 404);
    assert.equal(await requests(), before);
  });
});
