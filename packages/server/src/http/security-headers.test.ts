import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../db/query-rows.ts';
import { addTwoTowns, addUser, loginAs, TEST_PASSWORD } from '../testing/factories.ts';
import { createTestRuntime, type TestRuntime } from '../testing/test-runtime.ts';

// Issue 12 defect 8 (OWASP ASVS V14.4, V7.1): security headers on every answer; a client's request id is
// kept only when it is a plain token, so nothing else reaches the logs and the audit table.
describe('security headers and request ids (issue 12 defect 8)', () => {
  let runtime: TestRuntime;
  before(async () => {
    runtime = await createTestRuntime();
  });
  after(() => runtime.close());

  it('CSP without inline scripts, no framing, HSTS and nosniff on API and pages', async () => {
    for (const url of ['/health', '/api/codes/keys', '/api/no-such-route']) {
      const reply = await runtime.app.inject({ method: 'GET', url });
      const csp = String(reply.headers['content-security-policy']);
      assert.match(csp, /default-src 'self'/, url);
      assert.match(csp, /script-src 'self'(;|$)/, `${url}: no inline or remote scripts`);
      assert.match(csp, /frame-ancestors 'none'/, url);
      assert.equal(reply.headers['x-frame-options'], 'DENY', url);
      assert.match(String(reply.headers['strict-transport-security']), /max-age=31536000/, url);
      assert.equal(reply.headers['x-content-type-options'], 'nosniff', url);
    }
  });

  it('a plain request id is echoed and audited; anything else is replaced by a fresh one', async () => {
    const { townA } = await addTwoTowns(runtime.deps);
    await addUser(runtime.deps, 'rid-user', 'grid_worker', townA.id);
    const kept = await runtime.app.inject({ method: 'GET', url: '/health', headers: { 'x-request-id': 'gateway-0001:abc' } });
    assert.equal(kept.headers['x-request-id'], 'gateway-0001:abc');
    const hostile = `'); drop table audit_event; --${'x'.repeat(300)}`;
    for (const header of [hostile, '<script>', 'short', '名字名字名字名字名字']) {
      const reply = await runtime.app.inject({ method: 'GET', url: '/health', headers: { 'x-request-id': header } });
      assert.match(String(reply.headers['x-request-id']), /^[0-9a-f-]{36}$/, header);
    }
    const client = await loginAs(runtime.app, 'rid-user');
    const login = await runtime.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { ...client.headers, 'x-request-id': hostile },
    });
    assert.equal(login.statusCode, 204);
    const rows = await queryRows<{ request_id: string }>(
      runtime.deps.database.db,
      sql`select request_id from audit_event where action = 'auth.logout'`,
    );
    assert.ok(rows.length > 0);
    for (const r of rows) assert.match(r.request_id, /^[0-9a-f-]{36}$/);
  });

  it('behind a TLS proxy (an https public address) the session cookie is Secure, HttpOnly and SameSite=Strict', async () => {
    const tls = await createTestRuntime({ FANGKONG_PUBLIC_URL: 'https://fk.wujin.gov.cn' });
    try {
      const { townA } = await addTwoTowns(tls.deps);
      await addUser(tls.deps, 'tls-user', 'grid_worker', townA.id);
      const reply = await tls.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'tls-user', password: TEST_PASSWORD },
      });
      assert.equal(reply.statusCode, 200, reply.body);
      const cookie = String(reply.headers['set-cookie']);
      assert.match(cookie, /; Secure/);
      assert.match(cookie, /; HttpOnly/);
      assert.match(cookie, /; SameSite=Strict/);
    } finally {
      await tls.close();
    }
  });
});
