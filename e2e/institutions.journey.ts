import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Locator } from 'playwright-core';
import { addTwoTowns, addUser, loginAs, residentId, TEST_PASSWORD } from '../packages/server/src/testing/factories.ts';
import { type JourneyServer, screenshot, signIn, skipReason, useJourney, waitForCount } from './harness.ts';

/**
 * Institutions (issue 16; SCH-004, SCH-005, SC-51, PHAR-001, SC-61): 甲小学's reporter reports the morning check with
 * one pupil absent for fever, which issues a fast-track NAT task; 甲社区大药房 registers a real-name fever-drug sale;
 * 甲社区's grid worker finds the buyer's follow-up on the work list.
 */

const SCHOOL = 'jia.school';
const PHARMACY = 'jia.pharmacy';
const GRID = 'jia.grid';

/** An antd InputNumber by test id, whether the id lands on the input or its wrapper. */
const numberInput = (scope: Locator, id: string) => scope.locator(`input[data-testid="${id}"], [data-testid="${id}"] input`).first();

async function seed(server: JourneyServer): Promise<Record<string, never>> {
  const deps = server.deps;
  const { county, townA, villageA } = await addTwoTowns(deps);
  await addUser(deps, 'district-admin', 'system_admin', county.id);
  await addUser(deps, SCHOOL, 'institution_reporter', townA.id);
  await addUser(deps, PHARMACY, 'pharmacy_staff', villageA.id);
  await addUser(deps, GRID, 'grid_worker', villageA.id);
  const admin = await loginAs(server.app, 'district-admin');
  for (const body of [
    { kind: 'school', name: '甲小学', code: 'J-SCH-1', profile: { students: 800, classes: 20, healthWorkers: 2 } },
    { kind: 'pharmacy', name: '甲社区大药房', code: 'J-PHA-1', profile: { nearCommunity: true } },
  ]) {
    const reply = await admin.request('POST', '/api/institutions', { ...body, jurisdictionId: villageA.id });
    if (reply.statusCode !== 201) throw new Error(`institution: ${reply.body}`);
  }
  return {};
}

describe('institutions journey', { skip: skipReason(), timeout: 240_000 }, () => {
  const journey = useJourney('institutions journey', { seed, pages: 3 });

  // SCH-004, SCH-005, SC-51: the morning check with one pupil absent for fever → a fast-track NAT task
  it('the school reports its morning check and a pupil absent for fever; the NAT task is issued', async () => {
    const { page, problems } = journey.page(0);
    await signIn(page, SCHOOL, TEST_PASSWORD);
    await page.waitForURL('**/institutions');
    await page.getByTestId('institution-open').filter({ hasText: '甲小学' }).click();
    const drawer = page.getByTestId('institution-drawer');
    await numberInput(drawer, 'check-present').fill('799');
    await numberInput(drawer, 'check-absent').fill('1');
    await drawer.getByTestId('check-submit').click();
    await drawer.locator('[data-testid="duty-school.morning_check"][data-state="done"]').waitFor();
    await drawer.getByTestId('absence-name').fill('张小明');
    await drawer.getByTestId('absence-class').fill('三年级二班');
    await numberInput(drawer, 'absence-temperature').fill('38.2');
    await drawer.getByTestId('absence-submit').click();
    const rows = drawer.getByTestId('absence-table').locator('tbody tr', { hasText: '三年级二班' });
    await waitForCount(rows, 1);
    assert.match((await rows.first().textContent()) ?? '', /已派发快速核酸任务/);
    assert.doesNotMatch((await rows.first().textContent()) ?? '', /张小明/, 'the pupil is masked in the list');
    await screenshot(page, 'institutions-1-school-check');
    assert.deepEqual(problems, []);
    journey.lap('school check and absence');
  });

  // PHAR-001, SC-61: a real-name fever-drug sale, masked in the list
  it('the pharmacy registers a fever-drug sale under the buyer’s real name', async () => {
    const { page, problems } = journey.page(1);
    await signIn(page, PHARMACY, TEST_PASSWORD);
    await page.waitForURL('**/institutions');
    await page.getByTestId('institution-open').filter({ hasText: '甲社区大药房' }).click();
    const drawer = page.getByTestId('institution-drawer');
    const idNumber = residentId('19800101', 123);
    await drawer.getByTestId('sale-name').fill('王某某');
    await drawer.getByTestId('sale-id').fill(idNumber);
    await drawer.getByTestId('sale-phone').fill('13912345678');
    await drawer.getByTestId('sale-drug').fill('布洛芬缓释胶囊');
    await drawer.getByTestId('sale-submit').click();
    const rows = drawer.getByTestId('sales-table').locator('tbody tr', { hasText: '布洛芬缓释胶囊' });
    await waitForCount(rows, 1);
    assert.doesNotMatch((await rows.first().textContent()) ?? '', new RegExp(idNumber), 'the ID number is masked in the list');
    await screenshot(page, 'institutions-2-pharmacy-sale');
    assert.deepEqual(problems, []);
    journey.lap('pharmacy sale');
  });

  // PHAR-001, SC-61: the buyer reaches the community's work list within the protocol's hours
  it('the grid worker sees the buyer’s follow-up on the work list', async () => {
    const { page, problems } = journey.page(2);
    await signIn(page, GRID, TEST_PASSWORD);
    await page.waitForURL('**/work-list');
    const card = page.getByTestId('institution-follow-ups');
    await card.locator('tbody tr', { hasText: '布洛芬缓释胶囊' }).waitFor();
    assert.match((await card.textContent()) ?? '', /药店购药随访/);
    await screenshot(page, 'institutions-3-work-list');
    assert.deepEqual(problems, []);
    journey.lap('grid follow-up');
  });
});
