import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/query-rows.ts';
import { addTwoTowns, addUser, approveLevel, completeAssessment, expectOk, loginAs, type TestClient } from '../../testing/factories.ts';
import { createTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';
import { runReassessmentReminderSweep } from './reassessment-reminder.job.ts';

interface Reassessment {
  level: string;
  lastAssessedAt: string | null;
  dueAt: string;
  state: string;
  because: { clause: string; configured?: boolean }[];
  history: { conclusion: string; note: string }[];
}

const at = (local: string) => new Date(`${local}:00+08:00`);

/**
 * LVL-011 (seed 002 §八(二)): once a response runs, the experts re-assess the trend and the effect of the measures in
 * good time and the level is adjusted on that basis. The seed sets no interval; every 7 days is configured.
 */
describe('LVL-011 re-assessment of the level in force', () => {
  let runtime: TestRuntime;
  let office: TestClient;
  let commander: TestClient;
  let townB: TestClient;
  let place: Awaited<ReturnType<typeof addTwoTowns>>;

  const count = async () =>
    (await queryRows<{ n: number }>(runtime.deps.database.db, sql`select count(*)::int as n from response_reassessment`))[0]?.n;
  const overview = async () =>
    ((await expectOk(office, 'GET', `/api/response-levels/${place.county.id}`)) as { reassessment: Reassessment | null }).reassessment;
  const setNow = async (local: string) => {
    runtime.deps.clock = () => at(local);
    runtime.deps.sessions.clear();
    office = await loginAs(runtime.app, 'office');
    commander = await loginAs(runtime.app, 'commander');
    townB = await loginAs(runtime.app, 'town-b');
  };
  const reassess = (client: TestClient, body: Record<string, unknown>) =>
    client.request('POST', `/api/response-levels/${place.county.id}/reassessments`, body);
  const complete = {
    conclusion: 'maintain',
    assessment: completeAssessment(['trendAnalysis', 'effectEvaluation']),
    note: '疫情平稳，维持Ⅳ级',
  };

  before(async () => {
    runtime = await createTestRuntime({ FANGKONG_LOGIN_RATE: '1000' });
    place = await addTwoTowns(runtime.deps);
    await addUser(runtime.deps, 'office', 'command_office_staff', place.county.id);
    await addUser(runtime.deps, 'commander', 'district_commander', place.county.id);
    await addUser(runtime.deps, 'town-b', 'town_cadre', place.townB.id);
    await addUser(runtime.deps, 'cdc-b', 'cdc_epidemiologist', place.townB.id);
    await setNow('2020-11-20T10:00');
  });
  after(() => runtime.close());

  it('LVL-011: with no response running there is nothing to re-assess: 409 on jurisdictionId, nothing written', async () => {
    const reply = await reassess(office, complete);
    assert.equal(reply.statusCode, 409, reply.body);
    assert.deepEqual(
      [(reply.json() as { code: string }).code, (reply.json() as { field: string }).field],
      ['noResponseToReassess', 'jurisdictionId'],
    );
    assert.equal(await overview(), null);
    assert.equal(await count(), 0);
  });

  it('LVL-011: level IV approved at 10:00 on 20 Nov is due for re-assessment 7 days on (configured, §八(二)); overdue after', async () => {
    await approveLevel(office, commander, place.county.id);
    const fresh = await overview();
    assert.deepEqual(
      [fresh?.level, fresh?.dueAt, fresh?.state, fresh?.because[0]?.clause, fresh?.because[0]?.configured],
      ['IV', at('2020-11-27T10:00').toISOString(), 'ok', '§八(二)', true],
    );
    await setNow('2020-11-26T12:00');
    assert.equal((await overview())?.state, 'due_soon');
    await setNow('2020-11-27T10:01');
    assert.equal((await overview())?.state, 'overdue');
  });

  it('LVL-011, LVL-003: a re-assessment without the effect evaluation, a factor or a note is refused at that field; nothing written', async () => {
    const noEffect = { ...complete, assessment: completeAssessment(['trendAnalysis']) };
    const cases: [Record<string, unknown>, string][] = [
      [noEffect, 'assessment.records.effectEvaluation'],
      [{ ...complete, assessment: { factors: {}, records: complete.assessment.records } }, 'assessment.factors.'],
      [{ ...complete, note: '   ' }, 'note'],
    ];
    for (const [body, field] of cases) {
      const reply = await reassess(office, body);
      assert.equal(reply.statusCode, 400, reply.body);
      assert.ok((reply.json() as { field: string }).field.startsWith(field), reply.body);
    }
    assert.equal((await reassess(office, { ...complete, conclusion: 'ignore' })).statusCode, 400);
    assert.equal(await count(), 0);
  });

  it('LVL-011: the experts keep level IV; the clock runs 7 days from the re-assessment, which the history keeps and the audit names', async () => {
    const reply = await reassess(office, complete);
    assert.equal(reply.statusCode, 201, reply.body);
    const after_ = await overview();
    assert.deepEqual(
      [after_?.lastAssessedAt, after_?.dueAt, after_?.state, after_?.history.map((h) => [h.conclusion, h.note])],
      [at('2020-11-27T10:01').toISOString(), at('2020-12-04T10:01').toISOString(), 'ok', [['maintain', '疫情平稳，维持Ⅳ级']]],
    );
    const [audit] = await queryRows<{ reason: string }>(
      runtime.deps.database.db,
      sql`select reason from audit_event where action = 'response.reassess'`,
    );
    assert.equal(audit?.reason, '疫情平稳，维持Ⅳ级');
  });

  it('another jurisdiction and another role: an epidemiologist of town B gets 404; the commander (who approves) and a town cadre (who reads) 403; nothing written', async () => {
    assert.equal((await reassess(await loginAs(runtime.app, 'cdc-b'), complete)).statusCode, 404);
    assert.equal((await reassess(commander, complete)).statusCode, 403);
    assert.equal((await reassess(townB, complete)).statusCode, 403);
    assert.equal(await count(), 1);
  });

  it('LVL-011: the hourly sweep raises "due soon" the day before and "overdue" after, once each per due time, at the place', async () => {
    const alerts = async () =>
      (
        await queryRows<{ kind: string; path: string }>(
          runtime.deps.database.db,
          sql`select kind, jurisdiction_path as path from alert where kind like 'response_reassess%' order by created_at, kind`,
        )
      ).map((a) => a.kind);
    // Re-assessed at 10:01 on 27 Nov: due 10:01 on 4 Dec.
    await setNow('2020-12-02T10:00');
    assert.deepEqual(await runReassessmentReminderSweep(runtime.deps), { due: 0, overdue: 0 });
    await setNow('2020-12-03T12:00');
    assert.deepEqual(await runReassessmentReminderSweep(runtime.deps), { due: 1, overdue: 0 });
    assert.deepEqual(await runReassessmentReminderSweep(runtime.deps), { due: 0, overdue: 0 }, 'once per due time');
    await setNow('2020-12-04T10:02');
    assert.deepEqual(await runReassessmentReminderSweep(runtime.deps), { due: 0, overdue: 1 });
    assert.deepEqual(await alerts(), ['response_reassess_due', 'response_reassess_overdue']);
    const [row] = await queryRows<{ path: string }>(
      runtime.deps.database.db,
      sql`select jurisdiction_path as path from alert where kind = 'response_reassess_overdue'`,
    );
    assert.equal(row?.path, place.county.path);
  });
});
