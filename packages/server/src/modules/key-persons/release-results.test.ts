import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { findUserByUsername } from '../../auth/auth.repository.ts';
import { addUser, loginAs, type TestClient } from '../../testing/factories.ts';
import { createTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';
import { addResidents, at, expectStatus, type TestingWorld, testingWorld } from '../testing/testing.test-support.ts';

const LAB = '甲社区卫生服务中心';

interface ReleaseState {
  decision: string;
  missing: string[];
  because: { rule: string; clause: string }[];
}

/**
 * Issue 18 item 1 (safety): a close contact whose pool came back positive may not be released while her
 * single-tube retest is pending, as the health code already says; after a negative retest she may.
 * KP-D04 (release conditions), TEST-006 (pooled testing and follow-up), SC-11 (a positive never leaves the code green).
 */
describe('release blocked by a positive pool awaiting its single-tube retest', () => {
  let runtime: TestRuntime;
  let w: TestingWorld;
  let medic: TestClient;
  let episodeId: string;
  let contact: string;
  let releaseDay: string;

  const release = () => expectStatus<ReleaseState>(w.grid, 200, 'GET', `/api/key-persons/episodes/${episodeId}/release`);
  const colour = async () => (await expectStatus<{ colour: string }>(w.grid, 200, 'GET', `/api/persons/${contact}/code`)).colour;

  before(async () => {
    runtime = await createTestRuntime({ FANGKONG_LOGIN_RATE: '1000' });
    w = await testingWorld(runtime, at('10:00', '2022-06-27'));
    await addUser(runtime.deps, 'medic-a', 'assigned_medic', w.villageA.id);
    medic = await loginAs(runtime.app, 'medic-a');
    const db = runtime.deps.database.db;
    const [cadreId, medicId] = await Promise.all(['grid-a', 'medic-a'].map(async (u) => (await findUserByUsername(db, u))?.id));
    const people = await addResidents(runtime.deps, w.villageA, 10);
    contact = people[0] ?? '';
    const episode = await expectStatus<{ id: string; plannedReleaseDate: string }>(w.grid, 201, 'POST', '/api/key-persons/episodes', {
      personId: contact,
      category: 'close_contact',
      startDate: '2022-06-27',
      assignedCadreId: cadreId,
      assignedMedicId: medicId,
    });
    episodeId = episode.id;
    releaseDay = episode.plannedReleaseDate;
    runtime.deps.clock = () => at('07:00', releaseDay);
    runtime.deps.sessions.clear();
    w.grid = await loginAs(runtime.app, 'grid-a');
    w.office = await loginAs(runtime.app, 'office-a');
    w.lab = await loginAs(runtime.app, 'lab-county');
    medic = await loginAs(runtime.app, 'medic-a');
    const detail = await expectStatus<{ schedule: { id: string; kind: string; dueDate: string }[] }>(
      w.grid,
      200,
      'GET',
      `/api/key-persons/episodes/${episodeId}`,
    );
    for (const item of detail.schedule.filter((s) => s.kind === 'test' && s.dueDate < releaseDay)) {
      await expectStatus(medic, 200, 'PATCH', `/api/key-persons/schedule-items/${item.id}`, {
        sampledAt: at('08:00', item.dueDate).toISOString(),
        result: 'negative',
      });
    }
    for (const item of detail.schedule.filter((s) => s.kind === 'test' && s.dueDate >= releaseDay)) {
      await expectStatus(medic, 200, 'PATCH', `/api/key-persons/schedule-items/${item.id}`, {
        sampledAt: at('06:30', releaseDay).toISOString(),
        result: 'negative',
      });
    }
    const campaign = await expectStatus<{ id: string }>(w.office, 201, 'POST', '/api/testing/campaigns', {
      name: '甲社区全员',
      jurisdictionId: w.villageA.id,
      startsAt: at('07:00', releaseDay).toISOString(),
    });
    const point = await expectStatus<{ id: string }>(w.office, 201, 'POST', `/api/testing/campaigns/${campaign.id}/collection-points`, {
      name: '甲社区广场',
      jurisdictionId: w.villageA.id,
      opensAt: '07:00',
      closesAt: '19:00',
      staff: 2,
      expectedResidents: 10,
      labName: LAB,
    });
    runtime.deps.clock = () => at('08:00', releaseDay);
    for (const personId of people) {
      await expectStatus(w.grid, 201, 'POST', `/api/testing/collection-points/${point.id}/scans`, { barcode: 'P-000001', personId });
    }
    runtime.deps.clock = () => at('14:00', releaseDay);
    await expectStatus(w.lab, 200, 'POST', '/api/testing/lab-results', {
      labName: LAB,
      results: [{ barcode: 'P-000001', result: '阳性', testedAt: at('13:00', releaseDay).toISOString() }],
    });
  });
  after(() => runtime.close());

  it('release is blocked with the code’s clause while the pool is positive, and no signature is taken', async () => {
    assert.equal(await colour(), 'red');
    const state = await release();
    assert.equal(state.decision, 'blocked');
    assert.ok(state.missing.includes('result:positive'), state.missing.join());
    assert.ok(state.because.some((r) => r.rule === 'code.positiveResult.red'));
    const refused = await w.grid.request('POST', `/api/key-persons/episodes/${episodeId}/release/signatures`, { role: 'assigned_cadre' });
    assert.equal(refused.statusCode, 409, refused.body);
    const signed = await expectStatus<{ signatures: unknown[] }>(w.grid, 200, 'GET', `/api/key-persons/episodes/${episodeId}/release`);
    assert.equal(signed.signatures.length, 0);
  });

  it('with the single-tube retest sampled but not back, release is still blocked (pending)', async () => {
    await expectStatus(w.grid, 201, 'POST', '/api/testing/samples', { personId: contact, barcode: 'R-000001', purpose: 'retest' });
    const state = await release();
    assert.equal(state.decision, 'blocked');
    assert.ok(state.missing.includes('result:pending') && state.missing.includes('result:positive'), state.missing.join());
  });

  it('a negative single-tube retest clears the pool for her: only the signatures remain', async () => {
    runtime.deps.clock = () => at('18:00', releaseDay);
    await expectStatus(w.lab, 200, 'POST', '/api/testing/lab-results', {
      labName: LAB,
      results: [{ barcode: 'R-000001', result: '阴性', testedAt: at('17:00', releaseDay).toISOString() }],
    });
    const state = await release();
    assert.equal(state.decision, 'awaitingSignatures', state.missing.join());
    assert.notEqual(await colour(), 'green', 'still in quarantine until released');
  });
});
