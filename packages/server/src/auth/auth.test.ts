import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type SQL, sql } from 'drizzle-orm';
import { queryRows } from '../db/query-rows.ts';
import { addTwoTowns, addUser, loginAs, residentId, TEST_PASSWORD, type TestClient } from '../testing/factories.ts';
import { createTestRuntime, type TestRuntime } from '../testing/test-runtime.ts';

const MAX_FAILURES = 3;

interface ErrorBody {
  code: string;
  message: string;
  field?: string;
}

describe('sign-in, sessions and CSRF', () => {
  let runtime: TestRuntime;
  let villageId: string;
  let admin: TestClient;
  const rows = <T>(query: SQL) => queryRows<T>(runtime.deps.database.db, query);
  const count = async (query: SQL) => (await rows<{ n: number }>(query))[0]?.n ?? -1;

  /** Each test signs in from its own address, so the per-IP throttle of one test never touches another. */
  const login = (username: string, password: string, remoteAddress: string, headers: Record<string, string> = {}) =>
    runtime.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress, headers });

  async function session(username: string, remoteAddress: string) {
    const reply = await login(username, TEST_PASSWORD, remoteAddress);
    assert.equal(reply.statusCode, 200, reply.body);
    const token = reply.cookies.find((c) => c.name === 'fk_session')?.value ?? '';
    return { cookie: `fk_session=${token}`, token, csrfToken: (reply.json() as { csrfToken: string }).csrfToken };
  }

  before(async () => {
    runtime = await createTestRuntime({ FANGKONG_LOGIN_MAX_FAILURES: String(MAX_FAILURES), FANGKONG_LOGIN_LOCK_MINUTES: '15' });
    const { county, villageA } = await addTwoTowns(runtime.deps);
    villageId = villageA.id;
    for (const name of [
      'cookie-user',
      'csrf-user',
      'lock-user',
      'throttle-user',
      'logout-user',
      'leaver',
      'hash-user',
      'hash-user-2',
      'mover',
    ]) {
      await addUser(runtime.deps, name, 'grid_worker', villageA.id);
    }
    await addUser(runtime.deps, 'county-admin', 'system_admin', county.id);
    admin = await loginAs(runtime.app, 'county-admin');
  });
  after(() => runtime.close());

  it('sets the session cookie HttpOnly, SameSite=Strict, for the whole site, and stores only a hash of it', async () => {
    const reply = await login('cookie-user', TEST_PASSWORD, '10.0.0.1');
    assert.equal(reply.statusCode, 200, reply.body);
    const header = String(reply.headers['set-cookie']);
    assert.match(header, /^fk_session=[\w-]{40,};/);
    assert.match(header, /; HttpOnly/);
    assert.match(header, /; SameSite=Strict/);
    assert.match(header, /; Path=\//);
    assert.match(header, /; Expires=/);
    const token = reply.cookies.find((c) => c.name === 'fk_session')?.value ?? '';
    assert.ok(!reply.body.includes(token), 'the token is not in the body where scripts could read it');
    const stored = JSON.stringify(await rows(sql`select * from session`));
    assert.ok(!stored.includes(token), 'the session table holds a hash, not the token');
  });

  it('refuses an unsafe request whose CSRF header is missing or wrong, writing nothing', async () => {
    const own = await session('csrf-user', '10.0.0.2');
    const other = await session('cookie-user', '10.0.0.2');
    const person = { idType: 'resident_id', idNumber: residentId('19900101', 777), name: '钱多多', jurisdictionId: villageId };
    for (const csrf of [undefined, 'not-the-token', other.csrfToken]) {
      const reply = await runtime.app.inject({
        method: 'POST',
        url: '/api/persons',
        payload: person,
        headers: { cookie: own.cookie, ...(csrf === undefined ? {} : { 'x-csrf-token': csrf }) },
      });
      assert.equal(reply.statusCode, 403, `x-csrf-token ${csrf}: ${reply.body}`);
      assert.deepEqual(
        { ...(reply.json() as ErrorBody), message: undefined },
        {
          code: 'csrf',
          field: 'x-csrf-token',
          message: undefined,
          requestId: reply.headers['x-request-id'],
        },
      );
    }
    assert.equal(await count(sql`select count(*)::int as n from person`), 0);
    const safe = await runtime.app.inject({ method: 'GET', url: '/api/persons', headers: { cookie: own.cookie } });
    assert.equal(safe.statusCode, 200, 'reads need no CSRF header');
    const accepted = await runtime.app.inject({
      method: 'POST',
      url: '/api/persons',
      payload: person,
      headers: { cookie: own.cookie, 'x-csrf-token': own.csrfToken },
    });
    assert.equal(accepted.statusCode, 201, accepted.body);
  });

  it(`locks an account after ${MAX_FAILURES} wrong passwords (423, with the minutes to wait) and opens it when the time is up`, async () => {
    const ip = '10.0.0.3';
    for (let i = 0; i < MAX_FAILURES; i++) {
      const wrong = await login('lock-user', 'wrong-password-1', ip);
      assert.equal(wrong.statusCode, 401);
      assert.equal((wrong.json() as ErrorBody).code, 'badCredentials');
    }
    const locked = await login('lock-user', TEST_PASSWORD, ip);
    assert.equal(locked.statusCode, 423, 'even the right password is refused while locked');
    assert.deepEqual(
      [(locked.json() as ErrorBody).code, (locked.json() as ErrorBody).field, (locked.json() as ErrorBody).message],
      ['accountLocked', 'username', '账号已锁定，请 15 分钟后重试'],
    );
    const english = await login('lock-user', TEST_PASSWORD, ip, { 'accept-language': 'en-GB,en;q=0.9' });
    assert.equal((english.json() as ErrorBody).message, 'Account locked: try again in 15 minutes');
    const realClock = runtime.deps.clock;
    runtime.deps.clock = () => new Date(realClock().getTime() + 16 * 60_000);
    try {
      assert.equal((await login('lock-user', TEST_PASSWORD, ip)).statusCode, 200);
    } finally {
      runtime.deps.clock = realClock;
    }
    const refusals = await count(
      sql`select count(*)::int as n from audit_event where action = 'auth.loginRefused' and reason = 'accountLocked'`,
    );
    assert.ok(refusals >= 2, 'the lock and the refused attempts are audited');
  });

  it('throttles sign-in attempts per address: the 21st within a minute gets 429 with Retry-After', async () => {
    const ip = '10.0.0.4';
    for (let i = 0; i < 20; i++) assert.equal((await login('nobody-here', 'guess-password-1', ip)).statusCode, 401);
    const throttled = await login('throttle-user', TEST_PASSWORD, ip);
    assert.equal(throttled.statusCode, 429, 'refused before the password is even checked');
    assert.equal((throttled.json() as ErrorBody).code, 'tooManyRequests');
    const retryAfter = Number(throttled.headers['retry-after']);
    assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60, `Retry-After: ${throttled.headers['retry-after']}`);
    assert.equal((await login('throttle-user', TEST_PASSWORD, '10.0.0.5')).statusCode, 200, 'another address is not affected');
  });

  it('ends the session on logout: the old cookie no longer works', async () => {
    const { cookie, csrfToken } = await session('logout-user', '10.0.0.6');
    const me = (headers: Record<string, string>) => runtime.app.inject({ method: 'GET', url: '/api/auth/me', headers });
    assert.equal((await me({ cookie })).statusCode, 200);
    const refused = await runtime.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    assert.equal(refused.statusCode, 403, 'logout is a write: it needs the CSRF header too');
    const out = await runtime.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie, 'x-csrf-token': csrfToken } });
    assert.equal(out.statusCode, 204, out.body);
    assert.match(String(out.headers['set-cookie']), /^fk_session=;.*Expires=Thu, 01 Jan 1970/);
    const after = await me({ cookie });
    assert.equal(after.statusCode, 401);
    assert.equal((after.json() as ErrorBody).code, 'unauthenticated');
    assert.equal(
      await count(sql`select count(*)::int as n from session s join app_user u on u.id = s.user_id where u.username = 'logout-user'`),
      0,
    );
  });

  it('refuses a disabled account, and a disabled account’s open session stops working', async () => {
    const { cookie } = await session('leaver', '10.0.0.7');
    const [user] = await rows<{ id: string }>(sql`select id from app_user where username = 'leaver'`);
    const disabled = await admin.request('PATCH', `/api/users/${user?.id}`, { disabled: true, reason: '调离岗位' });
    assert.equal(disabled.statusCode, 204, disabled.body);
    assert.equal((await runtime.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode, 401);
    const refused = await login('leaver', TEST_PASSWORD, '10.0.0.7');
    assert.equal(refused.statusCode, 403);
    assert.deepEqual([(refused.json() as ErrorBody).code, (refused.json() as ErrorBody).field], ['accountDisabled', 'username']);
    assert.equal(await count(sql`select count(*)::int as n from audit_event where reason = 'accountDisabled'`), 1);
    assert.equal((await admin.request('PATCH', `/api/users/${user?.id}`, { disabled: false, reason: '返岗' })).statusCode, 204);
    assert.equal((await login('leaver', TEST_PASSWORD, '10.0.0.7')).statusCode, 200);
  });

  it('stores passwords as salted argon2id hashes (19 MiB, 2 passes)', async () => {
    const hashes = await rows<{ password_hash: string }>(
      sql`select password_hash from app_user where username in ('hash-user', 'hash-user-2') order by username`,
    );
    assert.equal(hashes.length, 2);
    for (const { password_hash } of hashes) {
      assert.match(password_hash, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      assert.ok(!password_hash.includes(TEST_PASSWORD));
    }
    assert.notEqual(hashes[0]?.password_hash, hashes[1]?.password_hash, 'the same password hashes differently (salt)');
  });

  it('changes my password only with the current one and a strong new one', async () => {
    const { cookie, csrfToken } = await session('mover', '10.0.0.8');
    const change = (currentPassword: string, newPassword: string) =>
      runtime.app.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers: { cookie, 'x-csrf-token': csrfToken },
        payload: { currentPassword, newPassword },
      });
    const wrongCurrent = await change('not-my-password-1', 'brand-new-pass-2026');
    assert.deepEqual([wrongCurrent.statusCode, (wrongCurrent.json() as ErrorBody).field], [400, 'currentPassword']);
    const weak = await change(TEST_PASSWORD, 'short1');
    assert.deepEqual(
      [weak.statusCode, (weak.json() as ErrorBody).code, (weak.json() as ErrorBody).field],
      [400, 'weakPassword', 'newPassword'],
    );
    assert.equal((await change(TEST_PASSWORD, 'brand-new-pass-2026')).statusCode, 204);
    assert.equal((await login('mover', TEST_PASSWORD, '10.0.0.8')).statusCode, 401);
    assert.equal((await login('mover', 'brand-new-pass-2026', '10.0.0.8')).statusCode, 200);
  });
});
