import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../packages/server/src/demo/demo-accounts.ts';
import { seedDemo } from '../packages/server/src/demo/demo-seed.ts';
import { type JourneyServer, STEP_TIMEOUT_MS, skipReason, useJourney } from './harness.ts';

/** Enough people for every role's page to have rows and for the demo community to hold a family for `resident`. */
const RESIDENTS = 2000;
/** The seed the demo-seed test proves holds a family for `resident` at this size (demo-seed.test.ts). */
const SEED = 7;

/** The page each demo account must land on (auth/landing.ts), and an element that shows it has loaded. */
const LANDING: Record<string, { path: string; ready: string }> = {
  admin: { path: '/users', ready: 'menu-users' },
  commander: { path: '/dashboard', ready: 'menu-dashboard' },
  office: { path: '/testing-overview', ready: 'menu-testing-overview' },
  cdc: { path: '/testing-overview', ready: 'menu-testing-overview' },
  town: { path: '/testing-overview', ready: 'menu-testing-overview' },
  grid: { path: '/work-list', ready: 'work-tabs' },
  medic: { path: '/work-list', ready: 'work-tabs' },
  lab: { path: '/lab-results', ready: 'lab-template' },
  site: { path: '/sites', ready: 'menu-sites' },
  checkpoint: { path: '/checkpoint', ready: 'menu-checkpoint' },
  secretary: { path: '/reports', ready: 'report-unit' },
  resident: { path: '/h5', ready: 'code-card' },
  // Institutions (issue 16): schools, pharmacies and the hotel's front desk land on their institutions.
  school: { path: '/institutions', ready: 'institution-table' },
  pharmacy: { path: '/institutions', ready: 'institution-table' },
  hotel: { path: '/institutions', ready: 'institution-table' },
};

/** Signs in at /login and collects every failed API answer and error toast until the landing page has settled. */
async function landAs(page: Page, username: string): Promise<{ path: string; failed: string[]; toasts: string[] }> {
  const failed: string[] = [];
  page.on('response', (response) => {
    const url = new URL(response.url());
    // The one expected refusal: /api/auth/me before signing in.
    if (url.pathname === '/api/auth/me' && response.status() === 401) return;
    if (url.pathname.startsWith('/api/') && response.status() >= 400) failed.push(`${response.status()} ${url.pathname}`);
  });
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  const expected = LANDING[username];
  assert.ok(expected, `no landing page listed for demo account ${username}`);
  await page.waitForURL((url) => url.pathname === expected.path, { timeout: 15_000 });
  await page
    .getByTestId(expected.ready)
    .first()
    .waitFor({ timeout: 15_000 })
    .catch(async (error: Error) => {
      const text = (await page.locator('body').textContent())?.slice(0, 300);
      throw new Error(`${username}: ${expected.ready} not shown (${error.message}); failed: ${failed.join(', ')}; page: ${text}`);
    });
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  const toasts = await page.locator('.ant-message-error').allTextContents();
  return { path: new URL(page.url()).pathname, failed, toasts };
}

// Issue 18 item 10, issue 12 defect 9: every demo account (docs/demo-accounts.md) lands on its own
// work page with no error toast and no failed request. ORG-063 (grid worker and medic: the day's
// work), TEST-007 (lab: results), CODE-001 (resident: own code).
describe('landing journey: every demo account', { skip: skipReason(), timeout: 600_000 }, () => {
  const journey = useJourney('landing journey', {
    seed: async (server: JourneyServer) => {
      await seedDemo(server.deps, { residents: RESIDENTS, seed: SEED });
    },
    pages: 0,
    timeoutMs: 300_000,
  });

  before(() => {
    assert.deepEqual(
      DEMO_ACCOUNTS.map((a) => a.username).sort(),
      Object.keys(LANDING).sort(),
      'every demo account has its landing page here',
    );
  });

  for (const account of DEMO_ACCOUNTS) {
    it(`${account.username} lands on ${LANDING[account.username]?.path} with no error`, async () => {
      const context = await journey.browser.newContext({
        baseURL: journey.server.baseUrl,
        locale: 'zh-CN',
        viewport: account.role === 'resident' ? { width: 390, height: 844 } : { width: 1440, height: 900 },
      });
      const page = await context.newPage();
      page.setDefaultTimeout(STEP_TIMEOUT_MS);
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      try {
        const landed = await landAs(page, account.username);
        assert.equal(landed.path, LANDING[account.username]?.path);
        assert.deepEqual(landed.failed, [], `failed requests for ${account.username}`);
        assert.deepEqual(landed.toasts, [], `error toasts for ${account.username}`);
        assert.deepEqual(pageErrors, [], `page errors for ${account.username}`);
      } finally {
        await context.close();
      }
    });
  }

  // Issue 18 item 10: the H5 sign-in asks for phone or username and names the demo account.
  it('the H5 sign-in says phone or username and names the demo account resident', async () => {
    const context = await journey.browser.newContext({ baseURL: journey.server.baseUrl, locale: 'zh-CN' });
    const page = await context.newPage();
    try {
      await page.goto('/h5/login');
      const card = page.getByTestId('h5-login');
      await card.waitFor();
      const text = (await card.textContent()) ?? '';
      assert.match(text, /手机号或用户名/);
      assert.match(text, /resident/);
    } finally {
      await context.close();
    }
  });
});
