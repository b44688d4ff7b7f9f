import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { queryRows } from '../packages/server/src/db/query-rows.ts';
import { insertPlace } from '../packages/server/src/modules/places/place.repository.ts';
import { addHousehold, addTwoTowns, addUser, loginAs, residentId, TEST_PASSWORD } from '../packages/server/src/testing/factories.ts';
import { type JourneyPage, type JourneyServer, screenshot, skipReason, useJourney } from './harness.ts';

const TODAY = '2020-02-10';
interface CheckpointData {
  greenToken: string;
  redToken: string;
  householdCode: string;
}

/** A community gate with a tablet user, a resident (green) and a child under quarantine (red); tokens from the real code endpoint. */
async function seed(server: JourneyServer): Promise<CheckpointData> {
  const deps = server.deps;
  // Early 2020, closed management under seed 001: the edition in force has home observation for outsiders.
  deps.clock = () => new Date(`${TODAY}T10:00:00+08:00`);
  const { villageA } = await addTwoTowns(deps);
  const household = await addHousehold(deps, villageA, '320412100001-01-0301');
  await insertPlace(deps.database.db, {
    kind: 'checkpoint',
    name: '甲社区东门卡口',
    code: 'CP-J-1',
    jurisdictionId: villageA.id,
    jurisdictionPath: villageA.path,
  });
  await addUser(deps, 'grid-j', 'grid_worker', villageA.id);
  await addUser(deps, 'gate-j', 'checkpoint_staff', villageA.id);
  const grid = await loginAs(server.app, 'grid-j');
  const add = async (name: string, birth: string, sequence: number) => {
    const reply = await grid.request('POST', '/api/persons', {
      idType: 'resident_id',
      idNumber: residentId(birth, sequence),
      name,
      jurisdictionId: villageA.id,
      householdId: household.id,
    });
    assert.equal(reply.statusCode, 201, reply.body);
    return (reply.json() as { id: string }).id;
  };
  const resident = await add('居民绿', '19800101', 401);
  const child = await add('儿童红', '20150601', 402);
  const episode = await grid.request('POST', '/api/key-persons/episodes', {
    personId: child,
    category: 'close_contact',
    startDate: TODAY,
  });
  assert.equal(episode.statusCode, 201, episode.body);
  const token = async (id: string) =>
    ((await grid.request('GET', `/api/persons/${id}/code`)).json() as { token: string; colour: string }).token;
  return { greenToken: await token(resident), redToken: await token(child), householdCode: household.code };
}

/** Checkpoint staff at the gate tablet: a green code passes, a red one is refused with why, an outsider is registered for home observation. */
describe('checkpoint journey', { skip: skipReason(), timeout: 240_000 }, () => {
  const journey = useJourney('checkpoint journey', { seed });
  let server: JourneyServer;
  let tablet: JourneyPage;
  let page: Page;
  let data: CheckpointData;

  before(() => {
    server = journey.server;
    data = journey.seeded;
    tablet = journey.page();
    page = tablet.page;
  });

  const scan = async (token: string) => {
    await page.getByTestId('checkpoint-token').fill(token);
    await page.getByTestId('checkpoint-verify').click();
  };

  // COMM-013, CODE-006: the health code is checked at the community gate
  it('opens checkpoint mode and lets a green code through', async () => {
    // The server's clock is in 2020, so its cookie would already have expired for the browser: sign in
    // through the API and hand the browser the session as a session cookie.
    const gate = await loginAs(server.app, 'gate-j', TEST_PASSWORD);
    const token = /fk_session=([^;]+)/.exec(gate.headers.cookie ?? '')?.[1] ?? '';
    await tablet.context.addCookies([{ name: 'fk_session', value: token, url: server.baseUrl, httpOnly: true }]);
    await page.goto('/');
    await page.getByTestId('user-menu').waitFor();
    await page.getByTestId('menu-checkpoint').click();
    await page.getByTestId('checkpoint-select').getByText('甲社区东门卡口').waitFor();
    await scan(data.greenToken);
    const verdict = page.getByTestId('checkpoint-verdict');
    await verdict.and(page.locator('[data-decision="allow"]')).waitFor();
    assert.match((await verdict.textContent()) ?? '', /放行.*绿码.*《乡镇疫情防控方案》§三\(二\)1/);
    await screenshot(page, 'checkpoint-1-green');
  });

  it("refuses a child's red code and says why", async () => {
    await scan(data.redToken);
    const verdict = page.getByTestId('checkpoint-verdict');
    await verdict.and(page.locator('[data-decision="deny"]')).waitFor();
    assert.match((await verdict.textContent()) ?? '', /禁止通行.*红码/);
    await screenshot(page, 'checkpoint-2-red');
    await scan(`${data.redToken.slice(0, -6)}AAAAAA`);
    await page.getByTestId('checkpoint-reason').getByText(/伪造/).waitFor();
  });

  // COMM-011, KP-I01: an outsider is registered at the gate and placed under home observation
  it('registers an outsider, and the community gets a home-observation follow-up', async () => {
    await page.getByTestId('tab-outsider').click();
    await page.getByTestId('outsider-name').fill('外来访客');
    await page.getByTestId('outsider-id').fill(residentId('19920202', 503, '420106'));
    await page.getByTestId('outsider-phone').fill('13912340000');
    await page.getByTestId('outsider-from').fill('湖北省武汉市');
    await page.getByTestId('outsider-reason').fill('探亲');
    await page.getByTestId('outsider-household').click();
    await page.locator('.ant-select-item-option', { hasText: data.householdCode }).click();
    await page.getByTestId('outsider-submit').click();
    const done = page.getByTestId('outsider-done');
    await done.waitFor();
    const episodeId = await done.getAttribute('data-episode');
    const [episode] = await queryRows<{ category: string; management_type: string; jurisdiction_path: string }>(
      server.deps.database.db,
      sql`select category, management_type, jurisdiction_path from key_person_episode where id = ${episodeId}`,
    );
    assert.deepEqual([episode?.category, episode?.management_type], ['returning_outsider', 'home_quarantine']);
    assert.match(episode?.jurisdiction_path ?? '', /\/320412100001\/$/, "the episode is the community's");
    await screenshot(page, 'checkpoint-3-outsider');
  });

  // COMM-013, SC-42, issue 14 (RULES-001): the gate sees which entry regime its compound runs, and no profile chose one
  it('checks compound entry under the normalized regime: green code, normal temperature and details recorded let in', async () => {
    await page.getByTestId('tab-entry').click();
    const regime = page.getByTestId('entry-regime');
    await regime.getByText(/常态化低风险/).waitFor();
    assert.equal(await regime.getAttribute('data-regime'), 'seed-000/normalized-low-risk');
    assert.match((await regime.textContent()) ?? '', /本地防控方案未选定/);
    await page.getByTestId('entry-token').fill(data.greenToken);
    await page.getByTestId('entry-temperature').fill('36.5');
    await page.getByTestId('entry-check').click();
    const verdict = page.getByTestId('entry-tab').getByTestId('checkpoint-verdict');
    await verdict.and(page.locator('[data-decision="deny"]')).waitFor();
    assert.match((await verdict.textContent()) ?? '', /缺少核验：登记信息/);
    await page.getByTestId('entry-registered').click();
    await page.getByTestId('entry-check').click();
    await verdict.and(page.locator('[data-decision="allow"]')).waitFor();
    assert.match((await verdict.textContent()) ?? '', /准予进入/);
    await screenshot(page, 'checkpoint-4-entry');
  });

  // COMM-010: shifts below 4 by day or 2 at night are marked short
  it('sees the duty roster with unstaffed shifts marked short (day ≥ 4, night ≥ 2)', async () => {
    await page.getByTestId('menu-duty-roster').click();
    const table = page.getByTestId('roster-table');
    await table.getByText('不足：至少 4 人，现 0 人').first().waitFor();
    assert.equal(await table.getByText('不足：至少 2 人，现 0 人').count(), 7, 'seven night shifts, none staffed');
    await screenshot(page, 'checkpoint-5-roster');
    assert.deepEqual(tablet.problems, []);
  });
});
