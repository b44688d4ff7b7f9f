import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { findEdition, measuresForLevel, type ProtocolEdition } from '@fangkong/core';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/query-rows.ts';
import { addTwoTowns, addUser, completeAssessment, loginAs, residentId, type TestClient } from '../../testing/factories.ts';
import { createTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';

const at = (local: string) => new Date(`${local}:00+08:00`);
const SEED_2020 = findEdition('seed-2020') as ProtocolEdition;

const assessment = completeAssessment;

interface Change {
  id: string;
  status: string;
  chain: string[];
  nextConfirmation: string | null;
  level: string;
  override: { reason: string; unmet: string[] } | null;
}
interface Overview {
  level: string | null;
  phase: string;
  open: Change | null;
  history: Change[];
  suggestion: { level: string | null; outbreakType: string | null; because: { rule: string }[]; applied: boolean };
  termination: { eligible: boolean; unmet: string[]; proposeNow: boolean } | null;
  checklist: { id: string; level: string; group: { key: string } | null }[];
}

/**
 * Emergency response levels through the API (issue 13; LVL-001, LVL-002, LVL-003, LVL-010, LVL-015,
 * LVL-018; SC-27, SC-29, SC-31, SC-32): suggested from the case data with reasons and never applied,
 * proposed with the assessment, confirmed in chain order, approved by someone other than the proposer,
 * filed, and ended early only by the commander's audited override.
 */
describe('emergency response levels IV–I per jurisdiction (seed 002 via seed-2020)', () => {
  let runtime: TestRuntime;
  let office: TestClient;
  let commander: TestClient;
  let admin: TestClient;
  let otherTown: TestClient;
  let countyId: string;
  let townAId: string;
  let villageId: string;
  let seq = 700;

  const overview = async (client = office, id = countyId) => (await client.request('GET', `/api/response-levels/${id}`)).json() as Overview;
  const code = (reply: { json: () => unknown }) => (reply.json() as { code: string }).code;

  async function openCase(): Promise<string> {
    seq += 2;
    const person = await office.request('POST', '/api/persons', {
      idType: 'resident_id',
      idNumber: residentId('19750101', seq),
      name: `响应${seq}`,
      jurisdictionId: villageId,
    });
    const opened = await office.request('POST', '/api/cases', {
      personId: (person.json() as { id: string }).id,
      classification: 'confirmed',
      clinicalType: 'mild',
      source: 'manual',
    });
    assert.equal(opened.statusCode, 201, opened.body);
    return (opened.json() as { id: string }).id;
  }

  before(async () => {
    runtime = await createTestRuntime({ FANGKONG_LOGIN_RATE: '1000' });
    runtime.deps.clock = () => at('2020-11-20T10:00');
    const { county, townA, townB, villageA } = await addTwoTowns(runtime.deps);
    countyId = county.id;
    townAId = townA.id;
    villageId = villageA.id;
    await addUser(runtime.deps, 'office', 'command_office_staff', county.id);
    await addUser(runtime.deps, 'commander', 'district_commander', county.id);
    await addUser(runtime.deps, 'county-admin', 'system_admin', county.id);
    await addUser(runtime.deps, 'town-b', 'town_cadre', townB.id);
    office = await loginAs(runtime.app, 'office');
    commander = await loginAs(runtime.app, 'commander');
    admin = await loginAs(runtime.app, 'county-admin');
    otherTown = await loginAs(runtime.app, 'town-b');
    // Five confirmed cases in one village within the window, four infected by the first: a cluster (聚集性疫情).
    const first = await openCase();
    for (let i = 0; i < 4; i += 1) {
      const id = await openCase();
      await runtime.deps.database.db.execute(sql`update case_report set infector_case_id = ${first} where id = ${id}`);
    }
  });
  after(() => runtime.close());

  it('LVL-001 SC-27: the case data suggest level III (a cluster) with reasons; nothing is applied', async () => {
    const view = await overview();
    assert.equal(view.level, null);
    assert.equal(view.phase, 'none');
    assert.equal(view.suggestion.level, 'III');
    assert.equal(view.suggestion.outbreakType, 'cluster');
    assert.equal(view.suggestion.applied, false);
    assert.ok(view.suggestion.because.length > 0);
    assert.deepEqual(view.checklist, [], 'no level, no measures');
  });

  it('LVL-003: a proposal without a finding on every factor is refused with the field, nothing written', async () => {
    const partial = assessment();
    const [firstKey] = Object.keys(partial.factors);
    delete partial.factors[firstKey ?? ''];
    const refused = await office.request('POST', `/api/response-levels/${countyId}/proposals`, {
      to: 'III',
      basis: 'other_situations',
      reason: '聚集性疫情',
      assessment: partial,
    });
    assert.equal(refused.statusCode, 400, refused.body);
    assert.deepEqual(
      [code(refused), (refused.json() as { field: string }).field],
      ['assessmentFactorMissing', `assessment.factors.${firstKey}`],
    );
    const rows = await queryRows<{ n: number }>(runtime.deps.database.db, sql`select count(*)::int as n from response_level`);
    assert.equal(rows[0]?.n, 0);
  });

  it('LVL-002 SC-29: other situations at level III need district then city experts, strictly in order; approval waits for the chain', async () => {
    const proposed = await office.request('POST', `/api/response-levels/${countyId}/proposals`, {
      to: 'III',
      basis: 'other_situations',
      reason: '湖塘镇甲社区聚集性疫情',
      assessment: assessment(),
    });
    assert.equal(proposed.statusCode, 201, proposed.body);
    const change = proposed.json() as Change;
    assert.deepEqual(change.chain, ['district', 'city']);
    const second = await office.request('POST', `/api/response-levels/${countyId}/proposals`, {
      to: 'II',
      basis: 'other_situations',
      reason: '重复提议',
      assessment: assessment(),
    });
    assert.deepEqual([second.statusCode, code(second)], [409, 'changeInProgress']);
    const early = await commander.request('POST', `/api/response-level-changes/${change.id}/approve`, {});
    assert.deepEqual([early.statusCode, code(early)], [409, 'chainIncomplete']);
    const skipped = await office.request('POST', `/api/response-level-changes/${change.id}/confirmations`, {
      body: 'city',
      decision: 'confirmed',
      note: '市专家组意见',
    });
    assert.deepEqual([skipped.statusCode, code(skipped)], [400, 'chainSkipped']);
    for (const body of ['district', 'city']) {
      const confirmed = await office.request('POST', `/api/response-level-changes/${change.id}/confirmations`, {
        body,
        decision: 'confirmed',
        note: `${body} 专家组同意`,
      });
      assert.equal(confirmed.statusCode, 200, confirmed.body);
    }
    assert.equal((await overview()).open?.status, 'confirmed');
    assert.equal((await overview()).level, null, 'confirmed is not yet in force');
  });

  it('LVL-010 SC-27 LVL-018 SC-32: the commander approves (level III in force with IV’s measures too), the office files it', async () => {
    const open = (await overview()).open;
    assert.ok(open);
    const byOffice = await office.request('POST', `/api/response-level-changes/${open.id}/approve`, {});
    assert.equal(byOffice.statusCode, 403, 'only the commander approves');
    const approved = await commander.request('POST', `/api/response-level-changes/${open.id}/approve`, {});
    assert.equal(approved.statusCode, 200, approved.body);
    const view = await overview();
    assert.equal(view.level, 'III');
    assert.equal(view.checklist.length, measuresForLevel('III', SEED_2020).length);
    assert.ok(view.checklist.some((m) => m.level === 'IV') && view.checklist.some((m) => m.level === 'III'));
    assert.ok(
      view.checklist.every((m) => m.group !== null),
      'each measure has a district working group',
    );
    const filed = await office.request('POST', `/api/response-level-changes/${open.id}/file`, { reference: '武卫备〔2020〕12号' });
    assert.equal((filed.json() as Change).status, 'filed');
    const audit = await queryRows<{ action: string }>(
      runtime.deps.database.db,
      sql`select action from audit_event where entity_type = 'response_level' order by at, action`,
    );
    assert.deepEqual(
      audit.map((a) => a.action),
      ['response.propose', 'response.confirm', 'response.confirm', 'response.approve', 'response.file'],
    );
    const [row] = await queryRows<{ level: string }>(runtime.deps.database.db, sql`select level from response_level`);
    assert.equal(row?.level, 'III', 'response_level rows write the level as IV, III, II or I');
  });

  it('LVL-015 SC-31: ending before two incubation periods is refused unless the commander overrides with a reason, which is kept', async () => {
    const before = (await overview()).termination;
    assert.deepEqual(
      [before?.proposeNow, before?.unmet.includes('window')],
      [false, true],
      'the window runs: termination is not proposed yet',
    );
    const proposed = await office.request('POST', `/api/response-levels/${countyId}/proposals`, {
      to: null,
      basis: 'trigger',
      reason: '提请终止',
      assessment: assessment(['trendAnalysis', 'effectEvaluation', 'measuresReview', 'transmissionRisk']),
    });
    assert.equal(proposed.statusCode, 201, proposed.body);
    const change = proposed.json() as Change;
    assert.deepEqual(change.chain, ['district']);
    await office.request('POST', `/api/response-level-changes/${change.id}/confirmations`, {
      body: 'district',
      decision: 'confirmed',
      note: '同意',
    });
    const refused = await commander.request('POST', `/api/response-level-changes/${change.id}/approve`, { importRiskReduced: true });
    assert.deepEqual([refused.statusCode, code(refused)], [400, 'terminationCriteriaNotMet']);
    assert.equal((await overview()).level, 'III');
    const overridden = await commander.request('POST', `/api/response-level-changes/${change.id}/approve`, {
      importRiskReduced: true,
      overrideReason: '上级统一部署提前终止',
    });
    assert.equal(overridden.statusCode, 200, overridden.body);
    assert.equal((overridden.json() as Change).override?.reason, '上级统一部署提前终止');
    const view = await overview();
    assert.deepEqual([view.level, view.phase], [null, 'terminated']);
  });

  it('approval by the proposer is refused (403 approverIsProposer)', async () => {
    const proposed = await admin.request('POST', `/api/response-levels/${townAId}/proposals`, {
      to: 'IV',
      basis: 'trigger',
      reason: '镇级启动',
      assessment: assessment(),
    });
    const change = proposed.json() as Change;
    await admin.request('POST', `/api/response-level-changes/${change.id}/confirmations`, {
      body: 'district',
      decision: 'confirmed',
      note: '同意',
    });
    const self = await admin.request('POST', `/api/response-level-changes/${change.id}/approve`, {});
    assert.deepEqual([self.statusCode, code(self)], [403, 'approverIsProposer']);
  });

  it('another jurisdiction gets 404 for the level and its changes', async () => {
    assert.equal((await otherTown.request('GET', `/api/response-levels/${townAId}`)).statusCode, 404);
    const open = (await overview(office, townAId)).open;
    assert.ok(open);
    assert.equal(
      (await otherTown.request('POST', `/api/response-level-changes/${open.id}/reject`, { reason: '越界驳回' })).statusCode,
      404,
    );
  });
});
