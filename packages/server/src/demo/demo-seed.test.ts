import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { AppError, capacityState, residentIdProblem } from '@fangkong/core';
import { type SQL, sql } from 'drizzle-orm';
import { queryRows } from '../db/query-rows.ts';
import { loginAs } from '../testing/factories.ts';
import { createTestRuntime, type TestRuntime } from '../testing/test-runtime.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts.ts';
import { type DemoSummary, seedDemo, seedDemoIfEmpty } from './demo-seed.ts';

const RESIDENTS = 2000;
const COMMUNITY_PATH = '/32/3204/320412/320412100/320412100002/';

describe('demo seed', () => {
  // One data key for both databases, so equal ID numbers give equal lookup hashes; every demo account signs in
  // here, several more than once, which is more than the default 20 logins a minute from one address.
  const env = { FANGKONG_DATA_KEY: randomBytes(32).toString('base64'), FANGKONG_LOGIN_RATE: '1000' };
  let first: TestRuntime;
  let second: TestRuntime;
  let summary: DemoSummary;
  const rows = <T>(query: SQL, runtime = first) => queryRows<T>(runtime.deps.database.db, query);

  before(async () => {
    [first, second] = await Promise.all([createTestRuntime(env), createTestRuntime(env)]);
    summary = await seedDemo(first.deps, { residents: RESIDENTS, seed: 7 });
    await seedDemo(second.deps, { residents: RESIDENTS, seed: 7 });
  });
  after(async () => {
    await Promise.all([first.close(), second.close()]);
  });

  it('reports what it built', () => {
    assert.equal(summary.residents, RESIDENTS);
    assert.equal(summary.towns, 18);
    assert.equal(summary.villages, 297);
    assert.ok(summary.grids >= 297 * 3, `${summary.grids} grids`);
    assert.equal(summary.accounts, DEMO_ACCOUNTS.length);
    assert.ok(summary.households > RESIDENTS / 5 && summary.buildings > 0 && summary.units >= summary.buildings);
  });

  it('gives the same people in the same order for the same seed', async () => {
    const people = sql`select id, name, id_hash, household_role, jurisdiction_path from person order by id`;
    const places = sql`select id, code, name, parent_place_id from place order by id`;
    assert.deepEqual(await rows(people, second), await rows(people));
    assert.deepEqual(await rows(places, second), await rows(places));
  });

  it('stores a valid resident ID for everyone, with masked previews and encrypted values', async () => {
    const people = await rows<{ id_cipher: string; id_masked: string; id_hash: string }>(
      sql`select id_cipher, id_masked, id_hash from person`,
    );
    assert.equal(people.length, RESIDENTS);
    for (const p of people) {
      const idNumber = first.deps.cipher.decrypt(p.id_cipher);
      assert.equal(residentIdProblem(idNumber, '2025-01-01'), null, idNumber);
      assert.equal(p.id_masked, `${idNumber.slice(0, 6)}********${idNumber.slice(14)}`);
    }
    assert.equal(new Set(people.map((p) => p.id_hash)).size, RESIDENTS);
  });

  it('puts every household under a grid, in a unit of a building, with one to five residents', async () => {
    const households = await rows<{ level: string; unit: string; building: string; members: number }>(
      sql`select j.level, u.kind as unit, b.kind as building, (select count(*)::int from person p where p.household_id = h.id) as members
          from place h join jurisdiction j on j.id = h.jurisdiction_id
          join place u on u.id = h.parent_place_id join place b on b.id = u.parent_place_id where h.kind = 'household'`,
    );
    assert.equal(households.length, summary.households);
    assert.ok(households.every((h) => h.level === 'grid' && h.unit === 'unit' && h.building === 'building'));
    assert.ok(households.every((h) => h.members >= 1 && h.members <= 5));
    const heads = await rows<{ n: number }>(sql`select count(*)::int as n from person where household_role = 'head'`);
    assert.equal(heads[0]?.n, summary.households);
  });

  it('codes grids as the village code plus three digits', async () => {
    const grids = await rows<{ code: string; name: string; parent: string }>(
      sql`select g.code, g.name, v.code as parent from jurisdiction g join jurisdiction v on v.id = g.parent_id where g.level = 'grid'`,
    );
    assert.equal(grids.length, summary.grids);
    assert.ok(grids.every((g) => g.code.length === 15 && g.code.startsWith(g.parent) && /^第\d+网格$/.test(g.name)));
  });

  it('places venues of every kind in villages, fever clinics under medical institutions', async () => {
    const kinds = await rows<{ kind: string; level: string; parent_kind: string | null; attributes: Record<string, number> }>(
      sql`select v.kind, j.level, p.kind as parent_kind, v.attributes from place v join jurisdiction j on j.id = v.jurisdiction_id
          left join place p on p.id = v.parent_place_id where v.kind not in ('building', 'unit', 'household')`,
    );
    for (const kind of Object.keys(summary.venues))
      assert.ok(
        kinds.some((k) => k.kind === kind),
        kind,
      );
    assert.ok(kinds.every((k) => k.level === 'village'));
    assert.ok(kinds.filter((k) => k.kind === 'fever_clinic').every((k) => k.parent_kind === 'medical_institution'));
    assert.ok(kinds.filter((k) => k.kind === 'quarantine_site').every((k) => (k.attributes.beds ?? 0) >= (k.attributes.rooms ?? 1)));
  });

  // RES-001, KP-F08; issue 18 item 3: every demo quarantine site has its rooms and beds, so none reads 暂无房间.
  it('gives every quarantine site rooms and beds', async () => {
    const sites = await rows<{ code: string; rooms: number; beds: number }>(
      sql`select p.code, count(r.id)::int as rooms, coalesce(sum(r.beds), 0)::int as beds from place p
          left join quarantine_room r on r.site_id = p.id where p.kind = 'quarantine_site' group by p.code`,
    );
    assert.ok(sites.length > 1, `${sites.length} sites`);
    for (const site of sites) assert.ok(site.rooms > 0 && !capacityState(site.beds, 0).noRooms, `${site.code}: ${site.rooms} rooms`);
  });

  it('writes one audit event for the seed run', async () => {
    const events = await rows<{ n: number }>(sql`select count(*)::int as n from audit_event where action = 'demo.seed'`);
    assert.equal(events[0]?.n, 1);
  });

  it('lets every demo account sign in with the documented password', async () => {
    for (const account of DEMO_ACCOUNTS) await loginAs(first.app, account.username, DEMO_PASSWORD);
  });

  // CODE-001, CODE-002 (one code per person, family proxy), issue 12 defect 9: the demo resident stands for a household head with a dependant.
  it('signs the demo resident in as a household head who holds a family member by proxy', async () => {
    const resident = await loginAs(first.app, 'resident', DEMO_PASSWORD);
    const me = await resident.request('GET', '/api/me');
    assert.equal(me.statusCode, 200, me.body);
    const { personId } = me.json() as { personId: string };
    const code = await resident.request('GET', `/api/me/persons/${personId}/code`);
    assert.equal(code.statusCode, 200, code.body);
    const dependants = ((await resident.request('GET', '/api/me/dependants')).json() as { items: { personId: string }[] }).items;
    assert.equal(dependants.length, 1);
    const household = await rows<{ same: boolean }>(
      sql`select a.household_id = b.household_id as same from person a, person b where a.id = ${personId} and b.id = ${dependants[0]?.personId ?? personId}`,
    );
    assert.equal(household[0]?.same, true);
    assert.equal((await resident.request('GET', `/api/me/persons/${dependants[0]?.personId}/code`)).statusCode, 200);
  });

  // CODE-002 (who acts for a person), issue 12 defect 9: /api/auth/me tells whether the account stands for a person (resident yes, staff no).
  it('tells in /api/auth/me whether the account is linked to a person', async () => {
    const linked = async (username: string) =>
      ((await (await loginAs(first.app, username, DEMO_PASSWORD)).request('GET', '/api/auth/me')).json() as { linkedToPerson: boolean })
        .linkedToPerson;
    assert.equal(await linked('resident'), true);
    assert.equal(await linked('grid'), false);
  });

  // Issue 14 demo, ZONE-001, ZONE-004: 湖塘镇 at medium risk (seed-2020, town unit) and a sealed zone around the outbreak, seen by commander and office at once
  it('shows 湖塘镇 at medium risk with a sealed zone around the demo outbreak to commander and office', async () => {
    for (const username of ['commander', 'office']) {
      const client = await loginAs(first.app, username, DEMO_PASSWORD);
      const map = (await client.request('GET', '/api/zone-map')).json() as {
        nodes: { code: string; riskLevel: string | null }[];
        zones: { zoneType: string; kind: string; status: string; units: { kind: string }[] }[];
      };
      assert.equal(map.nodes.find((n) => n.code === '320412100')?.riskLevel, 'medium', username);
      assert.deepEqual(
        map.zones.map((z) => [z.zoneType, z.kind, z.status, z.units[0]?.kind]),
        [['sealed_zone', 'outbreak_spot', 'active', 'building']],
        username,
      );
    }
    // Issue 16 §7: 武汉市 is published too (high), where the community's returnee comes from; here, the district's own grades.
    const published = await rows<{ issuing_authority: string; edition_id: string }>(
      sql`select issuing_authority, edition_id from risk_area where status = 'published' and jurisdiction_path like '/32/%'`,
    );
    assert.deepEqual(published, [{ issuing_authority: '武进区新冠肺炎疫情防控指挥部', edition_id: 'seed-2020' }]);
  });

  // Issue 14 part 3 demo, RULES-001, §18 V1: one approved local profile for 湖塘镇 beside the shipped editions, seen by commander and office
  it('holds one approved local profile for 湖塘镇 beside the shipped editions, drafted by office and approved by commander', async () => {
    for (const username of ['commander', 'office']) {
      const client = await loginAs(first.app, username, DEMO_PASSWORD);
      const listed = (await client.request('GET', '/api/protocols/documents')).json() as {
        items: { id: string; key: string; kind: string; status: string; jurisdictionCode: string; editionId: string }[];
      };
      assert.deepEqual(
        listed.items.map((d) => [d.key, d.kind, d.status, d.jurisdictionCode, d.editionId]),
        [['hutang-home-observation', 'profile', 'approved', '320412100', 'cn-2022-9th']],
        username,
      );
      // the town's own pool sizes (TEST-005, §18 V22) and code colours (CODE-, §18 V10) are on 防控方案 for a newcomer
      const detail = (await client.request('GET', `/api/protocols/documents/${listed.items[0]?.id}`)).json() as {
        changes: { category: string | null; section?: string; changes: { path: string; after?: unknown }[] }[];
      };
      const testing = detail.changes.find((c) => c.section === 'testing');
      assert.equal(testing?.changes.find((c) => c.path === 'testing.pooling.general.sizes[0]')?.after, 5, username);
      assert.ok(
        detail.changes.some((c) => c.section === 'codes' && c.changes.length > 0),
        username,
      );
      assert.ok(
        detail.changes.some((c) => c.category === 'close_contact'),
        username,
      );
    }
    const approvals = await rows<{ drafter: string; approver: string }>(
      sql`select d.username as drafter, a.username as approver from protocol_document p
          join app_user d on d.id = p.drafted_by join app_user a on a.id = p.approved_by`,
    );
    assert.deepEqual(approvals, [{ drafter: 'office', approver: 'commander' }]);
  });

  // Issue 13 demo, LVL-010, LVL-018, ORG-060, SUP-001, SC-27, SC-32: 湖塘镇 at level IV through proposal → district experts →
  // commander → filing; its measures in progress (six done with evidence, five overdue), the town's other tasks open,
  // an inspection with a finding under rectification, its risk grade and zone — on the landing of commander and office at once
  it('shows 湖塘镇 at response level IV, filed, its measures in progress, overdue tasks, the inspection and zones, to commander and office', async () => {
    const [town] = await rows<{ id: string }>(sql`select id from jurisdiction where code = '320412100'`);
    for (const username of ['commander', 'office']) {
      const client = await loginAs(first.app, username, DEMO_PASSWORD);
      const view = (await client.request('GET', `/api/response-levels/${town?.id}`)).json() as {
        level: string | null;
        history: { status: string }[];
        checklist: { id: string; group: { key: string } | null; task: { id: string; state: string } | null }[];
      };
      assert.equal(view.level, 'IV', username);
      assert.deepEqual(
        view.history.map((c) => c.status),
        ['filed'],
      );
      assert.ok(
        view.checklist.length > 0 && view.checklist.every((m) => m.id.startsWith('LVL-IV-') && m.group?.key.startsWith('township.')),
      );
      // LVL-018: each measure is a task of 湖塘镇's groups (seedDemoResponse runs after seedDemoCommand); six done, the rest overdue
      const byState = (state: string) => view.checklist.filter((m) => m.task?.state === state).map((m) => m.id);
      assert.deepEqual(byState('done'), ['LVL-IV-01', 'LVL-IV-02', 'LVL-IV-03', 'LVL-IV-04', 'LVL-IV-05', 'LVL-IV-10'], username);
      assert.deepEqual(byState('overdue'), ['LVL-IV-06', 'LVL-IV-07', 'LVL-IV-08', 'LVL-IV-09', 'LVL-IV-11'], username);
      // ORG-060: a done measure carries its evidence
      const done = view.checklist.find((m) => m.id === 'LVL-IV-02')?.task?.id;
      const detail = (await client.request('GET', `/api/tasks/${done}`)).json() as {
        evidence: { fileName: string }[];
        closingNote: string;
      };
      assert.deepEqual(
        detail.evidence.map((e) => e.fileName),
        ['预检分诊台照片.png'],
      );
      const overview = (await client.request('GET', `/api/command/overview?jurisdictionId=${town?.id}`)).json() as {
        level: { level: string } | null;
        measures: { checklist: number; open: number; overdue: number; done: number; groups: { nameZh: string; overdue: number }[] } | null;
        tasks: { open: number; overdue: number; overdueItems: { sourceId: string | null }[] };
        findings: { open: number; overdue: number };
        zones: { grades: { name: string; riskLevel: string | null }[]; zones: { zoneType: string }[] } | null;
      };
      assert.deepEqual(
        [overview.level?.level, overview.measures?.checklist, overview.measures?.done, overview.measures?.overdue, overview.measures?.open],
        ['IV', 11, 6, 5, 0],
        username,
      );
      assert.deepEqual(
        overview.measures?.groups.filter((g) => g.overdue > 0).map((g) => [g.nameZh, g.overdue]),
        [
          ['卫生医疗组', 3],
          ['治安管理组', 2],
        ],
      );
      assert.ok(overview.tasks.open >= 2, 'the town’s own tasks are open');
      assert.ok(overview.tasks.overdueItems.some((t) => t.sourceId === 'LVL-IV-06'));
      // SUP-001: the district's inspection of 湖塘镇 has its finding open, its rectification deadline ahead
      assert.deepEqual([overview.findings.open, overview.findings.overdue], [1, 0]);
      assert.deepEqual(overview.zones?.grades[0], { ...overview.zones?.grades[0], name: '湖塘镇', riskLevel: 'medium' });
      assert.deepEqual(
        overview.zones?.zones.map((z) => z.zoneType),
        ['sealed_zone'],
      );
    }
    // the district has no level of its own: its overview (the commander's landing) names 湖塘镇's and counts its measures
    const [county] = await rows<{ id: string }>(sql`select id from jurisdiction where code = '320412'`);
    const commander = await loginAs(first.app, 'commander', DEMO_PASSWORD);
    const district = (await commander.request('GET', `/api/command/overview?jurisdictionId=${county?.id}`)).json() as {
      level: unknown;
      levelsBelow: { jurisdictionName: string; level: string }[];
      measures: { checklist: number; done: number; overdue: number } | null;
    };
    assert.deepEqual(
      [district.level, district.levelsBelow.map((l) => [l.jurisdictionName, l.level]), district.measures],
      [null, [['湖塘镇', 'IV']], { ...district.measures, checklist: 11, done: 6, overdue: 5 }],
    );
    const levels = await rows<{ level: string }>(sql`select level from response_level`);
    assert.deepEqual(levels, [{ level: 'IV' }]);
  });

  it('scopes the grid worker to one community of 湖塘镇', async () => {
    const grid = await loginAs(first.app, 'grid', DEMO_PASSWORD);
    const me = (await grid.request('GET', '/api/auth/me')).json() as { roles: { role: string; jurisdictionPath: string }[] };
    assert.deepEqual(
      me.roles.map((r) => [r.role, r.jurisdictionPath]),
      [['grid_worker', COMMUNITY_PATH]],
    );
    const listed = (await grid.request('GET', '/api/persons?pageSize=1')).json() as { total: number };
    const inCommunity = await rows<{ n: number }>(
      sql`select count(*)::int as n from person where jurisdiction_path like ${`${COMMUNITY_PATH}%`}`,
    );
    assert.equal(listed.total, inCommunity[0]?.n);
    assert.ok(listed.total > 0 && listed.total < RESIDENTS);
  });

  // Issue 15 demo; DAILY-003, SC-45, SC-46: the 13:00 tables of every community of 湖塘镇, signed, one late, one zero.
  it('holds a day of 13:00 tables in 湖塘镇: every community signed, one late, one zero report; the board shows the late one', async () => {
    const days = await rows<{ period: string; name: string; late: boolean; zero: boolean; signed: boolean }>(
      sql`select s.period::text as period, j.name, bool_or(s.late) as late, bool_and(s.zero) as zero, bool_and(s.signed_by is not null) as signed
          from report_submission s join jurisdiction j on j.id = s.unit_jurisdiction_id
          where s.template_code = 'returnee_screening' and s.status = 'submitted' group by 1, 2`,
    );
    const communities = await rows<{ n: number }>(
      sql`select count(*)::int as n from jurisdiction where parent_id = (select id from jurisdiction where code = '320412100')`,
    );
    assert.equal(days.length, communities[0]?.n);
    assert.ok(summary.reports >= days.length * 3);
    assert.equal(days.filter((d) => d.late).length, 1);
    assert.equal(days.filter((d) => d.zero).length, 1);
    assert.ok(days.every((d) => d.signed));
    const town = await loginAs(first.app, 'town', DEMO_PASSWORD);
    const board = (await town.request('GET', `/api/reports/board?date=${days[0]?.period}&templateCode=returnee_screening`)).json() as {
      lateList: { unit: { name: string }; state: string; templateCode: string }[];
    };
    const late = days.find((d) => d.late)?.name;
    assert.ok(board.lateList.some((l) => l.unit.name === late && l.state === 'late' && l.templateCode === 'returnee_screening'));
  });

  // Issue 13 demo, ORG-001, ORG-010, SUP-008: 武进区 has seed 002's twelve groups as rows of working_group, 湖塘镇 the seven of seed 001;
  // open and overdue tasks and one inspection with a finding under rectification, seen by commander and office at once.
  it('gives the district its headquarters and twelve groups, the town seven, and shows tasks and the inspection to commander and office', async () => {
    const groups = await rows<{ code: string; n: number }>(
      sql`select j.code, count(*)::int as n from working_group w join jurisdiction j on j.id = w.jurisdiction_id group by j.code order by j.code`,
    );
    assert.deepEqual(groups, [
      { code: '320412', n: 12 },
      { code: '320412100', n: 7 },
    ]);
    for (const username of ['commander', 'office']) {
      const client = await loginAs(first.app, username, DEMO_PASSWORD);
      const hqs = (await client.request('GET', '/api/command/headquarters')).json() as { items: { name: string; groups: number }[] };
      assert.deepEqual(
        hqs.items.map((h) => [h.name, h.groups]),
        [
          ['武进区疫情防控应急指挥部', 12],
          ['湖塘镇疫情防控应急指挥部', 7],
        ],
      );
      const tasks = (await client.request('GET', '/api/tasks')).json() as { counts: { open: number; overdue: number; done: number } };
      assert.ok(tasks.counts.open >= 3 && tasks.counts.overdue >= 2 && tasks.counts.done >= 1, JSON.stringify(tasks.counts));
      const inspections = (await client.request('GET', '/api/supervisions')).json() as { items: { findings: { state: string }[] }[] };
      assert.deepEqual(
        inspections.items.map((i) => i.findings.map((f) => f.state)),
        [['rectifying']],
      );
      const district = (
        await client.request('GET', `/api/command/headquarters/${(hqs.items[0] as unknown as { id: string }).id}`)
      ).json() as {
        phonesVisible: boolean;
      };
      assert.equal(district.phonesVisible, true, `${username} is inside the district headquarters`);
    }
    const grid = await loginAs(first.app, 'grid', DEMO_PASSWORD);
    const mine = (await grid.request('GET', '/api/tasks/mine')).json() as { items: { title: string; sourceKind: string }[] };
    // Issue 16: the grid worker also follows up 南街社区's pharmacy buyers; one command task is theirs.
    assert.equal(mine.items.filter((t) => t.sourceKind !== 'pharmacy_follow_up').length, 1);
  });

  // SC-71, SUP-011: 湖塘镇's party secretary has asked to leave tomorrow; the district commander (the superior) may decide it,
  // the town may not; the secretary stays present until approved.
  it('SC-71: holds 湖塘镇’s party secretary’s travel request, for the district commander to decide; the secretary is present', async () => {
    const [town] = await rows<{ id: string }>(
      sql`select h.id from headquarters h join jurisdiction j on j.id = h.jurisdiction_id where j.code = '320412100'`,
    );
    for (const [username, superior] of [
      ['commander', true],
      ['town', false],
    ] as const) {
      const client = await loginAs(first.app, username, DEMO_PASSWORD);
      const travel = (await client.request('GET', `/api/command/headquarters/${town?.id}/leader-travel`)).json() as {
        leaders: { roles: string[]; presence: string }[];
        requests: { status: string; canDecide: boolean }[];
      };
      assert.deepEqual(
        travel.leaders.filter((l) => l.roles.includes('commander_in_chief')).map((l) => l.presence),
        ['present'],
      );
      assert.deepEqual(
        travel.requests.map((r) => [r.status, r.canDecide]),
        [['requested', superior]],
        username,
      );
    }
  });

  // Institutions (issue 16): the school reporter sees 湖塘镇's institutions, the pharmacy its week of sales, the grid worker the follow-up.
  it('SCH-010 PHAR-001 SC-61: shows 湖塘镇 institutions to school, a week of purchases to pharmacy, and the open follow-up to grid', async () => {
    const school = await loginAs(first.app, 'school', DEMO_PASSWORD);
    const list = (await school.request('GET', '/api/institutions')).json() as {
      items: { kind: string; findings: { requirement: string; code: string }[] }[];
    };
    const kinds = new Set(list.items.map((i) => i.kind));
    for (const kind of ['school', 'kindergarten', 'enterprise', 'market', 'pharmacy', 'special_institution', 'public_place'])
      assert.ok(kinds.has(kind), kind);
    assert.ok(list.items.some((i) => i.findings.some((f) => f.requirement === 'SCH-010')));
    // ORG-070: every unit has its prevention team and instructor but the first enterprise, which lacks an instructor.
    const org070 = list.items.flatMap((i) => i.findings.filter((f) => f.requirement === 'ORG-070').map((f) => `${i.kind}:${f.code}`));
    assert.deepEqual(org070, ['enterprise:preventionInstructorShort']);
    const pharmacy = await loginAs(first.app, 'pharmacy', DEMO_PASSWORD);
    const sales = (await pharmacy.request('GET', '/api/pharmacy-sales')).json() as { total: number; items: { buyerIdNumber: string }[] };
    assert.ok(sales.total >= 6, String(sales.total));
    assert.ok(sales.items.every((s) => s.buyerIdNumber.includes('*')));
    const grid = await loginAs(first.app, 'grid', DEMO_PASSWORD);
    const mine = (await grid.request('GET', '/api/tasks/mine')).json() as { items: { sourceKind: string }[] };
    assert.ok(mine.items.some((t) => t.sourceKind === 'pharmacy_follow_up'));
    const counts = await rows<{ n: number }>(
      sql`select count(*)::int as n from sentinel_daily_count where series = 'pharmacy_fever_drug_purchase'`,
    );
    assert.ok((counts[0]?.n ?? 0) >= 6);
  });

  // Issue 16 part 2: what hotel, school, town and grid see of the guests, the permits, the outbox and the entrance ledger.
  it('PUB-007 PUB-005 PHAR-002 COMM-012 SC-37: a week of masked hotel guests, an approved and a pending permit, sales in the outbox, the ledger', async () => {
    const hotel = await loginAs(first.app, 'hotel', DEMO_PASSWORD);
    const guests = (await hotel.request('GET', '/api/hotel-guests')).json() as {
      items: { name: string; idNumber: string; checkInOn: string; hotelName: string; keyArea: boolean }[];
    };
    assert.ok(guests.items.length >= 14, String(guests.items.length));
    assert.equal(new Set(guests.items.map((g) => g.checkInOn)).size, 7, 'a guest on each of the last seven nights');
    assert.ok(guests.items.every((g) => g.name.includes('*') && g.idNumber.includes('*') && g.hotelName.endsWith('湖塘宾馆')));
    const town = await loginAs(first.app, 'town', DEMO_PASSWORD);
    const events = (await town.request('GET', '/api/event-permits')).json() as { items: { status: string; kind: string }[] };
    assert.deepEqual(events.items.map((e) => `${e.kind}:${e.status}`).sort(), ['exam:approved', 'meeting:pending']);
    const school = await loginAs(first.app, 'school', DEMO_PASSWORD);
    assert.equal(((await school.request('GET', '/api/event-permits')).json() as { items: unknown[] }).items.length, 2);
    const outbox = (await town.request('GET', '/api/pharmacy-sales/outbox')).json() as { pending: number; oldestSoldAt: string | null };
    assert.ok(outbox.pending >= 6 && outbox.oldestSoldAt !== null, JSON.stringify(outbox));
    const grid = await loginAs(first.app, 'grid', DEMO_PASSWORD);
    const ledger = (await grid.request('GET', '/api/community/entry-ledger')).json() as {
      items: { flagged: boolean; leftAt: string | null; escortName: string }[];
      open: number;
      flagged: number;
    };
    assert.deepEqual([ledger.open, ledger.flagged], [2, 1], 'one inside now, yesterday’s one never closed out');
    const week = await rows<{ n: number; days: number }>(
      sql`select count(*)::int as n, count(distinct entered_on)::int as days from entry_ledger where jurisdiction_path = ${COMMUNITY_PATH}`,
    );
    assert.ok((week[0]?.n ?? 0) >= 15 && week[0]?.days === 8, JSON.stringify(week[0]));
  });

  // SC-38, SC-39 (seed 001 §三(二)2–3): the resident's report of an outsider is open with 湖塘镇's tracking task; the refusal is with the police.
  it('shows 南街社区 an open outsider report from the resident (the town tracking it) and a refusal referred to the police', async () => {
    const grid = await loginAs(first.app, 'grid', DEMO_PASSWORD);
    const reports = (await grid.request('GET', '/api/community/reports')).json() as {
      items: { kind: string; state: string; reportedAs: string; subjectName: string | null; trackingTaskId: string | null }[];
    };
    assert.deepEqual(reports.items.map((r) => `${r.kind}:${r.state}:${r.reportedAs}`).sort(), [
      'refused_measure:referred:staff',
      'unregistered_outsider:open:resident',
    ]);
    const outsider = reports.items.find((r) => r.kind === 'unregistered_outsider');
    const town = await loginAs(first.app, 'town', DEMO_PASSWORD);
    const task = (await town.request('GET', `/api/tasks/${outsider?.trackingTaskId}`)).json() as { state: string; sourceKind: string };
    assert.deepEqual([task.state, task.sourceKind], ['open', 'community_report']);
    assert.ok(reports.items.every((r) => r.subjectName === null || r.subjectName.includes('*')));
  });

  // Issue 15 parts 4 and 6 demo; RES-001 SC-59, SC-60, PREP-004, PREP-002: every town keeps its reserve and service point, 湖塘镇's
  // disinfectant is short (amber, with its alert), the county's facilities are ready; office and town see it, with a plan and a drill.
  it('shows the district amber on supplies: 湖塘镇 disinfectant below a month, every facility ready, a plan and a drill', async () => {
    const office = await loginAs(first.app, 'office', DEMO_PASSWORD);
    const verdict = (await office.request('GET', '/api/supplies/readiness')).json() as {
      colour: string;
      findings: { rule: string; holder: string | null; item: string | null }[];
      children: { name: string; colour: string }[];
    };
    assert.equal(verdict.colour, 'amber');
    // RES-006: the demo's second school is one health worker short (SCH-010); RES-004/RES-011/RES-015 are met.
    assert.deepEqual(
      verdict.findings.map((f) => [f.rule, f.holder === '湖塘镇' ? f.holder : 'school', f.item]),
      [
        ['schoolHealthWorkersShort', 'school', null],
        ['reserveBelowDays', '湖塘镇', 'disinfectant'],
      ],
    );
    assert.deepEqual(
      verdict.children.filter((c) => c.colour !== 'green').map((c) => [c.name, c.colour]),
      [['湖塘镇', 'amber']],
    );
    // RES-005: 湖塘镇 has 4 of the 5 ambulance doctors the seed lists, every ambulance still crewed.
    const hutang = verdict.children.find((c) => c.name === '湖塘镇') as unknown as {
      findings: { rule: string; values: { kind?: string } }[];
    };
    assert.ok(hutang.findings.some((f) => f.rule === 'facilityShort' && f.values.kind === 'ambulance_doctor'));
    assert.ok(!hutang.findings.some((f) => f.rule === 'vehiclesUncrewed'));
    const town = await loginAs(first.app, 'town', DEMO_PASSWORD);
    const stock = (await town.request('GET', '/api/supplies/stock')).json() as { holderName: string; item: string; low: unknown }[];
    assert.deepEqual(
      stock.filter((s) => s.low).map((s) => [s.holderName, s.item]),
      [['湖塘镇', 'disinfectant']],
    );
    const alerts = (await town.request('GET', '/api/alerts?kind=stock_low')).json() as { total: number };
    assert.equal(alerts.total, 1);
    const plans = (await office.request('GET', '/api/preparedness/plans')).json() as unknown[];
    const drills = (await office.request('GET', '/api/preparedness/exercises')).json() as unknown[];
    const schedules = (await town.request('GET', '/api/supplies/disinfection')).json() as { state: string }[];
    assert.deepEqual([plans.length, drills.length, schedules.map((s) => s.state)], [1, 1, ['done']]);
  });

  // Issue 15 part 5 demo; INFO-001, INFO-004, COMM-043, SC-68, DAILY-008: one published notice (public page and the resident's
  // page), the district's work bulletin published to staff only, one community notice awaiting the town's approval, one
  // open rumour, seen by office and commander.
  it('publishes one district notice, holds a community notice for the town and an open rumour', async () => {
    const notices = (await first.app.inject({ method: 'GET', url: '/api/public/notices' })).json() as { items: { title: string }[] };
    assert.equal(notices.items.length, 1);
    assert.match(notices.items[0]?.title ?? '', /返乡人员健康管理/);
    const resident = await loginAs(first.app, 'resident', DEMO_PASSWORD);
    const mine = (await resident.request('GET', '/api/me/notices')).json() as { items: unknown[] };
    assert.equal(mine.items.length, 1);
    for (const username of ['office', 'commander']) {
      const client = await loginAs(first.app, username, DEMO_PASSWORD);
      const releases = (await client.request('GET', '/api/information/releases')).json() as {
        items: { kind: string; status: string; audience: string; nextLevel: string | null }[];
      };
      assert.deepEqual(releases.items.map((r) => [r.kind, r.status, r.audience, r.nextLevel]).sort(), [
        ['notice', 'published', 'public', null],
        ['notice', 'submitted', 'residents', 'town'],
        ['work_bulletin', 'published', 'internal', null],
      ]);
      const opinions = (await client.request('GET', '/api/opinions?status=open')).json() as { items: { kind: string }[] };
      assert.deepEqual(
        opinions.items.map((o) => o.kind),
        ['rumour'],
      );
    }
  });

  // Issue 16 §7 demo; COMM-040, SC-41: 南街社区's round half done, and a returnee from 武汉市 (high risk) under management.
  it('shows the grid worker a screening round half done with a returnee from 武汉市 opened as a key person', async () => {
    const grid = await loginAs(first.app, 'grid', DEMO_PASSWORD);
    const rounds = (await grid.request('GET', '/api/community/rounds')).json() as {
      items: { id: string; progress: { households: number; screened: number; notHome: number; riskAreaArrivals: number } }[];
    };
    const progress = rounds.items[0]?.progress;
    assert.ok(progress && progress.households > 0, 'a round over the community');
    assert.equal(progress.screened + progress.notHome, Math.ceil(progress.households / 2));
    assert.equal(progress.riskAreaArrivals, 1);
    const round = (await grid.request('GET', `/api/community/rounds/${rounds.items[0]?.id}`)).json() as {
      found: { category: string; episodeId: string }[];
    };
    const episode = (await grid.request('GET', `/api/key-persons/episodes/${round.found[0]?.episodeId}`)).json() as { category: string };
    assert.equal(episode.category, 'risk_area_arrival');
    const places = (await grid.request('GET', '/api/community/risk-places')).json() as { items: { name: string; level: string }[] };
    assert.deepEqual(
      places.items.map((p) => [p.name, p.level]),
      [['武汉市', 'high']],
    );
  });

  // dashboard (issue 17)
  it('CASE-007 SC-61: gives 湖塘镇 60 days of sentinel series and one open pharmacy signal, on the commander’s dashboard', async () => {
    const days = await rows<{ n: number }>(sql`select count(distinct day)::int as n from sentinel_daily_count`);
    assert.equal(days[0]?.n, 60);
    const signals = await rows<{ series: string; status: string; task_id: string | null }>(
      sql`select series, status, task_id from early_warning_signal`,
    );
    assert.deepEqual(
      signals.map((s) => [s.series, s.status]),
      [['pharmacy_fever_drug_purchase', 'open']],
    );
    assert.ok(signals[0]?.task_id);
    const commander = await loginAs(first.app, 'commander', DEMO_PASSWORD);
    const reply = await commander.request('GET', '/api/dashboard');
    assert.equal(reply.statusCode, 200, reply.body);
    const d = reply.json() as {
      signals: { open: number };
      sentinel: { series: Record<string, number[]> };
      level: { level: string } | null;
      codes: { byColour: Record<string, number> };
    };
    assert.equal(d.signals.open, 1);
    // The codes of the people under management and of the cases, as the codes module decides them now: the
    // close contacts in quarantine are yellow, the confirmed red (HC-), so the figure is not an empty 0 / 0.
    assert.ok((d.codes.byColour.yellow ?? 0) > 0, JSON.stringify(d.codes));
    assert.ok((d.codes.byColour.red ?? 0) > 0, JSON.stringify(d.codes));
    assert.equal(d.sentinel.series.pharmacy_fever_drug_purchase?.length, 60);
    const cdc = await loginAs(first.app, 'cdc', DEMO_PASSWORD);
    const list = (await cdc.request('GET', '/api/early-warning/signals')).json() as { items: { status: string }[] };
    assert.equal(list.items[0]?.status, 'open');
  });

  it('refuses to seed a database that already holds data, and the start-up seed skips it', async () => {
    await assert.rejects(
      seedDemo(first.deps, { residents: 10 }),
      (error: unknown) => error instanceof AppError && error.code === 'demoNotEmpty',
    );
    assert.equal(await seedDemoIfEmpty(first.deps, { residents: 10 }), null);
  });
});
