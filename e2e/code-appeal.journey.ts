import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { shanghaiDate } from '@fangkong/core';
import type { Page } from 'playwright-core';
import { addTwoTowns, addUser, loginAs, residentId, TEST_PASSWORD, type TestClient } from '../packages/server/src/testing/factories.ts';
import { type JourneyPage, type JourneyServer, openPage, openPhone, screenshot, signIn, skipReason, useJourney } from './harness.ts';
import { registerResidentAccount } from './resident-account.ts';

/**
 * A red code's appeal is decided (issue 6): a close contact in centralized quarantine has a resident account and sees
 * a red code with its reasons on the phone; she appeals; the command office upholds the appeal with green and a reason;
 * her phone then shows green, the manual change citing the appeal as its basis, and the decision with its reason.
 * The server's clock is real time.
 */

const RESIDENT = { idNumber: residentId('19870512', 245), name: '陈申诉', phone: '13900002222' };
const RESIDENT_PASSWORD = 'resident-pass-2026';
const OFFICE = 'wu.office';
/** The second approver: an upheld appeal's colour change applies only once another user approves it. */
const APPROVER = 'wu.cdc';
const APPEAL_REASON = '本人已在外地隔离期满，持有解除隔离告知书，密接判定有误';
const DECISION_REASON = '经流调核实，密接判定有误，申诉成立，改为绿码';

interface Seeded {
  personId: string;
  /** The command office through the API, to check what the browser did. */
  office: TestClient;
}

/** A close contact from today with a resident account, and the command office. */
async function seed(server: JourneyServer): Promise<Seeded> {
  const { county, villageA } = await addTwoTowns(server.deps);
  await addUser(server.deps, 'grid-a', 'grid_worker', villageA.id);
  await addUser(server.deps, OFFICE, 'command_office_staff', county.id);
  await addUser(server.deps, APPROVER, 'cdc_epidemiologist', county.id);
  const grid = await loginAs(server.app, 'grid-a');
  const person = await grid.request('POST', '/api/persons', { idType: 'resident_id', ...RESIDENT, jurisdictionId: villageA.id });
  assert.equal(person.statusCode, 201, person.body);
  const personId = (person.json() as { id: string }).id;
  // A close contact from today: day 0 is centralized quarantine, which the code rules make red.
  const episode = await grid.request('POST', '/api/key-persons/episodes', {
    personId,
    category: 'close_contact',
    startDate: shanghaiDate(new Date()),
  });
  assert.equal(episode.statusCode, 201, episode.body);
  assert.equal((episode.json() as { managementType: string }).managementType, 'centralized_quarantine');
  // The residents' H5 registration: ID number, name, the phone the registry holds and the code sent to it.
  await registerResidentAccount(server, RESIDENT, RESIDENT_PASSWORD);
  return { personId, office: await loginAs(server.app, OFFICE) };
}

describe('code appeal journey (H5 390×844 and the staff appeals queue)', { skip: skipReason(), timeout: 120_000 }, () => {
  const journey = useJourney('code appeal journey', { seed, timeoutMs: 90_000 });
  let phone: Page;
  let staff: JourneyPage;
  let office: TestClient;
  let personId: string;
  let appealId: string;
  const phoneProblems: string[] = [];
  const lap = (what: string) => journey.lap(what);

  before(async () => {
    ({ personId, office } = journey.seeded);
    staff = journey.page();
    phone = await openPhone(journey.browser, journey.server.baseUrl, phoneProblems);
  });

  it('the resident signs in on the phone and sees a red code with its reason and clause', async () => {
    await phone.goto('/h5/login');
    await phone.getByTestId('h5-login-phone').fill(RESIDENT.phone);
    await phone.getByTestId('h5-login-password').fill(RESIDENT_PASSWORD);
    await phone.getByTestId('h5-login-submit').click();
    await phone.getByTestId('code-card').waitFor();
    await phone.getByTestId('code-qr').waitFor();
    assert.equal(await phone.getByTestId('code-colour').textContent(), '红码');
    const reasons = (await phone.getByTestId('code-reasons').textContent()) ?? '';
    assert.match(reasons, /正在隔离或健康管理中.*seed 000.*§三\(三\)1/);
    assert.doesNotMatch(reasons, /人工赋码/);
    await screenshot(phone, 'code-appeal-1-red-code');
  });

  it('files an appeal against the red code and sees it open, with its deadline', async () => {
    await phone.getByRole('button', { name: '赋码申诉' }).click();
    await phone.getByTestId('appeal-reason').fill(APPEAL_REASON);
    await phone.getByTestId('appeal-submit').click();
    const item = phone.getByTestId('appeal-item');
    await item.waitFor();
    const text = (await item.textContent()) ?? '';
    assert.match(text, /红码.*处理中/);
    assert.ok(text.includes(APPEAL_REASON), text);
    assert.match(text, /处理时限 \d{2}-\d{2} \d{2}:\d{2}/);
    await screenshot(phone, 'code-appeal-2-filed');
    lap('appeal filed');
  });

  it('the command office upholds the appeal from the queue: green, with a reason', async () => {
    const page = staff.page;
    await signIn(page, OFFICE, TEST_PASSWORD);
    await page.getByTestId('menu-appeals').click();
    const row = page.getByTestId('appeals').locator('tbody tr', { hasText: RESIDENT.name });
    await row.waitFor();
    const rowText = (await row.textContent()) ?? '';
    assert.ok(rowText.includes(APPEAL_REASON), rowText);
    assert.match(rowText, /红码.*待处理/);
    await screenshot(page, 'code-appeal-3-queue');
    await row.getByTestId('appeal-decide').click();
    const modal = page.locator('.ant-modal:visible');
    await modal.getByText('申诉成立（改码）').click();
    assert.equal(await modal.getByTestId('appeal-decide-colour').textContent(), '绿码', 'upheld defaults to green');
    await page.getByTestId('appeal-decision-reason').fill(DECISION_REASON);
    await screenshot(page, 'code-appeal-4-decide');
    await page.getByTestId('appeal-decide-submit').click();
    await page.getByText('已处理，结果已告知本人').waitFor();
    await row.waitFor({ state: 'detached' });
    // Out of the open queue; under 申诉成立 with the decision and its reason.
    await page.locator('.ant-card-extra .ant-select').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '申诉成立' }).click();
    const decided = page.getByTestId('appeals').locator('tbody tr', { hasText: RESIDENT.name });
    await decided.getByText(DECISION_REASON).waitFor();
    assert.match((await decided.textContent()) ?? '', /申诉成立/);
    assert.equal(await decided.getByTestId('appeal-decide').count(), 0, 'a decided appeal has no decide button');
    await screenshot(page, 'code-appeal-5-upheld-list');
    assert.deepEqual(staff.problems, []);
    lap('appeal upheld');
  });

  // Issue 12 defect 8, CODE-004: one decider does not change a colour; a second user approves the change
  it('a second approver approves the change the appeal asked for', async () => {
    const second = await openPage(journey.browser, journey.server.baseUrl);
    await signIn(second.page, APPROVER, TEST_PASSWORD);
    await second.page.getByTestId('menu-code-changes').click();
    const pending = second.page.getByTestId('code-changes').locator('tbody tr', { hasText: RESIDENT.name.slice(0, 1) });
    await pending.waitFor();
    assert.match((await pending.textContent()) ?? '', /appeal:/);
    await pending.getByTestId('approve').click();
    await pending.waitFor({ state: 'detached' });
    assert.deepEqual(second.problems, []);
    await second.page.context().close();
    lap('change approved');
  });

  it('the resident reloads: green, the manual change cites the appeal, and the decision with its reason', async () => {
    await phone.goto('/h5');
    await phone.getByTestId('code-card').waitFor();
    await phone.locator('[data-testid="code-colour"]', { hasText: '绿码' }).waitFor();
    const reasons = (await phone.getByTestId('code-reasons').textContent()) ?? '';
    assert.match(reasons, /人工赋码manual change \(record\) appeal:[0-9a-f-]{36}/);
    appealId = /appeal:([0-9a-f-]{36})/.exec(reasons)?.[1] ?? '';
    // The quarantine rule still applies and is still shown, after the change that overrides it.
    assert.ok(reasons.indexOf('人工赋码') < reasons.indexOf('正在隔离或健康管理中'), reasons);
    await screenshot(phone, 'code-appeal-6-green-code');
    await phone.getByRole('button', { name: '赋码申诉' }).click();
    const item = phone.getByTestId('appeal-item');
    await item.getByText('申诉成立', { exact: true }).waitFor();
    const text = (await item.textContent()) ?? '';
    assert.ok(text.includes(DECISION_REASON), text);
    await screenshot(phone, 'code-appeal-7-decision');
    assert.deepEqual(phoneProblems, []);
  });

  it('the API has the appeal decided with its code change, and the audit log has the decision', async () => {
    const upheld = await office.request('GET', '/api/appeals?status=upheld');
    assert.equal(upheld.statusCode, 200, upheld.body);
    const items = (upheld.json() as { items: Record<string, unknown>[] }).items;
    assert.equal(items.length, 1);
    const appeal = items[0] ?? {};
    assert.equal(appeal.id, appealId, 'the basis on the phone is this appeal');
    assert.equal(appeal.status, 'upheld');
    assert.equal(appeal.decisionReason, DECISION_REASON);
    assert.equal(appeal.colourAppealed, 'red');
    assert.equal(appeal.personId, personId);
    assert.ok(appeal.decidedAt, 'decided at a time');
    const open = (await office.request('GET', '/api/appeals?status=open')).json() as { items: unknown[] };
    assert.equal(open.items.length, 0);
    const audit = await office.request('GET', `/api/audit?action=code.decideAppeal&entityId=${appealId}`);
    assert.equal(audit.statusCode, 200, audit.body);
    const events = (audit.json() as { items: { actorName: string; entityType: string; reason: string; after: Record<string, unknown> }[] })
      .items;
    assert.equal(events.length, 1);
    const event = events[0];
    assert.equal(event?.entityType, 'appeal');
    assert.equal(event?.reason, DECISION_REASON);
    assert.equal(event?.after.decision, 'upheld');
    assert.equal(event?.after.toColour, 'green');
    assert.ok(event?.after.codeChangeId, 'the decision created a code change');
  });
});
