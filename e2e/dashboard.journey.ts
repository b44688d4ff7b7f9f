import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { before, describe, it } from 'node:test';
import { addDays, shanghaiDate } from '@fangkong/core';
import ExcelJS from 'exceljs';
import type { Download, Page } from 'playwright-core';
import { sentinelDailyCount } from '../packages/server/src/db/schema/index.ts';
import { runEarlyWarning } from '../packages/server/src/modules/dashboard/early-warning.job.ts';
import { compileSituationReport } from '../packages/server/src/modules/dashboard/situation-report.service.ts';
import { addTwoTowns, addUser, loginAs, residentId, TEST_PASSWORD } from '../packages/server/src/testing/factories.ts';
import { type JourneyPage, type JourneyServer, screenshot, signIn, skipReason, useJourney } from './harness.ts';

/**
 * The command dashboard (issue 17; CASE-007, CASE-008; SC-61): the commander signs in and lands on the dashboard of
 * the district, sees the cases and the open early-warning signal raised from three weeks of pharmacy purchases in
 * 甲社区, drills into 湖塘镇, exports a chart's data, and takes the signal on for verification.
 */
async function seed(server: JourneyServer): Promise<void> {
  const deps = server.deps;
  const { county, villageA } = await addTwoTowns(deps);
  await addUser(deps, 'commander-d', 'district_commander', county.id);
  await addUser(deps, 'cdc-d', 'cdc_epidemiologist', county.id);
  const cdc = await loginAs(server.app, 'cdc-d');
  for (const seq of [21, 23, 25]) {
    const person = await cdc.request('POST', '/api/persons', {
      idType: 'resident_id',
      idNumber: residentId('19810101', seq),
      name: `看板${seq}`,
      jurisdictionId: villageA.id,
    });
    assert.equal(person.statusCode, 201, person.body);
    const opened = await cdc.request('POST', '/api/cases', {
      personId: (person.json() as { id: string }).id,
      classification: 'confirmed',
      clinicalType: 'mild',
      source: 'manual',
    });
    assert.equal(opened.statusCode, 201, opened.body);
  }
  const yesterday = addDays(shanghaiDate(deps.clock()), -1);
  await deps.database.db.insert(sentinelDailyCount).values(
    Array.from({ length: 28 }, (_, i) => ({
      jurisdictionId: villageA.id,
      jurisdictionPath: villageA.path,
      series: 'pharmacy_fever_drug_purchase',
      day: addDays(yesterday, i - 27),
      count: i === 27 ? 52 : 12 + (i % 3),
    })),
  );
  assert.equal((await runEarlyWarning(deps)).raised, 1);
  // DAILY-007: yesterday's 疫情日报 of the district, as the 08:00 compile makes it.
  assert.ok(await compileSituationReport(deps, county, yesterday));
}

async function bytesOf(download: Download): Promise<Buffer> {
  const file = await download.path();
  assert.ok(file, 'the download was saved');
  return readFile(file);
}

describe('dashboard journey', { skip: skipReason(), timeout: 240_000 }, () => {
  const journey = useJourney('dashboard journey', { seed });
  let tab: JourneyPage;
  let page: Page;

  before(() => {
    tab = journey.page();
    page = tab.page;
  });

  it('the commander lands on the district dashboard with the cases and one open signal', async () => {
    await signIn(page, 'commander-d', TEST_PASSWORD);
    await page.getByTestId('dashboard-figures').waitFor();
    assert.match(page.url(), /\/dashboard$/);
    assert.equal(await page.getByTestId('figure-signals').locator('.ant-statistic-content-value').textContent(), '1');
    await page.locator('[data-testid="dashboard-tile"][data-name="湖塘镇"]').waitFor();
    await page.getByTestId('chart-sentinel').waitFor();
    await screenshot(page, 'dashboard-1-district');
  });

  it('DAILY-007 INFO-006: downloads yesterday’s daily situation report (疫情日报) as a PDF', async () => {
    const yesterday = addDays(shanghaiDate(journey.server.deps.clock()), -1);
    const link = page.getByTestId('situation-reports').getByTestId(`situation-report-${yesterday}`);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    assert.match(download.suggestedFilename(), /疫情日报.*\.pdf$/);
    const pdf = await bytesOf(download);
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.ok((pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length >= 1, 'the PDF has a page');
  });

  it('drills into 湖塘镇 and exports the sentinel chart’s data as .xlsx', async () => {
    await page.locator('[data-testid="dashboard-tile"][data-name="湖塘镇"]').click();
    await page.locator('[data-testid="dashboard-figures"][data-jurisdiction="湖塘镇"]').waitFor();
    await page.locator('[data-testid="dashboard-tile"][data-name="甲社区"]').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('chart-sentinel-data').click()]);
    assert.match(download.suggestedFilename(), /^湖塘镇-sentinel-.*\.xlsx$/);
    // Issue 17 §5: a real workbook — exceljs opens it and finds the chart's header and the purchases of yesterday.
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await bytesOf(download)) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    assert.ok(sheet);
    assert.equal(sheet.name, '哨点监测');
    assert.deepEqual((sheet.getRow(3).values as unknown[]).slice(1), ['日期', '药店退热止咳类药品购买']);
    const yesterday = addDays(shanghaiDate(journey.server.deps.clock()), -1);
    const rows = sheet.getSheetValues().map((r) => (Array.isArray(r) ? r.slice(1) : []));
    assert.ok(
      rows.some((r) => r[0] === yesterday && r[1] === 52),
      'yesterday’s 52 purchases are in the workbook',
    );
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('chart-epicurve-report-png').click()]);
    assert.match(png.suggestedFilename(), /\.png$/);
  });

  it('takes the pharmacy signal on for verification (CASE-007)', async () => {
    const row = page.locator('[data-testid="signal-pharmacy_fever_drug_purchase"]');
    await row.getByTestId('warning-acknowledge').click();
    await page.locator('[data-testid="signal-pharmacy_fever_drug_purchase"][data-status="acknowledged"]').waitFor();
    await screenshot(page, 'dashboard-2-signal');
  });
});
