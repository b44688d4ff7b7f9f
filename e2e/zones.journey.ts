import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { place } from '../packages/server/src/db/schema/index.ts';
import { insertPlace } from '../packages/server/src/modules/places/place.repository.ts';
import { addTwoTowns, addUser, loginAs, residentId, TEST_PASSWORD, type TestClient } from '../packages/server/src/testing/factories.ts';
import { choose, type JourneyPage, type JourneyServer, screenshot, skipReason, useJourney } from './harness.ts';

/**
 * Risk areas and control zones (issue 14; ZONE-001, ZONE-004, ZONE-008, ZONE-017; SC-21, SC-25; seed-2020):
 * a cluster of five confirmed cases arrives in 甲社区; the commander sees the rules propose medium risk for
 * 湖塘镇 with their reasons, proposes, confirms and publishes it with the issuing authority; draws a sealed
 * zone over the first case's building from its outbreak type; the residents' codes turn red and the
 * campaign pools them singly; sixteen days later the checklist holds and the zone is lifted.
 * The server's clock is in March 2020 (the national rule of 2020 is the edition's).
 */
const DAY1 = '2020-03-02T09:00:00+08:00';
const DAY17 = '2020-03-18T09:00:00+08:00';
const LAB = '武进区疾控中心';

interface Seeded {
  neighbourId: string;
  patientId: string;
  campaignId: string;
}

async function seed(server: JourneyServer): Promise<Seeded> {
  const deps = server.deps;
  deps.clock = () => new Date(DAY1);
  const { county, villageA } = await addTwoTowns(deps);
  await addUser(deps, 'commander-j', 'district_commander', county.id);
  await addUser(deps, 'office-j', 'command_office_staff', county.id);
  await addUser(deps, 'cdc-j', 'cdc_epidemiologist', county.id);
  await addUser(deps, 'town-j', 'town_cadre', villageA.id);
  await addUser(deps, 'lab-j', 'lab_staff', county.id);
  const at = { jurisdictionId: villageA.id, jurisdictionPath: villageA.path };
  const db = deps.database.db;
  const building = await insertPlace(db, { kind: 'building', name: '5幢', code: 'J-B5', address: '甲社区5幢', ...at });
  const unit = await insertPlace(db, { kind: 'unit', name: '1单元', code: 'J-B5-1', parentPlaceId: building.id, ...at });
  const [flat] = await db
    .insert(place)
    .values({ kind: 'household', name: '501室', code: 'J-B5-1-501', parentPlaceId: unit.id, ...at })
    .returning();
  const office = await loginAs(server.app, 'office-j');
  const cdc = await loginAs(server.app, 'cdc-j');
  const person = async (name: string, seq: number, householdId?: string) => {
    const reply = await office.request('POST', '/api/persons', {
      idType: 'resident_id',
      idNumber: residentId('19800101', seq),
      name,
      jurisdictionId: villageA.id,
      ...(householdId ? { householdId } : {}),
    });
    assert.equal(reply.statusCode, 201, reply.body);
    return (reply.json() as { id: string }).id;
  };
  const patientId = await person('赵甲', 501, flat?.id);
  const neighbourId = await person('钱邻居', 503, flat?.id);
  // A cluster (seed 7th-edition rule: 5 cases in 14 days in one area): the patient and four more in 甲社区.
  for (const [i, id] of [patientId, ...(await Promise.all([505, 507, 509, 511].map((s, k) => person(`病例${k + 2}`, s))))].entries()) {
    const opened = await cdc.request('POST', '/api/cases', {
      personId: id,
      classification: 'confirmed',
      clinicalType: 'mild',
      source: 'manual',
    });
    assert.equal(opened.statusCode, 201, `${i}: ${opened.body}`);
  }
  const campaign = await office.request('POST', '/api/testing/campaigns', {
    name: '甲社区全员核酸',
    jurisdictionId: villageA.id,
    startsAt: DAY1,
  });
  assert.equal(campaign.statusCode, 201, campaign.body);
  return { neighbourId, patientId, campaignId: (campaign.json() as { id: string }).id };
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

async function colourOf(client: TestClient, personId: string): Promise<string> {
  return ((await client.request('GET', `/api/persons/${personId}/code`)).json() as { colour: string }).colour;
}

describe('zones journey', { skip: skipReason(), timeout: 240_000 }, () => {
  const journey = useJourney('zones journey', { seed });
  let server: JourneyServer;
  let tab: JourneyPage;
  let page: Page;
  let data: Seeded;
  let api: TestClient;

  before(() => {
    server = journey.server;
    tab = journey.page();
    page = tab.page;
    data = journey.seeded;
  });

  // ZONE-001: the rules propose medium for the town with their reasons; a person confirms and publishes it
  it('proposes medium risk for 湖塘镇 with its reasons; the commander confirms and publishes it', async () => {
    api = await signInAt(server, tab, 'commander-j');
    await page.getByTestId('menu-zones').click();
    await page.getByTestId('zones-tab-risk').click();
    const row = page.locator('[data-testid="risk-row"][data-name="湖塘镇"]');
    await row.locator('[data-testid="risk-level"][data-level="medium"]').first().waitFor();
    assert.match(
      (await row.getByTestId('zone-reasons').textContent()) ?? '',
      /期内有新增病例，累计未超过阈值.*5 例新增，累计 5 例.*期内聚集性疫情 1 起/,
    );
    await screenshot(page, 'zones-1-proposal');
    await row.getByTestId('risk-propose').click();
    await row.getByTestId('risk-confirm').click();
    await page.getByTestId('risk-confirm-ok').click();
    await row.getByTestId('risk-publish').click();
    await page.getByTestId('risk-authority').fill('武进区新冠肺炎疫情防控指挥部');
    await page.getByTestId('risk-publication').fill('武防指〔2020〕12号');
    await page.getByTestId('risk-publish-ok').click();
    await row.getByTestId('risk-propose').waitFor();
    assert.equal(await row.locator('td').nth(3).locator('[data-testid="risk-level"]').getAttribute('data-level'), 'medium');
    await page.getByTestId('zones-tab-map').click();
    await page.locator('[data-testid="map-node"][data-name="湖塘镇"][data-risk="medium"]').waitFor();
  });

  // ZONE-004, SC-21, ZONE-008, SC-25: a sealed zone over the case's building; codes and the campaign pool follow
  it('draws a sealed zone over the first case’s building from its outbreak type; codes and the campaign pool follow', async () => {
    assert.equal(await colourOf(api, data.neighbourId), 'green');
    await page.getByTestId('zones-tab-zones').click();
    await page.getByTestId('zone-draw').click();
    await page.getByTestId('zone-name').fill('甲社区5幢封控区');
    await choose(page, page.getByTestId('zone-case'), '赵甲');
    await choose(page, page.getByTestId('zone-outbreak'), '散发疫情');
    await page.getByTestId('zone-suggest').click();
    await page.getByTestId('zone-unit').getByText('甲社区5幢').waitFor();
    await page.getByTestId('zone-basis-note').fill('散发病例住所楼栋划为疫点，严格封控');
    await screenshot(page, 'zones-2-draw');
    await page.getByTestId('zone-draw-ok').click();
    await page.locator('[data-testid="zone-row"][data-name="甲社区5幢封控区"]').click();
    const detail = page.getByTestId('zone-detail');
    await detail.waitFor();
    assert.equal(await page.getByTestId('effect-code').getAttribute('data-colour'), 'red');
    assert.equal(await page.getByTestId('effect-pool').getAttribute('data-size'), '1');
    assert.equal(await page.getByTestId('effect-pass').getAttribute('data-goes-out'), 'false');
    assert.equal(await page.getByTestId('zone-checklist').getAttribute('data-holds'), 'false');
    assert.equal(await page.getByTestId('zone-residents').textContent(), '2');
    await screenshot(page, 'zones-3-zone');
    assert.equal(await colourOf(api, data.neighbourId), 'red');
    await page.keyboard.press('Escape');
    await page.getByTestId('zones-tab-map').click();
    await page.locator('[data-testid="map-node"][data-name="甲社区"][data-zone="sealed_zone"]').waitFor();
    await page.getByTestId('menu-testing').click();
    await page.getByText('甲社区全员核酸').click();
    await page.getByTestId('campaign-control-zones-tab').click();
    assert.equal(await page.getByTestId('campaign-control-zone').first().getAttribute('data-pool'), '1');
  });

  // ZONE-017: sixteen days on, no new case, every resident tested negative: the checklist holds and the zone is lifted
  it('lifts the zone when its checklist holds, and the residents’ codes follow', async () => {
    server.deps.clock = () => new Date(DAY17);
    const [town, lab] = [await loginAs(server.app, 'town-j'), await loginAs(server.app, 'lab-j')];
    const barcodes = ['ZONE-J-0001', 'ZONE-J-0002'];
    for (const [i, personId] of [data.patientId, data.neighbourId].entries()) {
      const sampled = await town.request('POST', '/api/testing/samples', {
        personId,
        barcode: barcodes[i],
        purpose: 'voluntary',
        labName: LAB,
      });
      assert.equal(sampled.statusCode, 201, sampled.body);
    }
    const results = await lab.request('POST', '/api/testing/lab-results', {
      labName: LAB,
      results: barcodes.map((barcode) => ({ barcode, result: 'negative' })),
    });
    assert.equal(results.statusCode, 200, results.body);
    api = await signInAt(server, tab, 'commander-j');
    await page.getByTestId('menu-zones').click();
    await page.getByTestId('zones-tab-zones').click();
    await page.locator('[data-testid="zone-row"][data-name="甲社区5幢封控区"]').click();
    await page.locator('[data-testid="zone-checklist"][data-holds="true"]').waitFor();
    await page.getByTestId('zone-lift').click();
    await page
      .locator('[data-testid="zone-row"][data-name="甲社区5幢封控区"] [data-testid="zone-status"]', { hasText: '已解除' })
      .waitFor();
    await screenshot(page, 'zones-4-lifted');
    assert.notEqual(await colourOf(api, data.neighbourId), 'red');
  });
});
