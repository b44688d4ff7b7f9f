import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/query-rows.ts';
import { responseLevel } from '../../db/schema/index.ts';
import { addTwoTowns, addUser, expectOk, loginAs, type TestClient } from '../../testing/factories.ts';
import { createTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';
import { runInformationReminderSweep } from './information-reminder.job.ts';

const at = (local: string) => new Date(`${local}:00+08:00`);

/**
 * The information reminders (issue 15 part 5; DAILY-007, INFO-006, INFO-004), through the same alert mechanism as the
 * daily reports' reminders: a town whose response is running owes the day's outbreak information by 10:00
 * Asia/Shanghai (reminded from 09:00, late at 10:01, not once published), and an opinion item past its response or
 * closure deadline raises one alert per deadline; a town without a running response owes nothing.
 */
describe('information reminders: the daily outbreak information and public-opinion deadlines', () => {
  let runtime: TestRuntime;
  let town: TestClient;
  let townAId: string;
  let townBId: string;
  let now = at('2020-02-10T08:00');

  const alerts = () =>
    queryRows<{ kind: string; dedup_key: string; path: string; details: Record<string, unknown> }>(
      runtime.deps.database.db,
      sql`select kind, dedup_key, jurisdiction_path as path, details from alert
          where kind in ('info_daily_due', 'info_daily_late', 'opinion_overdue') order by id`,
    );

  before(async () => {
    runtime = await createTestRuntime({ FANGKONG_LOGIN_RATE: '1000' });
    runtime.deps.clock = () => now;
    const towns = await addTwoTowns(runtime.deps);
    townAId = towns.townA.id;
    townBId = towns.townB.id;
    const cadre = await addUser(runtime.deps, 'town', 'town_cadre', townAId);
    town = await loginAs(runtime.app, 'town');
    // 湖塘镇's own response at level IV, approved: an outbreak there (LVL-010); town B has none.
    await runtime.deps.database.db.insert(responseLevel).values({
      jurisdictionId: townAId,
      jurisdictionPath: towns.townA.path,
      editionId: 'seed-2020',
      direction: 'activate',
      level: 'IV',
      basis: 'trigger',
      status: 'approved',
      reason: '本地疫情',
      assessment: {},
      proposedBy: cadre.id,
      proposedAt: at('2020-02-09T09:00'),
      approvedBy: cadre.id,
      approvedAt: at('2020-02-09T10:00'),
    });
  });
  after(() => runtime.close());

  it('DAILY-007 INFO-006: nothing before the reminder window; due soon from 09:00; late at 10:01 Asia/Shanghai; once each', async () => {
    now = at('2020-02-10T08:59');
    assert.deepEqual(await runInformationReminderSweep(runtime.deps), { dailyDue: 0, dailyLate: 0, opinionOverdue: 0 });
    now = at('2020-02-10T09:00');
    assert.equal((await runInformationReminderSweep(runtime.deps)).dailyDue, 1);
    now = at('2020-02-10T09:30');
    assert.equal((await runInformationReminderSweep(runtime.deps)).dailyDue, 0, 'raised once per place and day');
    now = at('2020-02-10T10:00');
    assert.equal((await runInformationReminderSweep(runtime.deps)).dailyLate, 0, '10:00 itself is on time');
    now = at('2020-02-10T10:01');
    assert.equal((await runInformationReminderSweep(runtime.deps)).dailyLate, 1);
    const raised = await alerts();
    assert.deepEqual(
      raised.map((a) => a.dedup_key),
      [`info_daily_due:${townAId}:2020-02-10`, `info_daily_late:${townAId}:2020-02-10`],
    );
    assert.ok(raised.every((a) => a.details.jurisdictionId === townAId && a.details.dueAt === '2020-02-10T02:00:00.000Z'));
    assert.ok(!raised.some((a) => a.details.jurisdictionId === townBId), 'a town without a running response owes nothing');
    const audited = await queryRows<{ n: number }>(
      runtime.deps.database.db,
      sql`select count(*)::int as n from audit_event where action = 'jobs.informationReminderSweep'`,
    );
    assert.equal(audited[0]?.n, 2);
  });

  it('DAILY-007: a day whose information is published on time raises nothing', async () => {
    now = at('2020-02-11T08:30');
    town = await loginAs(runtime.app, 'town');
    const draft = await expectOk(town, 'POST', '/api/information/releases', {
      jurisdictionId: townAId,
      kind: 'daily_outbreak',
      title: '湖塘镇2月11日疫情防控信息',
      body: '新增确诊病例0例。',
      interpretation: '解读',
      audience: 'public',
      channels: ['platform'],
      forDate: '2020-02-11',
    });
    await runtime.deps.database.db.execute(
      sql`update info_release set status = 'published', published_at = ${at('2020-02-11T08:40').toISOString()} where id = ${draft.id as string}`,
    );
    now = at('2020-02-11T10:30');
    assert.deepEqual(await runInformationReminderSweep(runtime.deps), { dailyDue: 0, dailyLate: 0, opinionOverdue: 0 });
  });

  it('INFO-004: a rumour unanswered after 2 hours raises a response alert, after 24 hours a closure alert, each once', async () => {
    now = at('2020-02-12T08:00');
    town = await loginAs(runtime.app, 'town');
    const item = await expectOk(town, 'POST', '/api/opinions', {
      jurisdictionId: townAId,
      kind: 'rumour',
      source: 'wechat',
      summary: '网传甲社区封闭',
    });
    // Town A's daily information for the 12th is late by then too: count only the opinion alerts here.
    now = at('2020-02-12T10:00');
    assert.equal((await runInformationReminderSweep(runtime.deps)).opinionOverdue, 0, 'exactly 2 hours is on time');
    now = at('2020-02-12T10:01');
    assert.equal((await runInformationReminderSweep(runtime.deps)).opinionOverdue, 1);
    town = await loginAs(runtime.app, 'town');
    await expectOk(town, 'POST', `/api/opinions/${item.id as string}/respond`, { response: '经核实，消息不实。' });
    now = at('2020-02-13T08:01');
    assert.equal((await runInformationReminderSweep(runtime.deps)).opinionOverdue, 1, 'the closure deadline passed');
    assert.equal((await runInformationReminderSweep(runtime.deps)).opinionOverdue, 0);
    const opinion = (await alerts()).filter((a) => a.kind === 'opinion_overdue');
    assert.deepEqual(
      opinion.map((a) => [a.dedup_key, a.details.stage]),
      [
        [`opinion_overdue:respond:${item.id as string}`, 'respond'],
        [`opinion_overdue:close:${item.id as string}`, 'close'],
      ],
    );
  });

  it('the alerts list shows them to the town with a link to the information page', async () => {
    town = await loginAs(runtime.app, 'town');
    const list = await expectOk(town, 'GET', '/api/alerts?kind=opinion_overdue');
    const items = list.items as { kind: string; link: string | null; severity: string }[];
    assert.equal(items.length, 2);
    assert.ok(items.every((i) => i.link === '/information' && i.severity === 'medium'));
  });
});
