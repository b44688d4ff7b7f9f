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
  TEST_PASSWORD,
  type TestClient,
} from '../packages/server/src/testing/factories.ts';
import { type JourneyServer, screenshot, signIn, skipReason, useJourney } from './harness.ts';

/**
 * Response level → measures as tasks (issue 13; LVL-010, LVL-018, SC-27, SC-32): the office proposes level IV
 * for 武进区 and the district experts confirm; the commander approves in the browser, sees each measure of
 * the checklist as an open task of its group and the level on the dashboard (指挥大屏); the office closes one measure's task
 * with a photo, and the checklist shows it done.
 */
async function ok<T>(client: TestClient, method: string, url: string, body?: unknown): Promise<T> {
  const reply = await client.request(method, url, body);
  assert.ok(reply.statusCode < 300, `${method} ${url}: ${reply.statusCode} ${reply.body}`);
  return reply.json() as T;
}

async function seed(server: JourneyServer): Promise<{ countyId: string }> {
  const deps = server.deps;
  const { county } = await addTwoTowns(deps);
  await addUser(deps, 'commander', 'district_commander', county.id);
  await addUser(deps, 'office', 'command_office_staff', county.id);
  const office = await loginAs(server.app, 'office');
  await ok(office, 'POST', '/api/command/headquarters', { jurisdictionId: county.id, officeLocation: '区卫健局' });
  const change = await ok<{ id: string }>(office, 'POST', `/api/response-levels/${county.id}/proposals`, {
    to: 'IV',
    basis: 'trigger',
    reason: '出现本土散发病例，提请启动Ⅳ级响应',
    assessment: completeAssessment(),
  });
  await ok(office, 'POST', `/api/response-level-changes/${change.id}/confirmations`, {
    body: 'district',
    decision: 'confirmed',
    note: '区专家组同意',
  });
  return { countyId: county.id };
}

describe('response level journey', { skip: skipReason(), timeout: 360_000 }, () => {
  const journey = useJourney('response level journey', { seed, pages: 2, timeoutMs: 180_000 });
  let commander: Page;
  let office: Page;

  before(() => {
    commander = journey.page(0).page;
    office = journey.page(1).page;
  });

  // LVL-010, LVL-018, SC-32: the commander approves; the level's eleven measures show as open tasks of their groups
  it('the commander approves level IV and sees its measures as tasks', async () => {
    await signIn(commander, 'commander', TEST_PASSWORD);
    await commander.getByTestId('menu-response-levels').click();
    await commander.getByTestId('response-approve').click();
    await commander.locator('[data-testid="response-level"][data-level="IV"]').first().waitFor();
    const tasks = commander.locator('[data-testid="response-checklist"] [data-testid="measure-task"][data-state="open"]');
    await tasks.nth(10).waitFor();
    assert.equal(await tasks.count(), 11);
    await screenshot(commander, 'response-level-1-measures');
    await commander.getByTestId('menu-dashboard').click();
    await commander.locator('[data-testid="command-level"][data-level="IV"]').first().waitFor();
    await commander.getByTestId('command-groups').getByText('疫情防控和医疗救治组').waitFor();
    await screenshot(commander, 'response-level-2-overview');
    journey.lap('approved, measures issued');
  });

  // ORG-060: the office closes the measure LVL-IV-01's task with a photo; the checklist shows it done
  it('the office closes a measure task with evidence and the checklist shows it done', async () => {
    const [first] = await queryRows<{ id: string; title: string }>(
      journey.server.deps.database.db,
      sql`select id, title from task where source_kind = 'level_measure' and source_id = 'LVL-IV-01'`,
    );
    assert.ok(first);
    await signIn(office, 'office', TEST_PASSWORD);
    await office.getByTestId('menu-tasks').click();
    await office.getByRole('tab', { name: '全部任务' }).click();
    await office.locator('[data-testid="task-table"]:visible').getByText('LVL-IV-01').first().click();
    await office.locator('.ant-drawer input[type=file]').setInputFiles({ name: '预案.png', mimeType: 'image/png', buffer: PNG_EVIDENCE });
    await office.getByTestId('task-evidence').getByText('预案.png').waitFor();
    await office.getByTestId('task-close-note').fill('联防联控机制已强化，预案已修订');
    await office.getByTestId('task-close').click();
    await office.locator('.ant-drawer [data-testid="task-state"][data-state="done"]').waitFor();
    await commander.getByTestId('menu-response-levels').click();
    await commander.locator('[data-testid="response-checklist"] [data-testid="measure-task"][data-state="done"]').first().waitFor();
    await screenshot(commander, 'response-level-3-done');
    const [row] = await queryRows<{ status: string }>(journey.server.deps.database.db, sql`select status from task where id = ${first.id}`);
    assert.equal(row?.status, 'closed');
    assert.deepEqual(journey.page(0).problems, []);
    assert.deepEqual(journey.page(1).problems, []);
  });

  // LVL-011: during the response the office records the experts' re-assessment; the level stays and the clock restarts
  it('the office records the experts’ re-assessment: the level is kept and the history shows it', async () => {
    await office.goto('/response-levels'); // the task drawer of the step before covers the menu
    const card = office.getByTestId('response-reassessment');
    await card.getByText('按期').waitFor();
    await card.getByText('启动后尚未研判', { exact: false }).waitFor();
    await office.getByTestId('reassess-open').click();
    await office.getByTestId('reassess-note').fill('疫情平稳，维持Ⅳ级响应');
    const factors = office.locator('[data-testid^="reassess-factor-"]');
    for (let i = 0; i < (await factors.count()); i++) await factors.nth(i).fill('已研判');
    await office.getByTestId('reassess-record-trendAnalysis').fill('近7天无新增本土病例');
    await office.getByTestId('reassess-record-effectEvaluation').fill('各项措施落实到位');
    await office.getByTestId('reassess-submit').click();
    await card.getByText('疫情平稳，维持Ⅳ级响应').waitFor();
    await card.getByText('维持当前级别').waitFor();
    await card.getByText('上次研判', { exact: false }).waitFor();
    await screenshot(office, 'response-level-4-reassessed');
    assert.deepEqual(journey.page(1).problems, []);
  });
});
