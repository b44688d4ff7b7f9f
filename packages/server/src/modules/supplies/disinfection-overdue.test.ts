import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/query-rows.ts';
import { addTwoTowns, addUser, expectOk, loginAs } from '../../testing/factories.ts';
import { createTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';
import { runDisinfectionOverdueSweep } from './disinfection-overdue.job.ts';

const at = (local: string) => new Date(`${local}:00+08:00`);

/**
 * ENV-003 as recurring tasks (issue 15 part 6): a sealed building is disinfected twice a day; a day that fell short makes
 * the schedule overdue the next day until that day's two are done, and the hourly sweep raises one alert per schedule
 * and day for the town, seen by the town and not by another.
 */
describe('disinfection overdue sweep (ENV-003)', () => {
  let runtime: TestRuntime;
  let now = at('2020-03-01T08:00');
  let scheduleId: string;

  const alertsOf = async (username: string) => {
    const client = await loginAs(runtime.app, username);
    return (await expectOk(client, 'GET', '/api/alerts?kind=disinfection_overdue')).items as {
      details: { scheduleId: string; periodStart: string; doneThisPeriod: number };
      link: string | null;
    }[];
  };

  before(async () => {
    runtime = await createTestRuntime({ FANGKONG_LOGIN_RATE: '1000' });
    runtime.deps.clock = () => now;
    const ids = await addTwoTowns(runtime.deps);
    await addUser(runtime.deps, 'town-a', 'town_cadre', ids.townA.id);
    await addUser(runtime.deps, 'town-b', 'town_cadre', ids.townB.id);
    const town = await loginAs(runtime.app, 'town-a');
    const schedule = await expectOk(town, 'POST', '/api/supplies/disinfection', {
      jurisdictionId: ids.townA.id,
      placeKind: 'sealed_building',
      placeName: '甲社区3幢',
    });
    scheduleId = schedule.id as string;
    // The first day: once only (of two).
    await expectOk(town, 'POST', `/api/supplies/disinfection/${scheduleId}/records`, { doneAt: '2020-03-01T07:30:00+08:00' });
  });
  after(() => runtime.close());

  it('ENV-003: a day still short is only due that day; nothing is raised', async () => {
    now = at('2020-03-01T23:59');
    assert.equal((await runDisinfectionOverdueSweep(runtime.deps)).raised, 0);
  });

  it('ENV-003: the next day the schedule is overdue: one alert for the day, raised once, linked to /supplies, audited', async () => {
    now = at('2020-03-02T00:00');
    assert.equal((await runDisinfectionOverdueSweep(runtime.deps)).raised, 1);
    now = at('2020-03-02T01:00');
    assert.equal((await runDisinfectionOverdueSweep(runtime.deps)).raised, 0, 'once per schedule and day');
    const alerts = await alertsOf('town-a');
    assert.deepEqual(
      alerts.map((a) => [a.details.scheduleId, a.details.periodStart, a.details.doneThisPeriod, a.link]),
      [[scheduleId, '2020-03-02', 0, '/supplies']],
    );
    assert.equal((await alertsOf('town-b')).length, 0, 'another town sees none');
    const audited = await queryRows<{ n: number }>(
      runtime.deps.database.db,
      sql`select count(*)::int as n from audit_event where action = 'jobs.disinfectionOverdueSweep'`,
    );
    assert.equal(audited[0]?.n, 1);
  });

  it('ENV-003: once the day’s two are done the schedule is no longer overdue and nothing more is raised', async () => {
    now = at('2020-03-02T09:00');
    let town = await loginAs(runtime.app, 'town-a');
    await expectOk(town, 'POST', `/api/supplies/disinfection/${scheduleId}/records`, {});
    now = at('2020-03-02T15:00');
    town = await loginAs(runtime.app, 'town-a');
    await expectOk(town, 'POST', `/api/supplies/disinfection/${scheduleId}/records`, {});
    assert.deepEqual(await runDisinfectionOverdueSweep(runtime.deps), { checked: 1, raised: 0 });
  });
});
