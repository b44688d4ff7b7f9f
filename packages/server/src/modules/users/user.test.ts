import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/query-rows.ts';
import { systemContext } from '../../http/context.ts';
import { addTwoTowns, addUser, loginAs, TEST_PASSWORD, type TestClient } from '../../testing/factories.ts';
import { createTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';
import { createUser } from './user.service.ts';

describe('user administration', () => {
  let runtime: TestRuntime;
  let rootAdmin: TestClient;
  let townAdmin: TestClient;
  let townAId: string;
  let townBId: string;
  let countyId: string;

  const userId = async (username: string) =>
    (await queryRows<{ id: string }>(runtime.deps.database.db, sql`select id from app_user where username = ${username}`))[0]?.id ?? '';
  const codeOf = (reply: { json: () => unknown }) => (reply.json() as { code: string }).code;

  before(async () => {
    runtime = await createTestRuntime();
    const { townA, townB, county } = await addTwoTowns(runtime.deps);
    townAId = townA.id;
    townBId = townB.id;
    countyId = county.id;
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

  // issue 12 defect 6: an admin of town B must not take over an account that also holds a role above town B.
  it('issue 12 defect 6: refuses to reset the password of an account with a role beyond my scope (403 accountBeyondScope), changing nothing', async () => {
    await addUser(runtime.deps, 'county-cadre', 'grid_worker', townBId);
    const id = await userId('county-cadre');
    assert.equal(
      (await rootAdmin.request('POST', `/api/users/${id}/roles`, { role: 'town_cadre', jurisdictionId: countyId })).statusCode,
      201,
    );
    const refused = await townAdmin.request('POST', `/api/users/${id}/reset-password`, { reason: '越权重置' });
    assert.deepEqual([refused.statusCode, codeOf(refused)], [403, 'accountBeyondScope'], refused.body);
    assert.ok(!refused.body.includes('oneTimePassword'));
    await loginAs(runtime.app, 'county-cadre');
    const audited = await queryRows<{ n: number }>(
      runtime.deps.database.db,
      sql`select count(*)::int as n from audit_event where action = 'user.resetPassword' and entity_id = ${id}`,
    );
    assert.equal(audited[0]?.n, 0);
    assert.equal((await rootAdmin.request('POST', `/api/users/${id}/reset-password`, { reason: '县级管理员重置' })).statusCode, 200);
  });

  it('issue 12 defect 6: an admin cannot disable or rename an account with a role beyond their scope (403), changing nothing', async () => {
    await addUser(runtime.deps, 'county-lead', 'grid_worker', townBId);
    const id = await userId('county-lead');
    assert.equal(
      (await rootAdmin.request('POST', `/api/users/${id}/roles`, { role: 'district_commander', jurisdictionId: countyId })).statusCode,
      201,
    );
    for (const changes of [{ disabled: true }, { displayName: '改名' }]) {
      const refused = await townAdmin.request('PATCH', `/api/users/${id}`, { ...changes, reason: '越权停用' });
      assert.deepEqual([refused.statusCode, codeOf(refused)], [403, 'accountBeyondScope'], refused.body);
    }
    await loginAs(runtime.app, 'county-lead');
    assert.equal((await rootAdmin.request('PATCH', `/api/users/${id}`, { disabled: true, reason: '县级管理员停用' })).statusCode, 204);
  });

  it('issue 12 defect 6 (ASVS V2.3.1): a one-time password not changed within FANGKONG_ONE_TIME_PASSWORD_HOURS opens nothing (401 oneTimePasswordExpired)', async () => {
    await addUser(runtime.deps, 'slow-changer', 'grid_worker', townBId);
    const id = await userId('slow-changer');
    const reset = await townAdmin.request('POST', `/api/users/${id}/reset-password`, { reason: '忘记密码' });
    const { oneTimePassword } = reset.json() as { oneTimePassword: string };
    const realClock = runtime.deps.clock;
    try {
      runtime.deps.clock = () => new Date(realClock().getTime() + (runtime.deps.config.oneTimePasswordHours - 1) * 3_600_000);
      await loginAs(runtime.app, 'slow-changer', oneTimePassword);
      runtime.deps.clock = () => new Date(realClock().getTime() + (runtime.deps.config.oneTimePasswordHours + 1) * 3_600_000);
      const late = await runtime.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'slow-changer', password: oneTimePassword },
      });
      assert.deepEqual([late.statusCode, (late.json() as { code: string }).code], [401, 'oneTimePasswordExpired'], late.body);
    } finally {
      runtime.deps.clock = realClock;
    }
    const again = await townAdmin.request('POST', `/api/users/${id}/reset-password`, { reason: '过期后重置' });
    await loginAs(runtime.app, 'slow-changer', (again.json() as { oneTimePassword: string }).oneTimePassword);
  });

  it('issue 12 defect 6: a reset ends the account’s sessions; the one-time password opens only me, logout and the password change until it is changed', async () => {
    await addUser(runtime.deps, 'resettee', 'grid_worker', townBId);
    const id = await userId('resettee');
    const before = await loginAs(runtime.app, 'resettee');
    assert.equal((await before.request('GET', '/api/auth/me')).statusCode, 200);
    const reset = await townAdmin.request('POST', `/api/users/${id}/reset-password`, { reason: '忘记密码' });
    assert.equal(reset.statusCode, 200, reset.body);
    const { oneTimePassword } = reset.json() as { oneTimePassword: string };
    assert.equal((await before.request('GET', '/api/auth/me')).statusCode, 401, 'the session opened before the reset is ended');
    const fresh = await loginAs(runtime.app, 'resettee', oneTimePassword);
    const me = await fresh.request('GET', '/api/auth/me');
    assert.equal((me.json() as { mustChangePassword: boolean }).mustChangePassword, true);
    for (const [method, url, body] of [
      ['GET', '/api/persons', undefined],
      ['GET', '/api/jurisdictions/roots', undefined],
      ['POST', '/api/persons', { idType: 'resident_id', idNumber: '320412199001011234', name: '某某', jurisdictionId: townBId }],
    ] as const) {
      const blocked = await fresh.request(method, url, body);
      assert.deepEqual([blocked.statusCode, codeOf(blocked)], [403, 'passwordChangeRequired'], `${method} ${url}: ${blocked.body}`);
    }
    const weak = await fresh.request('POST', '/api/auth/password', { currentPassword: oneTimePassword, newPassword: oneTimePassword });
    assert.deepEqual([weak.statusCode, codeOf(weak)], [400, 'samePassword'], 'the one-time password cannot be kept');
    const changed = await fresh.request('POST', '/api/auth/password', {
      currentPassword: oneTimePassword,
      newPassword: 'resettee-new-2026',
    });
    assert.equal(changed.statusCode, 204, changed.body);
    assert.equal((await fresh.request('GET', '/api/persons')).statusCode, 200, 'the session that changed the password goes on, unblocked');
  });

  it('issue 12 defect 6: changing my own password ends my other sessions and keeps this one', async () => {
    await addUser(runtime.deps, 'two-desks', 'grid_worker', townBId);
    const desk = await loginAs(runtime.app, 'two-desks');
    const phone = await loginAs(runtime.app, 'two-desks');
    assert.equal((await phone.request('GET', '/api/auth/me')).statusCode, 200);
    const changed = await desk.request('POST', '/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'two-desks-new-2026' });
    assert.equal(changed.statusCode, 204, changed.body);
    assert.equal((await phone.request('GET', '/api/auth/me')).statusCode, 401);
    assert.equal((await desk.request('GET', '/api/auth/me')).statusCode, 200);
  });

  // issue 12 defect 7: a resident signs in with their phone number; lists and the audit log must not spell it out.
  it('issue 12 defect 7: the account list and the audit log show a resident’s phone and name masked', async () => {
    const phone = '13912345678';
    await createUser(runtime.deps, systemContext('test'), {
      username: phone,
      displayName: '居民张三丰',
      password: TEST_PASSWORD,
      role: 'resident',
      jurisdictionId: townBId,
    });
    await loginAs(runtime.app, phone);
    const failed = await runtime.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: phone, password: 'wrong-pass-2026' },
    });
    assert.equal(failed.statusCode, 401);
    for (const admin of [rootAdmin, townAdmin]) {
      const listed = await admin.request('GET', `/api/users?q=${phone}`);
      assert.equal(listed.statusCode, 200, listed.body);
      const items = (listed.json() as { items: { username: string; displayName: string }[] }).items;
      assert.deepEqual(
        items.map((u) => [u.username, u.displayName]),
        [['139****5678', '居****']],
      );
      assert.ok(!listed.body.includes(phone) && !listed.body.includes('张三丰'), listed.body);
    }
    const audit = await rootAdmin.request('GET', '/api/audit?pageSize=200');
    assert.equal(audit.statusCode, 200, audit.body);
    const names = (audit.json() as { items: { actorName: string; action: string }[] }).items
      .filter((e) => e.action.startsWith('auth.login'))
      .map((e) => e.actorName);
    assert.ok(names.includes('139****5678'), names.join());
    assert.ok(!audit.body.includes(phone) && !audit.body.includes('张三丰'), 'no audit row spells the phone or the name out');
    const staff = (await rootAdmin.request('GET', '/api/users?q=admin-b')).json() as { items: { username: string; displayName: string }[] };
    assert.deepEqual(
      staff.items.map((u) => [u.username, u.displayName]),
      [['admin-b', 'admin-b']],
      'staff accounts keep their names',
    );
  });
});
