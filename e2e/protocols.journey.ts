import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { homeObservationProfile } from '../packages/server/src/modules/protocols/sample-profile.ts';
import { addTwoTowns, addUser, loginAs, residentId, TEST_PASSWORD, type TestClient } from '../packages/server/src/testing/factories.ts';
import { type JourneyPage, type JourneyServer, screenshot, skipReason, useJourney } from './harness.ts';

/**
 * Protocols as data the district runs (issue 14 part 3; RULES-001, §18 V1, KP-D01): the command office drafts a
 * local profile for 湖塘镇 on 防控方案 (close contacts in home isolation medical observation, seed 004), previews it
 * — one close contact under management in the town would get another plan — and the commander approves it with its
 * legal basis and activates it. A close contact registered afterwards runs under it, as the episode's plan shows;
 * the one registered before keeps the 9th edition's centralized quarantine.
 */
const NOW = '2026-12-01T10:00:00+08:00';
const PROFILE = 'hutang-journey';

interface Seeded {
  villageId: string;
}

async function seed(server: JourneyServer): Promise<Seeded> {
  const deps = server.deps;
  deps.clock = () => new Date(NOW);
  const { county, villageA } = await addTwoTowns(deps);
  await addUser(deps, 'office', 'command_office_staff', county.id);
  await addUser(deps, 'commander', 'district_commander', county.id);
  await addUser(deps, 'cdc', 'cdc_epidemiologist', county.id);
  await closeContact(await loginAs(server.app, 'cdc'), villageA.id, '钱在管', 701);
  return { villageId: villageA.id };
}

async function closeContact(cdc: TestClient, villageId: string, name: string, seq: number) {
  const person = await cdc.request('POST', '/api/persons', {
    idType: 'resident_id',
    idNumber: residentId('19800101', seq),
    name,
    jurisdictionId: villageId,
  });
  assert.equal(person.statusCode, 201, person.body);
  const episode = await cdc.request('POST', '/api/key-persons/episodes', {
    personId: (person.json() as { id: string }).id,
    category: 'close_contact',
    startDate: '2026-11-30',
  });
  assert.equal(episode.statusCode, 201, episode.body);
  return (episode.json() as { id: string }).id;
}

/** The server's clock is not the browser's: sign in through the API and hand the browser the session cookie. */
async function signInAt(server: JourneyServer, tab: JourneyPage, username: string): Promise<TestClient> {
  const client = await loginAs(server.app, username, TEST_PASSWORD);
  const token = /fk_session=([^;]+)/.exec(client.headers.cookie ?? '')?.[1] ?? '';
  await tab.context.clearCookies();
  await tab.context.addCookies([{ name: 'fk_session', value: token, url: server.baseUrl, httpOnly: true }]);
  await tab.page.goto('/');
  await tab.page.getByTestId('user-menu').waitFor();
  return client;
}

const rowOf = (page: Page) => page.locator('tr', { hasText: PROFILE });

describe('protocols journey', { skip: skipReason(), timeout: 240_000 }, () => {
  const journey = useJourney('protocols journey', { seed });
  let server: JourneyServer;
  let tab: JourneyPage;
  let page: Page;

  before(() => {
    server = journey.server;
    tab = journey.page();
    page = tab.page;
  });

  // RULES-001, §18 V1: drafted from a document on the page, previewed with the people it would change
  it('office drafts the 湖塘镇 profile on 防控方案 and previews it: one close contact under management would change', async () => {
    await signInAt(server, tab, 'office');
    await page.getByTestId('menu-protocols').click();
    await page.getByTestId('protocols-page').waitFor();
    await page.getByTestId('protocol-draft-json').fill(JSON.stringify(homeObservationProfile('320412100', PROFILE), null, 2));
    await page.getByTestId('protocol-draft-save').click();
    await rowOf(page).getByTestId('protocol-status').getByText('草稿').waitFor();
    await rowOf(page).getByTestId('protocol-preview').click();
    const count = page.getByTestId('protocol-preview-count');
    await count.getByText('1').waitFor();
    await screenshot(page, 'protocols-1-preview');
    await page.keyboard.press('Escape');
  });

  // The drafter cannot approve; the commander approves with the legal basis and activates it
  it('commander approves it with its legal basis and activates it', async () => {
    await signInAt(server, tab, 'commander');
    await page.getByTestId('menu-protocols').click();
    await rowOf(page).getByTestId('protocol-approve').click();
    await page.getByTestId('protocol-approve-basis').fill('武防指〔2026〕15号');
    await page.getByTestId('protocol-approve-submit').click();
    await rowOf(page).getByTestId('protocol-status').getByText('已审批').waitFor();
    await rowOf(page).getByTestId('protocol-activate').click();
    await rowOf(page).getByTestId('protocol-status').getByText('施行中').waitFor();
    await screenshot(page, 'protocols-2-active');
  });

  // KP-D01: a close contact registered afterwards runs under the profile; the one before keeps the edition
  it('a close contact registered afterwards runs under the profile, visible in the episode’s plan', async () => {
    const cdc = await signInAt(server, tab, 'cdc');
    await closeContact(cdc, journey.seeded.villageId, '孙新密接', 703);
    await page.getByTestId('menu-key-persons').click();
    await page.getByTestId('episodes-table').getByText('孙新密接', { exact: true }).click();
    const drawer = page.getByTestId('episode-drawer');
    const plan = drawer.getByTestId('episode-plan');
    await plan.getByText('居家隔离医学观察').first().waitFor();
    // The district's profile by its name, as the protocol list names it (issue 14: not its id)
    const { name } = homeObservationProfile('320412100', PROFILE).profile;
    await drawer.getByText(name).first().waitFor();
    assert.ok(!((await drawer.textContent()) ?? '').includes(PROFILE), 'the profile by its name, not its id');
    await screenshot(page, 'protocols-3-episode');
    await page.locator('.ant-drawer-close:visible').click();
    await drawer.waitFor({ state: 'hidden' });
    await page.getByTestId('episodes-table').getByText('钱在管', { exact: true }).click();
    await drawer.getByTestId('episode-plan').getByText('集中隔离医学观察').first().waitFor();
  });
});
