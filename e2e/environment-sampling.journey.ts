import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { insertPlace } from '../packages/server/src/modules/places/place.repository.ts';
import { addTwoTowns, addUser, TEST_PASSWORD } from '../packages/server/src/testing/factories.ts';
import { choose, type JourneyPage, type JourneyServer, screenshot, signIn, skipReason, useJourney, waitForCount } from './harness.ts';

/**
 * Environment and goods sampling (TEST-014, SC-63): the town cadre finds the farmers' market due for sampling,
 * registers a swab of an imported cold-chain batch's outer packaging there and the same batch at a cold store;
 * the county lab's file makes the market's sample positive; the cadre sees the follow-up (the district's batch
 * trace, disinfection and worker screening with their clauses), closes the disinfection, and finds the market
 * flagged and both places holding the batch.
 */

const CADRE = 'hutang.cadre';
const LAB = 'wujin.lab';
const LAB_NAME = '武进区疾控中心';
const BATCH = 'EC-20221101-07';

async function seed(server: JourneyServer): Promise<void> {
  const deps = server.deps;
  const { county, townA, villageA } = await addTwoTowns(deps);
  await addUser(deps, CADRE, 'town_cadre', townA.id);
  await addUser(deps, LAB, 'lab_staff', county.id);
  const at = { jurisdictionId: villageA.id, jurisdictionPath: villageA.path };
  await insertPlace(deps.database.db, { kind: 'market', name: '湖塘农贸市场', code: 'J-M-01', ...at });
  await insertPlace(deps.database.db, { kind: 'enterprise', name: '湖塘冷链仓储有限公司', code: 'J-E-01', ...at });
}

describe('environment sampling journey', { skip: skipReason(), timeout: 120_000 }, () => {
  const journey = useJourney('environment sampling journey', { seed, pages: 2 });
  let cadre: JourneyPage;
  let lab: JourneyPage;
  let page: Page;

  before(() => {
    [cadre, lab] = [journey.page(0), journey.page(1)];
    page = cadre.page;
  });

  const register = async (barcode: string) => {
    await choose(page, page.getByTestId('environment-specimen'), '冷链食品外包装');
    await page.getByTestId('environment-goods').fill('冷冻白虾');
    await page.getByTestId('environment-cold-chain').check();
    await page.getByTestId('environment-imported').check();
    await page.getByTestId('environment-origin').fill('厄瓜多尔');
    await page.getByTestId('environment-batch').fill(BATCH);
    await page.getByTestId('environment-barcode').fill(barcode);
    await page.getByTestId('environment-submit').click();
    await page.getByText(`已登记，条码 ${barcode}`).waitFor();
  };

  // MKT-001: the market is due for regular sampling of goods and environment
  it('the market is due; the cadre samples a cold-chain batch there and at the cold store', async () => {
    await signIn(page, CADRE, TEST_PASSWORD);
    await page.getByTestId('menu-environment-sampling').click();
    const due = page.getByTestId('environment-due').locator('tbody tr', { hasText: '湖塘农贸市场' });
    assert.equal(await due.getByTestId('environment-due-state').getAttribute('data-state'), 'due');
    await screenshot(page, 'environment-1-due');
    await due.getByTestId('environment-sample-now').click();
    await register('ENV-J00001');
    await choose(page, page.getByTestId('environment-place'), '湖塘冷链仓储有限公司', '冷链');
    await register('ENV-J00002');
    await screenshot(page, 'environment-2-registered');
  });

  // SC-63, CASE-012: a positive sample sets off alerts and disinfection, screening and trace tasks
  it('the lab file makes the market’s sample positive: two alerts and three tasks', async () => {
    await signIn(lab.page, LAB, TEST_PASSWORD);
    await lab.page.getByTestId('menu-lab-results').click();
    await lab.page.getByTestId('lab-name').fill(LAB_NAME);
    const csv = '条码,结果,检测时间\nENV-J00001,阳性,\nENV-J00002,阴性,\n';
    await lab.page.locator('input[type=file]').setInputFiles({ name: '环境样本.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await lab.page.locator('[data-testid="lab-outcome"][data-status="done"]').waitFor();
    assert.equal(await lab.page.getByTestId('lab-created').getAttribute('data-value'), '2');
    assert.match((await lab.page.getByTestId('lab-follow-up').textContent()) ?? '', /管控及复核任务 3，疑似病例 0，预警 2/);
  });

  it('the sample shows its follow-up; the cadre closes the disinfection, not the district’s batch trace', async () => {
    await page.getByRole('tab', { name: '样本与结果' }).click();
    const row = page.getByTestId('environment-samples').locator('tbody tr', { hasText: 'ENV-J00001' });
    await row.locator('[data-testid="environment-sample-result"][data-result="positive"]').waitFor();
    await row.click();
    const drawer = page.getByTestId('environment-drawer');
    await drawer.getByTestId('environment-place-risk').getByText('阳性风险').waitFor();
    await drawer.getByText('seed 000 §三(二)5').first().waitFor();
    const tasks = drawer.getByTestId('environment-tasks');
    await waitForCount(tasks.locator('tbody tr.ant-table-row'), 3);
    await waitForCount(tasks.getByTestId('environment-close-task'), 2);
    await screenshot(page, 'environment-3-follow-up');
    await tasks.locator('tbody tr', { hasText: '闭市并环境消杀' }).getByTestId('environment-close-task').click();
    await page.getByTestId('environment-close-note').fill('已闭市，完成终末消毒');
    await page.locator('.ant-modal:visible .ant-btn-primary').click();
    await waitForCount(tasks.getByTestId('environment-close-task'), 1);
    // The note dialog closes first (an Escape while it fades would go to it), then the drawer.
    await page.locator('.ant-modal-wrap:visible').waitFor({ state: 'hidden' });
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
  });

  it('the market is flagged; the batch trace finds both places', async () => {
    await page.getByRole('tab', { name: '风险场所' }).click();
    await page.getByTestId('environment-risks').locator('tbody tr', { hasText: '湖塘农贸市场' }).getByText('阳性风险').waitFor();
    await page.getByPlaceholder('输入批次号').fill(BATCH);
    await page.getByPlaceholder('输入批次号').press('Enter');
    const places = page.getByTestId('environment-batch-places').locator('tbody tr.ant-table-row');
    await waitForCount(places, 2);
    assert.match((await places.filter({ hasText: '湖塘农贸市场' }).textContent()) ?? '', /11阳性风险/);
    await screenshot(page, 'environment-4-risks');
    assert.deepEqual([...cadre.problems, ...lab.problems], []);
  });
});
