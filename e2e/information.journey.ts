import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { insertSignal } from '../packages/server/src/modules/dashboard/early-warning.repository.ts';
import { setUserPerson } from '../packages/server/src/modules/residents/resident.repository.ts';
import { addTwoTowns, addUser, loginAs, residentId, TEST_PASSWORD } from '../packages/server/src/testing/factories.ts';
import { choose, type JourneyServer, openPhone, screenshot, signIn, skipReason, useJourney } from './harness.ts';

const TITLE = '甲社区关于返乡人员登记的通告';

/**
 * 甲社区's grid worker, 湖塘镇's cadre (the township headquarters), a resident of 甲社区 with a person record, and an
 * early-warning signal of 湖塘镇 (fever-clinic visits on 4 April 2022) to draft a warning from.
 */
async function seed(server: JourneyServer): Promise<{ signalId: string }> {
  const { villageA, townA } = await addTwoTowns(server.deps);
  await addUser(server.deps, 'grid-a', 'grid_worker', villageA.id);
  await addUser(server.deps, 'town-a', 'town_cadre', townA.id);
  const resident = await addUser(server.deps, 'res-a', 'resident', villageA.id);
  const grid = await loginAs(server.app, 'grid-a');
  const person = await grid.request('POST', '/api/persons', {
    idType: 'resident_id',
    idNumber: residentId('19800808', 421),
    name: '赵居民',
    phone: '13800000021',
    jurisdictionId: villageA.id,
  });
  assert.equal(person.statusCode, 201, person.body);
  await setUserPerson(server.deps.database.db, resident.id, (person.json() as { id: string }).id);
  const signal = await insertSignal(server.deps.database.db, {
    jurisdictionId: townA.id,
    jurisdictionPath: townA.path,
    series: 'fever_clinic_visit',
    day: '2022-04-04',
    method: 'C2',
    count: 12,
    threshold: 5.3,
    statistic: 4.1,
    evidence: {},
    editionId: 'cn-2022-9th',
  });
  assert.ok(signal);
  return { signalId: signal.id };
}

async function signOut(page: Page) {
  await page.context().clearCookies();
}

/**
 * Issue 15 part 5, INFO-001, COMM-043, SC-68: a community notice is drafted by the grid worker, cannot be published
 * before the town approves, is approved by the town cadre, published, and shows on the resident's page.
 */
describe('information release journey', { skip: skipReason(), timeout: 240_000 }, () => {
  const journey = useJourney('information release journey', { seed });
  let page: Page;

  before(() => {
    page = journey.page().page;
  });

  it('the grid worker drafts a notice and reports it upward', async () => {
    await signIn(page, 'grid-a', TEST_PASSWORD);
    await page.goto('/information');
    await page.getByTestId('information-new').click();
    await page.getByTestId('information-title').fill(TITLE);
    await page.getByTestId('information-body').fill('请近期返乡人员到社区登记。');
    await page.getByTestId('information-draft-save').click();
    const row = page.getByTestId('information-releases').locator('tbody tr', { hasText: TITLE });
    await row.getByText('草稿').waitFor();
    await row.locator('[data-testid^="release-submit-"]').click();
    await row.getByText('待审核').waitFor();
    await row.getByText('待镇（街道）审核').waitFor();
    assert.equal(await row.locator('[data-testid^="release-publish-"]').count(), 0, 'nothing to publish before approval');
    await screenshot(page, 'information-1-submitted');
    await signOut(page);
  });

  it('the town cadre approves it and publishes it', async () => {
    await signIn(page, 'town-a', TEST_PASSWORD);
    await page.goto('/information');
    const row = page.getByTestId('information-releases').locator('tbody tr', { hasText: TITLE });
    await row.locator('[data-testid^="release-approve-"]').click();
    await page.getByTestId('release-step-text').fill('同意发布');
    await page.getByTestId('release-step-confirm').click();
    await row.getByText('已审核').waitFor();
    await row.locator('[data-testid^="release-publish-"]').click();
    await row.getByText('已发布').waitFor();
    await screenshot(page, 'information-2-published');
    assert.deepEqual(journey.page().problems, []);
  });

  it('the resident sees it on the H5 home page, and the public page lists it', async () => {
    const problems: string[] = [];
    const phone = await openPhone(journey.browser, journey.server.baseUrl, problems);
    await phone.goto('/login');
    await phone.getByTestId('login-username').fill('res-a');
    await phone.getByTestId('login-password').fill(TEST_PASSWORD);
    await phone.getByTestId('login-submit').click();
    await phone.waitForURL(/\/h5/);
    await phone.getByTestId('my-notices').getByText(TITLE).waitFor();
    await screenshot(phone, 'information-3-resident');
    const reply = await phone.request.get('/api/public/notices');
    assert.ok(((await reply.json()) as { items: { title: string }[] }).items.some((n) => n.title === TITLE));
    assert.deepEqual(problems, []);
  });

  // INFO-005, SC-68: anyone, signed out, follows the link on the sign-in page to the public notices page and reads it.
  it('a visitor without an account opens the public notices page from the sign-in page and reads the notice', async () => {
    await signOut(page);
    await page.goto('/login');
    await page.getByTestId('public-notices-link').click();
    await page.waitForURL(/\/notices$/);
    await page.getByTestId('public-notices').getByTestId('public-notice').filter({ hasText: TITLE }).waitFor();
    assert.equal(await page.getByTestId('login-card').count(), 0, 'no sign-in asked');
    assert.equal(await page.getByTestId('user-menu').count(), 0, 'not signed in');
    await screenshot(page, 'information-4-public-notices');
    assert.deepEqual(journey.page().problems, []);
  });

  // INFO-007, CASE-007: the dashboard's 起草预警信息 leads to /information?signal=…: the tip is pre-filled from the signal and keeps it.
  it('the town cadre drafts a warning from 湖塘镇’s early-warning signal', async () => {
    await signIn(page, 'town-a', TEST_PASSWORD);
    await page.goto(`/information?signal=${journey.seeded.signalId}`);
    await page.getByTestId('information-from-signal').waitFor();
    const title = page.getByTestId('information-title');
    // The form is filled just after the pre-fill arrives (an effect): wait for the title, at most five seconds.
    for (let i = 0; i < 50 && (await title.inputValue()) === ''; i++) await page.waitForTimeout(100);
    assert.equal(await title.inputValue(), '湖塘镇健康风险提示（4月4日）');
    assert.match(await page.getByTestId('information-body').inputValue(), /发热门诊就诊监测数（12）/);
    await page.getByTestId('information-draft-save').click();
    const row = page.getByTestId('information-releases').locator('tbody tr', { hasText: '湖塘镇健康风险提示（4月4日）' });
    await row.getByText('来自预警信号').waitFor();
    await row.getByText('草稿').waitFor();
    await screenshot(page, 'information-5-warning-from-signal');
    assert.deepEqual(journey.page().problems, []);
  });

  // DAILY-008: the leading group's work bulletin (工作动态) goes to staff by default and waits for the town's approval.
  it('the town cadre drafts the town’s work bulletin: staff only, reported for the town’s approval', async () => {
    await page.goto('/information');
    await page.getByTestId('information-new').click();
    await choose(page, page.getByTestId('information-kind'), '工作动态');
    await page.locator('.ant-modal').getByText('内部').waitFor();
    await page.getByTestId('information-title').fill('湖塘镇疫情防控工作动态（第1期）');
    await page.getByTestId('information-body').fill('一、全镇卡口值守情况；二、重点人员管控情况。');
    await page.getByTestId('information-draft-save').click();
    const row = page.getByTestId('information-releases').locator('tbody tr', { hasText: '湖塘镇疫情防控工作动态（第1期）' });
    await row.getByText('工作动态', { exact: true }).waitFor();
    await row.locator('[data-testid^="release-submit-"]').click();
    await row.getByText('待镇（街道）审核').waitFor();
    await screenshot(page, 'information-6-work-bulletin');
    assert.deepEqual(journey.page().problems, []);
  });
});
