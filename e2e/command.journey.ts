import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { queryRows } from '../packages/server/src/db/query-rows.ts';
import { PNG_EVIDENCE } from '../packages/server/src/modules/command/evidence.fixture.ts';
import { addTwoTowns, addUser, loginAs, TEST_PASSWORD, type TestClient } from '../packages/server/src/testing/factories.ts';
import { type JourneyServer, screenshot, signIn, skipReason, useJourney } from './harness.ts';

/**
 * Command (issue 13; ORG-001, ORG-005, ORG-010, ORG-060, SUP-001, SUP-008, SC-69): the district headquarters of
 * 武进区 from seed 002's template; the commander signs in and sees its twelve groups with their duties and the
 * liaison's phone; the office closes a task with a photo as evidence; the commander re-checks the rectification of
 * an inspection's finding and closes it; the commander approves 湖塘镇's party secretary's travel request, who shows away
 * only then (SC-71, SUP-011).
 */
const TASK = '甲社区返乡人员排查';
const FINDING = '湖塘农贸市场冷链食品未见检测证明';
const LIAISON_PHONE = '13662904910';
const LEADER = '湖塘镇书记';

async function ok<T>(client: TestClient, method: string, url: string, body?: unknown): Promise<T> {
  const reply = await client.request(method, url, body);
  assert.ok(reply.statusCode < 300, `${method} ${url}: ${reply.statusCode} ${reply.body}`);
  return reply.json() as T;
}

interface Group {
  id: string;
  templateKey: string;
  memberUnits: { id: string; name: string }[];
}

async function seed(server: JourneyServer): Promise<{ findingTaskId: string }> {
  const deps = server.deps;
  const { county, townA, villageA } = await addTwoTowns(deps);
  const commanderUser = await addUser(deps, 'commander', 'district_commander', county.id);
  await addUser(deps, 'office', 'command_office_staff', county.id);
  const office = await loginAs(server.app, 'office');
  const hq = await ok<{ id: string; groups: Group[] }>(office, 'POST', '/api/command/headquarters', {
    jurisdictionId: county.id,
    officeLocation: '区卫健局',
  });
  const group = (key: string) => hq.groups.find((g) => g.templateKey === key) as Group;
  const coordination = group('district.comprehensive_coordination');
  await ok(office, 'POST', '/api/command/roster-members', {
    headquartersId: hq.id,
    userId: commanderUser.id,
    name: '王指挥',
    role: 'commander_in_chief',
    title: '区政府主要负责同志',
  });
  await ok(office, 'POST', '/api/command/roster-members', {
    headquartersId: hq.id,
    workingGroupId: coordination.id,
    name: '钟联络',
    role: 'liaison',
    phone: LIAISON_PHONE,
  });
  const tomorrow = new Date(Date.now() + 24 * 3_600_000).toISOString();
  await ok(office, 'POST', '/api/tasks', {
    jurisdictionId: villageA.id,
    headquartersId: hq.id,
    title: TASK,
    dueAt: tomorrow,
    workingGroupId: group('district.epidemic_medical').id,
  });
  // The district's supervision group inspects 湖塘镇; the market regulator's rectification is done (photo, closed).
  const commander = await loginAs(server.app, 'commander');
  const market = group('district.living_supplies').memberUnits.find((u) => u.name === '区市场监管局');
  const inspection = await ok<{ findings: { task: { id: string } }[] }>(commander, 'POST', '/api/supervisions', {
    headquartersId: hq.id,
    jurisdictionId: townA.id,
    workingGroupId: group('district.supervision_inspection').id,
    method: 'double_random',
    subject: '农贸市场冷链食品防控落实情况',
    inspectedAt: new Date(Date.now() - 3_600_000).toISOString(),
    findings: [{ description: FINDING, responsibleUnitId: market?.id, rectificationDueAt: tomorrow }],
  });
  const findingTaskId = inspection.findings[0]?.task.id ?? '';
  const upload = await server.app.inject({
    method: 'POST',
    url: `/api/tasks/${findingTaskId}/evidence?fileName=rectified.png`,
    headers: { ...office.headers, 'content-type': 'image/png' },
    payload: PNG_EVIDENCE,
  });
  assert.equal(upload.statusCode, 201, upload.body);
  await ok(office, 'POST', `/api/tasks/${findingTaskId}/close`, { note: '已补齐检测证明' });
  await townLeaderTravel(server, townA.id);
  return { findingTaskId };
}

/** SC-71: 湖塘镇's headquarters with its party secretary, who has asked the district to leave (departing in a few seconds). */
async function townLeaderTravel(server: JourneyServer, townId: string) {
  await addUser(server.deps, 'town-a', 'town_cadre', townId);
  const town = await loginAs(server.app, 'town-a');
  const hq = await ok<{ id: string }>(town, 'POST', '/api/command/headquarters', { jurisdictionId: townId });
  const leader = await ok<{ id: string }>(town, 'POST', '/api/command/roster-members', {
    headquartersId: hq.id,
    name: LEADER,
    role: 'commander_in_chief',
    title: '镇党委书记',
  });
  await ok(town, 'POST', `/api/command/roster-members/${leader.id}/travel-requests`, {
    destination: '南京市',
    reason: '赴省卫健委汇报防控工作',
    departAt: new Date(Date.now() + 5_000).toISOString(),
    returnAt: new Date(Date.now() + 48 * 3_600_000).toISOString(),
  });
}

describe('command journey', { skip: skipReason(), timeout: 360_000 }, () => {
  const journey = useJourney('command journey', { seed, pages: 2, timeoutMs: 180_000 });
  let commander: Page;
  let office: Page;

  before(() => {
    commander = journey.page(0).page;
    office = journey.page(1).page;
  });

  // ORG-001, ORG-010, ORG-026, SC-69: the commander sees seed 002's twelve groups, one group's duties and its liaison's phone
  it('the commander sees the district headquarters with its twelve working groups and their duties', async () => {
    await signIn(commander, 'commander', TEST_PASSWORD);
    await commander.getByTestId('menu-command').click();
    const rows = commander.locator('[data-testid="group-table"] tbody tr.ant-table-row');
    await rows.first().waitFor();
    assert.equal(await rows.count(), 12);
    const medical = rows.filter({ hasText: '疫情防控和医疗救治组' });
    await medical.locator('.ant-table-row-expand-icon').click();
    const duties = commander.getByTestId('group-duties').first();
    await duties.waitFor();
    assert.match((await duties.textContent()) ?? '', /医学观察隔离点/);
    await rows.filter({ hasText: '综合协调组' }).locator('.ant-table-row-expand-icon').click();
    await commander.getByTestId('roster-phone').filter({ hasText: LIAISON_PHONE }).waitFor();
    await screenshot(commander, 'command-1-groups');
    journey.lap('groups seen');
  });

  // ORG-060: the office opens the task, uploads a photo as evidence and closes it
  it('the office closes a task with a photo as evidence', async () => {
    await signIn(office, 'office', TEST_PASSWORD);
    await office.getByTestId('menu-tasks').click();
    await office.getByRole('tab', { name: '全部任务' }).click();
    await office.locator('[data-testid="task-table"]:visible').getByText(TASK).click();
    await office
      .locator('.ant-drawer input[type=file]')
      .setInputFiles({ name: '排查记录.png', mimeType: 'image/png', buffer: PNG_EVIDENCE });
    await office.getByTestId('task-evidence').getByText('排查记录.png').waitFor();
    await office.getByTestId('task-close-note').fill('已入户排查12户，无异常');
    await office.getByTestId('task-close').click();
    await office.locator('.ant-drawer [data-testid="task-state"][data-state="done"]').waitFor();
    await screenshot(office, 'command-2-task-closed');
    const [row] = await queryRows<{ status: string; n: number }>(
      journey.server.deps.database.db,
      sql`select t.status, (select count(*)::int from task_evidence e where e.task_id = t.id) as n from task t where t.title = ${TASK}`,
    );
    assert.deepEqual(row, { status: 'closed', n: 1 });
    journey.lap('task closed');
  });

  // SUP-001, SUP-008, SUP-009: the rectified finding awaits re-check; the commander passes it and it is closed
  it('the commander re-checks the finding’s rectification and closes it', async () => {
    await commander.getByTestId('menu-supervision').click();
    const finding = commander.locator('[data-testid="finding-table"] tbody tr.ant-table-row', { hasText: FINDING });
    await finding.locator('[data-testid="finding-state"][data-state="awaiting_recheck"]').waitFor();
    await finding.getByTestId('finding-recheck').click();
    await commander.getByTestId('recheck-note').fill('复查合格，检测证明已补齐');
    await commander.getByTestId('recheck-ok').click();
    await finding.locator('[data-testid="finding-state"][data-state="passed"]').waitFor();
    await screenshot(commander, 'command-3-rechecked');
    const [passed] = await queryRows<{ passed_at: Date | null }>(
      journey.server.deps.database.db,
      sql`select passed_at from supervision_finding where description = ${FINDING}`,
    );
    assert.ok(passed?.passed_at, 'the finding is closed by the passed re-check');
    journey.lap('finding re-checked');
  });

  // SC-71, SUP-011: 湖塘镇's party secretary is present until the commander (the superior) approves the travel request
  it('the commander approves the town leader’s travel request; the leader shows away only then', async () => {
    await commander.getByTestId('menu-command').click();
    await commander.getByTestId('hq-select').click();
    await commander.locator('.ant-select-item-option', { hasText: '湖塘镇' }).click();
    await commander.getByRole('tab', { name: '外出报备' }).click();
    const leader = commander.locator('[data-testid="travel-leaders"] tbody tr.ant-table-row', { hasText: LEADER });
    await leader.getByTestId('travel-presence').filter({ hasText: '在岗' }).waitFor();
    await commander.getByTestId('travel-approve').click();
    await commander.getByTestId('travel-note').fill('同意，保持通讯畅通');
    await commander.getByTestId('travel-decide-ok').click();
    await leader.getByTestId('travel-presence').filter({ hasText: '外出' }).waitFor();
    await commander.locator('[data-testid="travel-requests"]').getByText('已批准').waitFor();
    await screenshot(commander, 'command-4-leader-travel');
    const [row] = await queryRows<{ status: string }>(journey.server.deps.database.db, sql`select status from leader_travel_request`);
    assert.equal(row?.status, 'approved');
    assert.deepEqual(journey.page(0).problems, []);
    assert.deepEqual(journey.page(1).problems, []);
  });
});
