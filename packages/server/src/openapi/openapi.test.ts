import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { createTestRuntime, type TestRuntime } from '../testing/test-runtime.ts';
import { formatOpenApi, generateOpenApi, OPENAPI_FILE } from './write-openapi.ts';

describe('OpenAPI document', () => {
  let runtime: TestRuntime;
  before(async () => {
    runtime = await createTestRuntime();
  });
  after(() => runtime.close());

  it('the committed openapi.json is what the routes generate (run `npm run gen:api` after changing a route)', async () => {
    const committed = readFileSync(OPENAPI_FILE, 'utf8');
    assert.equal(committed, formatOpenApi(await generateOpenApi()), 'packages/server/openapi.json is stale: run npm run gen:api');
  });

  it('GET /api/docs/json answers an OpenAPI 3 document with every API route', async () => {
    const reply = await runtime.app.inject({ method: 'GET', url: '/api/docs/json' });
    assert.equal(reply.statusCode, 200);
    const document = reply.json() as { openapi: string; paths: Record<string, Record<string, unknown>> };
    assert.match(document.openapi, /^3\./);
    assert.ok(runtime.app.registeredRoutes.length > 10, 'routes were registered');
    for (const route of runtime.app.registeredRoutes) {
      const openApiPath = route.url.replace(/:(\w+)/g, '{$1}');
      assert.ok(document.paths[openApiPath]?.[route.method.toLowerCase()], `${route.method} ${route.url} is documented`);
    }
  });
});
