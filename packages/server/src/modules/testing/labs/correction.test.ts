import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../../db/query-rows.ts';
import { addUser, loginAs, type TestClient } from '../../../testing/factories.ts';
import { createTestRuntime, type TestRuntime } from '../../../testing/test-runtime.ts';
import { addResidents, at, expectStatus, type TestingWorld, testingWorld } from '../testing.test-support.ts';

const LAB = '武进区疾控中心';

interface Correction {
  id: string;
  status: string;
  previousResult: string;
  newResult: string;
  followUp: Record<string, unknown> | null;
}

interface Task {
  kind: string;
  status: string;
  person_id: string;
  details: Record<string, unknown>;
}

describe('lab result corrections: requested by one user, approved by another, follow-up rerun', () => {
  let runtime: TestRuntime;
  let w: TestingWorld;
  let admin: TestClient;
  let labB: TestClient;
  const members: Record<string, string[]> = {};

  const db = () => runtime.deps.database.db;
  const tasksOf = (barcode: string) =>
    queryRows<Task>(
      db(),
      sql`select kind, status, person_id, details from task where details->>'barcode' = ${barcode} order by kind, person_id`,
    );
  const alertsOf = (barcode: string) =>
    queryRows<{ kind: string; episode_id: string | null; details: Record<string, unknown>; jurisdiction_path: string }>(
      db(),
      sql`select kind, episode_id, details, jurisdiction_path from alert where details->>'barcode' = ${barcode} order by created_at, kind`,
    );
  const resultOf = async (barcode: string) =>
    (
      await queryRows<{ result: string; correction_id: string | null }>(
        db(),
        sql`select result, correction_id from lab_result where barcode = ${barcode}`,
      )
    )[0];
  const colourOf = async (personId: string) =>
    (await expectStatus<{ colour: string }>(w.office, 200, 'GET', `/api/persons/${personId}/code`)).colour;
  const request = (client: TestClient, barcode: string, result: string, reason = '实验室复核：样本标签贴错') =>
    expectStatus<Correction>(client, 201, 'POST', '/api/testing/lab-result-corrections', {
      barcode,
      result,
      reason,
      labReference: '武疾控检〔2022〕118号',
    });
  const approve = (client: TestClient, id: string) =>
    expectStatus(client, 200, 'POST', `/api/testing/lab-result-corrections/${id}/approve`, {});

  async function report(results: { barcode: string; result: string }[]) {
    await expectStatus(w.lab, 200, 'POST', '/api/testing/lab-results', { labName: LAB, results });
  }

  before(async () => {
    runtime = await createTestRuntime({ FANGKONG_LOGIN_RATE: '1000' });
    w = await testingWorld(runtime);
    await addUser(runtime.deps, 'admin-a', 'system_admin', w.townA.id);
    await addUser(runtime.deps, 'lab-b', 'lab_staff', w.townB.id);
    [admin, labB] = (await Promise.all(['admin-a', 'lab-b'].map((u) => loginAs(runtime.app, u)))) as [TestClient, TestClient];
    const people = await addResidents(runtime.deps, w.villageA, 12);
    const campaign = await expectStatus<{ id: string }>(w.office, 201, 'POST', '/api/testing/campaigns', {
      name: '甲社区',
      jurisdictionId: w.villageA.id,
      startsAt: at('07:00').toISOString(),
    });
    const point = await expectStatus<{ id: string }>(w.office, 201, 'POST', `/api/testing/campaigns/${campaign.id}/collection-points`, {
      name: '甲社区广场',
      jurisdictionId: w.villageA.id,
      opensAt: '07:00',
      closesAt: '19:00',
      staff: 2,
      expectedResidents: 12,
      labName: LAB,
    });
    const pools: [string, string[]][] = [
      ['C-000001', people.slice(0, 5)],
      ['C-000002', people.slice(5, 10)],
    ];
    for (const [barcode, persons] of pools) {
      members[barcode] = persons;
      for (const personId of persons) {
        await expectStatus(w.grid, 201, 'POST', `/api/testing/collection-points/${point.id}/scans`, { barcode, personId });
      }
      await expectStatus(w.grid, 200, 'POST', '/api/testing/tubes/close', { barcode });
    }
    for (const [barcode, personId] of [
      ['S-000001', people[10]],
      ['S-000002', people[11]],
    ] as const) {
      members[barcode] = [personId ?? ''];
      await expectStatus(w.grid, 201, 'POST', '/api/testing/samples', { personId, barcode, purpose: 'voluntary', labName: LAB });
    }
    runtime.deps.clock = () => at('16:00');
    await report([
      { barcode: 'C-000001', result: 'negative' },
      { barcode: 'C-000002', result: 'positive' },
      { barcode: 'S-000001', result: 'positive' },
      { barcode: 'S-000002', result: 'negative' },
    ]);
  });
  after(() => runtime.close());

  it('a negative pool corrected to positive fans out as an imported positive would, every row naming the correction', async () => {
    const member = members['C-000001']?.[0] ?? '';
    assert.equal(await colourOf(member), 'green');
    const asked = await request(w.lab, 'C-000001', 'positive');
    assert.deepEqual([asked.status, asked.previousResult, asked.newResult], ['pending', 'negative', 'positive']);
    assert.equal((await resultOf('C-000001'))?.result, 'negative', 'nothing changes until a second user approves');
    await approve(w.office, asked.id);
    assert.deepEqual(await resultOf('C-000001'), { result: 'positive', correction_id: asked.id });
    const tasks = await tasksOf('C-000001');
    assert.deepEqual([tasks.filter((t) => t.kind === 'control').length, tasks.filter((t) => t.kind === 'retest').length], [5, 5]);
    assert.deepEqual(new Set(tasks.map((t) => t.person_id)), new Set(members['C-000001']));
    assert.ok(tasks.every((t) => t.status === 'open' && t.details.correctionId === asked.id));
    const alerts = await alertsOf('C-000001');
    assert.deepEqual(
      alerts.map((a) => [a.kind, a.jurisdiction_path, a.details.correctionId]),
      [['positive_pool', w.villageA.path, asked.id]],
    );
    assert.equal(await colourOf(member), 'red', 'the colour follows the corrected result');
  });

  it('a positive pool corrected to negative closes its open tasks with the correction, and tells the community', async () => {
    const member = members['C-000002']?.[0] ?? '';
    assert.equal(await colourOf(member), 'red');
    const asked = await request(w.lab, 'C-000002', 'negative', '实验室对同一样本复检为阴性');
    await approve(w.office, asked.id);
    const tasks = await tasksOf('C-000002');
    assert.equal(tasks.length, 10);
    assert.ok(
      tasks.every((t) => t.status === 'closed' && t.details.closedReason === 'resultCorrected' && t.details.correctionId === asked.id),
    );
    const alerts = await alertsOf('C-000002');
    assert.deepEqual(
      alerts.map((a) => [a.kind, a.details.correctionId ?? null, a.details.to ?? null]),
      [
        ['positive_pool', null, null],
        ['result_corrected', asked.id, 'negative'],
      ],
    );
    assert.equal(await colourOf(member), 'green');
    const [stored] = await queryRows<{ follow_up: { closedTasks: number; actions: string[]; colourChanges: number } }>(
      db(),
      sql`select follow_up from lab_result_correction where id = ${asked.id}`,
    );
    assert.deepEqual(
      [stored?.follow_up.closedTasks, stored?.follow_up.actions, stored?.follow_up.colourChanges],
      [10, ['closeTasks', 'correctionAlert'], 5],
    );
  });

  it('a positive single tube corrected to negative alerts on the episode it opened, which a person ends (not the correction)', async () => {
    const person = members['S-000001']?.[0] ?? '';
    const [episode] = await queryRows<{ id: string }>(db(), sql`select id from key_person_episode where person_id = ${person}`);
    assert.ok(episode, 'the positive single tube handed the person over');
    const asked = await request(w.lab, 'S-000001', 'negative');
    await approve(w.office, asked.id);
    assert.deepEqual(
      (await tasksOf('S-000001')).map((t) => [t.kind, t.status]),
      [['case_candidate', 'closed']],
    );
    const basis = (await alertsOf('S-000001')).filter((a) => a.kind === 'episode_basis_changed');
    assert.deepEqual(
      basis.map((a) => [a.episode_id, a.details.correctionId]),
      [[episode.id, asked.id]],
    );
    const [still] = await queryRows<{ status: string }>(db(), sql`select status from key_person_episode where id = ${episode.id}`);
    assert.equal(still?.status, 'active');
    assert.equal(await colourOf(person), 'red', 'a suspected case stays red until a person ends the episode');
  });

  it('a negative single tube corrected to positive is handed to key-person management, traceable to the correction', async () => {
    const person = members['S-000002']?.[0] ?? '';
    const asked = await request(w.lab, 'S-000002', 'positive');
    await approve(w.office, asked.id);
    assert.deepEqual(
      (await tasksOf('S-000002')).map((t) => [t.kind, t.details.correctionId]),
      [['case_candidate', asked.id]],
    );
    const episodes = await queryRows<{ id: string; category: string }>(
      db(),
      sql`select id, category from key_person_episode where person_id = ${person} and status = 'active'`,
    );
    assert.deepEqual(
      episodes.map((e) => e.category),
      ['suspected'],
    );
    const [stored] = await queryRows<{ follow_up: { episodeIds: string[]; keyPersons: number } }>(
      db(),
      sql`select follow_up from lab_result_correction where id = ${asked.id}`,
    );
    assert.deepEqual([stored?.follow_up.keyPersons, stored?.follow_up.episodeIds], [1, [episodes[0]?.id]]);
  });

  it('nobody approves their own request (403 naming the field); a second pending one for the tube is refused', async () => {
    const asked = await request(admin, 'C-000001', 'indeterminate', '报告录入错误');
    const own = await admin.request('POST', `/api/testing/lab-result-corrections/${asked.id}/approve`, {});
    assert.deepEqual(
      [own.statusCode, (own.json() as { code: string; field: string }).code, (own.json() as { field: string }).field],
      [403, 'ownCorrection', 'id'],
    );
    const twice = await w.lab.request('POST', '/api/testing/lab-result-corrections', {
      barcode: 'C-000001',
      result: 'negative',
      reason: '再次更正',
    });
    assert.deepEqual([twice.statusCode, (twice.json() as { code: string }).code], [409, 'correctionPending']);
    const queue = await expectStatus<{ items: Correction[] }>(w.office, 200, 'GET', '/api/testing/lab-result-corrections');
    assert.deepEqual(
      queue.items.map((c) => c.id),
      [asked.id],
    );
  });

  it('a rejection needs a reason and keeps the result', async () => {
    const [pending] = (await expectStatus<{ items: Correction[] }>(w.office, 200, 'GET', '/api/testing/lab-result-corrections')).items;
    assert.ok(pending);
    const bare = await w.office.request('POST', `/api/testing/lab-result-corrections/${pending.id}/reject`, {});
    assert.equal(bare.statusCode, 400);
    await expectStatus(w.office, 200, 'POST', `/api/testing/lab-result-corrections/${pending.id}/reject`, { reason: '无实验室更正报告' });
    assert.equal((await resultOf('C-000001'))?.result, 'positive');
    const again = await w.office.request('POST', `/api/testing/lab-result-corrections/${pending.id}/approve`, {});
    assert.deepEqual([again.statusCode, (again.json() as { code: string }).code], [409, 'correctionDecided']);
  });

  it("the tube's history: every correction, newest first, with its decision", async () => {
    const found = await expectStatus<{ result: string; correctedAt: string | null; corrections: Correction[] }>(
      w.lab,
      200,
      'GET',
      '/api/testing/lab-results/lookup?barcode=C-000001',
    );
    assert.equal(found.result, 'positive');
    assert.ok(found.correctedAt);
    assert.deepEqual(
      found.corrections.map((c) => [c.newResult, c.status]),
      [
        ['indeterminate', 'rejected'],
        ['positive', 'approved'],
      ],
    );
  });

  it('another jurisdiction finds neither the tube nor the correction', async () => {
    const asked = await request(w.lab, 'C-000002', 'positive', '标签核对有误');
    const byLab = await labB.request('POST', '/api/testing/lab-result-corrections', {
      barcode: 'C-000002',
      result: 'indeterminate',
      reason: '越界',
    });
    assert.deepEqual([byLab.statusCode, (byLab.json() as { field: string }).field], [404, 'barcode']);
    assert.equal((await labB.request('GET', '/api/testing/lab-results/lookup?barcode=C-000002')).statusCode, 404);
    assert.equal((await w.otherTown.request('POST', `/api/testing/lab-result-corrections/${asked.id}/approve`, {})).statusCode, 404);
    const theirs = await expectStatus<{ items: Correction[] }>(w.otherTown, 200, 'GET', '/api/testing/lab-result-corrections');
    assert.deepEqual(theirs.items, []);
    assert.equal((await w.grid.request('GET', '/api/testing/lab-result-corrections')).statusCode, 403, 'neither requester nor approver');
  });

  it('every step is audited, and the follow-up it set off shares the approval’s request', async () => {
    const events = await queryRows<{ action: string; entity_id: string | null; request_id: string; reason: string | null }>(
      db(),
      sql`select action, entity_id, request_id, reason from audit_event where action like 'testing.%Correction' or action = 'testing.followUp'
          order by id`,
    );
    const actions = events.map((e) => e.action);
    assert.equal(actions.filter((a) => a === 'testing.requestResultCorrection').length, 6);
    assert.equal(actions.filter((a) => a === 'testing.approveResultCorrection').length, 4);
    assert.equal(actions.filter((a) => a === 'testing.rejectResultCorrection').length, 1);
    const approval = events.find((e) => e.action === 'testing.approveResultCorrection');
    const followUp = events.filter((e) => e.action === 'testing.followUp' && e.request_id === approval?.request_id);
    assert.equal(followUp.length, 1, 'the fan-out of the first approval ran in the same request');
    assert.equal(events.find((e) => e.action === 'testing.requestResultCorrection')?.reason, '实验室复核：样本标签贴错');
  });

  it('an import giving another result for a resulted tube says a change goes through a correction', async () => {
    const answer = await expectStatus<{ errors: { code: string; message: string }[] }>(w.lab, 200, 'POST', '/api/testing/lab-results', {
      labName: LAB,
      results: [{ barcode: 'S-000002', result: 'negative' }],
    });
    assert.deepEqual(
      answer.errors.map((e) => e.code),
      ['resultConflict'],
    );
    assert.match(answer.errors[0]?.message ?? '', /结果更正/);
  });
});
