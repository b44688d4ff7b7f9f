import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { insertPlace } from '../packages/server/src/modules/places/place.repository.ts';
import { addTwoTowns, addUser, expectOk, loginAs, residentId, TEST_PASSWORD } from '../packages/server/src/testing/factories.ts';
import { type JourneyServer, screenshot, signIn, skipReason, useJourney } from './harness.ts';

/**
 * SC-13, LVL-IV-09 (seed 002 §九(一)9): the police's big-data lead names an expected inbound person and a bed is
 * reserved; on arrival the town cadre puts the person into that bed from the 隔离点 page (an inbound traveller under
 * centralized observation); another reservation is cancelled with its reason.
 */
const TOWN = 'bing.town';

async function seed(server: JourneyServer): Promise<Record<string, never>> {
  const { townA } = await addTwoTowns(server.deps);
  const site = await insertPlace(server.deps.database.db, {
    kind: 'quarantine_site',
    name: '丙镇集中隔离点',
    code: 'SITE-BING',
    jurisdictionId: townA.id,
    jurisdictionPath: townA.path,
  });
  await addUser(server.deps, 'bing.admin', 'system_admin', townA.id);
  await addUser(server.deps, TOWN, 'town_cadre', townA.id);
  const admin = await loginAs(server.app, 'bing.admin');
  await expectOk(admin, 'POST', `/api/quarantine-sites/${site.id}/rooms`, { prefix: 'B', count: 4, beds: 1 });
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const persons = [
    { idType: 'resident_id', idNumber: residentId('19860606', 468), name: '入境王某', origin: '韩国首尔', expectedArrivalDate: today },
    { idType: 'resident_id', idNumber: residentId('19870707', 579), name: '入境李某', origin: '日本东京', expectedArrivalDate: today },
  ];
  await expectOk(admin, 'POST', '/api/key-persons/expected-arrivals', {
    jurisdictionId: townA.id,
    feedReference: '公安线索第1批',
    persons,
  });
  return {};
}

describe('expected arrivals journey (SC-13)', { skip: skipReason(), timeout: 120_000 }, () => {
  const journey = useJourney('expected arrivals journey', { seed });

  it('SC-13 LVL-IV-09: the town cadre puts an arrived person into the reserved bed and cancels the other reservation', async () => {
    const { page, problems } = journey.page(0);
    await signIn(page, TOWN, TEST_PASSWORD);
    await page.goto('/sites');
    const table = page.getByTestId('expected-arrivals');
    const wang = table.locator('tr', { hasText: '入境王某' });
    await wang.getByTestId('arrival-arrived').click();
    await wang.getByText('查看管控').waitFor();
    assert.match((await wang.textContent()) ?? '', /已抵达/);
    const li = table.locator('tr', { hasText: '入境李某' });
    await li.getByTestId('arrival-cancel').click();
    await page.locator('.ant-modal-body input').fill('航班取消，未入境');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await li.getByText('航班取消，未入境').waitFor();
    assert.match((await li.textContent()) ?? '', /已取消/);
    await screenshot(page, 'expected-arrivals-1-arrived-and-cancelled');
    assert.deepEqual(problems, []);
  });
});
