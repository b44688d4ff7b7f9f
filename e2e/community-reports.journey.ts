import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { addHousehold, addTwoTowns, addUser, loginAs, residentId, TEST_PASSWORD } from '../packages/server/src/testing/factories.ts';
import { choose, type JourneyServer, openPhone, screenshot, signIn, skipReason, useJourney } from './harness.ts';
import { registerResidentAccount } from './resident-account.ts';

/**
 * Seed 001 §三(二)2–3 (SC-38, SC-39; KP-I02, KP-I03, COMM-034): a resident reports an unregistered outsider on the
 * phone; the grid worker sees it on the community page, the town cadre finds the person and registers them in the
 * household (home medical observation, the tracking task closed); the grid worker records a returnee refusing a
 * temperature check and refers it to the police.
 */

const RESIDENT = { idNumber: residentId('19880808', 246), name: '居民赵报告', phone: '13900003333' };
const RESIDENT_PASSWORD = 'resident-pass-2026';
const GRID = 'yi.grid';
const TOWN = 'yi.town';
const OUTSIDER = { name: '外来钱某', idNumber: residentId('19900909', 357) };

async function seed(server: JourneyServer): Promise<{ household: string }> {
  const { townA, villageA } = await addTwoTowns(server.deps);
  const household = await addHousehold(server.deps, villageA, `${villageA.code}0302`);
  await addUser(server.deps, GRID, 'grid_worker', villageA.id);
  await addUser(server.deps, TOWN, 'town_cadre', townA.id);
  const grid = await loginAs(server.app, GRID);
  const person = await grid.request('POST', '/api/persons', {
    idType: 'resident_id',
    ...RESIDENT,
    jurisdictionId: villageA.id,
    householdId: household.id,
  });
  assert.equal(person.statusCode, 201, person.body);
  await registerResidentAccount(server, RESIDENT, RESIDENT_PASSWORD);
  return { household: household.code ?? '' };
}

describe('community reports journey (SC-38, SC-39)', { skip: skipReason(), timeout: 180_000 }, () => {
  const journey = useJourney('community reports journey', { seed, pages: 2 });
  let phone: Page;
  const phoneProblems: string[] = [];

  before(async () => {
    phone = await openPhone(journey.browser, journey.server.baseUrl, phoneProblems);
  });

  it('SC-38 KP-I02: the resident reports an unregistered outsider from the phone', async () => {
    await phone.goto('/h5/login');
    await phone.getByTestId('h5-login-phone').fill(RESIDENT.phone);
    await phone.getByTestId('h5-login-password').fill(RESIDENT_PASSWORD);
    await phone.getByTestId('h5-login-submit').click();
    const card = phone.getByTestId('outsider-report');
    await card.waitFor();
    await phone.getByTestId('outsider-whereabouts').fill('3 幢 302 室');
    await phone.getByTestId('outsider-description').fill('昨晚住进外地人员，未见登记');
    await phone.getByTestId('outsider-send').click();
    await phone.getByTestId('outsider-report-sent').waitFor();
    await screenshot(phone, 'community-reports-1-resident');
    assert.deepEqual(phoneProblems, []);
  });

  it('SC-38: the town cadre sees it, finds the person and registers them in the household; the report reads found', async () => {
    const { page, problems } = journey.page(0);
    await signIn(page, TOWN, TEST_PASSWORD);
    await page.goto('/community');
    await page.getByTestId('community-tab-reports').click();
    const row = page.getByTestId('reports-table').locator('tr', { hasText: '3 幢 302 室' });
    await row.getByTestId('report-state').waitFor();
    assert.equal(await row.getByTestId('report-state').getAttribute('data-state'), 'open');
    assert.match((await row.textContent()) ?? '', /居民报告/);
    await row.getByTestId('report-found').click();
    const form = page.getByTestId('found-form');
    await form.waitFor();
    await choose(page, page.getByTestId('found-household'), journey.seeded.household, journey.seeded.household);
    await page.getByTestId('found-name').fill(OUTSIDER.name);
    await page.getByTestId('found-id').fill(OUTSIDER.idNumber);
    await page.getByTestId('found-from').fill('温州市');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await page.getByTestId('reports-table').locator('tr', { hasText: '3 幢 302 室' }).locator('[data-state="found"]').waitFor();
    await screenshot(page, 'community-reports-2-found');
    assert.deepEqual(problems, []);
  });

  it('SC-39 KP-I03 COMM-034: the grid worker records a refusal of a temperature check and refers it to the police', async () => {
    const { page, problems } = journey.page(1);
    await signIn(page, GRID, TEST_PASSWORD);
    await page.goto('/community');
    await page.getByTestId('community-tab-reports').click();
    await page.getByTestId('report-kind').getByText('拒不配合防控措施').click();
    await choose(page, page.getByTestId('report-measure'), '体温检测');
    await page.getByTestId('report-subject').fill('周某');
    await page.getByTestId('report-whereabouts').fill('东门卡口');
    await page.getByTestId('report-description').fill('拒绝测温并强行进入');
    await page.getByTestId('report-submit').click();
    const row = page.getByTestId('reports-table').locator('tr', { hasText: '东门卡口' });
    await row.getByTestId('report-refer').click();
    await page.getByTestId('report-police-station').fill('湖塘派出所');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await row.locator('[data-state="referred"]').waitFor();
    assert.match((await row.textContent()) ?? '', /周\*.*湖塘派出所/);
    await screenshot(page, 'community-reports-3-referred');
    assert.deepEqual(problems, []);
  });
});
