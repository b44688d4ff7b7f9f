import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addDays, discretisedGammaSerialInterval } from '@fangkong/core';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/query-rows.ts';
import { sentinelDailyCount } from '../../db/schema/index.ts';
import { addTwoTowns, addUser, loginAs, residentId, type TestClient } from '../../testing/factories.ts';
import { createTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';
import { insertState } from '../codes/code-history.repository.ts';
import { runEarlyWarning } from './early-warning.job.ts';

const TODAY = '2020-11-20';
const at = (local: string) => new Date(`${local}:00+08:00`);

interface Dashboard {
  jurisdiction: { id: string };
  range: { from: string; to: string; days: number };
  days: string[];
  cases: { byReportDay: Record<string, number[]>; totals: Record<string, number>; computedFrom: string };
  keyPersons: { total: number; byCategory: { category: string; count: number }[] };
  level: { level: string } | null;
  map: { children: { id: string; cases: number }[] } | null;
  analytics: { rt: { available: boolean; reason?: string }; growth: { available: boolean } };
  sentinel: { series: Record<string, number[]> };
  signals: { open: number; acknowledged: number; closed: number };
  notPermitted: string[];
}
interface Signal {
  id: string;
  series: string;
  day: string;
  count: number;
  threshold: number;
  status: string;
  taskId: string | null;
  evidence: { baseline: { day: string; count: number }[] };
  outcome: string | null;
}

/**
 * The command dashboard and early warning through the API (issue 17; CASE-007, CASE-008; SC-61 pharmacy data
 * feeding the warning system, SC-51 illness absence): one jurisdiction over a date range, every section saying
 * what it was computed from; bad ranges refused with the field; signals raised once with a CDC task and an alert,
 * acknowledged and closed with an outcome, all audited and scoped.
 */
describe('command dashboard and early warning', () => {
  let runtime: TestRuntime;
  let commander: TestClient;
  let cdc: TestClient;
  let townB: TestClient;
  let countyId: string;
  let townAId: string;
  let villageA: { id: string; path: string };

  const code = (reply: { json: () => unknown }) => reply.json() as { code: string; field?: string };

  before(async () => {
    runtime = await createTestRuntime({ FANGKONG_LOGIN_RATE: '1000' });
    runtime.deps.clock = () => at(`${TODAY}T10:00`);
    const towns = await addTwoTowns(runtime.deps);
    countyId = towns.county.id;
    townAId = towns.townA.id;
    villageA = towns.villageA;
    await addUser(runtime.deps, 'commander', 'district_commander', countyId);
    await addUser(runtime.deps, 'cdc', 'cdc_epidemiologist', countyId);
    await addUser(runtime.deps, 'office', 'command_office_staff', countyId);
    await addUser(runtime.deps, 'town-b', 'town_cadre', towns.townB.id);
    commander = await loginAs(runtime.app, 'commander');
    cdc = await loginAs(runtime.app, 'cdc');
    townB = await loginAs(runtime.app, 'town-b');
    const office = await loginAs(runtime.app, 'office');
    // two confirmed cases in town A's community today
    for (const seq of [11, 13]) {
      const person = await office.request('POST', '/api/persons', {
        idType: 'resident_id',
        idNumber: residentId('19800101', seq),
        name: `看板${seq}`,
        jurisdictionId: villageA.id,
      });
      const opened = await office.request('POST', '/api/cases', {
        personId: (person.json() as { id: string }).id,
        classification: 'confirmed',
        clinicalType: 'mild',
        source: 'manual',
      });
      assert.equal(opened.statusCode, 201, opened.body);
    }
    // three weeks of pharmacy fever-drug purchases in A's community, a jump yesterday; school absences flat
    const yesterday = addDays(TODAY, -1);
    const rows = Array.from({ length: 21 }, (_, i) =>
      [
        { series: 'pharmacy_fever_drug_purchase', count: i === 20 ? 48 : 10 + (i % 3) },
        { series: 'school_illness_absence', count: 2 + (i % 2) },
      ].map((r) => ({ ...r, jurisdictionId: villageA.id, jurisdictionPath: villageA.path, day: addDays(yesterday, i - 20) })),
    ).flat();
    await runtime.deps.database.db.insert(sentinelDailyCount).values(rows);
  });
  after(() => runtime.close());

  it('CASE-007 SC-61: the hourly run raises one signal from the pharmacy jump, with a CDC task and an alert, and raises it once', async () => {
    const first = await runEarlyWarning(runtime.deps);
    assert.deepEqual(first, { day: '2020-11-19', series: 2, raised: 1 });
    const again = await runEarlyWarning(runtime.deps);
    assert.equal(again.raised, 0);
    const list = (await cdc.request('GET', '/api/early-warning/signals')).json() as { items: Signal[]; counts: { open: number } };
    assert.equal(list.items.length, 1);
    const [signal] = list.items;
    assert.equal(signal?.series, 'pharmacy_fever_drug_purchase');
    assert.equal(signal?.day, '2020-11-19');
    assert.equal(signal?.count, 48);
    assert.ok((signal?.threshold ?? 99) < 48);
    assert.equal(signal?.evidence.baseline.length, 7);
    assert.equal(list.counts.open, 1);
    const tasks = await queryRows<{ source_kind: string; source_id: string; title: string }>(
      runtime.deps.database.db,
      sql`select source_kind, source_id, title from task where id = ${signal?.taskId ?? null}`,
    );
    assert.equal(tasks[0]?.source_kind, 'early_warning');
    assert.equal(tasks[0]?.source_id, signal?.id);
    const alerts = await queryRows<{ n: number }>(
      runtime.deps.database.db,
      sql`select count(*)::int as n from alert where kind = 'early_warning'`,
    );
    assert.equal(alerts[0]?.n, 1);
    const audited = await queryRows<{ n: number }>(
      runtime.deps.database.db,
      sql`select count(*)::int as n from audit_event where action = 'earlyWarning.raise' and entity_id = ${signal?.id ?? null}`,
    );
    assert.equal(audited[0]?.n, 1);
  });

  it('CASE-007: the CDC acknowledges and closes a signal with its outcome; a closed signal refuses both; town B cannot reach it', async () => {
    const [signal] = ((await cdc.request('GET', '/api/early-warning/signals?state=open')).json() as { items: Signal[] }).items;
    assert.ok(signal);
    // a town cadre reads signals but does not verify them (warning.handle is the CDC's and the office's)
    assert.equal((await townB.request('POST', `/api/early-warning/signals/${signal.id}/acknowledge`, {})).statusCode, 403);
    const ack = await cdc.request('POST', `/api/early-warning/signals/${signal.id}/acknowledge`, { note: '已电话核实药店' });
    assert.equal(ack.statusCode, 200, ack.body);
    assert.equal((ack.json() as Signal).status, 'acknowledged');
    assert.equal((await cdc.request('POST', `/api/early-warning/signals/${signal.id}/acknowledge`, {})).statusCode, 409);
    const bad = await cdc.request('POST', `/api/early-warning/signals/${signal.id}/close`, { outcome: 'maybe', note: 'x' });
    assert.equal(bad.statusCode, 400);
    const closed = await cdc.request('POST', `/api/early-warning/signals/${signal.id}/close`, {
      outcome: 'false_alarm',
      note: '促销活动所致',
    });
    assert.equal(closed.statusCode, 200, closed.body);
    assert.equal((closed.json() as Signal).outcome, 'false_alarm');
    // issue 17 part 3 CASE-007: the CDC task the signal raised closes with it, the outcome its closing note, audited
    const [task] = await queryRows<{ status: string; closing_note: string | null; closed_at: Date | string | null }>(
      runtime.deps.database.db,
      sql`select status, closing_note, closed_at from task where id = ${signal.taskId ?? null}`,
    );
    assert.equal(task?.status, 'closed');
    assert.match(task?.closing_note ?? '', /false_alarm.*促销活动所致/);
    assert.ok(task?.closed_at);
    const taskAudit = await queryRows<{ n: number }>(
      runtime.deps.database.db,
      sql`select count(*)::int as n from audit_event where action = 'task.close' and entity_id = ${signal.taskId ?? null}`,
    );
    assert.equal(taskAudit[0]?.n, 1);
    assert.equal(
      (await cdc.request('POST', `/api/early-warning/signals/${signal.id}/close`, { outcome: 'false_alarm', note: 'x' })).statusCode,
      409,
    );
    const actions = await queryRows<{ action: string }>(
      runtime.deps.database.db,
      sql`select action from audit_event where entity_id = ${signal.id} order by id`,
    );
    assert.deepEqual(
      actions.map((a) => a.action),
      ['earlyWarning.raise', 'earlyWarning.acknowledge', 'earlyWarning.close'],
    );
    const inB = (await townB.request('GET', '/api/early-warning/signals')).json() as { items: Signal[] };
    assert.deepEqual(inB.items, []);
  });

  it('the dashboard of the county: cases by day and classification, children with case counts, sentinel series, analytics with reasons', async () => {
    const reply = await commander.request('GET', `/api/dashboard?jurisdictionId=${countyId}&from=2020-10-01&to=${TODAY}`);
    assert.equal(reply.statusCode, 200, reply.body);
    const d = reply.json() as Dashboard;
    assert.equal(d.range.days, 51);
    assert.equal(d.days.at(-1), TODAY);
    assert.equal(d.cases.totals.confirmed, 2);
    assert.equal(d.cases.byReportDay.confirmed?.at(-1), 2);
    assert.match(d.cases.computedFrom, /case_report/);
    assert.equal(d.map?.children.find((c) => c.id === townAId)?.cases, 2);
    assert.equal(d.sentinel.series.pharmacy_fever_drug_purchase?.at(-2), 48);
    assert.equal(d.signals.closed, 1);
    // no onsets recorded yet: Rt is not available and says why rather than answering nothing
    assert.equal(d.analytics.rt.available, false);
    assert.equal(d.analytics.rt.reason, 'noIncidence');
    assert.equal(d.analytics.growth.available, false);
    assert.equal(d.level, null);
  });

  it('CASE-009: with onset dates, Rt comes from core estimateRt in weekly windows over the range, with its serial interval', async () => {
    await runtime.deps.database.db.execute(sql`update case_report set onset_date = '2020-11-15'`);
    const d = (
      await commander.request('GET', `/api/dashboard?jurisdictionId=${countyId}&from=2020-11-01&to=${TODAY}`)
    ).json() as Dashboard & {
      analytics: { rt: { available: boolean; estimates: { tEnd: string; mean: number | null }[]; serialInterval: { id: string } } };
    };
    assert.equal(d.analytics.rt.available, true);
    // EpiEstim's windows: t_start 2 … T − 6 over 20 days → 13 windows, the last ending on the range's last day
    assert.equal(d.analytics.rt.estimates.length, 13);
    assert.equal(d.analytics.rt.estimates.at(-1)?.tEnd, TODAY);
    assert.equal(d.analytics.rt.serialInterval.id, 'covid19-nishiura-2020');
  });

  it('issue 17 CASE-009: Rt takes imported cases apart (EpiEstim incid local/imported): infectors only, never in the numerator', async () => {
    // 看板11 is local with onset 11-10; 看板13 was under inbound-traveller management before discovery (imported), onset 11-12
    const db = runtime.deps.database.db;
    const [imported] = await queryRows<{ person_id: string }>(
      db,
      sql`select c.person_id from case_report c join person p on p.id = c.person_id where p.name = '看板13'`,
    );
    assert.ok(imported);
    await db.execute(sql`insert into key_person_episode (person_id, category, edition_id, start_date, management_type, status, plan, jurisdiction_id, jurisdiction_path)
      values (${imported.person_id}, 'inbound_traveller', 'seed-2020', '2020-11-05', 'home_quarantine', 'released', '{}'::jsonb, ${villageA.id}, ${villageA.path})`);
    await db.execute(
      sql`update case_report c set onset_date = case when c.person_id = ${imported.person_id} then '2020-11-12'::date else '2020-11-10'::date end`,
    );
    const d = (
      await commander.request('GET', `/api/dashboard?jurisdictionId=${countyId}&from=2020-11-01&to=${TODAY}`)
    ).json() as Dashboard & {
      analytics: {
        incidence: { days: string[]; counts: number[]; imported: number[] };
        rt: { available: boolean; prior: { mean: number; sd: number }; estimates: { tStart: string; tEnd: string; mean: number | null }[] };
      };
    };
    const { days, counts, imported: importedByDay } = d.analytics.incidence;
    assert.equal(counts[days.indexOf('2020-11-10')], 1);
    assert.equal(counts[days.indexOf('2020-11-12')], 1);
    assert.equal(importedByDay[days.indexOf('2020-11-12')], 1);
    assert.equal(
      importedByDay.reduce((a, b) => a + b, 0),
      1,
    );
    // the reference, straight from Cori et al. (2013): R | I ~ Gamma(a + Σ I_local, 1 / (1/b + Σ Λ)), Λ_t = Σ_k w_k (I_local + I_imported)_{t−k},
    // a = (prior mean / sd)², b = sd² / mean; w the Nishiura serial interval discretised as EpiEstim's discr_si
    const local = counts.map((n, i) => n - (importedByDay[i] ?? 0));
    const w = discretisedGammaSerialInterval(4.7, 2.9, days.length);
    const lambda = days.map((_, t) => counts.slice(0, t).reduce((sum, n, s) => sum + (w[t - s] ?? 0) * n, 0));
    const { mean: priorMean, sd: priorSd } = d.analytics.rt.prior;
    const [a, b] = [(priorMean / priorSd) ** 2, priorSd ** 2 / priorMean];
    const posteriorMean = (cases: readonly number[], from: number, to: number) =>
      (a + cases.slice(from, to + 1).reduce((x, y) => x + y, 0)) / (1 / b + lambda.slice(from, to + 1).reduce((x, y) => x + y, 0));
    assert.equal(d.analytics.rt.estimates.length, 13);
    for (const e of d.analytics.rt.estimates) {
      const [from, to] = [days.indexOf(e.tStart), days.indexOf(e.tEnd)];
      // no infector in the window (Σ Λ = 0): the posterior is the prior, shown as no estimate
      if (lambda.slice(from, to + 1).every((l) => l === 0)) assert.equal(e.mean, null, `${e.tStart}…${e.tEnd}`);
      else assert.ok(Math.abs((e.mean ?? Number.NaN) - posteriorMean(local, from, to)) < 1e-9, `${e.tStart}…${e.tEnd}: ${e.mean}`);
    }
    assert.ok(
      d.analytics.rt.estimates.some((e) => e.mean !== null),
      'windows after the first case have an estimate',
    );
    // the window 11-12 … 11-18 holds only the imported case: counted as local it would double the posterior mean's numerator
    const window = d.analytics.rt.estimates.find((e) => e.tStart === '2020-11-12');
    const [from, to] = [days.indexOf('2020-11-12'), days.indexOf('2020-11-18')];
    assert.ok(window?.mean !== undefined && window.mean !== null);
    assert.ok(Math.abs(window.mean - posteriorMean(counts, from, to)) > 0.1);
  });

  it('ORG-060 SUP-001: the county counts the command tasks under it (the signal’s task in A’s community) exactly as the command overview does', async () => {
    type Counts = { open: number; overdue: number; done: number };
    const board = (await commander.request('GET', `/api/dashboard?jurisdictionId=${countyId}&from=2020-10-01&to=${TODAY}`)).json() as {
      tasks: Counts;
    };
    const overview = (await commander.request('GET', `/api/command/overview?jurisdictionId=${countyId}`)).json() as { tasks: Counts };
    const counts = ({ open, overdue, done }: Counts) => ({ open, overdue, done });
    assert.deepEqual(counts(board.tasks), counts(overview.tasks));
    assert.ok(board.tasks.open + board.tasks.overdue + board.tasks.done >= 1, 'the task set in the community is counted at the county');
  });

  it('defaults to the last 60 days of the caller’s own jurisdiction', async () => {
    const d = (await commander.request('GET', '/api/dashboard')).json() as Dashboard;
    assert.equal(d.jurisdiction.id, countyId);
    assert.deepEqual(d.range, { from: addDays(TODAY, -59), to: TODAY, days: 60 });
  });

  it('bad ranges are refused with the field and reason; a jurisdiction out of scope is 403', async () => {
    const reversed = await commander.request('GET', '/api/dashboard?from=2020-11-10&to=2020-11-01');
    assert.equal(reversed.statusCode, 400);
    assert.deepEqual([code(reversed).code, code(reversed).field], ['dateRangeReversed', 'from']);
    const long = await commander.request('GET', '/api/dashboard?from=2019-01-01&to=2020-11-01');
    assert.deepEqual([long.statusCode, code(long).code], [400, 'dateRangeTooLong']);
    const future = await commander.request('GET', '/api/dashboard?to=2020-12-01');
    assert.deepEqual([future.statusCode, code(future).field], [400, 'to']);
    const notADate = await commander.request('GET', '/api/dashboard?from=2020-02-30');
    assert.deepEqual([notADate.statusCode, code(notADate).field], [400, 'from']);
    const outside = await townB.request('GET', `/api/dashboard?jurisdictionId=${townAId}`);
    assert.equal(outside.statusCode, 403);
  });

  it('a section the caller may not read is null and named (the CDC reads no report board)', async () => {
    const d = (await cdc.request('GET', `/api/dashboard?jurisdictionId=${countyId}`)).json() as Dashboard;
    assert.ok(d.notPermitted.includes('reports'));
  });

  it('issue 17 dashboard benchmark: the sums kept per jurisdiction follow every write of the sentinel counts; the colours count each person’s latest', async () => {
    const db = runtime.deps.database.db;
    const yesterday = addDays(TODAY, -1);
    const pharmacy = async () =>
      ((await commander.request('GET', `/api/dashboard?jurisdictionId=${countyId}&from=2020-11-01&to=${TODAY}`)).json() as Dashboard)
        .sentinel.series.pharmacy_fever_drug_purchase ?? [];
    await db.execute(sql`update sentinel_daily_count set count = 50 where series = 'pharmacy_fever_drug_purchase' and day = ${yesterday}`);
    assert.equal((await pharmacy()).at(-2), 50);
    await db.execute(sql`delete from sentinel_daily_count where series = 'pharmacy_fever_drug_purchase' and day = ${yesterday}`);
    assert.equal((await pharmacy()).at(-2), 0);
    const [person] = await queryRows<{ id: string }>(db, sql`select id from person where name = '看板11'`);
    assert.ok(person);
    const colour = (c: string, at: string) => ({
      personId: person.id,
      colour: c,
      ruleVersion: 'test',
      at: new Date(at),
      jurisdictionPath: villageA.path,
    });
    await insertState(db, colour('red', '2020-11-20T09:00:00+08:00'));
    await insertState(db, colour('yellow', '2020-11-19T09:00:00+08:00')); // an older colour arriving late does not replace it
    const codes = (
      (await commander.request('GET', `/api/dashboard?jurisdictionId=${countyId}`)).json() as {
        codes: { byColour: Record<string, number> };
      }
    ).codes.byColour;
    assert.deepEqual(codes, { red: 1 });
  });
});
