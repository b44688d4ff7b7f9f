import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { InjectOptions } from 'fastify';
import { addHousehold, addTwoTowns, addUser, loginAs, type TestClient } from '../testing/factories.ts';
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
  let gridUserId: string;
  let householdB: string;

  before(async () => {
    runtime = await createTestRuntime();
    const { villageA, villageB } = await addTwoTowns(runtime.deps);
    gridUserId = (await addUser(runtime.deps, 'grid-a', 'grid_worker', villageA.id)).id;
    householdB = (await addHousehold(runtime.deps, villageB, 'B-1-101')).id;
    grid = await loginAs(runtime.app, 'grid-a');
  });
  /** An event as the fuzzer sent it, at a place that is not the caller's to name. */
  const event = (placeId: string): InjectOptions => ({
    method: 'POST',
    url: '/api/tracing/events',
    headers: grid.headers,
    payload: {
      name: '聚餐',
      kind: 'workplace',
      placeId,
      fromAt: '2020-02-20T00:00:00Z',
      toAt: '2020-03-01T10:00:00+08:00',
      participantIds: [],
    },
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
    {
      name: 'a page number of 1e308 (an offset no bigint holds)',
      request: () => ({ method: 'GET', url: '/api/persons?page=1e308', headers: grid.headers }),
      status: 400,
      code: 'invalidValue',
      field: 'page',
    },
    {
      name: "a page size of Infinity (passes Ajv's coerced maximum)",
      request: () => ({ method: 'GET', url: '/api/tracing/events?page=2&pageSize=Infinity', headers: grid.headers }),
      status: 400,
      code: 'invalidValue',
      field: 'pageSize',
    },
    {
      name: 'an event whose placeId is the id of something that is no place (a foreign-key violation)',
      request: () => event(gridUserId),
      status: 404,
      code: 'notFound',
      field: 'placeId',
    },
    {
      name: "an event at another jurisdiction's place",
      request: () => event(householdB),
      status: 404,
      code: 'notFound',
      field: 'placeId',
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
