import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/query-rows.ts';
import { addTwoTowns, addUser, completeAssessment, loginAs, signInCommandStaff, type TestClient } from '../../testing/factories.ts';
import { createTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';

const at = (local: string) => new Date(`${local}:00+08:00`);

interface Reply {
  statusCode: number;
  body: string;
  json: () => unknown;
}

/**
 * Issue 13 "Bad input" for response levels (LVL-002, LVL-010, LVL-015; SC-27, SC-29, SC-31): a level change
 * without its proposal and approval, approval by the proposer, a confirmation chain skipped, termination before
 * its criteria hold without the commander's override reason — each a 4xx naming the field, and nothing written
 * (no level change moved, no task issued or cancelled, no audit event). Tasks outside the jurisdiction and
 * evidence over the limit are proved the same way in modules/command/task.test.ts.
 */
describe('response levels: bad input is refused with the field, nothing written', () => {
  let runtime: TestRuntime;
  let office: TestClient;
  let commander: TestClient;
  let admin: TestClient;
  let place: Awaited<ReturnType<typeof addTwoTowns>>;

  /** Everything a refused step could have written. */
  const written = async () => {
    const db = runtime.deps.database.db;
    const [changes, tasks, audits] = await Promise.all([
      queryRows<{ id: string; status: string; confirmations: unknown }>(
        db,
        sql`select id, status, confirmations from response_level order by created_at`,
      ),
      queryRows<{ status: string; n: number }>(db, sql`select status, count(*)::int as n from task group by status order by status`),
      queryRows<{ n: number }>(db, sql`select count(*)::int as n from audit_event`),
    ]);
    return JSON.stringify({ changes, tasks, audits });
  };
  const refused = async (reply: Reply, status: number, field: string, code: string) => {
    const body = reply.json() as { field?: string; code?: string };
    assert.deepEqual([reply.statusCode, body.field, body.code], [status, field, code], reply.body);
  };
  const post = (client: TestClient, url: string, body: unknown = {}) => client.request('POST', url, body) as Promise<Reply>;
  const propose = async (client: TestClient, jurisdictionId: string, to: string | null, basis = 'trigger', records?: string[]) => {
    const reply = await post(client, `/api/response-levels/${jurisdictionId}/proposals`, {
      to,
      basis,
      reason: to ? `提请启动${to}级响应` : '提请终止响应',
      assessment: completeAssessment(records),
    });
    assert.equal(reply.statusCode, 201, reply.body);
    return (reply.json() as { id: string; chain: string[] }).id;
  };
  const confirm = (client: TestClient, id: string, body: string) =>
    post(client, `/api/response-level-changes/${id}/confirmations`, { body, decision: 'confirmed', note: `${body}专家组同意` });
  const level = async (jurisdictionId: string) =>
    ((await office.request('GET', `/api/response-levels/${jurisdictionId}`)).json() as { level: string | null }).level;

  before(async () => {
    runtime = await createTestRuntime({ FANGKONG_LOGIN_RATE: '1000' });
    runtime.deps.clock = () => at('2020-11-20T10:00');
    place = await addTwoTowns(runtime.deps);
    ({ office, commander } = await signInCommandStaff(runtime.deps, runtime.app, place.county.id));
    await addUser(runtime.deps, 'county-admin', 'system_admin', place.county.id);
    admin = await loginAs(runtime.app, 'county-admin');
    assert.equal((await post(office, '/api/command/headquarters', { jurisdictionId: place.county.id })).statusCode, 201);
  });
  after(() => runtime.close());

  it('LVL-010 SC-27: no level without its proposal and approval — an unconfirmed proposal is not approved, an unapproved one not filed, an unknown one is 404', async () => {
    const id = await propose(office, place.county.id, 'IV');
    const before_ = await written();
    await refused(await post(commander, `/api/response-level-changes/${id}/approve`), 409, 'confirmations', 'chainIncomplete');
    await refused(
      await post(office, `/api/response-level-changes/${id}/file`, { reference: '武卫备〔2020〕1号' }),
      409,
      'changeId',
      'notApproved',
    );
    const unknown = await post(commander, '/api/response-level-changes/00000000-0000-4000-8000-000000000000/approve');
    assert.equal(unknown.statusCode, 404, unknown.body);
    await refused(
      await post(office, `/api/response-levels/${place.county.id}/proposals`, {
        to: 'III',
        basis: 'trigger',
        reason: '再提',
        assessment: completeAssessment(),
      }),
      409,
      'to',
      'changeInProgress',
    );
    assert.equal(await written(), before_);
    assert.equal(await level(place.county.id), null, 'nothing is in force');
    await refused(await post(office, `/api/response-level-changes/${id}/reject`, { reason: ' ' }), 400, 'reason', 'reasonRequired');
    assert.equal((await post(office, `/api/response-level-changes/${id}/reject`, { reason: '撤回' })).statusCode, 200);
  });

  it('LVL-002 SC-29: a skipped confirmation chain (city before district, a body not in the chain) is 400 on body; nothing written', async () => {
    const id = await propose(office, place.county.id, 'III', 'other_situations');
    const before_ = await written();
    await refused(await confirm(office, id, 'city'), 400, 'body', 'chainSkipped');
    await refused(await confirm(office, id, 'province'), 400, 'body', 'bodyNotInChain');
    assert.equal(await written(), before_);
    assert.equal((await confirm(office, id, 'district')).statusCode, 200);
    await refused(await post(commander, `/api/response-level-changes/${id}/approve`), 409, 'confirmations', 'chainIncomplete');
    assert.equal((await post(office, `/api/response-level-changes/${id}/reject`, { reason: '撤回' })).statusCode, 200);
  });

  it('LVL-010: approval by the proposer is 403 on approvedBy; nothing written, no level, no task', async () => {
    const id = await propose(admin, place.county.id, 'IV');
    assert.equal((await confirm(admin, id, 'district')).statusCode, 200);
    const before_ = await written();
    await refused(await post(admin, `/api/response-level-changes/${id}/approve`), 403, 'approvedBy', 'approverIsProposer');
    assert.equal(await written(), before_);
    assert.equal(await level(place.county.id), null);
    assert.equal((await post(commander, `/api/response-level-changes/${id}/approve`)).statusCode, 200, 'another person approves');
    assert.equal(await level(place.county.id), 'IV');
  });

  it('LVL-015 SC-31: termination before its criteria hold is 400 on overrideReason (also a blank reason); the level and its open tasks stay; nothing written', async () => {
    const id = await propose(office, place.county.id, null, 'trigger', [
      'trendAnalysis',
      'measuresReview',
      'transmissionRisk',
      'effectEvaluation',
    ]);
    assert.equal((await confirm(office, id, 'district')).statusCode, 200);
    const before_ = await written();
    // the experts have not recorded that the import risk has fallen (LVL-015 condition 2): the criteria do not hold
    await refused(await post(commander, `/api/response-level-changes/${id}/approve`), 400, 'overrideReason', 'terminationCriteriaNotMet');
    await refused(
      await post(commander, `/api/response-level-changes/${id}/approve`, { overrideReason: '   ' }),
      400,
      'overrideReason',
      'terminationCriteriaNotMet',
    );
    assert.equal(await written(), before_);
    assert.equal(await level(place.county.id), 'IV');
    const overridden = await post(commander, `/api/response-level-changes/${id}/approve`, { overrideReason: '上级统一部署提前终止' });
    assert.equal(overridden.statusCode, 200, overridden.body);
    const [audit] = await queryRows<{ reason: string | null }>(
      runtime.deps.database.db,
      sql`select reason from audit_event where action = 'response.approve' order by at desc limit 1`,
    );
    assert.equal(audit?.reason, '上级统一部署提前终止', 'the override is audited with its reason');
    assert.equal(await level(place.county.id), null);
  });
});
