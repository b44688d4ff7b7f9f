import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { shanghaiDate } from '@fangkong/core';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { addJurisdiction, addTwoTowns, addUser, loginAs, residentId, TEST_PASSWORD } from '../packages/server/src/testing/factories.ts';
import { choose, type JourneyServer, openPhone, screenshot, signIn, skipReason, useJourney } from './harness.ts';

/**
 * Daily and zero reports (issue 15; DAILY-001, DAILY-003, SC-45, SC-46): 甲社区's secretary, on a phone, fills in
 * 返济人员健康监测表 — the returnees under management pre-filled from the platform — adds a row and signs with her
 * password and the seal holder, then sends the other two 13:00 tables as a zero report in one action; 丙社区's
 * secretary sends the three tables as a zero report at 13:05, late; 丁社区 sends nothing. The town cadre's board
 * shows who is on time, late and missing, the collected table downloads as a valid .xlsx and the signed report
 * prints as a PDF. The server's clock is today (Asia/Shanghai) at 12:40, then 13:05 and 13:10.
 */

const JIA = 'jia.secretary';
const BING = 'bing.secretary';
const CADRE = 'hutang.cadre';

interface Seeded {
  today: string;
  setClock: (hhmm: string) => void;
}

/** Today's Asia/Shanghai date at a given time, as the server's clock. */
const todayAt = (today: string, hhmm: string) => new Date(`${today}T${hhmm}:00+08:00`);

async function seed(server: JourneyServer): Promise<Seeded> {
  const deps = server.deps;
  const today = shanghaiDate(new Date());
  const setClock = (hhmm: string) => {
    deps.clock = () => todayAt(today, hhmm);
  };
  setClock('12:40');
  const { county, townA, villageA } = await addTwoTowns(deps);
  const bing = await addJurisdiction(deps, '320412100', '320412100002', '丙社区', 'village');
  await addJurisdiction(deps, '320412100', '320412100003', '丁社区', 'village');
  await addUser(deps, JIA, 'community_secretary', villageA.id);
  await addUser(deps, BING, 'community_secretary', bing.id);
  await addUser(deps, CADRE, 'town_cadre', townA.id);
  await addUser(deps, 'district-admin', 'system_admin', county.id);
  // Two returnees under home management in 甲社区: the figure the health-monitoring table starts from.
  const admin = await loginAs(server.app, 'district-admin');
  for (const [sequence, name] of [
    [601, '返乡甲'],
    [603, '返乡乙'],
  ] as const) {
    const person = await admin.request('POST', '/api/persons', {
      idType: 'resident_id',
      idNumber: residentId('19880808', sequence),
      name,
      jurisdictionId: villageA.id,
    });
    const personId = (person.json() as { id: string }).id;
    const episode = await admin.request('POST', '/api/key-persons/episodes', {
      personId,
      category: 'returning_outsider',
      startDate: today,
    });
    if (episode.statusCode !== 201) throw new Error(`episode: ${episode.body}`);
  }
  return { today, setClock };
}

/** The due list's row of a table in a unit's card. */
const dueRow = (page: Page, table: string) => page.getByTestId('report-unit').locator('tbody tr', { hasText: table });

async function sign(page: Page, sealHolder: string) {
  await page.getByTestId('sign-password').fill(TEST_PASSWORD);
  await page.getByTestId('sign-seal-holder').fill(sealHolder);
  await page.getByTestId('sign-confirm').click();
}

describe('daily reports journey', { skip: skipReason(), timeout: 240_000 }, () => {
  const journey = useJourney<Seeded>('daily reports journey', { seed });
  const lap = (what: string) => journey.lap(what);

  // DAILY-003, SC-45, issue 15 item 2: the phone-sized form, one figure pre-filled from the platform, the e-signature
  it('甲社区 fills in the health-monitoring table on a phone with the pre-filled figure and signs it before 13:00', async () => {
    const problems: string[] = [];
    const phone = await openPhone(journey.browser, journey.server.baseUrl, problems);
    await signIn(phone, JIA, TEST_PASSWORD);
    await phone.waitForURL('**/reports');
    await dueRow(phone, '返济人员健康监测表').getByTestId('due-fill').click();
    await phone.getByTestId('report-fill-title').waitFor();
    const prefilled = phone.getByTestId('prefilled-underManagement');
    const platform = (await phone.request.get('/api/key-persons/episodes?status=active&category=returning_outsider')).json() as Promise<{
      total: number;
    }>;
    assert.equal(await prefilled.getAttribute('data-value'), String((await platform).total));
    assert.equal(await phone.getByTestId('figure-input-underManagement').inputValue(), '2');
    await phone.getByTestId('report-add-row').click();
    const row = phone.getByTestId('report-row').first();
    await row.getByTestId('cell-name').fill('返乡甲');
    await row.getByTestId('cell-temperatureMorning').fill('36.6');
    await choose(phone, row.getByTestId('cell-symptoms'), '无');
    await row.getByTestId('cell-observer').fill('社区医生');
    await screenshot(phone, 'reports-1-phone-form');
    await phone.getByTestId('report-submit').click();
    await sign(phone, '李会计');
    await phone.waitForURL('**/reports');
    await dueRow(phone, '返济人员健康监测表').locator('[data-testid="due-state"][data-state="on_time"]').waitFor();
    // The other two 13:00 tables: nothing to report, one zero report for both, one signature.
    await phone.getByTestId('report-zero-triple').click();
    await phone.getByTestId('zero-confirm').click();
    await sign(phone, '李会计');
    await dueRow(phone, '外来返济人员排查表').locator('[data-testid="due-state"][data-state="on_time"]').waitFor();
    await dueRow(phone, '人员解除隔离表').locator('[data-testid="due-state"][data-state="on_time"]').waitFor();
    await screenshot(phone, 'reports-2-phone-sent');
    assert.deepEqual(problems, []);
    await phone.context().close();
    lap('甲社区 sent the three tables');
  });

  // SC-45, SC-46, DAILY-002: a zero report in one action, after the deadline: accepted and marked late
  it('丙社区 sends the three tables as a zero report at 13:05: accepted, late', async () => {
    journey.seeded.setClock('13:05');
    const { page, problems } = journey.page();
    await signIn(page, BING, TEST_PASSWORD);
    await page.waitForURL('**/reports');
    await page.getByTestId('report-zero-triple').click();
    await page.getByTestId('zero-confirm').click();
    await sign(page, '王主任');
    for (const table of ['外来返济人员排查表', '返济人员健康监测表', '人员解除隔离表']) {
      await dueRow(page, table).locator('[data-testid="due-state"][data-state="late"]').waitFor();
    }
    await screenshot(page, 'reports-3-zero-late');
    assert.deepEqual(problems, []);
    await page.getByTestId('user-menu').click();
    await page.getByTestId('logout').click();
    await page.waitForURL('**/login');
    lap('丙社区 sent a zero report, late');
  });

  // SC-46, DAILY-003, issue 15 item 3: the town's board, the late list, the collected table and the signed PDF
  it('the town board shows 甲 on time, 丙 late and 丁 missing; the collected table is a valid .xlsx and the report prints as a PDF', async () => {
    journey.seeded.setClock('13:10');
    const { page, problems } = journey.page();
    await signIn(page, CADRE, TEST_PASSWORD);
    await page.getByTestId('menu-report-board').click();
    const units = page.getByTestId('board-units');
    const stateOf = (unit: string) =>
      units.locator(`tr[data-unit="${unit}"] [data-testid="board-state"]`).first().getAttribute('data-state');
    await units.locator('tr[data-unit="丁社区"]').waitFor();
    assert.deepEqual([await stateOf('甲社区'), await stateOf('丙社区'), await stateOf('丁社区')], ['on_time', 'late', 'missing']);
    const late = page.getByTestId('board-late');
    await late.locator('tr[data-unit="丙社区"][data-state="late"]').first().waitFor();
    await late.locator('tr[data-unit="丁社区"][data-state="missing"]').first().waitFor();
    assert.equal(await late.locator('tr[data-unit="甲社区"]').count(), 0);
    await screenshot(page, 'reports-4-board');

    await page.getByTestId('board-export').click();
    await page.getByTestId('report-purpose').locator('input').fill('上报街道办');
    await page.locator('.ant-modal-title:visible').click();
    const download = page.waitForEvent('download');
    await page.getByTestId('purpose-confirm').click();
    const file = await (await download).path();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    assert.deepEqual(
      book.worksheets.map((s) => s.name),
      ['外来返济人员排查表', '报送情况'],
    );
    const status: string[] = [];
    book.getWorksheet('报送情况')?.eachRow((r) => status.push(JSON.stringify(r.values)));
    assert.ok(status.some((r) => r.includes('丁社区') && r.includes('未报')));

    await units.locator('tr[data-unit="甲社区"]').getByRole('button').click();
    const drawer = page.getByTestId('submission-drawer');
    await drawer.getByTestId('submission-signature').getByText('李会计').waitFor();
    await drawer.getByTestId('submission-pdf').click();
    await page.getByTestId('report-purpose').locator('input').fill('签字存档');
    await page.locator('.ant-modal-title:visible').last().click();
    const popup = page.waitForEvent('popup');
    await page.getByTestId('purpose-confirm').click();
    const pdfUrl = (await popup).url();
    const pdf = await page.request.get(pdfUrl);
    assert.equal(pdf.status(), 200);
    assert.equal(pdf.headers()['content-type'], 'application/pdf');
    const bytes = await pdf.body();
    assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.match(bytes.subarray(-32).toString('latin1'), /%%EOF/);
    assert.match(bytes.toString('latin1'), /\/Type \/Page\b/);
    await screenshot(page, 'reports-5-submission');
    assert.deepEqual(problems, []);
    lap('board, export and PDF');
  });
});
