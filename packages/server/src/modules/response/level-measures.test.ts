import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { findEdition, groupTemplatesOf, measuresForLevel, type ProtocolEdition } from '@fangkong/core';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/query-rows.ts';
import { addTwoTowns, addUser, completeAssessment, loginAs, signInCommandStaff, type TestClient } from '../../testing/factories.ts';
import { createTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';
import { PNG_EVIDENCE } from '../command/evidence.fixture.ts';
import { levelInForce } from './response.service.ts';

const at = (local: string) => new Date(`${local}:00+08:00`);
const SEED_2020 = findEdition('seed-2020') as ProtocolEdition;
const ids = (level: 'IV' | 'III') => measuresForLevel(level, SEED_2020).map((m) => m.id);

interface MeasureTask {
  id: string;
  source_id: string;
  status: string;
  group_key: string | null;
  description: string | null;
  due_at: string;
}

/**
 * A response level's measures become the working groups' tasks (issue 13; LVL-014, LVL-017, LVL-018, SC-32,
 * SC-33; the measures LVL-IV-01 … LVL-IV-11 and LVL-III-01 … LVL-III-08): issued on approval to the group
 * that takes each on, never twice, cancelled when the level no longer holds them, done ones kept.
 */
describe('level measures as tasks of the headquarters’ groups', () => {
  let runtime: TestRuntime;
  let office: TestClient;
  let commander: TestClient;
  let place: Awaited<ReturnType<typeof addTwoTowns>>;

  const json = async <T>(client: TestClient, method: string, url: string, body?: unknown, status = 200): Promise<T> => {
    const reply = await client.request(method, url, body);
    assert.equal(reply.statusCode, status, `${method} ${url}: ${reply.body}`);
    return reply.json() as T;
  };
  const measureTasks = () =>
    queryRows<MeasureTask>(
      runtime.deps.database.db,
      sql`select t.id, t.source_id, t.status, g.template_key as group_key, t.description, t.due_at
          from task t left join working_group g on g.id = t.working_group_id
          where t.source_kind = 'level_measure' and t.jurisdiction_id = ${place.county.id} order by t.created_at, t.source_id`,
    );
  const live = async () => (await measureTasks()).filter((t) => t.status !== 'cancelled');
  const audits = async (action: string) =>
    (await queryRows<{ n: number }>(runtime.deps.database.db, sql`select count(*)::int as n from audit_event where action = ${action}`))[0]
      ?.n;

  /** propose → the district experts confirm → the commander approves. */
  async function change(jurisdictionId: string, to: string | null, records: string[] = ['trendAnalysis']) {
    const proposed = await json<{ id: string }>(
      office,
      'POST',
      `/api/response-levels/${jurisdictionId}/proposals`,
      { to, basis: 'trigger', reason: `调整为${to ?? '终止'}`, assessment: completeAssessment(records) },
      201,
    );
    await json(office, 'POST', `/api/response-level-changes/${proposed.id}/confirmations`, {
      body: 'district',
      decision: 'confirmed',
      note: '同意',
    });
    const approved = await json<{ id: string; status: string }>(commander, 'POST', `/api/response-level-changes/${proposed.id}/approve`, {
      importRiskReduced: true,
    });
    const now = runtime.deps.clock().getTime();
    runtime.deps.clock = () => new Date(now + 3_600_000);
    return approved;
  }

  before(async () => {
    runtime = await createTestRuntime({ FANGKONG_LOGIN_RATE: '1000' });
    runtime.deps.clock = () => at('2020-11-20T10:00');
    place = await addTwoTowns(runtime.deps);
    ({ office, commander } = await signInCommandStaff(runtime.deps, runtime.app, place.county.id));
    await json(office, 'POST', '/api/command/headquarters', { jurisdictionId: place.county.id }, 201);
  });
  after(() => runtime.close());

  it('LVL-018: approving level IV issues its eleven measures (LVL-IV-01 … LVL-IV-11) to the district groups that take them on, audited', async () => {
    await change(place.county.id, 'IV');
    const tasks = await live();
    assert.deepEqual(tasks.map((t) => t.source_id).sort(), ids('IV').sort());
    const district = groupTemplatesOf('seed-002-district');
    for (const measure of measuresForLevel('IV', SEED_2020)) {
      const task = tasks.find((t) => t.source_id === measure.id);
      const handler = district.find((g) => g.handles.includes(measure.group));
      assert.equal(task?.group_key, handler?.key, measure.id);
    }
    assert.ok(
      tasks.every((t) => new Date(t.due_at).getTime() === at('2020-11-21T10:00').getTime()),
      'due 24 hours after the approval (configured)',
    );
    assert.equal(await audits('task.create'), 11);
  });

  it('idempotent: re-issuing the level in force issues nothing new', async () => {
    const again = await json<{ issued: string[]; cancelled: string[] }>(
      commander,
      'POST',
      `/api/response-levels/${place.county.id}/measure-tasks`,
    );
    assert.deepEqual([again.issued, again.cancelled], [[], []]);
    assert.equal((await live()).length, 11);
    const view = await json<{ checklist: { id: string; task: { state: string } | null }[] }>(
      office,
      'GET',
      `/api/response-levels/${place.county.id}`,
    );
    assert.ok(
      view.checklist.every((m) => m.task?.state === 'open'),
      'each measure shows its task',
    );
  });

  it('levelInForce: a village under the district has the district’s level; a town’s own level overrides it below the town', async () => {
    const db = runtime.deps.database.db;
    assert.deepEqual(await levelInForce(db, place.villageA.path), { level: 'IV', jurisdictionPath: place.county.path });
    assert.deepEqual(await levelInForce(db, place.townB.path), { level: 'IV', jurisdictionPath: place.county.path });
    await change(place.townA.id, 'III');
    assert.deepEqual(await levelInForce(db, place.villageA.path), { level: 'III', jurisdictionPath: place.townA.path });
    assert.deepEqual(await levelInForce(db, place.townA.path), { level: 'III', jurisdictionPath: place.townA.path });
    assert.deepEqual(await levelInForce(db, place.county.path), { level: 'IV', jurisdictionPath: place.county.path });
    assert.equal(await levelInForce(db, '/no/such/'), null);
  });

  // ORG-001 (the district headquarters leads the whole district), LVL-018: who takes the measures of a town
  // without a headquarters of its own — the nearest ancestor headquarters' groups (docs/architecture.md)
  it('ORG-001 LVL-018: town A has no headquarters; its level III measures are tasks in town A of the district’s groups; its termination cancels them', async () => {
    const db = runtime.deps.database.db;
    const inTown = () =>
      queryRows<MeasureTask & { hq: string | null; jurisdiction: string }>(
        db,
        sql`select t.id, t.source_id, t.status, g.template_key as group_key, t.due_at, h.jurisdiction_id as hq, t.jurisdiction_id as jurisdiction
            from task t left join working_group g on g.id = t.working_group_id left join headquarters h on h.id = t.headquarters_id
            where t.source_kind = 'level_measure' and t.jurisdiction_path like ${`${place.townA.path}%`} order by t.source_id`,
      );
    const tasks = await inTown();
    assert.deepEqual(tasks.map((t) => t.source_id).sort(), ids('III').sort(), 'the cumulative level III checklist (LVL-018)');
    assert.ok(
      tasks.every((t) => t.hq === place.county.id && t.jurisdiction === place.townA.id && t.status === 'open'),
      'issued by the district headquarters, in town A',
    );
    const district = groupTemplatesOf('seed-002-district');
    for (const measure of measuresForLevel('III', SEED_2020))
      assert.equal(
        tasks.find((t) => t.source_id === measure.id)?.group_key,
        district.find((g) => g.handles.includes(measure.group))?.key,
        measure.id,
      );
    const view = await json<{ checklist: { id: string; group: { key: string } | null; task: { state: string } | null }[] }>(
      office,
      'GET',
      `/api/response-levels/${place.townA.id}`,
    );
    assert.ok(
      view.checklist.every((m) => m.group?.key.startsWith('district.') && m.task?.state === 'open'),
      'the town’s checklist names the district groups and their tasks',
    );
    // the district's overview lists the town's own level below its own, and counts both responses' measures
    const county = await json<{
      level: { level: string } | null;
      levelsBelow: { level: string; jurisdictionName: string }[];
      measures: { checklist: number; open: number } | null;
    }>(commander, 'GET', `/api/command/overview?jurisdictionId=${place.county.id}`);
    assert.deepEqual(
      [county.level?.level, county.levelsBelow.map((l) => [l.jurisdictionName, l.level]), county.measures?.checklist],
      ['IV', [['湖塘镇', 'III']], 11 + 19],
    );
    await change(place.townA.id, null, ['trendAnalysis', 'measuresReview', 'transmissionRisk', 'effectEvaluation']);
    assert.ok(
      (await inTown()).every((t) => t.status === 'cancelled'),
      'LVL-017: ending the town’s response cancels them',
    );
  });

  it('a group closes a measure task with evidence (done)', async () => {
    const first = (await live()).find((t) => t.source_id === 'LVL-IV-01');
    assert.ok(first);
    const uploaded = await runtime.app.inject({
      method: 'POST',
      url: `/api/tasks/${first.id}/evidence?fileName=plan.png`,
      headers: { ...office.headers, 'content-type': 'image/png' },
      payload: PNG_EVIDENCE,
    });
    assert.equal(uploaded.statusCode, 201, uploaded.body);
    await json(office, 'POST', `/api/tasks/${first.id}/close`, { note: '预案已完善' });
  });

  it('LVL-018 SC-32 SC-33: escalating to III adds its eight measures; the road checkpoints go to traffic control with both kinds of checkpoint', async () => {
    await change(place.county.id, 'III');
    const tasks = await live();
    assert.deepEqual(tasks.map((t) => t.source_id).sort(), [...ids('IV'), ...ids('III').filter((id) => id.startsWith('LVL-III'))].sort());
    assert.equal(tasks.length, 19);
    const checkpoints = tasks.find((t) => t.source_id === 'LVL-III-07');
    assert.equal(checkpoints?.group_key, 'district.traffic_control');
    assert.match(checkpoints?.description ?? '', /高速公路出入口设置检疫站/);
    assert.match(checkpoints?.description ?? '', /国道、省道、县道设置检疫站/);
    assert.match(checkpoints?.description ?? '', /temperature-checked/);
  });

  it('LVL-014: de-escalating to IV cancels the eight level III tasks; the level IV ones stay (the done one stays done)', async () => {
    await change(place.county.id, 'IV', ['trendAnalysis', 'effectEvaluation']);
    const all = await measureTasks();
    const cancelled = all.filter((t) => t.status === 'cancelled').map((t) => t.source_id);
    assert.deepEqual(
      cancelled.sort(),
      ids('III')
        .filter((id) => id.startsWith('LVL-III'))
        .sort(),
    );
    assert.deepEqual((await live()).map((t) => t.source_id).sort(), ids('IV').sort());
    assert.equal(all.find((t) => t.source_id === 'LVL-IV-01')?.status, 'closed');
    assert.equal(await audits('task.cancel'), 19 + 8, 'town A’s nineteen (its response ended) and these eight');
    const list = await json<{ counts: { open: number; done: number } }>(office, 'GET', '/api/tasks?sourceKind=level_measure');
    assert.deepEqual([list.counts.open, list.counts.done], [10, 1], 'cancelled tasks are neither open nor done');
  });

  it('LVL-017: termination cancels every open measure task; the done one stays done; a new response issues them afresh', async () => {
    await change(place.county.id, null, ['trendAnalysis', 'measuresReview', 'transmissionRisk', 'effectEvaluation']);
    assert.deepEqual(
      (await live()).map((t) => [t.source_id, t.status]),
      [['LVL-IV-01', 'closed']],
    );
    await change(place.county.id, 'IV');
    const afresh = (await live()).filter((t) => t.status === 'open');
    assert.deepEqual(afresh.map((t) => t.source_id).sort(), ids('IV').sort(), 'the new response has its own eleven');
  });

  it('command overview: the level in force, its measures per group (this response only), overdue tasks, findings, reports and cases; another town is 404', async () => {
    interface Overview {
      level: { level: string; inherited: boolean; jurisdictionName: string } | null;
      measures: { checklist: number; open: number; overdue: number; done: number; groups: { nameZh: string; open: number }[] } | null;
      tasks: { open: number; overdue: number; overdueItems: { sourceId: string }[] };
      findings: { open: number };
      cases: { total: number } | null;
      reports: { expected: number } | null;
    }
    const view = await json<Overview>(commander, 'GET', `/api/command/overview?jurisdictionId=${place.county.id}`);
    assert.deepEqual(view.level, { level: 'IV', inherited: false, jurisdictionName: place.county.name, jurisdictionId: place.county.id });
    assert.deepEqual(
      [view.measures?.checklist, view.measures?.open, view.measures?.done],
      [11, 11, 0],
      'the ended response’s done task is not counted',
    );
    assert.ok(
      view.measures?.groups.some((g) => g.nameZh === '疫情防控和医疗救治组' && g.open > 0) ?? false,
      JSON.stringify(view.measures?.groups),
    );
    assert.deepEqual([view.findings.open, view.cases?.total], [0, 0]);
    const town = await json<Overview>(commander, 'GET', `/api/command/overview?jurisdictionId=${place.townB.id}`);
    assert.deepEqual([town.level?.level, town.level?.inherited], ['IV', true]);
    runtime.deps.clock = () => at('2020-11-23T10:00');
    commander = await loginAs(runtime.app, 'commander');
    const later = await json<Overview>(commander, 'GET', `/api/command/overview?jurisdictionId=${place.county.id}`);
    assert.equal(later.measures?.overdue, 11);
    assert.equal(later.tasks.overdueItems.length, 10, 'the ten most overdue listed');
    await addUser(runtime.deps, 'town-b', 'town_cadre', place.townB.id);
    const townB = await loginAs(runtime.app, 'town-b');
    assert.equal((await townB.request('GET', `/api/command/overview?jurisdictionId=${place.county.id}`)).statusCode, 404);
  });
});
