import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { InjectOptions } from 'fastify';
import { addTwoTowns, addUser, loginAs, type TestClient } from '../testing/factories.ts';
import { createTestRuntime, type TestRuntime } from '../testing/test-runtime.ts';

/**
 * Inputs the route fuzzer (issue 12, `route-fuzz.test.ts`) found answering 5xx, kept as plain cases:
 * each failed before its fix and must stay a 4xx naming the field.
 */

interface Finding {
  name: string;
  request: () => InjectOptions;
  status: number;
  code: string;
  field: string;
}

describe('inputs found by the route fuzzer are refused with the field at fault', () => {
  let runtime: TestRuntime;
  let grid: TestClient;

  before(async () => {
    runtime = await createTestRuntime();
    const { villageA } = await addTwoTowns(runtime.deps);
    await addUser(runtime.deps, 'grid-a', 'grid_worker', villageA.id);
    grid = await loginAs(runtime.app, 'grid-a');
  });
  after(() => runtime.close());

  const findings: Finding[] = [
    {
      name: 'a NUL in the sign-in username (PostgreSQL text cannot hold U+0000)',
      request: () => ({ method: 'POST', url: '/api/auth/login', payload: { username: 'a\u0000b', password: 'l/(2#+64' } }),
      status: 400,
      code: 'invalidValue',
      field: 'username',
    },
    {
      name: 'a NUL in a search query string',
      request: () => ({ method: 'GET', url: '/api/persons?q=%00', headers: grid.headers }),
      status: 400,
      code: 'invalidValue',
      field: 'q',
    },
  ];

  for (const finding of findings) {
    it(finding.name, async () => {
      const reply = await runtime.app.inject(finding.request());
      assert.equal(reply.statusCode, finding.status, reply.body);
      const body = reply.json() as { code: string; field?: string; message: string };
      assert.equal(body.code, finding.code);
      assert.equal(body.field, finding.field);
      assert.ok(body.message.length > 0);
    });
  }
});
