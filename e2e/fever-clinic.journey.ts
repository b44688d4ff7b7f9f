import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { insertPerson } from '../packages/server/src/modules/persons/person.repository.ts';
import { sealPerson } from '../packages/server/src/modules/persons/person-record.ts';
import { insertPlace } from '../packages/server/src/modules/places/place.repository.ts';
import { addTwoTowns, addUser, loginAs, residentId, TEST_PASSWORD } from '../packages/server/src/testing/factories.ts';
import { choose, type JourneyPage, type JourneyServer, screenshot, signIn, skipReason, useJourney, waitForCount } from './harness.ts';

/**
 * The fever-clinic four-item screen (TEST-009, SC-53, KP-K03): the clinic's medic registers a fever patient, the
 * four tests are ordered at once; the medic records antibody, CT and blood count; the county lab's result of the
 * nucleic acid tube comes in positive; symptomatic treatment is no longer offered, and the medic closes the visit
 * as isolation observation (suspected), which puts the patient under key-person management.
 */

const MEDIC = 'hutang.medic';
const LAB = 'wujin.lab';
const PATIENT = { name: '赵发热', idNumber: residentId('19880808', 817) };
const BARCODE = 'FC-J00001';

async function seed(server: JourneyServer): Promise<void> {
  const deps = server.deps;
  const { county, townA, villageA } = await addTwoTowns(deps);
  await addUser(deps, MEDIC, 'assigned_medic', townA.id);
  await addUser(deps, LAB, 'lab_staff', county.id);
  const at = { jurisdictionId: villageA.id, jurisdictionPath: villageA.path };
  await insertPlace(deps.database.db, { kind: 'fever_clinic', name: '湖塘卫生院发热门诊', code: 'J-F-01', ...at });
  const row = sealPerson(deps.cipher, { idType: 'resident_id', ...PATIENT, phone: '13912340817', householdId: null }, at);
  await insertPerson(deps.database.db, row);
}

/** 异常 (abnormal) is also inside 未见异常 (normal): options and shown values are matched whole. */
const whole = (text: string) => new RegExp(`^${text}$`);

describe('fever-clinic journey', { skip: skipReason(), timeout: 120_000 }, () => {
  const journey = useJourney('fever-clinic journey', { seed });
  let server: JourneyServer;
  let medic: JourneyPage;
  let page: Page;

  before(() => {
    server = journey.server;
    medic = journey.page();
    page = medic.page;
  });

  // TEST-009, SC-53: registering a fever patient orders the four items
  it('registering the patient orders nucleic acid, antibody, CT and blood count', async () => {
    await signIn(page, MEDIC, TEST_PASSWORD);
    await page.getByTestId('menu-fever-clinic').click();
    await choose(page, page.getByTestId('fever-clinic-select'), '湖塘卫生院发热门诊');
    await choose(page, page.getByTestId('person-picker'), '赵', '赵发热');
    await page.locator('input[data-testid="fever-temperature"], [data-testid="fever-temperature"] input').first().fill('38.6');
    await page.getByTestId('fever-barcode').fill(BARCODE);
    await screenshot(page, 'fever-clinic-1-reception');
    await page.getByTestId('fever-submit').click();
    const orders = page.getByTestId('fever-drawer').getByTestId('fever-orders');
    await orders.locator('tbody tr.ant-table-row').nth(3).waitFor();
    assert.deepEqual(await orders.locator('tbody tr.ant-table-row td:first-child').allTextContents(), ['核酸', '抗体', 'CT', '血象']);
    assert.equal(await page.getByTestId('fever-close').isDisabled(), true);
  });

  it('the medic records three results; the lab’s positive nucleic acid result arrives by barcode', async () => {
    const drawer = page.getByTestId('fever-drawer');
    const record = async (item: string, label: string) => {
      await choose(page, drawer.getByTestId(`fever-record-${item}`), whole(label));
      // The select shows what the server answered, so the text is there once it is recorded.
      await drawer.getByTestId(`fever-record-${item}`).getByText(label, { exact: true }).waitFor();
      // The next select's options must not be taken from this one's fading dropdown.
      await waitForCount(page.locator('.ant-select-dropdown:visible'), 0);
    };
    await record('antibody', '阴性');
    await record('ct', '异常');
    await record('blood_count', '异常');
    await drawer.getByText('尚缺结果：核酸').waitFor();
    assert.equal(await drawer.getByTestId('fever-close').isDisabled(), true);
    const lab = await loginAs(server.app, LAB);
    const sent = await lab.request('POST', '/api/testing/lab-results', {
      labName: '武进区疾控中心',
      results: [{ barcode: BARCODE, result: 'positive' }],
    });
    assert.equal(sent.statusCode, 200, sent.body);
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    await page.getByRole('tab', { name: '就诊记录' }).click();
    await page.getByTestId('fever-visits').locator('tbody tr', { hasText: '湖塘卫生院发热门诊' }).click();
    await drawer.getByTestId('fever-result-nucleic_acid').getByText('阳性').waitFor();
  });

  // KP-K03, SC-53: the visit closes only as an outcome the results allow
  it('only the outcomes the results allow are offered; isolation observation closes the visit', async () => {
    const drawer = page.getByTestId('fever-drawer');
    await drawer.getByTestId('fever-disposition-isolation_observation').waitFor();
    assert.equal(await drawer.getByTestId('fever-disposition-symptomatic_treatment').count(), 0);
    await drawer.getByTestId('fever-disposition-transfer').waitFor();
    await drawer.getByText('seed 003 item 7').first().waitFor();
    // Fever with abnormal CT and blood count: suspected under the diagnosis protocol (configured), cited too.
    await drawer.getByText(/abnormal blood count/).waitFor();
    await screenshot(page, 'fever-clinic-2-outcomes');
    await drawer.getByTestId('fever-disposition-isolation_observation').click();
    await drawer.getByTestId('fever-close').click();
    await drawer.getByTestId('fever-status').getByText('已结束').waitFor();
    await drawer.getByText('已纳入重点人员管理').waitFor();
    await screenshot(page, 'fever-clinic-3-closed');
    assert.deepEqual(medic.problems, []);
  });
});
