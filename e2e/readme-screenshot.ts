// Produces docs/screenshot.png (the README's picture) from the demo district, and a few more views
// into e2e/screenshots/ for a person to look at. Run: node --import tsx e2e/readme-screenshot.ts
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_PASSWORD } from '../packages/server/src/demo/demo-accounts.ts';
import { seedDemo } from '../packages/server/src/demo/demo-seed.ts';
import { launchBrowser, openPage, screenshot, signIn, startServer } from './harness.ts';

const README_SHOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../docs/screenshot.png');
const RESIDENTS = Number(process.env.DEMO_RESIDENTS ?? 20_000);

const server = await startServer();
const browser = await launchBrowser();
try {
  await seedDemo(server.deps, { residents: RESIDENTS, log: (line) => console.log(line) });
  const commander = await openPage(browser, server.baseUrl);
  const page = commander.page;
  await signIn(page, 'commander', DEMO_PASSWORD);
  const tree = page.getByTestId('jurisdiction-tree');
  await tree.getByText('湖塘镇').click();
  await page.getByTestId('jurisdiction-name').getByText('湖塘镇').waitFor();
  await page.getByTestId('places-table').locator('tbody tr').first().waitFor();
  copyFileSync(await screenshot(page, 'readme-jurisdictions'), README_SHOT);
  console.log(`wrote ${README_SHOT}`);

  await page.getByTestId('menu-persons').click();
  await page.getByTestId('person-table').locator('tbody tr').first().waitFor();
  await screenshot(page, 'readme-persons');

  const admin = await openPage(browser, server.baseUrl, 'en');
  await signIn(admin.page, 'admin', DEMO_PASSWORD);
  await admin.page.getByTestId('language-switch').click();
  await admin.page.getByTestId('menu-users').click();
  await admin.page.getByTestId('users-table').getByText('commander', { exact: true }).waitFor();
  await admin.page.waitForTimeout(500);
  await screenshot(admin.page, 'readme-users-en');
  await admin.page.getByTestId('menu-audit').click();
  await admin.page.getByTestId('audit-table').locator('tbody tr').first().waitFor();
  await admin.page
    .getByTestId('audit-table')
    .locator('button.ant-table-row-expand-icon:not(.ant-table-row-expand-icon-spaced)')
    .first()
    .click();
  await screenshot(admin.page, 'readme-audit-en');
  for (const { problems } of [commander, admin]) if (problems.length > 0) console.log('page problems:', problems);
} finally {
  await browser.close();
  await server.close();
}
