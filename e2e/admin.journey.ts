import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { addTwoTowns, addUser, TEST_PASSWORD } from '../packages/server/src/testing/factories.ts';
import { type JourneyPage, type JourneyServer, openPage, screenshot, signIn, skipReason, useJourney } from './harness.ts';

async function seed(server: JourneyServer): Promise<void> {
  const { county } = await addTwoTowns(server.deps);
  await addUser(server.deps, 'district-admin', 'system_admin', county.id);
}

/** A district administrator opens an account for a new grid worker, who signs in with the one-time password; then the account is disabled. */
describe('user administration journey', { skip: skipReason(), timeout: 240_000 }, () => {
  const journey = useJourney('user administration journey', { seed });
  let admin: JourneyPage;
  let page: Page;
  let oneTimePassword = '';

  before(() => {
    admin = journey.page();
    page = admin.page;
  });

  it('narrows the scope to a community through the jurisdiction browser', async () => {
    await signIn(page, 'district-admin', TEST_PASSWORD);
    // An admin lands on 用户与角色 (issue 18 item 10); the browser is one menu click away.
    await page.waitForURL('**/users');
    await page.getByTestId('menu-jurisdictions').click();
    await page.getByTestId('jurisdiction-tree').getByText('湖塘镇').click();
    await page.getByTestId('jurisdiction-name').getByText('湖塘镇').waitFor();
    await page.getByRole('cell', { name: '甲社区', exact: true }).click();
    await page.getByTestId('jurisdiction-name').getByText('甲社区').waitFor();
    assert.deepEqual(await page.getByTestId('jurisdiction-breadcrumb').locator('li').allTextContents(), [
      '武进区',
      '/',
      '湖塘镇',
      '/',
      '甲社区',
    ]);
  });

  it('creates a grid worker on that community and shows the one-time password once', async () => {
    await page.getByTestId('menu-users').click();
    await page.getByTestId('user-create').click();
    await page.getByTestId('user-create-username').fill('wang.grid');
    await page.getByTestId('user-create-display-name').fill('王网格');
    await page.getByRole('button', { name: '保 存' }).click();
    oneTimePassword = (await page.getByTestId('one-time-password').textContent()) ?? '';
    assert.match(oneTimePassword, /^\S{10,}$/);
    await screenshot(page, 'admin-1-one-time-password');
    await page.getByRole('button', { name: '确 定' }).click();
    const row = page.getByTestId('users-table').locator('tbody tr', { hasText: 'wang.grid' });
    await row.getByText('网格员 · 甲社区').waitFor();
  });

  it('lets the new account sign in with it, change it first, and see its community only', async () => {
    const newcomer = await openPage(journey.browser, journey.server.baseUrl);
    await newcomer.page.goto('/');
    await newcomer.page.getByTestId('login-username').fill('wang.grid');
    await newcomer.page.getByTestId('login-password').fill(oneTimePassword);
    await newcomer.page.getByTestId('login-submit').click();
    // A one-time password opens nothing but the change-password page.
    await newcomer.page.getByTestId('forced-password').waitFor();
    assert.equal(await newcomer.page.getByTestId('user-menu').count(), 0);
    await screenshot(newcomer.page, 'admin-2-forced-password');
    await newcomer.page.getByTestId('forced-current').fill(oneTimePassword);
    await newcomer.page.getByTestId('forced-new').fill('wangGrid-2026x');
    await newcomer.page.getByTestId('forced-confirm').fill('wangGrid-2026x');
    await newcomer.page.getByTestId('forced-submit').click();
    await newcomer.page.getByTestId('user-menu').waitFor();
    // A grid worker lands on 今日工作 (issue 18 item 10).
    await newcomer.page.waitForURL('**/work-list');
    await newcomer.page.getByTestId('menu-jurisdictions').click();
    const tree = newcomer.page.getByTestId('jurisdiction-tree');
    await tree.getByText('甲社区').waitFor();
    const nodes = await tree.getByTestId('jurisdiction-tree-node').allTextContents();
    assert.deepEqual(
      nodes.map((n) => n.split(' ')[0]),
      ['甲社区'],
    );
    assert.equal(await newcomer.page.getByTestId('menu-users').count(), 0, 'a grid worker has no user administration');
    await newcomer.context.close();
    assert.deepEqual(newcomer.problems, []);
  });

  it('disables the account with a reason', async () => {
    const row = page.getByTestId('users-table').locator('tbody tr', { hasText: 'wang.grid' });
    await row.getByTestId('user-toggle').click();
    await page.getByTestId('reason-input').fill('调离岗位');
    await page.getByRole('button', { name: '确 定' }).click();
    await row.getByText('已停用').waitFor();
    assert.deepEqual(admin.problems, []);
  });
});
