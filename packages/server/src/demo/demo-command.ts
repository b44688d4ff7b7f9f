import { createRandom, demoMobile, demoName, findGroupTemplate, type Random, type RosterRole, shanghaiDate } from '@fangkong/core';
import { sql } from 'drizzle-orm';
import type { AppDeps } from '../app-deps.ts';
import { queryRows } from '../db/query-rows.ts';
import type { RequestContext } from '../http/context.ts';
import { setDuty } from '../modules/command/duty.service.ts';
import { PNG_EVIDENCE } from '../modules/command/evidence.fixture.ts';
import { createHeadquarters, type HeadquartersDetail } from '../modules/command/headquarters.service.ts';
import { requestTravel } from '../modules/command/leader-travel.service.ts';
import { addRosterMember } from '../modules/command/roster.service.ts';
import { createSupervision } from '../modules/command/supervision.service.ts';
import { closeTask, createTask } from '../modules/command/task.service.ts';
import { addEvidence } from '../modules/command/task-evidence.service.ts';

type Deps = Pick<AppDeps, 'database' | 'clock' | 'cipher' | 'config'>;

const HOUR = 3_600_000;
const hoursFrom = (now: Date, hours: number) => new Date(now.getTime() + hours * HOUR).toISOString();

interface DemoArea {
  county: { id: string; path: string };
  town: { id: string; path: string };
  community: { id: string; path: string };
}

async function userIds(deps: Deps): Promise<Record<string, string>> {
  const rows = await queryRows<{ id: string; username: string }>(
    deps.database.db,
    sql`select id, username from app_user where username in ('commander', 'office', 'cdc', 'town', 'grid')`,
  );
  return Object.fromEntries(rows.map((r) => [r.username, r.id]));
}

const group = (hq: HeadquartersDetail, key: string) => {
  const found = hq.groups.find((g) => g.templateKey === key);
  if (!found) throw new Error(`demo: no group ${key}`);
  return found;
};

/** A generated person (name and mobile from the seeded sequence, so they name nobody) in a role on the roster. */
async function rosterPerson(
  deps: Deps,
  context: RequestContext,
  random: Random,
  place: { headquartersId: string; workingGroupId?: string; expertGroupId?: string },
  role: RosterRole,
  title: string,
) {
  const gender = random.int(0, 1) === 0 ? 'male' : 'female';
  const name = demoName(random, gender, random.int(1965, 1990));
  return addRosterMember(deps, context, { ...place, name, role, title, phone: demoMobile(random) });
}

/**
 * 武进区's headquarters from seed 002 (twelve groups, three expert groups and the city/province/national reviewers):
 * the commander and the office on its leadership roster (so they see phones in full), a leader and a liaison for
 * every group, the CDC account in the epidemic-control group, and two days of duty.
 */
async function districtHeadquarters(deps: Deps, context: RequestContext, random: Random, area: DemoArea, users: Record<string, string>) {
  const hq = await createHeadquarters(deps, context, { jurisdictionId: area.county.id, officeLocation: '区卫健局' });
  const at = { headquartersId: hq.id };
  const commander = await addRosterMember(deps, context, {
    ...at,
    userId: users.commander,
    name: '区指挥部指挥长（演示）',
    role: 'commander_in_chief',
    title: '区政府主要负责同志',
    phone: demoMobile(random),
  });
  const office = await addRosterMember(deps, context, {
    ...at,
    userId: users.office,
    name: '指挥部办公室（演示）',
    role: 'office_director',
    title: '区卫健局副局长',
    phone: demoMobile(random),
  });
  for (const g of hq.groups) {
    const template = g.templateKey ? findGroupTemplate(g.templateKey) : undefined;
    const place = { ...at, workingGroupId: g.id };
    await rosterPerson(deps, context, random, place, 'group_leader', template?.leaders[0] ?? '组长');
    await rosterPerson(deps, context, random, place, 'liaison', `${g.leadUnits[0]?.name ?? ''}工作人员`);
  }
  const medical = group(hq, 'district.epidemic_medical');
  await addRosterMember(deps, context, {
    ...at,
    workingGroupId: medical.id,
    userId: users.cdc,
    name: '疾控流调人员（演示）',
    role: 'member',
    title: '区疾控中心流调队',
    orgUnitId: medical.memberUnits.find((u) => u.name === '区疾控中心')?.id,
  });
  const experts = hq.expertGroups.find((e) => e.kind === 'epidemic_control');
  if (experts)
    for (const title of ['区疾控中心主任医师', '区人民医院感染科主任'])
      await rosterPerson(deps, context, random, { ...at, expertGroupId: experts.id }, 'expert', title);
  const today = shanghaiDate(deps.clock());
  for (const shift of ['day', 'night'] as const)
    await setDuty(deps, context, hq.id, {
      dutyDate: today,
      shift,
      leaderRosterMemberId: commander.id,
      officerRosterMemberIds: [office.id],
    });
  return hq;
}

/**
 * 湖塘镇's headquarters from seed 001's township plan (seven groups, the consultation group), the town cadre as its office,
 * and its party secretary's travel request awaiting the district (SC-71).
 */
async function townHeadquarters(deps: Deps, context: RequestContext, random: Random, area: DemoArea, users: Record<string, string>) {
  const hq = await createHeadquarters(deps, context, { jurisdictionId: area.town.id, officeLocation: '湖塘镇卫生院' });
  await addRosterMember(deps, context, {
    headquartersId: hq.id,
    userId: users.town,
    name: '湖塘镇干部（演示）',
    role: 'office_director',
    title: '镇党政办主任',
    phone: demoMobile(random),
  });
  for (const g of hq.groups)
    await rosterPerson(deps, context, random, { headquartersId: hq.id, workingGroupId: g.id }, 'liaison', '联络员');
  // SC-71: the town's principal leader has asked the district to leave tomorrow; present until the district approves.
  const secretary = await rosterPerson(deps, context, random, { headquartersId: hq.id }, 'commander_in_chief', '镇党委书记');
  const now = deps.clock();
  await requestTravel(deps, context, secretary.id, {
    destination: '南京市',
    reason: '赴省卫健委汇报湖塘镇疫情防控工作',
    departAt: hoursFrom(now, 24),
    returnAt: hoursFrom(now, 48),
  });
  return hq;
}

/** Tasks issued a few days ago are overdue today: the service refuses a deadline in the past, so they are issued "then". */
const issuedHoursAgo = (deps: Deps, hours: number): Deps => ({ ...deps, clock: () => new Date(deps.clock().getTime() - hours * HOUR) });

async function demoTasks(
  deps: Deps,
  context: RequestContext,
  area: DemoArea,
  district: HeadquartersDetail,
  town: HeadquartersDetail,
  users: Record<string, string>,
) {
  const now = deps.clock();
  const medical = group(district, 'district.epidemic_medical');
  const traffic = group(district, 'district.traffic_control');
  const coordination = group(district, 'district.comprehensive_coordination');
  const publicity = group(district, 'district.news_publicity');
  await createTask(deps, context, {
    jurisdictionId: area.town.id,
    headquartersId: district.id,
    title: '湖塘镇确诊病例密切接触者流调与转运',
    dueAt: hoursFrom(now, 20),
    workingGroupId: medical.id,
    assigneeUserId: users.cdc,
    units: [{ unitId: medical.leadUnits[0]?.id ?? '', role: 'lead' }],
  });
  await createTask(deps, context, {
    jurisdictionId: area.town.id,
    headquartersId: town.id,
    title: '每日13:00前上报外来返乡人员排查表',
    dueAt: hoursFrom(now, 26),
    workingGroupId: town.groups[0]?.id,
    assigneeUserId: users.town,
  });
  await createTask(deps, context, {
    jurisdictionId: area.community.id,
    title: '入户核查本网格返乡人员健康状况',
    dueAt: hoursFrom(now, 44),
    assigneeUserId: users.grid,
  });
  await createTask(issuedHoursAgo(deps, 72), context, {
    jurisdictionId: area.county.id,
    headquartersId: district.id,
    title: '高速公路武进出口设置临时检测点',
    dueAt: hoursFrom(now, -24),
    workingGroupId: traffic.id,
    units: [{ unitId: traffic.leadUnits[0]?.id ?? '', role: 'responsible' }],
  });
  await createTask(issuedHoursAgo(deps, 30), context, {
    jurisdictionId: area.county.id,
    headquartersId: district.id,
    title: '编写并报送指挥部工作动态（第12期）',
    dueAt: hoursFrom(now, -6),
    workingGroupId: coordination.id,
    assigneeUserId: users.office,
  });
  const done = await createTask(issuedHoursAgo(deps, 10), context, {
    jurisdictionId: area.county.id,
    headquartersId: district.id,
    title: '发布区指挥部第5号通告',
    dueAt: hoursFrom(now, 6),
    workingGroupId: publicity.id,
  });
  await addEvidence(deps, context, done.id, { body: PNG_EVIDENCE, contentType: 'image/png', fileName: '通告发布截图.png' });
  await closeTask(deps, context, done.id, '通告已在区政府网站和武进发布公众号发布');
}

/** One inspection of 湖塘镇 by the district's supervision group, with a finding under rectification. */
async function demoInspection(deps: Deps, context: RequestContext, area: DemoArea, district: HeadquartersDetail) {
  const now = deps.clock();
  const supervision = group(district, 'district.supervision_inspection');
  const market = group(district, 'district.living_supplies').memberUnits.find((u) => u.name === '区市场监管局');
  await createSupervision(deps, context, {
    headquartersId: district.id,
    jurisdictionId: area.town.id,
    workingGroupId: supervision.id,
    method: 'double_random',
    subject: '湖塘镇农贸市场进口冷链食品防控落实情况',
    inspectedAt: hoursFrom(now, -20),
    inspectors: '区纪委监委、区市场监管局（随机抽取）',
    summary: '随机抽查湖塘镇两家农贸市场的进口冷链食品索证索票和环境消杀记录。',
    findings: [
      {
        description: '湖塘农贸市场部分进口冷链食品未见核酸检测证明和消毒证明',
        responsibleUnitId: market?.id ?? '',
        rectificationDueAt: hoursFrom(now, 52),
      },
    ],
  });
}

/** The command organization of the demo (issue 13): headquarters, groups, rosters, duty, tasks and an inspection. */
export async function seedDemoCommand(deps: Deps, context: RequestContext, area: DemoArea, seed: number) {
  const random = createRandom(seed, 'command');
  const users = await userIds(deps);
  const district = await districtHeadquarters(deps, context, random, area, users);
  const town = await townHeadquarters(deps, context, random, area, users);
  await demoTasks(deps, context, area, district, town, users);
  await demoInspection(deps, context, area, district);
  return { headquarters: 2, groups: district.groups.length + town.groups.length };
}
