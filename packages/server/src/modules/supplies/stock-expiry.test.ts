import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/query-rows.ts';
import { addTwoTowns, addUser, loginAs, type TestClient } from '../../testing/factories.ts';
import { createTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';
import { runStockExpirySweep } from './stock-expiry.job.ts';

/** RES-013: the hourly sweep raises expiry alerts for stock nobody moves, at the edges of the 30-day window and of the expiry day. */
describe('stock expiry sweep (RES-013, issue 15 part 4)', () => {
  let runtime: TestRuntime;
  let townA: TestClient;
  let ids: Awaited<ReturnType<typeof addTwoTowns>>;
  let now = new Date('2020-03-01T10:00:00+08:00');

  // A fresh sign-in each time: the clock moves by weeks, past any session's idle limit.
  const alerts = async (username: string) => {
    const client = await loginAs(runtime.app, username);
    const reply = await client.request('GET', '/api/alerts?kind=stock_expiry');
    assert.equal(reply.statusCode, 200, reply.body);
    return (reply.json() as { items: { details: { rule: string; holderName: string } }[] }).items.map((a) => a.details.rule).sort();
  };
  const at = (iso: string) => {
    now = new Date(iso);
  };

  before(async () => {
    runtime = await createTestRuntime();
    runtime.deps.clock = () => now;
    ids = await addTwoTowns(runtime.deps);
    await addUser(runtime.deps, 'town-a', 'town_cadre', ids.townA.id);
    await addUser(runtime.deps, 'town-b', 'town_cadre', ids.townB.id);
    townA = await loginAs(runtime.app, 'town-a');
    const stock = (item: string, quantity: number, expiresOn: string) =>
      townA.request('POST', '/api/supplies/stock', {
        jurisdictionId: ids.townA.id,
        holderKind: 'town',
        holderName: '湖塘镇',
        item,
        unit: '件',
        quantity,
        dailyUse: 1,
        expiresOn,
      });
    // 31 days ahead: outside the window when recorded; a line already used up never alerts.
    assert.equal((await stock('disinfectant', 100, '2020-04-01')).statusCode, 201);
    assert.equal((await stock('gloves', 0, '2020-03-05')).statusCode, 201);
  });
  after(() => runtime.close());

  it('RES-013 at the edge: 31 days before expiry nothing is raised; at 30 days (Asia/Shanghai) one stockExpiring alert', async () => {
    assert.deepEqual(await runStockExpirySweep(runtime.deps), { date: '2020-03-01', checked: 0, raised: 0 });
    assert.deepEqual(await alerts('town-a'), []);
    at('2020-03-01T16:00:00Z'); // 2020-03-02 00:00 in Asia/Shanghai, still 03-01 in UTC
    assert.deepEqual(await runStockExpirySweep(runtime.deps), { date: '2020-03-02', checked: 1, raised: 1 });
    assert.deepEqual(await alerts('town-a'), ['stockExpiring']);
  });

  it('RES-013: the sweep is safe to repeat — the same line is not raised twice for the same state', async () => {
    at('2020-03-10T10:00:00+08:00');
    assert.deepEqual(await runStockExpirySweep(runtime.deps), { date: '2020-03-10', checked: 1, raised: 0 });
    assert.deepEqual(await alerts('town-a'), ['stockExpiring']);
  });

  it('RES-013: on the expiry day it is still expiring; the day after it is expired and raised again, audited as one job', async () => {
    at('2020-04-01T23:59:00+08:00');
    assert.equal((await runStockExpirySweep(runtime.deps)).raised, 0);
    at('2020-04-02T00:01:00+08:00');
    assert.deepEqual(await runStockExpirySweep(runtime.deps), { date: '2020-04-02', checked: 1, raised: 1 });
    assert.deepEqual(await alerts('town-a'), ['stockExpired', 'stockExpiring']);
    const jobs = await queryRows<{ n: number }>(
      runtime.deps.database.db,
      sql`select count(*)::int as n from audit_event where action = 'jobs.stockExpirySweep'`,
    );
    assert.equal(jobs[0]?.n, 2);
  });

  it('scope: town B sees none of town A’s expiry alerts', async () => {
    assert.deepEqual(await alerts('town-b'), []);
  });
});
