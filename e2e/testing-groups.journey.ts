import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { addDays, type CalendarDate, shanghaiDate } from '@fangkong/core';
import type { Locator, Page } from 'playwright-core';
import { insertPerson } from '../packages/server/src/modules/persons/person.repository.ts';
import { sealPerson } from '../packages/server/src/modules/persons/person-record.ts';
import { addTwoTowns, addUser, residentId, TEST_PASSWORD } from '../packages/server/src/testing/factories.ts';
import {
  choose,
  fillTemplate,
  type JourneyPage,
  type JourneyServer,
  screenshot,
  signIn,
  skipReason,
  useJourney,
  waitForCount,
} from './harness.ts';

/**
 * Mandatory testing (应检尽检, TEST-001 (5), TEST-010): the district hospital hands the town its staff list; a town
 * cadre imports it from the template onto the medical-staff roster (one row with a wrong ID check digit), sees the
 * group's coverage and the two staff who joined three days ago and are overdue, imports the same file again
 * (nothing added twice), takes one of them off the roster with the reason and puts her back by hand. The server's
 * clock is real time.
 */

const CADRE = 'hutang.cadre';
const NURSE = { name: '陈护士', idNumber: residentId('19850505', 503) };
const DOCTOR = { name: '王医生', idNumber: residentId('19750101', 501) };
const WORKER = { name: '郑工勤', idNumber: residentId('19700707', 505) };
const RIGHT = residentId('19750101', 511);
const WRONG = { name: '李医生', idNumber: RIGHT.slice(0, 17) + (RIGHT[17] === '0' ? '1' : '0') };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function seed(server: JourneyServer): Promise<CalendarDate> {
  const deps = server.deps;
  const { townA, villageA } = await addTwoTowns(deps);
  await addUser(deps, CADRE, 'town_cadre', townA.id);
  // The nurse is already in the registry; the others are registered by the import.
  const row = sealPerson(
    deps.cipher,
    { idType: 'resident_id', idNumber: NURSE.idNumber, name: NURSE.name, phone: '13912345678', householdId: null },
    { jurisdictionId: villageA.id, jurisdictionPath: villageA.path },
  );
  await insertPerson(deps.database.db, row);
  return shanghaiDate(new Date());
}

/** The template from the page's own session with the hospital's rows in its columns. */
async function hospitalList(page: Page, today: CalendarDate): Promise<Buffer> {
  const threeDaysAgo = addDays(today, -3);
  const row = (person: { name: string; idNumber: string }, joinedOn: string, group = '') => ({
    姓名: person.name,
    证件类型: '居民身份证',
    证件号码: person.idNumber,
    所属单位: '武进区人民医院',
    人群类别: group,
    加入日期: joinedOn,
  });
  const rows = [row(DOCTOR, threeDaysAgo), row(NURSE, threeDaysAgo), row(WORKER, today, '工勤人员'), row(WRONG, today)];
  return (await fillTemplate(page, '/api/testing/group-imports/template', rows)).file;
}

const countOf = (page: Page, what: string) =>
  page.locator(`[data-testid="group-${what}"][data-group="medical_staff"]`).first().getAttribute('data-value');

describe('mandatory-testing groups journey', { skip: skipReason(), timeout: 180_000 }, () => {
  const journey = useJourney('mandatory-testing groups journey', { seed });
  let cadre: JourneyPage;
  let page: Page;
  let today: CalendarDate;
  let list: Buffer;
  const lap = (what: string) => journey.lap(what);

  async function upload(fileName: string): Promise<Locator> {
    await page.getByTestId('group-import').locator('input[type=file]').setInputFiles({ name: fileName, mimeType: XLSX, buffer: list });
    const outcome = page.locator('[data-testid="import-outcome"][data-status="done"]');
    await outcome.getByText(fileName).waitFor();
    return outcome;
  }

  before(() => {
    today = journey.seeded;
    cadre = journey.page();
    page = cadre.page;
    lap(`today ${today}`);
  });

  // TEST-001: the 12 mandatory-testing groups with their cycles and clauses
  it('the town cadre sees the 12 groups with their cycles and clauses, none covered yet', async () => {
    await signIn(page, CADRE, TEST_PASSWORD);
    await page.getByTestId('menu-testing-groups').click();
    await page.getByTestId('groups-as-of').getByText('湖塘镇').waitFor();
    await waitForCount(page.getByTestId('groups-table').locator('tbody tr.ant-table-row'), 12);
    const medical = page.getByTestId('groups-table').locator('tr[data-row-key="medical_staff"]');
    assert.match((await medical.textContent()) ?? '', /医疗机构工作人员每 7 天一次/);
    assert.equal(await countOf(page, 'members'), '0');
  });

  it('imports the hospital list onto the medical-staff roster; the row with a wrong check digit is reported', async () => {
    await page.getByTestId('group-import-open').click();
    // Under load the option's click can land while the dropdown is still opening and be lost: pick until it shows.
    const picker = page.getByTestId('group-import-group');
    for (let attempt = 1; (await picker.filter({ hasText: '医疗机构工作人员' }).count()) === 0; attempt++) {
      assert.ok(attempt <= 3, 'the group picker took 医疗机构工作人员');
      await choose(page, picker, '医疗机构工作人员');
      await page.waitForTimeout(300);
    }
    list = await hospitalList(page, today);
    const outcome = await upload('武进区人民医院职工名单.xlsx');
    const errors = await outcome.getByTestId('import-errors').locator('tbody tr').allTextContents();
    assert.equal(await outcome.getByTestId('import-created').getAttribute('data-value'), '3', errors.join(' | '));
    assert.equal(await outcome.getByTestId('import-failed').getAttribute('data-value'), '1');
    assert.equal(errors.length, 1, errors.join(' | '));
    assert.match(errors[0] ?? '', /^5C\(证件号码\)身份证号校验位错误/, 'row 5, the ID number column');
    await screenshot(page, 'testing-groups-1-import');
    lap('list imported');
  });

  it('the same file again adds nobody twice', async () => {
    const outcome = await upload('武进区人民医院职工名单（重发）.xlsx');
    assert.equal(await outcome.getByTestId('import-created').getAttribute('data-value'), '0');
    assert.equal(await outcome.getByTestId('import-existing').getAttribute('data-value'), '3');
    await page.locator('.ant-drawer-close:visible').click();
    await page.getByTestId('group-import').waitFor({ state: 'hidden' });
  });

  // TEST-001, TEST-010: roster coverage of medical staff and support workers
  it('coverage: three on the roster, the support worker joined today is due, the two who joined three days ago are overdue', async () => {
    await page.locator('[data-testid="group-members"][data-group="medical_staff"][data-value="3"]').waitFor();
    assert.deepEqual([await countOf(page, 'covered'), await countOf(page, 'due'), await countOf(page, 'overdue')], ['0', '1', '2']);
    await page.getByTestId('groups-table').locator('tr[data-row-key="medical_staff"]').click();
    const roster = page.getByTestId('group-roster');
    await roster.getByText('医疗机构工作人员 名单').waitFor();
    await roster.getByTestId('member-state-filter').getByText('逾期未检').click();
    const rows = page.getByTestId('group-members-table').locator('tbody tr.ant-table-row');
    await waitForCount(rows, 2);
    await page.locator('[data-testid="member-state"][data-state="due"]').waitFor({ state: 'detached' });
    const texts = await rows.allTextContents();
    assert.ok(
      texts.every((text) => /\*{4}/.test(text) && !text.includes(NURSE.idNumber) && text.includes('未采样')),
      `masked IDs, not yet sampled: ${texts.join(' | ')}`,
    );
    assert.deepEqual(texts.map((text) => (text.includes(DOCTOR.name) ? DOCTOR.name : NURSE.name)).sort(), [DOCTOR.name, NURSE.name].sort());
    await screenshot(page, 'testing-groups-2-overdue');
    lap('overdue list checked');
  });

  it('takes the nurse off the roster with the reason; the overdue count drops', async () => {
    const nurse = page.getByTestId('group-members-table').locator('tbody tr.ant-table-row', { hasText: NURSE.name });
    await nurse.getByTestId('member-leave').click();
    await page.getByTestId('member-leave-reason').fill('调离本院');
    await page.getByTestId('member-leave-submit').click();
    await waitForCount(page.getByTestId('group-members-table').locator('tbody tr.ant-table-row'), 1);
    await page.locator('[data-testid="group-overdue"][data-group="medical_staff"][data-value="1"]').waitFor();
    lap('member left');
  });

  it('puts the nurse back with the person picker: joined today, she is due', async () => {
    await page.getByTestId('group-add-member').click();
    await page.getByTestId('person-picker').click();
    await page.keyboard.type(NURSE.name);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: NURSE.name }).click();
    await page.getByTestId('group-add-unit').fill('武进区人民医院');
    await page.getByTestId('group-add-submit').click();
    await page.locator('[data-testid="group-due"][data-group="medical_staff"][data-value="2"]').waitFor();
    assert.deepEqual([await countOf(page, 'members'), await countOf(page, 'overdue')], ['3', '1']);
    assert.deepEqual(cadre.problems, []);
  });
});
