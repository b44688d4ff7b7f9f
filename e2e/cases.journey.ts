import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { queryRows } from '../packages/server/src/db/query-rows.ts';
import { insertPerson } from '../packages/server/src/modules/persons/person.repository.ts';
import { sealPerson } from '../packages/server/src/modules/persons/person-record.ts';
import { insertPlace } from '../packages/server/src/modules/places/place.repository.ts';
import { addTwoTowns, addUser, loginAs, residentId, TEST_PASSWORD } from '../packages/server/src/testing/factories.ts';
import { choose, type JourneyServer, screenshot, signIn, skipReason, useJourney } from './harness.ts';

/**
 * Cases (issue 11; CASE-001, CASE-002, CASE-003, SC-14, SC-20): a fever-clinic patient's single tube comes back
 * positive from the lab and opens the case by itself (the 2-hour network-report clock runs from the result); the CDC
 * user sees it in 病例 with the clock, confirms it, records the network report before the clock runs out, adds the
 * trajectory, handles the spots, completes the investigation and prints its report, and opens a case by hand.
 */
const CDC = 'cdc';
const LAB_NAME = '武进区疾控中心';
const PATIENT = { name: '钱发热', idNumber: residentId('19790303', 911) };
const WALK_IN = { name: '孙就诊', idNumber: residentId('19850505', 913) };

/** Yesterday in Asia/Shanghai as YYYY-MM-DD: trajectory and onset lie before the case's discovery (now). */
const yesterday = () => new Date(Date.now() + 8 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);

async function seed(server: JourneyServer): Promise<{ caseId: string }> {
  const deps = server.deps;
  const { county, townA, villageA } = await addTwoTowns(deps);
  await addUser(deps, CDC, 'cdc_epidemiologist', county.id);
  await addUser(deps, 'medic-a', 'assigned_medic', townA.id);
  await addUser(deps, 'lab-county', 'lab_staff', county.id);
  const at = { jurisdictionId: villageA.id, jurisdictionPath: villageA.path };
  const row = sealPerson(deps.cipher, { idType: 'resident_id', ...PATIENT, phone: '13912340911', householdId: null }, at);
  const person = await insertPerson(deps.database.db, row);
  await insertPerson(
    deps.database.db,
    sealPerson(deps.cipher, { idType: 'resident_id', ...WALK_IN, phone: '13912340913', householdId: null }, at),
  );
  // The fever clinic takes the patient's single tube; the lab's positive result opens the case (issue 11 item 1).
  const clinic = await insertPlace(deps.database.db, { kind: 'fever_clinic', name: '湖塘卫生院发热门诊', code: 'F-J-01', ...at });
  const medic = await loginAs(server.app, 'medic-a');
  const visit = await medic.request('POST', '/api/testing/fever-clinic/visits', {
    personId: person.id,
    placeId: clinic.id,
    barcode: 'FEVER-J-0001',
    temperatureCelsius: 38.4,
    labName: LAB_NAME,
  });
  assert.equal(visit.statusCode, 201, visit.body);
  const lab = await loginAs(server.app, 'lab-county');
  const result = await lab.request('POST', '/api/testing/lab-results', {
    labName: LAB_NAME,
    results: [{ barcode: 'FEVER-J-0001', result: 'positive' }],
  });
  assert.equal(result.statusCode, 200, result.body);
  const [opened] = await queryRows<{ id: string }>(
    deps.database.db,
    sql`select id from case_report where person_id = ${person.id} and source = 'positive_tube'`,
  );
  assert.ok(opened, 'the positive single tube opened the case');
  return { caseId: opened.id };
}

describe('cases journey', { skip: skipReason(), timeout: 120_000 }, () => {
  const journey = useJourney('cases journey', { seed });
  let page: Page;

  before(() => {
    page = journey.page().page;
  });

  // CASE-001, SC-14, issue 11 item 1: the positive tube's case is listed as suspected, from the tube, its 2-hour clock running
  it('the CDC sees the case the positive tube opened in 病例 with the report clock running', async () => {
    await signIn(page, CDC, TEST_PASSWORD);
    await page.getByTestId('menu-cases').click();
    const row = page.locator('tbody tr.ant-table-row', { hasText: PATIENT.name });
    await row.waitFor();
    assert.match((await row.textContent()) ?? '', /疑似病例/);
    assert.equal(await row.locator('[data-clock="report"]').getAttribute('data-state'), 'on_time');
    await row.getByRole('link').click();
    await page.getByTestId('case-classify').waitFor();
    await page.getByText('单管阳性').first().waitFor();
    await screenshot(page, 'cases-1-detail');
  });

  // CASE-003: the CDC confirms the diagnosis; the history keeps suspected → confirmed
  it('confirms the classification', async () => {
    await page.getByTestId('case-classify').click();
    await choose(page, page.getByTestId('case-classification'), '确诊病例');
    await choose(page, page.getByTestId('case-clinical-type'), '轻型');
    await page.getByTestId('case-reason').fill('发热伴核酸阳性，诊断为确诊病例');
    await page.getByTestId('case-classify-ok').click();
    await page.getByText('疑似病例 → 确诊病例', { exact: false }).waitFor();
  });

  // CASE-001, KP-C01: the network report is recorded before the 2-hour clock runs out
  it('records the network report and the clock shows done on time', async () => {
    await page.getByTestId('case-report').click();
    await page.getByTestId('case-reporting-unit').fill('武进区疾病预防控制中心');
    await page.getByTestId('case-reporting-doctor').fill('周医生');
    await page.getByTestId('case-report-ok').click();
    await page.locator('[data-clock="report"][data-state="done"]').first().waitFor();
    await page.getByTestId('menu-case-board').click();
    await page.locator('tbody tr.ant-table-row', { hasText: PATIENT.name }).locator('[data-clock="report"][data-state="done"]').waitFor();
    await screenshot(page, 'cases-2-board');
  });

  // Issue 11 item 3, CASE-002, SC-20: the investigation lists what is missing; trajectory points are added in the page
  it('adds two trajectory points to the case', async () => {
    await page.locator('tbody tr.ant-table-row', { hasText: PATIENT.name }).getByRole('link').click();
    await page.getByRole('tab', { name: /流行病学调查/ }).click();
    await page.getByTestId('investigation-gaps').getByText('至少一条活动轨迹').waitFor();
    await page.getByRole('tab', { name: /活动轨迹/ }).click();
    const day = yesterday();
    for (const [place, from, to] of [
      ['湖塘镇农贸市场', `${day} 08:00`, `${day} 09:00`],
      ['湖塘镇某超市', `${day} 12:00`, `${day} 12:30`],
    ] as const) {
      await page.getByTestId('trajectory-add').click();
      await page.getByTestId('trajectory-place').fill(place);
      const inputs = page.locator('.ant-modal .ant-picker-range input');
      await inputs.nth(0).click();
      await inputs.nth(0).fill(from);
      await page.keyboard.press('Enter');
      await inputs.nth(1).fill(to);
      await page.keyboard.press('Enter');
      await page.getByTestId('trajectory-add-ok').click();
      await page.getByTestId('trajectory-table').locator('tbody tr', { hasText: place }).waitFor();
    }
    await page.getByRole('tab', { name: /活动轨迹 \(2\)/ }).waitFor();
    // Issue 11 item 5, CASE-011: the market is sealed and disinfected within 24 hours, then lifted
    const market = page.getByTestId('trajectory-table').locator('tbody tr', { hasText: '湖塘镇农贸市场' });
    await market.locator('[data-clock="disinfection"][data-state="on_time"]').waitFor();
    await market.getByTestId('spot-sealed').click();
    await market.locator('[data-clock="sealing"][data-state="done"]').waitFor();
    await market.getByTestId('spot-disinfected').click();
    await market.getByTestId('spot-lifted').click();
    await market.getByText('已解封').waitFor();
  });

  // Issue 11 item 3, CASE-002, CASE-014: the form answered, the investigation completes on time and its report is a PDF
  it('fills the investigation form, completes it on time and prints the report', async () => {
    await page.getByRole('tab', { name: /流行病学调查/ }).click();
    // CASE-002: the CDC investigator is assigned and leads; the board names them
    await choose(page, page.getByTestId('investigation-assignees'), CDC);
    await page.keyboard.press('Escape');
    await page.getByTestId('investigation-assignees').getByText(CDC, { exact: true }).waitFor();
    await page.getByTestId('investigation-complete').click();
    await page
      .getByText('investigationIncomplete', { exact: false })
      .or(page.locator('.ant-message-error, .ant-notification-notice-error'))
      .first()
      .waitFor();
    const onset = page.getByTestId('investigation-form').locator('.ant-picker input').first();
    await onset.click();
    await onset.fill(yesterday());
    await page.keyboard.press('Enter');
    await choose(page, page.getByTestId('investigation-symptoms'), '发热');
    await page.keyboard.press('Escape');
    await page.getByTestId('investigation-exposure').fill('发病前两天在湖塘镇农贸市场与确诊病例同一摊位');
    await page.getByTestId('investigation-travel').fill('14 天内无外地旅居史');
    await page.getByTestId('investigation-occupation').fill('菜市场摊主');
    await page.getByTestId('investigation-doses').fill('2');
    await page.getByTestId('investigation-household').fill('3');
    await page.getByTestId('investigation-complete').click();
    await page.locator('[data-clock="investigation"][data-state="done"]').first().waitFor();
    await page.getByTestId('investigation-gaps').getByText('调查项目已齐全', { exact: false }).waitFor();
    const href = await page.getByTestId('investigation-report').getAttribute('href');
    assert.ok(href);
    const pdf = await page.request.get(href);
    assert.equal(pdf.status(), 200);
    assert.equal(pdf.headers()['content-type'], 'application/pdf');
    await screenshot(page, 'cases-3-investigation');
    // Annex A, CASE-001: the report card with its national fields in words, the occupation from the investigation, as a PDF
    await page.getByRole('tab', { name: '传染病报告卡' }).click();
    await page.getByText('人群分类（职业）').waitFor();
    await page.getByText('菜市场摊主').waitFor();
    const cardHref = await page.getByTestId('report-card-pdf').getAttribute('href');
    assert.ok(cardHref);
    const card = await page.request.get(cardHref);
    assert.deepEqual([card.status(), card.headers()['content-type']], [200, 'application/pdf']);
  });

  // CASE-001: the CDC enters a case by hand; its 2-hour report clock starts
  it('opens a case from the 新建病例 form', async () => {
    await page.getByTestId('menu-cases').click();
    await page.getByTestId('case-open').click();
    await choose(page, page.getByTestId('person-picker'), WALK_IN.name, WALK_IN.name);
    await page.getByTestId('case-open-ok').click();
    await page.getByTestId('case-report').waitFor();
    await page.getByText(WALK_IN.name).first().waitFor();
    assert.equal(await page.locator('[data-clock="report"]').first().getAttribute('data-state'), 'on_time');
  });
});
