import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/query-rows.ts';
import { addTwoTowns, approveLevel, expectOk, residentId, signInCommandStaff, type TestClient } from '../../testing/factories.ts';
import { createTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';

interface CaseDetail {
  episodeId: string;
  investigationDueAt: string;
  investigation: { completedAt: string | null } | null;
  routing: { level: string | null; patient: string; target: string; because: { clause: string }[] } | null;
}

/**
 * SC-19 (LVL-IV-03, LVL-IV-04; seed 002 §九(一)3–4): at level IV a suspected case is isolated for observation, referred
 * to the municipal designated admitting hospital, and its epidemiological investigation opens at once.
 */
describe('SC-19 a suspected case at level IV', () => {
  let runtime: TestRuntime;
  let office: TestClient;
  let commander: TestClient;
  let place: Awaited<ReturnType<typeof addTwoTowns>>;

  before(async () => {
    runtime = await createTestRuntime({ FANGKONG_LOGIN_RATE: '1000' });
    runtime.deps.clock = () => new Date('2020-11-20T10:00:00+08:00');
    place = await addTwoTowns(runtime.deps);
    ({ office, commander } = await signInCommandStaff(runtime.deps, runtime.app, place.county.id));
    await approveLevel(office, commander, place.county.id);
  });
  after(() => runtime.close());

  it('SC-19 LVL-IV-03 LVL-IV-04 KP-B02: isolation-observation episode, referral to the municipal designated hospital (§九(一)3), investigation open at once', async () => {
    const person = await expectOk(office, 'POST', '/api/persons', {
      idType: 'resident_id',
      idNumber: residentId('19800101', 419),
      name: '疑似甲',
      jurisdictionId: place.villageA.id,
    });
    const opened = await expectOk(office, 'POST', '/api/cases', { personId: person.id, classification: 'suspected', source: 'manual' });
    const detail = (await expectOk(office, 'GET', `/api/cases/${opened.id}`)) as unknown as CaseDetail;
    assert.deepEqual(
      [detail.routing?.level, detail.routing?.patient, detail.routing?.target, detail.routing?.because[0]?.clause],
      ['IV', 'suspected', 'municipal_designated_hospital', '§九(一)3'],
    );
    const [episode] = await queryRows<{ category: string; status: string; management_type: string }>(
      runtime.deps.database.db,
      sql`select category, status, management_type from key_person_episode where id = ${detail.episodeId}`,
    );
    assert.equal(episode?.category, 'suspected', 'the suspected person is managed from the moment the case opens');
    assert.notEqual(episode?.status, 'released');
    assert.match(episode?.management_type ?? '', /hospital|isolation/);
    assert.ok(detail.investigation, 'the investigation exists at once');
    assert.equal(detail.investigation?.completedAt, null);
    const due = Date.parse(detail.investigationDueAt) - Date.parse('2020-11-20T10:00:00+08:00');
    assert.ok(due > 0 && due <= 24 * 3_600_000, `investigation due within a day: ${detail.investigationDueAt}`);
  });
});
