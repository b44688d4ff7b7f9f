import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { queryRows } from '../packages/server/src/db/query-rows.ts';
import { PNG_EVIDENCE } from '../packages/server/src/modules/command/evidence.fixture.ts';
import {
  addTwoTowns,
  addUser,
  completeAssessment,
  loginAs,
  residentId,
  TEST_PASSWORD,
  type TestClient,
} from '../packages/server/src/testing/factories.ts';
import { type JourneyServer, screenshot, signIn, skipReason, useJourney } from './harness.ts';

/**
 * The commander's landing (issue 13 "Tests": browser journey; issue 17: one landing page). Level IV has held in
 * 武进区 for thirty hours, its eleven measure tasks past their deadline; five confirmed cases of one chain arrive in
 * 甲社区; the expert group's proposal of level III is on the table and an inspection has found a problem whose
 * rectification is reported done. In the browser: the commander lands on the dashboard and sees level IV, the
 * measures' progress and the overdue tasks; on 响应等级 the system suggests level III with its reasons and the
 * commander approves; the landing shows level III and the new checklist by group; the office closes an overdue
 * measure task from the landing with a photo; the commander re-checks the rectification and passes it; the
 * landing shows the measure done and no finding open.
 * Covers LVL-001, LVL-010, LVL-012, LVL-018, ORG-060, SUP-001, SUP-008; SC-27, SC-28, SC-32.
 * (Approving from a fresh proposal, the checklist turning done and the task list are in
 * response-level.journey.ts; the headquarters' groups in command.journey.ts.)
 */
const HOUR = 3_600_000;
const FINDING = '甲社区卡口未落实测温登记';

async function ok<T>(client: TestClient, method: string, url: string, body?: unknown): Promise<T> {
  const reply = await client.request(method, url, body);
  assert.ok(reply.statusCode < 300, `${method} ${url}: ${reply.statusCode} ${reply.body}`);
  return reply.json() as T;
}

/** The level's workflow as the office and the commander, through the API: propose, the district experts confirm, approve. */
async function levelThroughApi(server: JourneyServer, jurisdictionId: string, to: string, approve: boolean) {
  const office = await loginAs(server.app, 'office');
  const change = await ok<{ id: string }>(office, 'POST', `/api/response-levels/${jurisdictionId}/proposals`, {
    to,
    basis: 'trigger',
    reason: to === 'IV' ? '出现本土散发病例，提请启动Ⅳ级响应' : '甲社区出现聚集性疫情，专家组提请提升为Ⅲ级响应',
    assessment: completeAssessment(),
  });
  await ok(office, 'POST', `/api/response-level-changes/${change.id}/confirmations`, {
    body: 'district',
    decision: 'confirmed',
    note: '区专家组论证同意',
  });
  if (approve) await ok(await loginAs(server.app, 'commander'), 'POST', `/api/response-level-changes/${change.id}/approve`, {});
}

/** Five confirmed cases in 甲社区 today, four infected by the first: a cluster (聚集性疫情, LVL-001 level III's trigger). */
async function cluster(office: TestClient, villageId: string) {
  const ids: string[] = [];
  for (let i = 0; i < 5; i += 1) {
    const person = await ok<{ id: string }>(office, 'POST', '/api/persons', {
      idType: 'resident_id',
      idNumber: residentId('19750101', 800 + i * 2),
      name: `聚集${i + 1}`,
      jurisdictionId: villageId,
    });
    const opened = await ok<{ id: string }>(office, 'POST', '/api/cases', {
      personId: person.id,
      classification: 'confirmed',
      clinicalType: 'mild',
      source: 'manual',
    });
    ids.push(opened.id);
  }
  return ids;
}

async function seed(server: JourneyServer) {
  const deps = server.deps;
  const { county, villageA } = await addTwoTowns(deps);
  await addUser(deps, 'commander', 'district_commander', county.id);
  await addUser(deps, 'office', 'command_office_staff', county.id);
  const real = deps.clock;
  // Level IV was approved thirty hours ago: its measure tasks (due 24 hours after the approval) are overdue now.
  deps.clock = () => new Date(real().getTime() - 30 * HOUR);
  const office = await loginAs(server.app, 'office');
  const hq = await ok<{ id: string; groups: { id: string; templateKey: string; memberUnits: { id: string; name: string }[] }[] }>(
    office,
    'POST',
    '/api/command/headquarters',
    { jurisdictionId: county.id, officeLocation: '区卫健局' },
  );
  await levelThroughApi(server, county.id, 'IV', true);
  deps.clock = real;
  const today = await loginAs(server.app, 'office');
  const [first, ...rest] = await cluster(today, villageA.id);
  for (const id of rest) await deps.database.db.execute(sql`update case_report set infector_case_id = ${first} where id = ${id}`);
  await levelThroughApi(server, county.id, 'III', false);
  // SUP-001: the supervision group's inspection of 甲社区 found a problem; the responsible unit reports it rectified.
  const supervision = hq.groups.find((g) => g.templateKey === 'district.supervision_inspection');
  const traffic = hq.groups.find((g) => g.templateKey === 'district.traffic_control');
  const commander = await loginAs(server.app, 'commander');
  const inspection = await ok<{ findings: { task: { id: string } }[] }>(commander, 'POST', '/api/supervisions', {
    headquartersId: hq.id,
    jurisdictionId: villageA.id,
    workingGroupId: supervision?.id,
    method: 'unannounced',
    subject: '甲社区卡口值守情况暗访',
    inspectedAt: new Date(real().getTime() - 2 * HOUR).toISOString(),
    findings: [
      {
        description: FINDING,
        responsibleUnitId: traffic?.memberUnits[0]?.id,
        rectificationDueAt: new Date(real().getTime() + 24 * HOUR).toISOString(),
      },
    ],
  });
  const taskId = inspection.findings[0]?.task.id ?? '';
  const uploaded = await server.app.inject({
    method: 'POST',
    url: `/api/tasks/${taskId}/evidence?fileName=rectified.png`,
    headers: { ...today.headers, 'content-type': 'image/png' },
    payload: PNG_EVIDENCE,
  });
  assert.equal(uploaded.statusCode, 201, uploaded.body);
  await ok(today, 'POST', `/api/tasks/${taskId}/close`, { note: '卡口已补齐测温登记' });
  return { countyId: county.id };
}

const figures = (page: Page) => page.getByTestId('command-figures');
async function figure(page: Page, name: 'done' | 'issued' | 'overdue' | 'findings'): Promise<number> {
  return Number(await figures(page).getAttribute(`data-${name}`));
}

describe('command landing journey', { skip: skipReason(), timeout: 420_000 }, () => {
  const journey = useJourney('command landing journey', { seed, pages: 2, timeoutMs: 180_000 });
  let commander: Page;
  let office: Page;

  before(() => {
    commander = journey.page(0).page;
    office = journey.page(1).page;
  });

  // LVL-018, ORG-060: the landing is the dashboard; level IV with its eleven measures, all overdue; one finding open
  it('the commander lands on the dashboard: level IV, its measures’ progress, the overdue tasks, the open finding', async () => {
    await signIn(commander, 'commander', TEST_PASSWORD);
    await commander.waitForURL('**/dashboard');
    await commander.getByTestId('command-panel').locator('[data-testid="command-level"][data-level="IV"]').waitFor();
    await figures(commander).waitFor();
    assert.deepEqual(
      [
        await figure(commander, 'done'),
        await figure(commander, 'issued'),
        await figure(commander, 'overdue'),
        await figure(commander, 'findings'),
      ],
      [0, 11, 11, 1],
    );
    const overdue = commander.locator('[data-testid="command-overdue"] tbody tr.ant-table-row');
    await overdue.nth(9).waitFor();
    assert.equal(await overdue.count(), 10, 'the ten most overdue');
    await commander.getByTestId('command-groups').getByText('疫情防控和医疗救治组').waitFor();
    await screenshot(commander, 'command-landing-1-level-iv');
    journey.lap('landing at level IV');
  });

  // LVL-001, LVL-012, SC-28: the cases suggest level III with reasons; the commander approves the experts' proposal
  it('the system suggests level III with its reasons; the commander approves; the landing shows level III and its checklist', async () => {
    await commander.getByTestId('menu-response-levels').click();
    const suggestion = commander.locator('[data-testid="response-suggestion"][data-level="III"]');
    await suggestion.waitFor();
    await suggestion.locator('li').first().waitFor();
    assert.ok((await suggestion.locator('li').count()) > 0, 'the suggestion gives its reasons');
    // In the UI language with the plan's clause, not the clause's English paraphrase.
    assert.match((await suggestion.textContent()) ?? '', /聚集性疫情：启动Ⅲ级响应的情形.*应急预案/);
    await commander.getByTestId('response-approve').click();
    await commander.locator('[data-testid="response-level"][data-level="III"]').first().waitFor();
    const open = commander.locator('[data-testid="response-checklist"] [data-testid="measure-task"][data-state="open"]');
    await open.nth(7).waitFor();
    assert.equal(await open.count(), 8, 'level III adds its eight measures to level IV’s eleven (LVL-018)');
    await commander.getByTestId('menu-dashboard').click();
    await commander.getByTestId('command-panel').locator('[data-testid="command-level"][data-level="III"]').waitFor();
    await commander.locator('[data-testid="command-figures"][data-issued="19"]').waitFor();
    await commander.getByTestId('command-groups').getByText('交通管控组').waitFor();
    await screenshot(commander, 'command-landing-2-level-iii');
    journey.lap('level III approved');
  });

  // ORG-060: a group (the office for it) closes an overdue measure task from the landing with a photo
  it('the office opens an overdue measure task from the landing and closes it with a photo', async () => {
    await signIn(office, 'office', TEST_PASSWORD);
    await office.getByTestId('menu-dashboard').click();
    const row = office.locator('[data-testid="command-overdue"] tbody tr.ant-table-row').first();
    await row.waitFor();
    const title = (await row.locator('td').first().textContent()) ?? '';
    assert.match(title, /^LVL-IV-\d\d/);
    await row.click();
    await office
      .locator('.ant-drawer input[type=file]')
      .setInputFiles({ name: '落实照片.png', mimeType: 'image/png', buffer: PNG_EVIDENCE });
    await office.getByTestId('task-evidence').getByText('落实照片.png').waitFor();
    await office.getByTestId('task-close-note').fill('已落实，逾期办结');
    await office.getByTestId('task-close').click();
    await office.locator('.ant-drawer [data-testid="task-state"][data-state="done"]').waitFor();
    await screenshot(office, 'command-landing-3-task-closed');
    const [closed] = await queryRows<{ status: string; n: number }>(
      journey.server.deps.database.db,
      sql`select t.status, (select count(*)::int from task_evidence e where e.task_id = t.id) as n
          from task t where t.source_id = ${title.slice(0, 9)} and t.source_kind = 'level_measure'`,
    );
    assert.deepEqual(closed, { status: 'closed', n: 1 });
    journey.lap('task closed');
  });

  // SUP-001, SUP-008: the inspection's finding, reported rectified, is re-checked and passed; the landing shows it all
  it('the commander re-checks the rectification; the landing shows the measure done and no finding open', async () => {
    await commander.getByTestId('menu-supervision').click();
    const finding = commander.locator('[data-testid="finding-table"] tbody tr.ant-table-row', { hasText: FINDING });
    await finding.locator('[data-testid="finding-state"][data-state="awaiting_recheck"]').waitFor();
    await finding.getByTestId('finding-recheck').click();
    await commander.getByTestId('recheck-note').fill('复查合格，测温登记已落实');
    await commander.getByTestId('recheck-ok').click();
    await finding.locator('[data-testid="finding-state"][data-state="passed"]').waitFor();
    await commander.getByTestId('menu-dashboard').click();
    await commander.locator('[data-testid="command-figures"][data-done="1"][data-findings="0"]').waitFor();
    assert.deepEqual([await figure(commander, 'issued'), await figure(commander, 'overdue')], [19, 10]);
    await screenshot(commander, 'command-landing-4-all');
    assert.deepEqual(journey.page(0).problems, []);
    assert.deepEqual(journey.page(1).problems, []);
  });
});
