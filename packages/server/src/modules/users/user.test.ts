import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addTwoTowns, addUser, loginAs, type TestClient } from '../../testing/factories.ts';
import { createTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';

describe('user administration', () => {
  let runtime: TestRuntime;
  let rootAdmin: TestClient;
  let townAdmin: TestClient;
  let townAId: string;

  before(async () => {
    runtime = await createTestRuntime();
    const { townA, townB } = await addTwoTowns(runtime.deps);
    townAId = townA.id;
    const countryRootId =
      (await runtime.deps.database.db.query.jurisdiction.findFirst({ where: (j, { eq }) => eq(j.code, 'CN') }))?.id ?? '';
    await addUser(runtime.deps, 'root', 'system_admin', countryRootId);
    await addUser(runtime.deps, 'admin-b', 'system_admin', townB.id);
    rootAdmin = await loginAs(runtime.app, 'root');
    townAdmin = await loginAs(runtime.app, 'admin-b');
  });
  after(() => runtime.close());

  it('an account left without roles is seen by a country admin only, not by an admin of one town', async () => {
    const created = (
      await rootAdmin.request('POST', '/api/users', {
        username: 'orphan',
        displayName: '无角色',
        role: 'grid_worker',
        jurisdictionId: townAId,
      })
    ).json() as { id: string };
    const users = (await rootAdmin.request('GET', '/api/users?q=orphan')).json() as { items: { id: string; roles: { id: string }[] }[] };
    const assignment = users.items[0]?.roles[0]?.id;
    assert.equal((await rootAdmin.request('DELETE', `/api/users/${created.id}/roles/${assignment}`)).statusCode, 204);
    const byRoot = (await rootAdmin.request('GET', '/api/users?q=orphan')).json() as { total: number };
    const byTown = (await townAdmin.request('GET', '/api/users?q=orphan')).json() as { total: number };
    assert.deepEqual([byRoot.total, byTown.total], [1, 0]);
    assert.equal((await townAdmin.request('POST', `/api/users/${created.id}/reset-password`, { reason: '越权重置' })).statusCode, 404);
  });
});
