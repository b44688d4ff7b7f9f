import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { queryRows } from '../../db/query-rows.ts';
import { addTwoTowns, addUser, loginAs, type TestClient } from '../../testing/factories.ts';
import { createTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';

interface Entry {
  id: string;
  name: string;
  role: string;
  phone: string | null;
  phoneMasked: boolean;
}
interface Group {
  id: string;
  templateKey: string | null;
  nameZh: string;
  nameEn: string;
  leadUnits: { id: string; name: string }[];
  memberUnits: { id: string; name: string }[];
  duties: string[];
  clause: string | null;
  version: number;
  roster: Entry[];
}
interface Detail {
  id: string;
  name: string;
  version: number;
  phonesVisible: boolean;
  leadership: Entry[];
  groups: Group[];
  expertGroups: { id: string; kind: string; level: string; nameZh: string; established: boolean }[];
}

const PHONE = '13912345678';

describe('command organization (ORG-001, ORG-005, ORG-010, ORG-020…046, ORG-050, ORG-065; SC-69)', () => {
  let runtime: TestRuntime;
  let office: TestClient;
  let commander: TestClient;
  let townA: TestClient;
  let townB: TestClient;
  let ids: Awaited<ReturnType<typeof addTwoTowns>>;
  let district: Detail;
  let town: Detail;

  const json = async <T>(client: TestClient, method: string, url: string, body?: unknown, status = 200): Promise<T> => {
    const reply = await client.request(method, url, body);
    assert.equal(reply.statusCode, status, `${method} ${url}: ${reply.body}`);
    return reply.json() as T;
  };
  const count = async (query: ReturnType<typeof sql>) => (await queryRows<{ n: number }>(runtime.deps.database.db, query))[0]?.n ?? 0;
  const groupNamed = (hq: Detail, name: string) => {
    const group = hq.groups.find((g) => g.nameZh === name);
    assert.ok(group, name);
    return group;
  };

  before(async () => {
    runtime = await createTestRuntime({ FANGKONG_LOGIN_RATE: '1000' });
    runtime.deps.clock = () => new Date('2020-03-01T10:00:00+08:00');
    ids = await addTwoTowns(runtime.deps);
    await addUser(runtime.deps, 'office', 'command_office_staff', ids.county.id);
    await addUser(runtime.deps, 'commander', 'district_commander', ids.county.id);
    await addUser(runtime.deps, 'town-a', 'town_cadre', ids.townA.id);
    await addUser(runtime.deps, 'town-b', 'town_cadre', ids.townB.id);
    office = await loginAs(runtime.app, 'office');
    commander = await loginAs(runtime.app, 'commander');
    townA = await loginAs(runtime.app, 'town-a');
    townB = await loginAs(runtime.app, 'town-b');
    district = await json<Detail>(
      office,
      'POST',
      '/api/command/headquarters',
      { jurisdictionId: ids.county.id, officeLocation: '区卫健局' },
      201,
    );
    town = await json<Detail>(townA, 'POST', '/api/command/headquarters', { jurisdictionId: ids.townA.id }, 201);
  });
  after(() => runtime.close());

  it('ORG-001, ORG-010, ORG-020…031: the district headquarters gets seed 002’s twelve groups as rows of working_group', async () => {
    assert.equal(district.name, '武进区疫情防控应急指挥部');
    assert.deepEqual(
      district.groups.map((g) => g.nameZh),
      [
        '综合协调组',
        '交通管控组',
        '社会及社区防控组',
        '农村防控组',
        '学校防控组',
        '企业防控组',
        '疫情防控和医疗救治组',
        '医疗物资保障组',
        '生活物资保障组',
        '经济运行保障组',
        '新闻宣传组',
        '督查检查组',
      ],
    );
    const rows = await count(
      sql`select count(*)::int as n from working_group w join jurisdiction j on j.id = w.jurisdiction_id where j.code = '320412'`,
    );
    assert.equal(rows, 12, 'the contract: the district has twelve rows of working_group');
    const medical = groupNamed(district, '疫情防控和医疗救治组');
    assert.equal(medical.clause, 'seed 002 §六(一)7');
    assert.deepEqual(
      medical.leadUnits.map((u) => u.name),
      ['区卫健局'],
    );
    assert.ok(medical.memberUnits.some((u) => u.name === '区疾控中心'));
    assert.ok(medical.duties.includes('负责医学观察隔离点的设置和管理工作'));
    assert.equal(groupNamed(district, '社会及社区防控组').memberUnits.length, 12, 'ORG-022: twelve member units');
  });

  it('ORG-010: one unit per name across groups, aliases included (区交通局 is 区交通运输局)', async () => {
    const traffic = groupNamed(district, '交通管控组').leadUnits[0];
    const living = groupNamed(district, '生活物资保障组').memberUnits.find((u) => u.name === '区交通运输局');
    assert.equal(living?.id, traffic?.id);
    const found = await json<{ items: { name: string }[] }>(
      commander,
      'GET',
      `/api/command/org-units?q=${encodeURIComponent('市场监督局')}`,
    );
    assert.deepEqual(
      found.items.map((u) => u.name),
      ['区市场监管局'],
      'ORG-060, SC-70: the alias finds the unit',
    );
  });

  it('ORG-001, ORG-011…017: the town headquarters gets seed 001’s seven township groups; the town cadre cannot set one up for another town', async () => {
    assert.deepEqual(
      town.groups.map((g) => g.nameZh),
      ['综合协调组', '卫生医疗组', '后勤保障组', '交通管控组', '治安管理组', '环境治理组', '新闻宣传组'],
    );
    assert.ok(
      town.expertGroups.some((e) => e.kind === 'consultation'),
      'ORG-012(5): the consultation group',
    );
    const before_ = await count(sql`select count(*)::int as n from headquarters`);
    const refused = await townA.request('POST', '/api/command/headquarters', { jurisdictionId: ids.townB.id });
    assert.equal(refused.statusCode, 400);
    assert.equal((refused.json() as { field: string }).field, 'jurisdictionId');
    assert.equal(await count(sql`select count(*)::int as n from headquarters`), before_, 'nothing written');
  });

  it('bad input: a second headquarters for a jurisdiction is 409, a province 400; both name the field', async () => {
    const again = await office.request('POST', '/api/command/headquarters', { jurisdictionId: ids.county.id });
    assert.equal(again.statusCode, 409);
    assert.deepEqual(
      [(again.json() as { code: string }).code, (again.json() as { field: string }).field],
      ['headquartersExists', 'jurisdictionId'],
    );
    const [province] = await queryRows<{ id: string }>(runtime.deps.database.db, sql`select id from jurisdiction where code = '32'`);
    const admin = await addUser(runtime.deps, 'admin-cn', 'system_admin', province?.id ?? '');
    assert.ok(admin);
    const high = await (await loginAs(runtime.app, 'admin-cn')).request('POST', '/api/command/headquarters', {
      jurisdictionId: province?.id,
    });
    assert.equal(high.statusCode, 400);
    assert.equal((high.json() as { code: string }).code, 'headquartersLevel');
  });

  it('ORG-050: the district’s expert groups — decision consultation “not established” — and the city, province and national reviewers as outside bodies', async () => {
    const advisory = district.expertGroups.find((e) => e.kind === 'decision_advisory');
    assert.equal(advisory?.established, false);
    assert.deepEqual(
      district.expertGroups.filter((e) => e.kind === 'outside_reviewer').map((e) => e.level),
      ['city', 'province', 'national'],
    );
    const changed = await json<{ established: boolean }>(office, 'PATCH', `/api/command/expert-groups/${advisory?.id}`, {
      established: true,
      reason: '区卫健局推荐专家到位',
    });
    assert.equal(changed.established, true);
  });

  it('SC-69, ORG-005: one person with four roles is one person on the roster; the phone is encrypted at rest and masked outside the headquarters', async () => {
    const coordination = groupNamed(district, '综合协调组');
    const social = groupNamed(district, '社会及社区防控组');
    const add = (body: Record<string, unknown>) =>
      json<Entry>(
        office,
        'POST',
        '/api/command/roster-members',
        { headquartersId: district.id, name: '张玉灵', phone: PHONE, ...body },
        201,
      );
    await add({ role: 'deputy_commander', title: '党工委委员' });
    await add({ role: 'office_deputy_director', title: '党工委委员' });
    await add({ role: 'group_leader', workingGroupId: coordination.id });
    await add({ role: 'executive_deputy_leader', workingGroupId: social.id });
    await add({ role: 'liaison', name: '钟玉堂', phone: '13662904910', workingGroupId: coordination.id });
    const people = await json<{
      phonesVisible: boolean;
      items: { name: string; phone: string; roles: { role: string; groupName: string | null }[] }[];
    }>(office, 'GET', `/api/command/headquarters/${district.id}/people`);
    const zhang = people.items.filter((p) => p.name === '张玉灵');
    assert.equal(zhang.length, 1, 'one person record');
    assert.deepEqual(zhang[0]?.roles.map((r) => r.role).sort(), [
      'deputy_commander',
      'executive_deputy_leader',
      'group_leader',
      'office_deputy_director',
    ]);
    assert.equal(zhang[0]?.phone, PHONE, 'the office keeps the organization: phones in full');
    const stored = await queryRows<{ phone_cipher: string; phone_masked: string }>(
      runtime.deps.database.db,
      sql`select phone_cipher, phone_masked from roster_member where name = '张玉灵'`,
    );
    assert.ok(stored.every((r) => !r.phone_cipher.includes('12345678') && r.phone_masked === '139****5678'));
    const seen = await json<Detail>(commander, 'GET', `/api/command/headquarters/${district.id}`);
    assert.equal(seen.phonesVisible, false, 'the commander is not on the roster yet');
    const liaison = groupNamed(seen, '综合协调组').roster.find((e) => e.role === 'liaison');
    assert.deepEqual([liaison?.phone, liaison?.phoneMasked], ['136****4910', true], 'SC-69: each group shows its liaison with a phone');
  });

  it('ORG-005: on the roster, the commander is inside the headquarters and sees phones in full', async () => {
    const [me] = await queryRows<{ id: string }>(runtime.deps.database.db, sql`select id from app_user where username = 'commander'`);
    await json(
      office,
      'POST',
      '/api/command/roster-members',
      {
        headquartersId: district.id,
        name: '指挥长',
        role: 'commander_in_chief',
        userId: me?.id,
        title: '区长',
      },
      201,
    );
    const seen = await json<Detail>(commander, 'GET', `/api/command/headquarters/${district.id}`);
    assert.equal(seen.phonesVisible, true);
    assert.equal(groupNamed(seen, '综合协调组').roster.find((e) => e.role === 'liaison')?.phone, '13662904910');
  });

  it('ORG-010: changing a group’s member units keeps the version before, with who and why, and audits in the same transaction', async () => {
    const coordination = groupNamed(district, '综合协调组');
    const units = await json<{ items: { id: string; name: string }[] }>(
      office,
      'GET',
      `/api/command/org-units?jurisdictionId=${ids.county.id}`,
    );
    const education = units.items.find((u) => u.name === '区教育局');
    const memberUnitIds = [...coordination.memberUnits.map((u) => u.id), education?.id];
    const changed = await json<Group>(office, 'PATCH', `/api/command/working-groups/${coordination.id}`, {
      memberUnitIds,
      reason: '开学在即，教育局加入综合协调组',
    });
    assert.ok(changed.memberUnits.some((u) => u.name === '区教育局'));
    const revisions = await json<{ current: number; items: { version: number; reason: string; snapshot: { memberUnits: string[] } }[] }>(
      commander,
      'GET',
      `/api/command/working-groups/${coordination.id}/revisions`,
    );
    assert.equal(revisions.current, changed.version);
    const last = revisions.items.at(-1);
    assert.equal(last?.reason, '开学在即，教育局加入综合协调组');
    assert.ok(!last?.snapshot.memberUnits.includes('区教育局'), 'the version before, as it stood');
    assert.equal(await count(sql`select count(*)::int as n from audit_event where action = 'command.changeGroup'`), 1);
    const hq = await json<Detail>(office, 'GET', `/api/command/headquarters/${district.id}`);
    assert.ok(hq.version > district.version, 'the headquarters’ version rises with every change under it');
  });

  it('ORG-065: a day is covered by a day and a night shift; someone off another headquarters’ roster is refused', async () => {
    const people = await json<{ items: { roles: { rosterMemberId: string }[] }[] }>(
      office,
      'GET',
      `/api/command/headquarters/${district.id}/people`,
    );
    const [leader, officer] = people.items.map((p) => p.roles[0]?.rosterMemberId);
    for (const shift of ['day', 'night']) {
      await json(office, 'PUT', `/api/command/headquarters/${district.id}/duty`, {
        dutyDate: '2020-03-02',
        shift,
        leaderRosterMemberId: leader,
        officerRosterMemberIds: [officer],
      });
    }
    const schedule = await json<{ items: { shift: string; dutyRole: string }[]; uncovered: string[] }>(
      commander,
      'GET',
      `/api/command/headquarters/${district.id}/duty?from=2020-03-01&to=2020-03-03`,
    );
    assert.deepEqual(schedule.uncovered, ['2020-03-01', '2020-03-03']);
    assert.equal(schedule.items.length, 4);
    const townMember = await json<Entry>(
      townA,
      'POST',
      '/api/command/roster-members',
      { headquartersId: town.id, name: '镇值班员', role: 'member' },
      201,
    );
    const refused = await office.request('PUT', `/api/command/headquarters/${district.id}/duty`, {
      dutyDate: '2020-03-03',
      shift: 'full_day',
      officerRosterMemberIds: [townMember.id],
    });
    assert.equal(refused.statusCode, 400);
    assert.equal((refused.json() as { field: string }).field, 'officerRosterMemberIds');
  });

  it('A16, A15: the group table exports in the seeds’ layout with its purpose audited; phones masked for a caller outside the town headquarters', async () => {
    const noPurpose = await commander.request('GET', `/api/command/headquarters/${district.id}/groups.xlsx`);
    assert.equal(noPurpose.statusCode, 400);
    const reply = await runtime.app.inject({
      method: 'GET',
      url: `/api/command/headquarters/${district.id}/groups.xlsx?purpose=${encodeURIComponent('报市指挥部备案')}`,
      headers: commander.headers,
    });
    assert.equal(reply.statusCode, 200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(reply.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('工作组名单及职责');
    assert.ok(sheet);
    assert.deepEqual((sheet.getRow(2).values as string[]).slice(1, 5), ['序号', '工作组', '牵头领导', '牵头单位']);
    assert.equal(sheet.rowCount - 2, 12);
    assert.match(String(sheet.getRow(3).getCell(10).value), /钟玉堂（13662904910）/);
    const [audited] = await queryRows<{ reason: string }>(
      runtime.deps.database.db,
      sql`select reason from audit_event where action = 'command.exportGroups'`,
    );
    assert.equal(audited?.reason, '报市指挥部备案');
    await json(
      townA,
      'POST',
      '/api/command/roster-members',
      { headquartersId: town.id, name: '镇联络员', role: 'liaison', phone: '13800001111', workingGroupId: town.groups[0]?.id },
      201,
    );
    const townSeen = await json<Detail>(commander, 'GET', `/api/command/headquarters/${town.id}`);
    assert.equal(
      townSeen.groups[0]?.roster.find((e) => e.name === '镇联络员')?.phone,
      '138****1111',
      'the commander is outside the town headquarters',
    );
  });

  it('another town’s cadre reaches nothing of town A’s headquarters: 404 on read, 400 naming the field on write, nothing written', async () => {
    const before_ = await count(sql`select count(*)::int as n from roster_member`);
    for (const url of [`/api/command/headquarters/${town.id}`, `/api/command/headquarters/${town.id}/people`]) {
      assert.equal((await townB.request('GET', url)).statusCode, 404, url);
    }
    assert.equal((await townB.request('GET', `/api/command/headquarters/${town.id}/groups.xlsx?purpose=walk`)).statusCode, 404);
    assert.equal(
      (await townB.request('PATCH', `/api/command/headquarters/${town.id}`, { name: '越界', reason: '越界修改' })).statusCode,
      404,
    );
    const roster = await townB.request('POST', '/api/command/roster-members', { headquartersId: town.id, name: '越界', role: 'member' });
    assert.equal(roster.statusCode, 400);
    assert.equal((roster.json() as { field: string }).field, 'headquartersId');
    const list = await json<{ items: { id: string }[] }>(townB, 'GET', '/api/command/headquarters');
    assert.deepEqual(list.items, []);
    assert.equal(await count(sql`select count(*)::int as n from roster_member`), before_);
  });
});
