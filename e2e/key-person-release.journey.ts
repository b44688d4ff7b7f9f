import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import {
  addDays,
  type CalendarDate,
  categoryRule,
  editionInForce,
  type KeyPersonCategory,
  maskName,
  planEpisode,
  profileFor,
  shanghaiDate,
} from '@fangkong/core';
import { eq } from 'drizzle-orm';
import type { Locator, Page } from 'playwright-core';
import type { AppDeps } from '../packages/server/src/app-deps.ts';
import { quarantineRoom } from '../packages/server/src/db/schema/index.ts';
import { systemContext } from '../packages/server/src/http/context.ts';
import { insertRooms } from '../packages/server/src/modules/key-persons/site.repository.ts';
import { insertPlace } from '../packages/server/src/modules/places/place.repository.ts';
import { createUser } from '../packages/server/src/modules/users/user.service.ts';
import { addTwoTowns, loginAs, residentId, TEST_PASSWORD } from '../packages/server/src/testing/factories.ts';
import {
  choose,
  confirmPopup,
  fillTemplate,
  type JourneyPage,
  type JourneyServer,
  openPage,
  screenshot,
  signIn,
  skipReason,
  useJourney,
} from './harness.ts';

/**
 * Key-person closed loop (issue #4): a grid worker imports a roster from the template, assigns herself as 包保干部 and
 * the medic as 包保医务人员; the medic records the tests as negative; each signs the release with their own account;
 * the person shows as released with the printable notice. The server's clock is real time.
 */

const GRID = 'li.grid';
const MEDIC = 'zhou.medic';
const DUE = { name: '张密接', idNumber: residentId('19880415', 517) };
const FEVER = { name: '李观察', idNumber: residentId('19920722', 333) };
const BAD = { name: '王错误', idNumber: '32041219900101000X' };
/** A close contact of 甲社区 placed at the town's own site, which lies outside the grid worker's village. */
const AT_TOWN_SITE = { name: '陈集中', idNumber: residentId('19850611', 419), site: '湖塘镇集中隔离点', room: 'T001' };

/** The start (day 0) whose release falls today under the edition in force, as the server will plan it. */
function startForReleaseToday(today: CalendarDate, path: string): CalendarDate {
  const edition = editionInForce(today);
  assert.ok(edition, `an edition is in force on ${today}`);
  const profile = profileFor(['CN', ...path.split('/').filter(Boolean)], edition.id);
  const rule = categoryRule(edition, 'close_contact' as KeyPersonCategory, profile);
  assert.ok(rule?.release, 'close contacts have a release step');
  for (let back = 0; back <= 60; back++) {
    const start = addDays(today, -back);
    if (planEpisode(edition, rule, start, profile).releaseDate === today) return start;
  }
  throw new Error('no start date gives a release today');
}

interface Seeded {
  dueStart: CalendarDate;
  today: CalendarDate;
}

async function seed(server: JourneyServer): Promise<Seeded> {
  const deps: AppDeps = server.deps;
  const { county, townA, villageA } = await addTwoTowns(deps);
  const user = (
    username: string,
    displayName: string,
    role: 'grid_worker' | 'assigned_medic' | 'system_admin' | 'town_cadre',
    jurisdictionId: string,
  ) => createUser(deps, systemContext('journey'), { username, displayName, password: TEST_PASSWORD, role, jurisdictionId });
  const gridUser = await user(GRID, '李网格', 'grid_worker', villageA.id);
  await user('town-cadre', '镇干部', 'town_cadre', townA.id);
  await user(MEDIC, '周医生', 'assigned_medic', villageA.id);
  await user('district-admin', '区管理员', 'system_admin', county.id);
  const site = await insertPlace(deps.database.db, {
    kind: 'quarantine_site',
    name: '甲社区集中隔离点',
    code: 'SITE-JIA-1',
    address: '湖塘镇花园路 8 号',
    jurisdictionId: villageA.id,
    jurisdictionPath: villageA.path,
  });
  await insertPlace(deps.database.db, {
    kind: 'quarantine_site',
    name: '甲社区备用隔离点',
    code: 'SITE-JIA-2',
    jurisdictionId: villageA.id,
    jurisdictionPath: villageA.path,
  });
  const admin = await loginAs(server.app, 'district-admin');
  const rooms = await admin.request('POST', `/api/quarantine-sites/${site.id}/rooms`, { prefix: 'A', count: 20, beds: 1 });
  assert.equal(rooms.statusCode, 201, rooms.body);
  await seedAtTownSite(server, townA, villageA.id, gridUser.id);
  const today = shanghaiDate(new Date());
  return { today, dueStart: startForReleaseToday(today, villageA.path) };
}

/** 陈集中 of 甲社区 in centralized quarantine at the town's site (room T001), 李网格 her cadre (issue 18 item 2). */
async function seedAtTownSite(
  server: JourneyServer,
  town: { id: string; path: string },
  villageId: string,
  cadreId: string,
): Promise<void> {
  const db = server.deps.database.db;
  const site = await insertPlace(db, {
    kind: 'quarantine_site',
    name: AT_TOWN_SITE.site,
    code: 'SITE-TOWN-1',
    jurisdictionId: town.id,
    jurisdictionPath: town.path,
  });
  await insertRooms(db, [{ siteId: site.id, code: AT_TOWN_SITE.room, beds: 1 }]);
  const roomId = (await db.select({ id: quarantineRoom.id }).from(quarantineRoom).where(eq(quarantineRoom.siteId, site.id)))[0]?.id;
  const grid = await loginAs(server.app, GRID);
  const person = await grid.request('POST', '/api/persons', {
    idType: 'resident_id',
    idNumber: AT_TOWN_SITE.idNumber,
    name: AT_TOWN_SITE.name,
    jurisdictionId: villageId,
  });
  assert.equal(person.statusCode, 201, person.body);
  const townCadre = await loginAs(server.app, 'town-cadre');
  const episode = await townCadre.request('POST', '/api/key-persons/episodes', {
    personId: (person.json() as { id: string }).id,
    category: 'close_contact',
    startDate: shanghaiDate(new Date()),
    assignedCadreId: cadreId,
    siteId: site.id,
    roomId,
  });
  assert.equal(episode.statusCode, 201, episode.body);
}

/** The roster template from the page's own session, filled in: two close contacts and one row with a bad ID number. */
async function rosterFile(page: Page, seeded: Seeded): Promise<Buffer> {
  const row = (name: string, idNumber: string, startDate: string, note: string) => ({
    姓名: name,
    证件类型: '居民身份证',
    证件号码: idNumber,
    手机号: '13900001111',
    现住址: '湖塘镇甲社区3幢2单元501室',
    人员类别: '密切接触者',
    起算日期: startDate,
    备注: note,
  });
  const { file, header } = await fillTemplate(page, '/api/key-persons/imports/template', [
    row(DUE.name, DUE.idNumber, seeded.dueStart, '协查函 2026-118'),
    row(FEVER.name, FEVER.idNumber, seeded.today, ''),
    row(BAD.name, BAD.idNumber, seeded.today, ''),
  ]);
  assert.deepEqual(header.slice(0, 3), ['姓名', '证件类型', '证件号码']);
  return file;
}

async function closeDrawer(page: Page): Promise<void> {
  await page.locator('.ant-drawer-close:visible').click();
  await page.getByTestId('episode-drawer').waitFor({ state: 'hidden' });
}

async function openEpisode(page: Page, name: string): Promise<Locator> {
  await page.getByTestId('menu-key-persons').click();
  await page.getByTestId('episodes-table').getByText(name, { exact: true }).click();
  const drawer = page.getByTestId('episode-drawer');
  await drawer.getByTestId('episode-person-name').getByText(name).waitFor();
  return drawer;
}

describe('key-person release journey', { skip: skipReason(), timeout: 240_000 }, () => {
  const journey = useJourney('key-person release journey', { seed });
  let grid: JourneyPage;
  let medic: JourneyPage;
  let page: Page;
  let seeded: Seeded;
  const lap = (what: string) => journey.lap(what);

  before(() => {
    seeded = journey.seeded;
    grid = journey.page();
    page = grid.page;
    lap(`today ${seeded.today}, day 0 ${seeded.dueStart}`);
  });

  it('the grid worker imports a roster built from the template and sees the row that failed', async () => {
    await signIn(page, GRID, TEST_PASSWORD);
    await page.getByTestId('menu-roster-import').click();
    await page.getByTestId('roster-jurisdiction').getByText('甲社区').waitFor();
    const file = await rosterFile(page, seeded);
    await page.locator('input[type=file]').setInputFiles({
      name: '甲社区重点人员名单.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: file,
    });
    const outcome = page.locator('[data-testid="import-outcome"][data-status="done"]');
    await outcome.waitFor();
    assert.equal(await page.getByTestId('import-created').getAttribute('data-value'), '2');
    assert.equal(await page.getByTestId('import-failed').getAttribute('data-value'), '1');
    const errors = await page.getByTestId('import-errors').locator('tbody tr').allTextContents();
    assert.equal(errors.length, 1, errors.join(' | '));
    assert.match(errors[0] ?? '', /^4.*证件号码/, 'row 4, the ID number column');
    await screenshot(page, 'key-person-1-roster-import');
    lap('roster imported');
  });

  it('previews the plan of a new registration from the edition in force, with its clauses', async () => {
    await page.getByTestId('menu-key-persons').click();
    await page.getByTestId('register-episode').click();
    await choose(page, page.getByTestId('register-category'), '密切接触者');
    await page.getByTestId('register-start').click();
    await page.keyboard.type(seeded.dueStart);
    await page.keyboard.press('Enter');
    await page.getByText('管控计划预览').click();
    const preview = page.getByTestId('plan-preview');
    await preview.waitFor();
    assert.equal(await preview.getByTestId('plan-preview-release-date').textContent(), seeded.today);
    assert.ok((await preview.getByTestId('reason-clause').count()) >= 3, 'each rule cites its clause');
    await screenshot(page, 'key-person-1b-register-preview');
    await page.getByRole('button', { name: '取 消' }).click();
    await preview.waitFor({ state: 'detached' });
  });

  // ORG-063: the 包保干部 and 包保医务人员 of the person are recorded
  it('assigns herself as cadre and the medic as medic, and sees the plan with its clauses', async () => {
    const drawer = await openEpisode(page, DUE.name);
    assert.equal(await drawer.getByTestId('episode-plan-release-date').textContent(), seeded.today);
    assert.ok((await drawer.getByTestId('episode-plan-because').getByTestId('reason').count()) >= 3, 'the plan cites its clauses');
    await drawer.getByTestId('episode-assign').click();
    await choose(page, page.getByTestId('assignment-cadre'), '李网格');
    await choose(page, page.getByTestId('assignment-medic'), '周医生');
    await page.getByTestId('assignment-reason').fill('社区包保分工');
    await page.getByTestId('assignment-submit').click();
    await page.getByTestId('assignment-reason').waitFor({ state: 'detached' });
    const summary = drawer.getByTestId('episode-summary');
    await summary.getByText('周医生').waitFor();
    await summary.getByText('李网格').waitFor();
    await screenshot(page, 'key-person-2-episode-plan');
  });

  // KP-D02: release is refused while the quarantine NATs are missing
  it('is refused before the tests, with what is missing and why', async () => {
    const drawer = page.getByTestId('episode-drawer');
    await drawer.getByTestId('episode-tab-release').click();
    const panel = drawer.getByTestId('release-panel');
    assert.equal(await panel.getByTestId('release-decision').getAttribute('data-decision'), 'blocked');
    await panel.getByTestId('sign-assigned_cadre').click();
    await confirmPopup(page.getByTestId('sign-confirm'));
    const refusal = panel.getByTestId('release-refusal');
    await refusal.waitFor();
    const missing = await refusal.getByTestId('release-missing').evaluateAll((tags) => tags.map((t) => t.getAttribute('data-missing')));
    assert.ok(
      missing.some((m) => m?.startsWith('test:nucleic_acid:')),
      `tests missing: ${missing.join(', ')}`,
    );
    assert.match((await refusal.textContent()) ?? '', /还需 \d+ 次核酸检测/);
    assert.ok((await refusal.getByTestId('reason').count()) >= 1, 'the refusal cites the release clause');
    await screenshot(page, 'key-person-3-release-refused');
    await closeDrawer(page);
  });

  it("shows the release as due in today's work", async () => {
    await page.getByTestId('menu-work-list').click();
    const tab = page.getByTestId('work-tab-releaseDue');
    await page.locator('[data-testid="work-tab-releaseDue"][data-count="1"]').waitFor();
    await tab.click();
    await page.getByTestId('work-table-releaseDue').getByText(DUE.name).waitFor();
    await screenshot(page, 'key-person-4-work-list');
  });

  // KP-D03: a fever with dry cough is escalated at once and alerted
  it('records a fever from the work list: escalated with reasons, and the bell counts it', async () => {
    await page.getByTestId('work-tab-checksDue').click();
    const row = page.getByTestId('work-table-checksDue').locator('tbody tr', { hasText: FEVER.name });
    await row.getByTestId('work-record-check').click();
    await page
      .locator('input[data-testid="record-check-temperature"], [data-testid="record-check-temperature"] input')
      .first()
      .fill('38.2');
    // KP-D03, issue 18 item 4: the symptom question must be answered before symptoms are picked
    await page.getByTestId('record-check-symptom-answer').getByText('有症状').click();
    await page.getByTestId('record-check-symptoms').getByText('干咳').click();
    await page.getByTestId('record-check-submit').click();
    const escalated = page.getByTestId('check-escalated');
    await escalated.waitFor();
    assert.ok((await escalated.getByTestId('reason').count()) >= 1, 'the escalation says why');
    await screenshot(page, 'key-person-5-fever-escalated');
    await page.getByTestId('record-check-close').click();
    await page.locator('[data-testid="alert-bell"]:not([data-count="0"])').waitFor();
    await page.getByTestId('alert-bell').click();
    // Issue 18 item 8: the list names the person masked, in a title that says what happened.
    const fever = page
      .getByTestId('alerts-table')
      .locator('tbody tr', { has: page.locator('[data-testid="alert-title"][data-kind="fever"]') });
    assert.equal(await fever.getByTestId('alert-title').textContent(), `${maskName(FEVER.name)} 发热`);
    await screenshot(page, 'key-person-6-alerts');
    // The grid worker has dealt with it: resolved with a reason, the bell goes back to zero.
    await fever.getByTestId('alert-resolve').click();
    await page.getByTestId('reason-input').fill('已闭环转运至发热门诊');
    await page.getByRole('button', { name: '确 定' }).click();
    await page.getByTestId('alerts-table').getByText('没有未处置的预警').waitFor();
    await page.locator('[data-testid="alert-bell"][data-count="0"]').waitFor();
    lap('work list and alert');
  });

  // KP-D04, SC-02: with only the medic signed the release stays pending
  it('the medic records the tests as negative, each sampled on its due day, and signs as medic', async () => {
    medic = await openPage(journey.browser, journey.server.baseUrl);
    const mp = medic.page;
    await signIn(mp, MEDIC, TEST_PASSWORD);
    const drawer = await openEpisode(mp, DUE.name);
    const record = drawer.getByTestId('schedule-record');
    const due = await record.count();
    assert.ok(due >= 3, `tests due up to today: ${due}`);
    for (let i = 0; i < due; i++) {
      await record.first().click();
      await mp.getByTestId('record-test-result').getByText('阴性').click();
      await mp.getByTestId('record-test-submit').click();
      await mp.getByTestId('record-test-form').waitFor({ state: 'detached' });
      await drawer.locator(`[data-testid="schedule-result"][data-result="negative"]`).nth(i).waitFor();
    }
    const sampled = await drawer
      .getByTestId('schedule-row')
      .evaluateAll((rows) =>
        rows.filter((r) => r.getAttribute('data-status') === 'done').map((r) => [r.getAttribute('data-due'), r.textContent ?? '']),
      );
    // The due date shows twice in a row sampled that day: as the due date and in the sampling time.
    for (const [dueDate, text] of sampled)
      assert.ok(String(text).split(String(dueDate)).length > 2, `sampled on its due day ${dueDate}: ${text}`);
    await screenshot(mp, 'key-person-7-tests-recorded');
    await drawer.getByTestId('episode-tab-release').click();
    const panel = drawer.getByTestId('release-panel');
    await panel.locator('[data-testid="release-decision"][data-decision="awaitingSignatures"]').waitFor();
    assert.equal(await panel.getByTestId('sign-assigned_cadre').count(), 0, 'the medic cannot sign for the cadre');
    await panel.getByTestId('sign-assigned_medic').click();
    await confirmPopup(mp.getByTestId('sign-confirm'));
    await panel.getByTestId('release-signed-assigned_medic').waitFor();
    assert.equal(await panel.getByTestId('release-decision').getAttribute('data-decision'), 'awaitingSignatures');
    await screenshot(mp, 'key-person-8-medic-signed');
    assert.deepEqual(medic.problems, []);
    lap('tests recorded and medic signed');
  });

  // KP-D04, SC-02, DAILY-003: with both signatures released; the 人员解除隔离表 is exported
  it('the grid worker signs as cadre: released, with the printable notice', async () => {
    const drawer = await openEpisode(page, DUE.name);
    await drawer.getByTestId('episode-tab-release').click();
    const panel = drawer.getByTestId('release-panel');
    await panel.getByTestId('sign-assigned_cadre').click();
    await confirmPopup(page.getByTestId('sign-confirm'));
    await panel.locator('[data-testid="release-decision"][data-decision="released"]').waitFor();
    const link = panel.getByTestId('release-notice-link');
    const href = await link.getAttribute('href');
    assert.ok(href?.endsWith('/release-notice.pdf'), String(href));
    const pdf = await page.request.get(href ?? '');
    assert.equal(pdf.status(), 200);
    assert.match(pdf.headers()['content-type'] ?? '', /^application\/pdf/);
    assert.equal((await pdf.body()).subarray(0, 5).toString('latin1'), '%PDF-');
    await screenshot(page, 'key-person-9-released');
    await closeDrawer(page);
    const row = page.getByTestId('episodes-table').locator('tbody tr', { hasText: DUE.name });
    await row.locator('[data-testid="episode-status"][data-released="true"]').waitFor();
    await screenshot(page, 'key-person-10-list');
    // Today's 人员解除隔离表, exported for a stated purpose.
    await page.getByTestId('export-release-table').click();
    await page.getByTestId('export-purpose').locator('input').fill('报送指挥部日报');
    await page.locator('.ant-modal-title:visible').click(); // closes the suggestions over the buttons
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '下 载' }).click();
    assert.equal((await download).suggestedFilename(), `人员解除隔离表-${seeded.today}.xlsx`);
  });

  // KP-D01, KP-000, COMM-041; issue 18 items 2 and 6: a person at the town's site opens without a
  // request outside the grid worker's village (no 404, no 「记录不存在」 toast), with its site and room,
  // and the list names the location from the viewer's scope down.
  it('opens a person at the town site: site and room shown, no request answered 404, location as town / community', async () => {
    const notFound: string[] = [];
    const onResponse = (response: { status(): number; url(): string }) => {
      if (response.status() === 404 && response.url().includes('/api/')) notFound.push(response.url());
    };
    page.on('response', onResponse);
    const drawer = await openEpisode(page, AT_TOWN_SITE.name);
    const summary = drawer.getByTestId('episode-summary');
    await summary.getByText(`${AT_TOWN_SITE.site} · ${AT_TOWN_SITE.room}`).waitFor();
    await page.waitForTimeout(500);
    page.off('response', onResponse);
    assert.deepEqual(notFound, [], 'no request of the page answers 404');
    assert.equal(await page.getByText('记录不存在或不在您的辖区内').count(), 0, 'no not-found toast');
    await screenshot(page, 'key-person-12-town-site');
    await closeDrawer(page);
    const row = page.getByTestId('episodes-table').locator('tbody tr', { hasText: AT_TOWN_SITE.name });
    assert.match((await row.textContent()) ?? '', /湖塘镇 \/ 甲社区/);
  });

  // RES-001, KP-F08; issue 18 item 3: a site without rooms reads 暂无房间, neither full nor red.
  it('sees the quarantine sites with beds and rooms', async () => {
    await page.getByTestId('menu-sites').click();
    const spare = page.getByTestId('sites-table').locator('tbody tr', { hasText: '甲社区备用隔离点' });
    const occupancy = spare.getByTestId('site-occupancy');
    assert.equal(await occupancy.getAttribute('data-no-rooms'), 'true');
    assert.equal(await occupancy.getAttribute('data-alert'), 'false');
    assert.match((await spare.textContent()) ?? '', /暂无房间/);
    assert.doesNotMatch((await spare.textContent()) ?? '', /已满/);
    await page.getByTestId('sites-table').getByText('甲社区集中隔离点').click();
    await page.getByTestId('site-rooms').getByText('A020').waitFor();
    await screenshot(page, 'key-person-12-site');
    await page.locator('.ant-drawer-close:visible').click();
    await page.getByTestId('site-drawer').waitFor({ state: 'hidden' });
  });

  // KP-D06: an assist request (协查) is routed to the community where the person is found
  it('takes in an assist request and sees where the address routed it', async () => {
    await page.getByTestId('menu-assist-requests').click();
    await page.getByTestId('assist-intake').click();
    const form = page.locator('.ant-modal:visible');
    await form.getByLabel('来文单位').fill('南京市疫情防控指挥部');
    await form.getByLabel('协查函编号').fill('宁防协〔2026〕45号');
    await choose(page, form.getByLabel('人员类别'), '密接的密接');
    await form.getByLabel('起算日期（第 0 天）').fill(seeded.today);
    await form.getByLabel('起算日期（第 0 天）').press('Enter');
    await form.getByLabel('姓名').fill('赵协查');
    await form.getByLabel('证件号码').fill(residentId('19750308', 211));
    await form.getByLabel('现住址').fill('湖塘镇甲社区7幢1单元302室');
    await page.getByTestId('assist-submit').click();
    await page.getByTestId('assist-routed').getByText('甲社区').first().waitFor();
    assert.match((await page.getByTestId('assist-routed').textContent()) ?? '', /甲社区/);
    await screenshot(page, 'key-person-13-assist-routed');
    await page.getByRole('button', { name: '关 闭' }).click();
    await page.getByTestId('assist-table').getByText('赵协查').waitFor();
  });

  // KP-000: every change of the person's management is time-stamped in the history
  it("shows every step in the person's management history", async () => {
    await page.getByTestId('menu-persons').click();
    await page.getByTestId('person-search-input').fill(DUE.name);
    await page.getByTestId('person-search-submit').click();
    await page.getByTestId('person-table').getByText(DUE.name).click();
    await page.getByTestId('person-tab-timeline').click();
    const timeline = page.getByTestId('person-timeline');
    await timeline.locator('[data-testid="timeline-event"][data-kind="released"]').waitFor();
    const kinds = await timeline.getByTestId('timeline-event').evaluateAll((events) => events.map((e) => e.getAttribute('data-kind')));
    for (const kind of ['registered', 'assigned', 'test', 'signed', 'released'])
      assert.ok(kinds.includes(kind), `${kind} in ${kinds.join(', ')}`);
    await screenshot(page, 'key-person-11-timeline');
    // The same history in English, then back to Chinese.
    await page.locator('.ant-drawer-close:visible').click();
    await page.getByTestId('person-drawer').waitFor({ state: 'hidden' });
    await page.getByTestId('language-switch').click();
    await page.getByTestId('person-table').getByText(DUE.name).click();
    await page.getByTestId('person-tab-timeline').click();
    await timeline.getByText('Released', { exact: true }).first().waitFor();
    await screenshot(page, 'key-person-11-timeline-en');
    await page.locator('.ant-drawer-close:visible').click();
    await page.getByTestId('language-switch').click();
    await page.getByText('重点人员', { exact: true }).first().waitFor();
    // The refused signature answered 409 on purpose (the browser logs it); nothing else may go wrong.
    assert.deepEqual(
      grid.problems.filter((p) => !p.includes('status of 409')),
      [],
    );
  });
});
