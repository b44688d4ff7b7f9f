import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addDays } from '@fangkong/core';
import { sql } from 'drizzle-orm';
import { queryRows } from '../db/query-rows.ts';
import { systemContext } from '../http/context.ts';
import { registerEpisode } from '../modules/key-persons/episode.service.ts';
import { registerPerson } from '../modules/persons/person.service.ts';
import { addTwoTowns, addUser, residentId } from '../testing/factories.ts';
import { createTestRuntime, type TestRuntime } from '../testing/test-runtime.ts';
import { runDailySweep } from './daily-sweep.ts';

const D0 = '2020-03-01';

describe('daily sweep', () => {
  let runtime: TestRuntime;

  before(async () => {
    runtime = await createTestRuntime();
    runtime.deps.clock = () => new Date(`${D0}T10:00:00+08:00`);
    const { villageA } = await addTwoTowns(runtime.deps);
    const admin = await addUser(runtime.deps, 'admin', 'system_admin', villageA.id);
    const context = {
      ...systemContext('test'),
      actor: {
        userId: admin.id,
        username: 'admin',
        displayName: 'admin',
        grants: [{ role: 'system_admin' as const, jurisdictionId: villageA.id, jurisdictionPath: villageA.path }],
      },
    };
    const person = await registerPerson(runtime.deps, context, {
      idType: 'resident_id',
      idNumber: residentId('19700101', 11),
      name: '赵一',
      jurisdictionId: villageA.id,
    });
    await registerEpisode(runtime.deps, context, { personId: person.id, category: 'close_contact', startDate: D0 });
  });
  after(() => runtime.close());

  // KP-D03: a daily follow-up per person under observation; a missing one is overdue
  it('SC-05: a missing daily check and an overdue test raise one alert each, however often it runs', async () => {
    const day2 = addDays(D0, 1);
    const first = await runDailySweep(runtime.deps, day2);
    assert.deepEqual([first.overdueTests, first.missingChecks], [1, 1]);
    const again = await runDailySweep(runtime.deps, day2);
    assert.deepEqual([again.overdueTests, again.missingChecks], [0, 0]);
    const alerts = await queryRows<{ kind: string }>(runtime.deps.database.db, sql`select kind from alert order by kind`);
    assert.deepEqual(
      alerts.map((a) => a.kind),
      ['overdue_check', 'overdue_test'],
    );
  });

  it('each run is audited', async () => {
    const runs = await queryRows<{ n: number }>(
      runtime.deps.database.db,
      sql`select count(*)::int as n from audit_event where action = 'jobs.dailySweep'`,
    );
    assert.equal(runs[0]?.n, 2);
  });
});

describe('daily sweep: monitoring-only episodes', () => {
  let runtime: TestRuntime;
  let episodeId: string;

  before(async () => {
    runtime = await createTestRuntime();
    runtime.deps.clock = () => new Date('2022-07-01T10:00:00+08:00');
    const { villageA } = await addTwoTowns(runtime.deps);
    const admin = await addUser(runtime.deps, 'admin', 'system_admin', villageA.id);
    const context = {
      ...systemContext('test'),
      actor: {
        userId: admin.id,
        username: 'admin',
        displayName: 'admin',
        grants: [{ role: 'system_admin' as const, jurisdictionId: villageA.id, jurisdictionPath: villageA.path }],
      },
    };
    const person = await registerPerson(runtime.deps, context, {
      idType: 'resident_id',
      idNumber: residentId('19700101', 13),
      name: '钱二',
      jurisdictionId: villageA.id,
    });
    episodeId = (
      await registerEpisode(runtime.deps, context, { personId: person.id, category: 'returning_outsider', startDate: '2022-07-01' })
    ).id;
  });
  after(() => runtime.close());

  it('a returning outsider under the 9th edition (3 days of monitoring, nothing to sign) ends when the period is over, not before', async () => {
    assert.equal((await runDailySweep(runtime.deps, '2022-07-03')).endedEpisodes, 0);
    assert.equal((await runDailySweep(runtime.deps, '2022-07-04')).endedEpisodes, 1);
    const status = await queryRows<{ status: string }>(
      runtime.deps.database.db,
      sql`select status from key_person_episode where id = ${episodeId}`,
    );
    assert.equal(status[0]?.status, 'ended');
  });
});
