import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { insertPerson } from '../packages/server/src/modules/persons/person.repository.ts';
import { sealPerson } from '../packages/server/src/modules/persons/person-record.ts';
import { insertPlace } from '../packages/server/src/modules/places/place.repository.ts';
import { addTwoTowns, addUser, residentId, TEST_PASSWORD } from '../packages/server/src/testing/factories.ts';
import { choose, type JourneyPage, type JourneyServer, screenshot, signIn, skipReason, useJourney, waitForCount } from './harness.ts';

/**
 * Testing at scale (issue 5): a town cadre opens a campaign over the town, adds a collection point and samples 12
 * residents into pools of 10 (one full tube, one of two closed by hand); the county lab imports a file with both
 * tubes positive (and a row with an unknown barcode); the campaign dashboard shows both positive pools with every
 * member's control and retest task open, and a pool opens to its members. The lab then asks to correct the second
 * tube to negative, and the cadre (a second user, with testing management rights) approves: the pool leaves the
 * positives. The testing overview shows the campaign's progress per town and today's positives. The server's clock
 * is real time.
 */

const CADRE = 'hutang.cadre';
const LAB = 'wujin.lab';
const LAB_NAME = '武进区疾控中心';
const FIRST = 'T-100001';
const SECOND = 'T-100002';

/** The flat 3幢 2单元 501室 of 甲社区, as building, unit and household places; answers the household's id. */
async function doorOfVillage(server: JourneyServer, village: { id: string; path: string }): Promise<string> {
  const db = server.deps.database.db;
  const where = { jurisdictionId: village.id, jurisdictionPath: village.path };
  const building = await insertPlace(db, { kind: 'building', name: '3幢', code: 'J-B3', ...where });
  const unit = await insertPlace(db, { kind: 'unit', name: '2单元', code: 'J-B3-2', parentPlaceId: building.id, ...where });
  return (await insertPlace(db, { kind: 'household', name: '501室', code: 'J-B3-2-501', parentPlaceId: unit.id, ...where })).id;
}

async function seed(server: JourneyServer): Promise<string[]> {
  const deps = server.deps;
  const { county, townA, villageA } = await addTwoTowns(deps);
  await addUser(deps, CADRE, 'town_cadre', townA.id);
  await addUser(deps, LAB, 'lab_staff', county.id);
  const ids: string[] = [];
  const door = await doorOfVillage(server, villageA);
  // 12 to sample and 3 left for door-to-door follow-up, who live at 3幢 2单元 501室.
  for (let i = 0; i < 15; i++) {
    const idNumber = residentId('19800101', 300 + i);
    const row = sealPerson(
      deps.cipher,
      { idType: 'resident_id', idNumber, name: `居民${String(i + 1).padStart(2, '0')}`, householdId: i >= 12 ? door : null },
      { jurisdictionId: villageA.id, jurisdictionPath: villageA.path },
    );
    await insertPerson(deps.database.db, row);
    ids.push(idNumber);
  }
  return ids;
}

describe('testing campaign journey', { skip: skipReason(), timeout: 180_000 }, () => {
  const journey = useJourney('testing campaign journey', { seed, pages: 2 });
  let cadre: JourneyPage;
  let lab: JourneyPage;
  let page: Page;
  let idNumbers: string[];
  const lap = (what: string) => journey.lap(what);

  before(() => {
    [cadre, lab] = [journey.page(0), journey.page(1)];
    page = cadre.page;
    idNumbers = journey.seeded;
  });

  it('the town cadre opens a campaign over the town with a collection point', async () => {
    await signIn(page, CADRE, TEST_PASSWORD);
    await page.getByTestId('menu-testing').click();
    await page.getByTestId('new-campaign').click();
    await page.getByTestId('campaign-name').fill('湖塘镇全员核酸第一轮');
    await choose(page, page.getByTestId('campaign-pool'), '10');
    await page.getByTestId('campaign-submit').click();
    const detail = page.getByTestId('campaign-detail');
    await detail.getByText('湖塘镇全员核酸第一轮').first().waitFor();
    await page.getByTestId('add-point').click();
    await page.getByTestId('point-name').fill('甲社区广场');
    await choose(page, page.getByTestId('point-community'), '甲社区');
    await page.locator('.ant-modal:visible input#opensAt').fill('00:00');
    await page.locator('.ant-modal:visible input#closesAt').fill('23:59');
    await page.getByTestId('point-expected').fill('15');
    await page.getByTestId('point-lab').fill(LAB_NAME);
    await page.getByTestId('point-submit').click();
    await page.locator('.ant-modal:visible').waitFor({ state: 'hidden' });
    await detail.getByRole('tab', { name: '采样点' }).click();
    await detail.getByText('甲社区广场').waitFor();
    await screenshot(page, 'testing-1-campaign');
    lap('campaign opened');
  });

  it('samples 12 residents: the first tube closes at 10, the second holds 2 and is closed by hand', async () => {
    await page.getByTestId('menu-sampling').click();
    await choose(page, page.getByTestId('sampling-campaign'), '湖塘镇全员核酸第一轮');
    await choose(page, page.getByTestId('sampling-point'), '甲社区广场');
    const scanAll = async (barcode: string, ids: string[]) => {
      await page.getByTestId('tube-barcode').fill(barcode);
      for (const [i, idNumber] of ids.entries()) {
        await page.getByTestId('scan-id').fill(idNumber);
        await page.getByTestId('scan-id').press('Enter');
        await page.locator(`[data-testid="tube-state"][data-barcode="${barcode}"][data-count="${i + 1}"]`).waitFor();
      }
    };
    await scanAll(FIRST, idNumbers.slice(0, 10));
    await page.locator(`[data-testid="tube-state"][data-barcode="${FIRST}"][data-closed="true"]`).waitFor();
    await page.getByTestId('tube-full').waitFor();
    await screenshot(page, 'testing-2-tube-full');
    await scanAll(SECOND, idNumbers.slice(10, 12));
    await page.getByTestId('close-tube').click();
    await page.locator(`[data-testid="tube-state"][data-barcode="${SECOND}"][data-closed="true"]`).waitFor();
    await page.getByText('本次采样 (12)').waitFor();
    await screenshot(page, 'testing-3-sampled');
    lap('12 sampled');
  });

  // TEST-006: coverage per community and the residents not yet sampled
  it('progress per community and the three not yet sampled', async () => {
    await page.getByTestId('menu-testing').click();
    await page.getByTestId('campaigns-table').getByText('湖塘镇全员核酸第一轮').click();
    const detail = page.getByTestId('campaign-detail');
    await page.locator('[data-testid="tubes-in-transit"][data-value="2"]').waitFor();
    await detail.getByRole('tab', { name: '采样进度' }).click();
    const row = page.getByTestId('progress-table').locator('tbody tr', { hasText: '甲社区' });
    assert.match((await row.textContent()) ?? '', /甲社区1215/);
    await detail.getByRole('tab', { name: '未采样人员' }).click();
    await waitForCount(page.getByTestId('unsampled-table').locator('tbody tr.ant-table-row'), 3);
    // issue 18 item 6: the community is named with its town, never a grid or community alone
    const firstUnsampled = await page.getByTestId('unsampled-table').locator('tbody tr.ant-table-row').first().textContent();
    assert.match(firstUnsampled ?? '', /湖塘镇 \/ 甲社区/);
    // TEST-006, COMM-041; issue 18 item 5: staff of the person's scope see the door they knock on
    assert.match(firstUnsampled ?? '', /3幢 2单元 501室/);
    await screenshot(page, 'testing-4-unsampled');
    lap('progress checked');
  });

  it('the lab imports both tubes positive; an unknown barcode is reported with its row', async () => {
    await signIn(lab.page, LAB, TEST_PASSWORD);
    await lab.page.getByTestId('menu-lab-results').click();
    await lab.page.getByTestId('lab-name').fill(LAB_NAME);
    const csv = `条码,结果,检测时间\n${FIRST},阳性,\n${SECOND},阳性,\nT-999999,阴性,\n`;
    await lab.page.locator('input[type=file]').setInputFiles({ name: '武进疾控-结果.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await lab.page.locator('[data-testid="lab-outcome"][data-status="done"]').waitFor();
    assert.equal(await lab.page.getByTestId('lab-created').getAttribute('data-value'), '2');
    assert.equal(await lab.page.getByTestId('lab-failed').getAttribute('data-value'), '1');
    const errors = await lab.page.getByTestId('lab-errors').locator('tbody tr').allTextContents();
    assert.equal(errors.length, 1, errors.join(' | '));
    assert.match(errors[0] ?? '', /^4/, 'row 4');
    assert.match(
      (await lab.page.getByTestId('lab-follow-up').textContent()) ?? '',
      /管控及复核任务 24，疑似病例 0，预警 2/,
      'a control and a retest task for each of the 12 members, an alert per tube',
    );
    await screenshot(lab.page, 'testing-5-lab-import');
    lap('results imported');
  });

  it("the dashboard shows both positive pools, every member's control and retest task open", async () => {
    await page.reload();
    await page.getByTestId('campaigns-table').getByText('湖塘镇全员核酸第一轮').click();
    const positives = page.getByTestId('positives-table');
    await waitForCount(positives.locator('tbody tr.ant-table-row'), 2);
    const members = async (barcode: string) => {
      const row = positives.locator(`tr[data-barcode="${barcode}"]`);
      return [await row.getByTestId('positive-members').textContent(), await row.getByTestId('positive-open-tasks').textContent()];
    };
    assert.deepEqual(await members(FIRST), ['10', '20'], 'ten members, each a control and a retest task');
    assert.deepEqual(await members(SECOND), ['2', '4']);
    assert.equal(await page.getByTestId('tubes-resulted').getAttribute('data-value'), '2');
    await positives.scrollIntoViewIfNeeded();
    await screenshot(page, 'testing-6-dashboard');
    lap('dashboard checked');
  });

  it('the second pool opens to its two members: masked, each with an open control and retest task, to be retested', async () => {
    const positives = page.getByTestId('positives-table');
    await positives.locator(`tr[data-barcode="${SECOND}"] .ant-table-row-expand-icon`).click();
    const rows = page.locator(`[data-testid="pool-members"][data-barcode="${SECOND}"] tbody tr.ant-table-row`);
    await waitForCount(rows, 2);
    const texts = await rows.allTextContents();
    for (const text of texts) assert.match(text, /^居\*+320412\*+[\dX]{4}甲社区待办待办待复核$/, texts.join(' | '));
    await rows.last().scrollIntoViewIfNeeded();
    await screenshot(page, 'testing-7-pool-members');
    lap('pool members checked');
  });

  it("the testing overview shows the campaign's progress per town and both pools among today's positives", async () => {
    await page.getByTestId('menu-testing-overview').click();
    const campaign = page.getByTestId('overview-campaigns').locator('tbody tr', { hasText: '湖塘镇全员核酸第一轮' });
    assert.match((await campaign.textContent()) ?? '', /12 \/ 15.*湖塘镇 12\/15/);
    await waitForCount(page.getByTestId('positives-table').locator('tbody tr.ant-table-row'), 2);
    await screenshot(page, 'testing-8-overview');
    lap('overview checked');
  });

  // Issue 18 item 8; CASE-007 (warning levels), TEST-007: the positive pools lead the alerts, named and linked.
  it('the alerts page lists a positive pool first: critical, with its tube, a masked member and a link to the record', async () => {
    await page.getByTestId('menu-alerts').click();
    const rows = page.getByTestId('alerts-table').locator('tbody tr.ant-table-row');
    await waitForCount(rows, 2);
    const first = rows.first();
    assert.equal(await first.getByTestId('alert-severity').getAttribute('data-severity'), 'critical');
    assert.equal(await first.getByTestId('alert-title').getAttribute('data-kind'), 'positive_pool');
    assert.match((await first.getByTestId('alert-title').textContent()) ?? '', /^混采管 T-10000[12] 阳性：居\*+ 等 \d+ 人$/);
    assert.match((await first.getByTestId('alert-link').getAttribute('href')) ?? '', /^\/persons\?person=[0-9a-f-]{36}$/);
    assert.doesNotMatch((await rows.allTextContents()).join(' '), /positive_pool/, 'no raw kind code on screen');
    await choose(page, page.getByTestId('alert-filter-severity'), '紧急');
    await waitForCount(rows, 2);
    await screenshot(page, 'testing-8b-alerts');
    await rows.first().getByTestId('alert-link').click();
    const drawer = page.getByTestId('person-drawer');
    await drawer.waitFor();
    assert.match(page.url(), /\/persons\?person=/, 'the link leads to the member record');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    assert.deepEqual(cadre.problems, []);
    lap('alerts checked');
  });

  it("a member's results in the person drawer: the positive pool of 10, no negative within 24 h", async () => {
    await page.getByTestId('menu-persons').click();
    await page.getByTestId('person-search-input').fill('居民01');
    await page.getByTestId('person-search-submit').click();
    await page.getByTestId('person-table').getByTestId('person-open').first().click();
    const drawer = page.getByTestId('person-drawer');
    await drawer.getByTestId('person-tab-testing').click();
    const results = drawer.getByTestId('person-results');
    await results.locator('tbody tr', { hasText: FIRST }).waitFor();
    assert.match((await results.locator('tbody tr', { hasText: FIRST }).textContent()) ?? '', /10 混 1.*阳性/);
    await screenshot(page, 'testing-9-person-results');
    assert.deepEqual([...cadre.problems, ...lab.problems], []);
    lap('person results checked');
  });

  it('the lab asks to correct the second tube to negative; the cadre approves and the pool leaves the positives', async () => {
    const lp = lab.page;
    const barcode = lp.getByTestId('lab-correction').locator('input').first();
    await barcode.fill(SECOND);
    await barcode.press('Enter');
    await lp.locator('[data-testid="correction-tube"][data-result="positive"]').waitFor();
    await choose(lp, lp.getByTestId('correction-result'), '阴性');
    await lp.getByTestId('correction-reason').fill('实验室对同一样本复检为阴性，原报告录入错误');
    await lp.getByTestId('correction-reference').fill('武疾控检〔2022〕118号');
    await lp.getByTestId('correction-submit').click();
    const asked = lp.getByTestId('correction-queue').locator('tbody tr', { hasText: SECOND });
    await asked.waitFor();
    assert.equal(await asked.getByTestId('approve').count(), 0, 'the lab holds no approval right');
    await screenshot(lp, 'testing-8-correction-requested');
    await page.keyboard.press('Escape');
    await page.getByTestId('person-drawer').waitFor({ state: 'hidden' });
    await page.getByTestId('menu-lab-corrections').click();
    const pending = page.getByTestId('correction-queue').locator('tbody tr', { hasText: SECOND });
    await pending.getByTestId('approve').click();
    await pending.waitFor({ state: 'detached' });
    await page.getByTestId('menu-testing').click();
    await page.getByTestId('campaigns-table').getByText('湖塘镇全员核酸第一轮').click();
    const positives = page.getByTestId('positives-table');
    await waitForCount(positives.locator('tbody tr.ant-table-row'), 1);
    await positives.locator(`tr[data-barcode="${FIRST}"]`).waitFor();
    await screenshot(page, 'testing-9-corrected');
    assert.deepEqual([...cadre.problems, ...lab.problems], []);
    lap('correction approved');
  });
});
