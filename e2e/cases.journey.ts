import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { insertPerson } from '../packages/server/src/modules/persons/person.repository.ts';
import { sealPerson } from '../packages/server/src/modules/persons/person-record.ts';
import { addTwoTowns, addUser, loginAs, residentId, TEST_PASSWORD } from '../packages/server/src/testing/factories.ts';
import { choose, type JourneyServer, screenshot, signIn, skipReason, useJourney } from './harness.ts';

/**
 * Cases (issue 11; CASE-001, CASE-006, SC-14): a positive single tube's person becomes an asymptomatic case for the
 * CDC (the 2-hour network-report clock runs from discovery), the CDC user sees it in 病例 with the clock, corrects
 * it to confirmed (订正), records the network report before the clock runs out, and the board shows it reported.
 */
const CDC = 'cdc';
const PATIENT = { name: '钱无症', idNumber: residentId('19790303', 911) };

async function seed(server: JourneyServer): Promise<{ caseId: string }> {
  const deps = server.deps;
  const { county, villageA } = await addTwoTowns(deps);
  await addUser(deps, CDC, 'cdc_epidemiologist', county.id);
  const at = { jurisdictionId: villageA.id, jurisdictionPath: villageA.path };
  const row = sealPerson(deps.cipher, { idType: 'resident_id', ...PATIENT, phone: '13912340911', householdId: null }, at);
  const person = await insertPerson(deps.database.db, row);
  const cdc = await loginAs(server.app, CDC);
  const reply = await cdc.request('POST', '/api/cases', { personId: person.id, classification: 'asymptomatic', source: 'positive_tube' });
  assert.equal(reply.statusCode, 201, reply.body);
  return { caseId: (reply.json() as { id: string }).id };
}

describe('cases journey', { skip: skipReason(), timeout: 120_000 }, () => {
  const journey = useJourney('cases journey', { seed });
  let page: Page;

  before(() => {
    page = journey.page().page;
  });

  // CASE-001, SC-14: the case is listed with its 2-hour report clock running
  it('the CDC sees the case in 病例 with the report clock running', async () => {
    await signIn(page, CDC, TEST_PASSWORD);
    await page.getByTestId('menu-cases').click();
    const row = page.locator('tbody tr.ant-table-row', { hasText: '钱无症' });
    await row.waitFor();
    assert.match((await row.textContent()) ?? '', /无症状感染者/);
    assert.equal(await row.locator('[data-clock="report"]').getAttribute('data-state'), 'on_time');
    await row.getByRole('link').click();
    await page.getByTestId('case-classify').waitFor();
    await screenshot(page, 'cases-1-detail');
  });

  // CASE-006, SC-15: asymptomatic → confirmed is recorded as a correction
  it('confirms the classification as a correction', async () => {
    await page.getByTestId('case-classify').click();
    await choose(page, page.getByTestId('case-classification'), '确诊病例');
    await choose(page, page.getByTestId('case-clinical-type'), '轻型');
    await page.getByTestId('case-reason').fill('出现发热，订正为确诊');
    await page.getByTestId('case-classify-ok').click();
    await page.getByText('订正: 无症状感染者 → 确诊病例', { exact: false }).waitFor();
  });

  // CASE-001, KP-C01: the network report is recorded before the 2-hour clock runs out
  it('records the network report and the clock shows done on time', async () => {
    await page.getByTestId('case-report').click();
    await page.getByTestId('case-reporting-unit').fill('武进区疾病预防控制中心');
    await page.getByTestId('case-reporting-doctor').fill('周医生');
    await page.getByTestId('case-report-ok').click();
    await page.locator('[data-clock="report"][data-state="done"]').first().waitFor();
    await page.getByTestId('menu-case-board').click();
    await page.locator('tbody tr.ant-table-row', { hasText: '钱无症' }).locator('[data-clock="report"][data-state="done"]').waitFor();
    await screenshot(page, 'cases-2-board');
  });
});
