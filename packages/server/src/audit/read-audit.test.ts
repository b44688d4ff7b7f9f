import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../db/query-rows.ts';
import { addTwoTowns, addUser, loginAs, residentId, type TestClient } from '../testing/factories.ts';
import { createTestRuntime, type TestRuntime } from '../testing/test-runtime.ts';

// Issue 12 defect 8 (ASVS V7.2): staff reads of a person's results, colour history and management timeline are audited
describe('staff reads of sensitive records are audited (issue 12 defect 8)', () => {
  let runtime: TestRuntime;
  let cdc: TestClient;
  let personId: string;

  before(async () => {
    runtime = await createTestRuntime();
    const { townA, villageA } = await addTwoTowns(runtime.deps);
    await addUser(runtime.deps, 'grid-r', 'grid_worker', villageA.id);
    await addUser(runtime.deps, 'cdc-r', 'cdc_epidemiologist', townA.id);
    const grid = await loginAs(runtime.app, 'grid-r');
    cdc = await loginAs(runtime.app, 'cdc-r');
    const reply = await grid.request('POST', '/api/persons', {
      idType: 'resident_id',
      idNumber: residentId('19800101', 941),
      name: '审计甲',
      jurisdictionId: villageA.id,
    });
    assert.equal(reply.statusCode, 201, reply.body);
    personId = (reply.json() as { id: string }).id;
  });
  after(() => runtime.close());

  it('each read leaves who, what and whose record in the audit log', async () => {
    const reads: [string, string][] = [
      [`/api/testing/persons/${personId}/results`, 'testing.results.view'],
      [`/api/persons/${personId}/code/history`, 'code.history.view'],
      [`/api/key-persons/persons/${personId}/timeline`, 'keyPerson.timeline.view'],
    ];
    for (const [url, action] of reads) {
      const reply = await cdc.request('GET', url);
      assert.equal(reply.statusCode, 200, `${url}: ${reply.body}`);
      const rows = await queryRows<{ actor_name: string; entity_id: string }>(
        runtime.deps.database.db,
        sql`select actor_name, entity_id from audit_event where action = ${action}`,
      );
      assert.deepEqual(rows, [{ actor_name: 'cdc-r', entity_id: personId }], action);
    }
  });
});
