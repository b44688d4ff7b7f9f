import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { addDays, shanghaiDate } from '@fangkong/core';
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { queryRows } from '../packages/server/src/db/query-rows.ts';
import { insertRiskArea } from '../packages/server/src/modules/zones/risk-area.repository.ts';
import {
  addHousehold,
  addJurisdiction,
  addTwoTowns,
  addUser,
  loginAs,
  residentId,
  TEST_PASSWORD,
} from '../packages/server/src/testing/factories.ts';
import { choose, type JourneyPage, type JourneyServer, screenshot, signIn, skipReason, useJourney } from './harness.ts';

interface CommunityData {
  returneeId: string;
  householderId: string;
}

/** A community with two households (one member registered), a grid worker, and 武汉市 published at high risk. */
async function seed(server: JourneyServer): Promise<CommunityData> {
  const deps = server.deps;
  const { villageA, county } = await addTwoTowns(deps);
  await addUser(deps, 'cdc-c', 'cdc_epidemiologist', county.id);
  await addJurisdiction(deps, 'CN', '42', '湖北省', 'province');
  const wuhan = await addJurisdiction(deps, '42', '4201', '武汉市', 'city');
  const now = deps.clock();
  await insertRiskArea(deps.database.db, {
    jurisdictionId: wuhan.id,
    jurisdictionPath: wuhan.path,
    editionId: 'seed-2020',
    asOf: shanghaiDate(now),
    computedLevel: 'high',
    reasons: [],
    level: 'high',
    status: 'published',
    proposedAt: now,
    publishedAt: now,
  });
  const first = await addHousehold(deps, villageA, '320412100001-01-0101');
  await addHousehold(deps, villageA, '320412100001-01-0102');
  await addUser(deps, 'grid-c', 'grid_worker', villageA.id);
  const grid = await loginAs(server.app, 'grid-c');
  const reply = await grid.request('POST', '/api/persons', {
    idType: 'resident_id',
    idNumber: residentId('19700101', 611),
    name: '户主甲',
    jurisdictionId: villageA.id,
    householdId: first.id,
  });
  assert.equal(reply.statusCode, 201, reply.body);
  return { returneeId: residentId('19950505', 153, '420106'), householderId: (reply.json() as { id: string }).id };
}

/** The grid worker screens a household door to door and registers a returnee from a high-risk area (issue 16 §7). */
describe('community journey', { skip: skipReason(), timeout: 240_000 }, () => {
  const journey = useJourney('community journey', { seed });
  let server: JourneyServer;
  let browser: JourneyPage;
  let page: Page;
  let data: CommunityData;

  before(() => {
    server = journey.server;
    data = journey.seeded;
    browser = journey.page();
    page = browser.page;
  });

  // COMM-040: a round over every household of the community
  it('starts a door-to-door round over every household of the community', async () => {
    await signIn(page, 'grid-c', TEST_PASSWORD);
    await page.getByTestId('menu-community').click();
    await page.getByTestId('round-start').click();
    await page.getByTestId('round-progress').getByText('已排查 0 / 2 户').waitFor();
    assert.equal(await page.getByTestId('household-visit').count(), 2);
    await screenshot(page, 'community-1-round');
  });

  // COMM-040, SC-41: a returnee from a high-risk area found at home becomes a key person
  it('visits a household, registers a returnee back from 武汉市 and sees the key person', async () => {
    await page.getByTestId('household-visit').first().click();
    await page.getByTestId('visit-add-person').click();
    const person = page.getByTestId('visit-person').last();
    await person.getByTestId('new-person-name').fill('返乡人员乙');
    await person.getByTestId('new-person-id').fill(data.returneeId);
    await choose(page, person.getByTestId('travel-risk-place'), '武汉市');
    await person.locator('input[type="date"]').fill(addDays(shanghaiDate(new Date()), -5));
    await screenshot(page, 'community-2-visit');
    await page.getByTestId('visit-save').click();
    await page.getByTestId('round-progress').getByText('已排查 1 / 2 户').waitFor();
    const found = page.getByTestId('found-table');
    await found.getByText('中高风险地区来返人员').waitFor();
    await found.getByText('14 天内有重点地区旅居史').waitFor();
    await found.getByTestId('found-open').click();
    await page.getByTestId('episode-summary').getByText('中高风险地区来返人员').waitFor();
    const [episode] = await queryRows<{ category: string; source: string }>(
      server.deps.database.db,
      sql`select category, source from key_person_episode`,
    );
    assert.deepEqual([episode?.category, episode?.source], ['risk_area_arrival', 'screening']);
    await screenshot(page, 'community-3-key-person');
    assert.deepEqual(browser.problems, []);
  });

  // COMM-040 (seed 001 §三(四)4): a person found with symptoms starts a medical follow-up task on the grid worker's work list
  it('screens the second household, finds a person with fever and sees the follow-up task on the work list', async () => {
    await page.keyboard.press('Escape'); // the key person's drawer of the step before
    await page.getByTestId('episode-summary').waitFor({ state: 'hidden' });
    await page.getByTestId('household-visit').last().click();
    await page.getByTestId('visit-add-person').click();
    const person = page.getByTestId('visit-person').last();
    await person.getByTestId('new-person-name').fill('发热丙');
    await person.getByTestId('new-person-id').fill(residentId('19880808', 175));
    await person.getByTestId('person-symptoms').fill('发热、咳嗽');
    await page.getByTestId('visit-save').click();
    await page.getByTestId('round-progress').getByText('已排查 2 / 2 户').waitFor();
    await page.getByTestId('found-table').getByTestId('found-follow-up').waitFor();
    const [task] = await queryRows<{ source_kind: string; username: string }>(
      server.deps.database.db,
      sql`select t.source_kind, u.username from task t join app_user u on u.id = t.assignee_user_id where t.source_kind = 'screening_symptomatic'`,
    );
    assert.deepEqual([task?.source_kind, task?.username], ['screening_symptomatic', 'grid-c']);
    await page.getByTestId('menu-work-list').click();
    const card = page.getByTestId('institution-follow-ups');
    await card.locator('tbody tr', { hasText: '入户排查症状随访' }).waitFor();
    assert.match((await card.textContent()) ?? '', /发\*\*.*发热、咳嗽/);
    await screenshot(page, 'community-4-symptomatic-follow-up');
    assert.deepEqual(browser.problems, []);
  });

  // SC-26, LVL-020: the first suspected case among the residents switches the community from keeping infection out to stopping spread
  it('shows the community keeping infection out, then stopping spread with its six tasks once a resident is a suspected case', async () => {
    await page.getByTestId('menu-community').click();
    const banner = page.getByTestId('community-mode');
    await banner.getByText('外防输入：本社区居民中未发现疑似或确诊病例').waitFor();
    const cdc = await loginAs(server.app, 'cdc-c');
    const opened = await cdc.request('POST', '/api/cases', { personId: data.householderId, classification: 'suspected', source: 'manual' });
    assert.equal(opened.statusCode, 201, opened.body);
    await page.reload();
    await banner.getByText('内防扩散、外防输出：本社区居民中已出现疑似或确诊病例').waitFor();
    await banner.getByTestId('community-mode-tasks').getByText('严格密接管理', { exact: false }).waitFor();
    assert.equal(await banner.getByTestId('community-mode-tasks').locator('.ant-list-item').count(), 6);
    await screenshot(page, 'community-5-stop-spread');
    assert.deepEqual(browser.problems, []);
  });
});
