import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { TEST_PASSWORD } from '../packages/server/src/testing/factories.ts';
import { type JourneyPage, screenshot, signIn, skipReason, useJourney, waitForCount } from './harness.ts';
import { GRID_WORKER, type GridWorkerData, seedGridWorkerJourney } from './journey-data.ts';

/** The grid worker's day: sign in, see only their community, find a resident, open the record, find that look-up in the audit log. */
describe('grid worker journey', { skip: skipReason(), timeout: 240_000 }, () => {
  const journey = useJourney('grid worker journey', { seed: (server) => seedGridWorkerJourney(server.deps, server.app) });
  let grid: JourneyPage;
  let page: Page;
  let data: GridWorkerData;

  before(() => {
    data = journey.seeded;
    grid = journey.page();
    page = grid.page;
  });

  it('signs in and sees only their own community in the jurisdiction tree', async () => {
    await signIn(page, GRID_WORKER, TEST_PASSWORD);
    // A grid worker lands on 今日工作 (issue 18 item 10); the jurisdiction browser is one click away.
    await page.waitForURL('**/work-list');
    await page.getByTestId('menu-jurisdictions').click();
    await page.waitForURL('**/jurisdictions');
    const tree = page.getByTestId('jurisdiction-tree');
    await tree.getByText('甲社区').waitFor();
    const nodes = await tree.getByTestId('jurisdiction-tree-node').allTextContents();
    assert.equal(nodes.length, 1, `one node: ${nodes.join(' | ')}`);
    assert.match(nodes[0] ?? '', /甲社区/);
    for (const outside of ['湖塘镇', '牛塘镇', '乙社区', '武进区']) {
      assert.equal(await tree.getByText(outside).count(), 0, `${outside} is outside the grid worker's scope`);
    }
    assert.match((await page.getByTestId('jurisdiction-name').textContent()) ?? '', /甲社区/);
    await page.getByTestId('places-table').getByText('320412100001-01-1-0101', { exact: true }).waitFor();
    await screenshot(page, 'grid-worker-1-jurisdictions');
  });

  it('searches by phone and by name, inside their scope only', async () => {
    await page.getByTestId('menu-persons').click();
    await page.getByTestId('person-search-input').fill(data.resident.phone);
    await page.getByTestId('person-search-submit').click();
    const names = page.getByTestId('person-table').getByTestId('person-row-name');
    await waitForCount(names, 1);
    assert.deepEqual(await names.allTextContents(), [data.resident.name]);
    const row = page.getByTestId('person-table').locator('tbody tr', { hasText: data.resident.name });
    assert.match((await row.textContent()) ?? '', /138\*\*\*\*5678/, 'the list shows the phone masked');
    assert.ok(!((await row.textContent()) ?? '').includes(data.resident.idNumber), 'the list never shows the full ID number');

    await page.getByTestId('person-search-input').fill('王');
    await page.getByTestId('person-search-submit').click();
    await waitForCount(names, 2);
    const found = await names.allTextContents();
    assert.deepEqual(found.sort(), [data.housemate, data.resident.name].sort());
    assert.ok(!found.includes(data.outsider), `${data.outsider} lives in another town`);
  });

  it('opens the resident with a purpose and sees full values and the household', async () => {
    await page.getByTestId('person-table').getByText(data.resident.name).click();
    const drawer = page.getByTestId('person-drawer');
    await drawer.getByTestId('person-purpose').locator('input').fill('流调核实');
    await drawer.getByTestId('person-view-full').click();
    await drawer.getByTestId('person-detail').waitFor();
    assert.equal(await drawer.getByTestId('person-detail-id').textContent(), data.resident.idNumber);
    assert.equal(await drawer.getByTestId('person-detail-phone').textContent(), data.resident.phone);
    await drawer.getByTestId('household-members').getByText(data.housemate).waitFor();
    await screenshot(page, 'grid-worker-2-person-detail');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
  });

  it('finds that look-up in the audit log', async () => {
    await page.getByTestId('menu-audit').click();
    await page.getByTestId('audit-filter-action').click();
    await page.keyboard.type('person.viewFull');
    await page.keyboard.press('Enter');
    await page.getByTestId('audit-search').click();
    // Unfiltered, the log holds the sign-ins and registrations too: one row left means the filter applied.
    await waitForCount(page.getByTestId('audit-table').getByTestId('audit-action'), 1);
    const row = page.getByTestId('audit-table').locator(`tbody tr:has([data-entity-id="${data.resident.id}"])`);
    assert.equal(await row.getByTestId('audit-action').getAttribute('data-action'), 'person.viewFull');
    assert.equal(await row.getByTestId('audit-reason').textContent(), '流调核实');
    assert.match((await row.textContent()) ?? '', new RegExp(GRID_WORKER));
    await screenshot(page, 'grid-worker-3-audit');
  });

  it('switches to English and back without errors on the page', async () => {
    await page.getByTestId('language-switch').click();
    await page.getByText('Audit log', { exact: true }).first().waitFor();
    await page.getByTestId('language-switch').click();
    await page.getByText('审计日志', { exact: true }).first().waitFor();
    assert.deepEqual(grid.problems, []);
  });
});
