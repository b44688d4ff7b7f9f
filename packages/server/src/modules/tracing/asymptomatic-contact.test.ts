import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { caseReport } from '../../db/schema/index.ts';
import { addHousehold, addTwoTowns, addUser, loginAs, residentId, type TestClient } from '../../testing/factories.ts';
import { createTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';

const at = (local: string) => new Date(`${local}:00+08:00`);

// REQUIREMENTS KP-D05; SC-07 (seed 003 item 21): the close contact of an asymptomatic infection gets a NAT order at once.
describe('contacts of an asymptomatic infection (SC-07)', () => {
  let runtime: TestRuntime;
  let cdc: TestClient;
  let caseId: string;
  let contactId: string;

  before(async () => {
    runtime = await createTestRuntime({ FANGKONG_LOGIN_RATE: '1000' });
    runtime.deps.clock = () => at('2020-03-05T10:00');
    const { county, townA, villageA } = await addTwoTowns(runtime.deps);
    const home = await addHousehold(runtime.deps, villageA, 'A-2-201');
    await addUser(runtime.deps, 'cdc-county', 'cdc_epidemiologist', county.id);
    await addUser(runtime.deps, 'cdc-a', 'cdc_epidemiologist', townA.id);
    const countyClient = await loginAs(runtime.app, 'cdc-county');
    const newPerson = async (seq: number) => {
      const reply = await countyClient.request('POST', '/api/persons', {
        idType: 'resident_id',
        idNumber: residentId('19850101', seq),
        name: `无症状${seq}`,
        jurisdictionId: villageA.id,
        householdId: home.id,
      });
      assert.equal(reply.statusCode, 201, reply.body);
      return (reply.json() as { id: string }).id;
    };
    const indexId = await newPerson(511);
    contactId = await newPerson(513);
    const rows = await runtime.deps.database.db
      .insert(caseReport)
      .values({
        caseNumber: '320412-2020-0007',
        personId: indexId,
        classification: 'asymptomatic',
        onsetDate: null,
        discoveredAt: at('2020-03-04T09:00'),
        reportDueAt: at('2020-03-04T11:00'),
        investigationDueAt: at('2020-03-05T09:00'),
        sealingDueAt: at('2020-03-05T09:00'),
        source: 'manual',
        editionId: 'seed-2020',
        jurisdictionId: villageA.id,
        jurisdictionPath: villageA.path,
      })
      .returning();
    caseId = rows[0]?.id ?? '';
    cdc = await loginAs(runtime.app, 'cdc-a');
  });
  after(() => runtime.close());

  it('SC-07: registering a close contact of an asymptomatic infection creates a nucleic acid test due on the first day', async () => {
    const reply = await cdc.request('POST', `/api/tracing/cases/${caseId}/contacts`, { personId: contactId });
    assert.equal(reply.statusCode, 201, reply.body);
    const decision = reply.json() as { episodeId: string; category: string };
    assert.equal(decision.category, 'close_contact');
    const episode = (await cdc.request('GET', `/api/key-persons/episodes/${decision.episodeId}`)).json() as {
      startDate: string;
      schedule: { kind: string; testKind: string | null; dueDate: string; status: string }[];
    };
    const tests = episode.schedule.filter((s) => s.testKind === 'nucleic_acid');
    assert.ok(tests.length >= 1, 'a NAT is scheduled');
    assert.equal(tests[0]?.dueDate, episode.startDate, 'the first NAT is due on the day the contact is registered');
    assert.equal(episode.startDate, '2020-03-05');
  });
});
