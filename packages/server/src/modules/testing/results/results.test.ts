import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { addUser, loginAs, type TestClient } from '../../../testing/factories.ts';
import { createTestRuntime, type TestRuntime } from '../../../testing/test-runtime.ts';
import { addResidents, at, expectStatus, type TestingWorld, testingWorld } from '../testing.test-support.ts';
import { hasNegativeWithin } from './negative-result.service.ts';

interface Coverage {
  groups: { group: string; members: number; covered: number; due: number; overdue: number; cycle: unknown }[];
}
interface Results {
  negativeWithin: { hours: number; negative: boolean }[];
  results: { sampleId: string; result: string | null; payer: string; pooled: boolean }[];
}

describe('mandatory groups, payers and residents’ results', () => {
  let runtime: TestRuntime;
  let w: TestingWorld;
  let nurse: string;
  let resident: string;
  let residentClient: TestClient;
  let residentSample: string;

  const medical = async (client = w.office) =>
    (await expectStatus<Coverage>(client, 200, 'GET', '/api/testing/groups')).groups.find((g) => g.group === 'medical_staff');

  before(async () => {
    runtime = await createTestRuntime({ FANGKONG_LOGIN_RATE: '1000' });
    w = await testingWorld(runtime, at('08:00'));
    [nurse = '', resident = ''] = await addResidents(runtime.deps, w.villageA, 2);
    const account = await addUser(runtime.deps, 'resident-a', 'resident', w.villageA.id);
    await runtime.deps.database.db.execute(sql`update app_user set person_id = ${resident} where id = ${account.id}`);
    residentClient = await loginAs(runtime.app, 'resident-a');
  });
  after(() => runtime.close());

  // TEST-001: all 12 mandatory-testing groups are listed with their cycles
  it('lists all 12 groups with their cycles; a new medical-staff member is due today', async () => {
    await expectStatus(w.office, 201, 'POST', '/api/testing/groups/medical_staff/members', {
      personId: nurse,
      unitName: '甲社区卫生服务中心',
    });
    const coverage = await expectStatus<Coverage>(w.office, 200, 'GET', '/api/testing/groups');
    assert.equal(coverage.groups.length, 12);
    assert.deepEqual((await medical())?.cycle, { everyDays: 7 });
    assert.deepEqual([(await medical())?.members, (await medical())?.due], [1, 1]);
    const again = await w.office.request('POST', '/api/testing/groups/medical_staff/members', { personId: nurse });
    assert.equal(again.statusCode, 409);
  });

  // TEST-002, TEST-003: a mandatory group member is paid by the government; voluntary (愿检尽检) by the person or their unit
  it('TEST-002: a group member’s test is paid by the government, a voluntary one by whom the person names', async () => {
    const mandatory = await expectStatus<{ payer: string }>(w.grid, 201, 'POST', '/api/testing/samples', {
      personId: nurse,
      barcode: 'S-000001',
      purpose: 'voluntary',
      payer: 'individual',
    });
    assert.equal(mandatory.payer, 'government');
    const refused = await w.grid.request('POST', '/api/testing/samples', { personId: resident, barcode: 'S-000002', purpose: 'mandatory' });
    assert.deepEqual([refused.statusCode, (refused.json() as { code: string }).code], [400, 'notInMandatoryGroup']);
    const onGovernment = await w.grid.request('POST', '/api/testing/samples', {
      personId: resident,
      barcode: 'S-000002',
      purpose: 'voluntary',
      payer: 'government',
    });
    assert.deepEqual([onGovernment.statusCode, (onGovernment.json() as { field: string }).field], [400, 'payer']);
    const voluntary = await expectStatus<{ payer: string; sampleId: string }>(w.grid, 201, 'POST', '/api/testing/samples', {
      personId: resident,
      barcode: 'S-000002',
      purpose: 'voluntary',
      payer: 'employer',
    });
    assert.equal(voluntary.payer, 'employer');
    residentSample = voluntary.sampleId;
  });

  it('a barcode used once cannot be used again', async () => {
    const reply = await w.grid.request('POST', '/api/testing/samples', { personId: resident, barcode: 'S-000002', purpose: 'voluntary' });
    assert.deepEqual([reply.statusCode, (reply.json() as { code: string }).code], [409, 'tubeExists']);
  });

  it('the tested member is covered; the overdue list is empty', async () => {
    assert.deepEqual([(await medical())?.covered, (await medical())?.due], [1, 0]);
    const overdue = await expectStatus<{ total: number }>(w.grid, 200, 'GET', '/api/testing/groups/medical_staff/members?state=overdue');
    assert.equal(overdue.total, 0);
  });

  // TEST-004: the test certificate is issued only with a result
  it('a certificate waits for the result', async () => {
    const reply = await residentClient.request('POST', `/api/testing/samples/${residentSample}/certificate`);
    assert.deepEqual([reply.statusCode, (reply.json() as { code: string }).code], [409, 'resultPending']);
  });

  // TEST-004: results are shared with the person and with readers in scope
  it('negative within 24, 48 and 72 h, for the person themself and for testing readers in scope', async () => {
    runtime.deps.clock = () => at('13:00');
    await expectStatus(w.lab, 200, 'POST', '/api/testing/lab-results', {
      labName: '武进区疾控中心',
      results: [{ barcode: 'S-000002', result: '阴性', testedAt: at('12:00').toISOString() }],
    });
    const own = await expectStatus<Results>(residentClient, 200, 'GET', `/api/testing/persons/${resident}/results`);
    assert.deepEqual(
      own.negativeWithin.map((f) => [f.hours, f.negative]),
      [
        [24, true],
        [48, true],
        [72, true],
      ],
    );
    assert.deepEqual(
      own.results.map((r) => [r.result, r.payer, r.pooled]),
      [['negative', 'employer', false]],
    );
    assert.equal((await w.grid.request('GET', `/api/testing/persons/${resident}/results`)).statusCode, 200);
    assert.equal((await residentClient.request('GET', `/api/testing/persons/${nurse}/results`)).statusCode, 404, 'not someone else’s');
    assert.equal((await w.otherTown.request('GET', `/api/testing/persons/${resident}/results`)).statusCode, 404);
  });

  it('a day and a half later the result holds for 48 h but not for 24 h (the fact other modules ask for)', async () => {
    const later = at('20:00', '2022-07-11');
    const db = runtime.deps.database.db;
    assert.equal((await hasNegativeWithin(db, resident, 24, later)).decision, false);
    assert.equal((await hasNegativeWithin(db, resident, 48, later)).decision, true);
    assert.equal((await hasNegativeWithin(db, nurse, 48, later)).decision, false, 'no result yet');
  });

  // TEST-004, SC-57: a test certificate (检测证明) is issued and can be verified
  it('issues a certificate PDF whose verification shows only the masked name, the result and times', async () => {
    const reply = await runtime.app.inject({
      method: 'POST',
      url: `/api/testing/samples/${residentSample}/certificate`,
      headers: residentClient.headers,
    });
    assert.equal(reply.statusCode, 200, reply.body);
    assert.equal(reply.rawPayload.subarray(0, 4).toString(), '%PDF');
    const verifyUrl = String(reply.headers['x-verify-url']);
    // Issue 12 defect 8: the link is the configured public address, whatever Host the request claimed
    assert.ok(verifyUrl.startsWith(`${runtime.deps.config.publicUrl}/api/testing/certificates/`), verifyUrl);
    const spoofed = await runtime.app.inject({
      method: 'POST',
      url: `/api/testing/samples/${residentSample}/certificate`,
      headers: { ...residentClient.headers, host: 'evil.example.com' },
    });
    assert.equal(spoofed.statusCode, 200, spoofed.body);
    assert.ok(!String(spoofed.headers['x-verify-url']).includes('evil.example.com'));
    const path = new URL(verifyUrl).pathname;
    const verified = await runtime.app.inject({ method: 'GET', url: path });
    assert.equal(verified.statusCode, 200, verified.body);
    const body = verified.json() as Record<string, unknown>;
    assert.deepEqual(Object.keys(body).sort(), ['issuedAt', 'name', 'pooled', 'result', 'resultAt', 'sampledAt']);
    assert.match(String(body.name), /^居\*+$/);
    assert.equal(body.result, 'negative');
    const forged = await runtime.app.inject({ method: 'GET', url: `/api/testing/certificates/${'A'.repeat(32)}` });
    assert.equal(forged.statusCode, 404);
  });

  it('a member who leaves the roster is no longer counted', async () => {
    const members = await expectStatus<{ items: { id: string }[] }>(w.office, 200, 'GET', '/api/testing/groups/medical_staff/members');
    await expectStatus(w.office, 200, 'POST', `/api/testing/group-members/${members.items[0]?.id}/leave`, { reason: '调离' });
    assert.equal((await medical())?.members, 0);
  });
});
