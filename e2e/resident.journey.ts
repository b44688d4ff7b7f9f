import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { addDays, shanghaiDate } from '@fangkong/core';
import type { Page } from 'playwright-core';
import { LogSmsSender } from '../packages/server/src/sms/log-sms-sender.ts';
import { addHousehold, addTwoTowns, addUser, loginAs, residentId } from '../packages/server/src/testing/factories.ts';
import { type JourneyServer, openPhone, screenshot, skipReason, useJourney } from './harness.ts';

const MOTHER = { idNumber: residentId('19880303', 221), name: '王芳', phone: '13800000001' };
const CHILD = { idNumber: residentId('20150606', 113), name: '王小明', phone: '13800000001' };
const ELDER = { idNumber: residentId('19450101', 331), name: '王老汉', phone: '13800000009' };
const PASSWORD = 'resident-pass-2020';

/** A household of a mother and her child, an elder living alone, and the community's grid worker. */
async function seed(server: JourneyServer): Promise<void> {
  const { villageA } = await addTwoTowns(server.deps);
  const home = await addHousehold(server.deps, villageA, 'A-2-202');
  await addUser(server.deps, 'grid-a', 'grid_worker', villageA.id);
  const grid = await loginAs(server.app, 'grid-a');
  for (const [p, householdId] of [
    [MOTHER, home.id],
    [CHILD, home.id],
    [ELDER, null],
  ] as const) {
    const reply = await grid.request('POST', '/api/persons', {
      idType: 'resident_id',
      ...p,
      jurisdictionId: villageA.id,
      ...(householdId ? { householdId } : {}),
    });
    assert.equal(reply.statusCode, 201, reply.body);
  }
}

/** The code the demo's log sender "sent" to a phone (issue 12 defect 5: registration needs it). */
async function smsCodeTo(server: JourneyServer, phone: string): Promise<string> {
  const sms = server.deps.sms;
  assert.ok(sms instanceof LogSmsSender, 'the journey runs with the log SMS sender');
  for (let i = 0; i < 50; i++) {
    const code = sms.lastCodeTo(phone);
    if (code) return code;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no SMS code to ${phone}`);
}

/** A resident on a phone: registers, declares health, adds a child through the proxy check and shows the child's code. */
describe('resident journey (H5, 390×844)', { skip: skipReason(), timeout: 240_000 }, () => {
  const journey = useJourney('resident journey', { seed, pages: 0, timeoutMs: 180_000 });
  let server: JourneyServer;
  let page: Page;
  const problems: string[] = [];

  before(async () => {
    server = journey.server;
    page = await openPhone(journey.browser, server.baseUrl, problems);
  });

  it('registers with ID, name, the registered phone and the code sent to it, then signs in with the phone', async () => {
    await page.goto('/h5/register');
    await page.getByTestId('reg-id').fill(MOTHER.idNumber);
    await page.getByTestId('reg-name').fill(MOTHER.name);
    await page.getByTestId('reg-phone').fill(MOTHER.phone);
    await page.getByTestId('reg-send-code').click();
    await page.getByText('验证码已发送到登记手机号').waitFor();
    await page.getByTestId('reg-code').fill(await smsCodeTo(server, MOTHER.phone));
    await page.getByTestId('reg-password').fill(PASSWORD);
    await page.getByTestId('reg-submit').click();
    await page.getByTestId('h5-login').waitFor();
    assert.equal(await page.getByTestId('h5-login-phone').inputValue(), MOTHER.phone);
    await page.getByTestId('h5-login-password').fill(PASSWORD);
    await page.getByTestId('h5-login-submit').click();
    await page.getByTestId('code-card').waitFor();
    await page.getByTestId('code-qr').waitFor();
    assert.equal(await page.getByTestId('code-colour').textContent(), '绿码');
    assert.match((await page.getByTestId('code-reasons').textContent()) ?? '', /未命中任何健康规则.*seed 000/);
    await screenshot(page, 'resident-01-my-code');
  });

  it('declares health for today', async () => {
    await page.getByTestId('declared-today').waitFor();
    assert.equal(await page.getByTestId('declared-today').textContent(), '今日未申报');
    await page.getByRole('link', { name: '每日健康申报' }).click();
    await page.getByTestId('declare-submit').click();
    await page.getByTestId('code-card').waitFor();
    await page.getByText('今日已申报').waitFor();
  });

  // KP-F01, SC-08: an inbound report 2 days ahead is late
  it('reports an inbound arrival 2 days ahead and sees it marked late (3 days are required)', async () => {
    await page.getByRole('link', { name: '来区报备' }).click();
    await page.getByText('入境人员请至少提前 3 天报备').waitFor();
    await page.getByTestId('arrival-from').fill('新加坡');
    const date = page.getByTestId('arrival-date');
    await date.click();
    await date.fill(addDays(shanghaiDate(new Date()), 2));
    await date.press('Tab');
    await page.getByTestId('arrival-submit').click();
    await page.getByTestId('arrival-item').waitFor();
    assert.match((await page.getByTestId('arrival-item').textContent()) ?? '', /新加坡.*逾期报备/);
  });

  it('refuses a dependant whose second factor does not match the registry', async () => {
    await page.getByRole('link', { name: '家属代办' }).click();
    await page.getByTestId('dep-id').fill(ELDER.idNumber);
    await page.getByTestId('dep-name').fill(ELDER.name);
    await page.getByTestId('dep-phone').fill('13800000008');
    await page.getByTestId('dep-submit').click();
    await page.getByText('身份核验未通过').waitFor();
    assert.equal(await page.getByTestId('dependant-item').count(), 0);
  });

  // CODE-002: a family member holds the code of a dependant (为家人代办)
  it('adds a child of the same household and shows the child’s code', async () => {
    await page.getByTestId('dep-id').fill(CHILD.idNumber);
    await page.getByTestId('dep-name').fill(CHILD.name);
    await page.getByTestId('dep-phone').fill('');
    await page.getByTestId('dep-submit').click();
    await page.getByTestId('dependant-item').waitFor();
    assert.match((await page.getByTestId('dependant-item').textContent()) ?? '', /王小明.*子女.*同户核验/);
    await page.getByTestId('dependant-view').click();
    await page.getByText('代办查看（已记录）').waitFor();
    await page.getByTestId('code-qr').waitFor();
    // The code card masks a dependant's name (王**): it is shown at checkpoints.
    assert.match((await page.getByTestId('code-card').textContent()) ?? '', /王\*\*代办查看/);
    assert.equal(await page.getByTestId('code-colour').textContent(), '绿码');
    const qr = await page.getByTestId('code-qr').boundingBox();
    assert.ok(qr && qr.width > 150, 'the QR is drawn');
    await screenshot(page, 'resident-02-child-code');
    assert.deepEqual(problems, []);
  });

  it('a resident who signs in at the staff login lands on the resident pages', async () => {
    const staffLogin = await page
      .context()
      .browser()
      ?.newContext({ baseURL: server.baseUrl, locale: 'zh-CN', viewport: { width: 390, height: 844 } });
    assert.ok(staffLogin);
    const other = await staffLogin.newPage();
    await other.goto('/login');
    await other.getByTestId('login-username').fill(MOTHER.phone);
    await other.getByTestId('login-password').fill(PASSWORD);
    await other.getByTestId('login-submit').click();
    await other.waitForURL(/\/h5/);
    await other.getByTestId('code-card').waitFor();
    await staffLogin.close();
  });
});
