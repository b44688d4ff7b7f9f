import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { queryRows } from '../../../db/query-rows.ts';
import { addUser, loginAs, type TestClient } from '../../../testing/factories.ts';
import { createTestRuntime, type TestRuntime } from '../../../testing/test-runtime.ts';
import { addResidents, at, expectStatus, type TestingWorld, testingWorld } from '../testing.test-support.ts';

/**
 * The command view of testing (issue 5): town A runs a campaign over the town with points in both
 * communities; its first pool is positive and its second indeterminate; members are retested (one
 * negative, one awaiting, one positive and handed to key-person management); a fever-clinic tube
 * waits at the lab past its limit. An older campaign closed four days ago; town B runs its own.
 */

const CDC = '武进区疾控中心';
const CLINIC = '湖塘镇卫生院';

interface Overview {
  campaigns: { name: string; expected: number; sampled: number; towns: { name: string; expected: number; sampled: number }[] }[];
  campaignsTotal: number;
  tubes: { open: number; inTransit: number; resulted: number; oldestInTransitSince: string | null };
  pendingByLab: { labName: string | null; setting: string; limitHours: number | null; tubes: number; overLimit: number }[];
  positives: { barcode: string; members: number; retests: number; retestsNegative: number; retestsPositive: number; state: string }[];
  positivesByState: Record<string, number>;
}

interface Members {
  barcode: string;
  memberCount: number;
  membersOutsideScope: number;
  members: {
    personId: string;
    nameMasked: string;
    idMasked: string;
    communityName: string | null;
    controlTask: string | null;
    retestTask: string | null;
    caseCandidate: boolean;
    retest: { barcode: string; result: string | null } | null;
    episode: { category: string; status: string } | null;
    state: string;
  }[];
}

describe('testing overview, pool members and the daily report', () => {
  let runtime: TestRuntime;
  let w: TestingWorld;
  let cadre: TestClient;
  let a: string[];
  let a2: string[];
  const tubeIds: Record<string, string> = {};

  const relogin = async () => {
    const [office, grid, lab, otherTown, town] = await Promise.all(
      ['office-a', 'grid-a', 'lab-county', 'cadre-b', 'cadre-a'].map((u) => loginAs(runtime.app, u)),
    );
    Object.assign(w, { office, grid, lab, otherTown });
    cadre = town as TestClient;
  };
  const campaign = async (client: TestClient, name: string, jurisdictionId: string, startsAt: Date) =>
    (
      await expectStatus<{ id: string }>(client, 201, 'POST', '/api/testing/campaigns', {
        name,
        jurisdictionId,
        startsAt: startsAt.toISOString(),
      })
    ).id;
  const point = async (client: TestClient, campaignId: string, jurisdictionId: string, labName: string) =>
    (
      await expectStatus<{ id: string }>(client, 201, 'POST', `/api/testing/campaigns/${campaignId}/collection-points`, {
        name: `${labName}采样点`,
        jurisdictionId,
        opensAt: '00:00',
        closesAt: '23:59',
        staff: 2,
        expectedResidents: 10,
        labName,
      })
    ).id;
  const scan = async (client: TestClient, pointId: string, barcode: string, persons: string[]) => {
    for (const personId of persons) {
      const reply = await expectStatus<{ tube: { id: string } }>(client, 201, 'POST', `/api/testing/collection-points/${pointId}/scans`, {
        barcode,
        personId,
      });
      tubeIds[barcode] = reply.tube.id;
    }
  };
  const single = async (personId: string | undefined, barcode: string, body: Record<string, unknown>) => {
    const reply = await expectStatus<{ tubeId: string }>(w.grid, 201, 'POST', '/api/testing/samples', {
      personId,
      barcode,
      labName: CDC,
      ...body,
    });
    tubeIds[barcode] = reply.tubeId;
  };
  const results = async (labName: string, rows: [string, string, Date][]) => {
    const answer = await expectStatus<{ created: number }>(w.lab, 200, 'POST', '/api/testing/lab-results', {
      labName,
      results: rows.map(([barcode, result, testedAt]) => ({ barcode, result, testedAt: testedAt.toISOString() })),
    });
    assert.equal(answer.created, rows.length, JSON.stringify(answer));
  };

  before(async () => {
    runtime = await createTestRuntime({ FANGKONG_LOGIN_RATE: '1000' });
    w = await testingWorld(runtime, at('08:00', '2022-07-06'));
    await addUser(runtime.deps, 'cadre-a', 'town_cadre', w.townA.id);
    await relogin();
    a = await addResidents(runtime.deps, w.villageA, 14);
    a2 = await addResidents(runtime.deps, w.villageA2, 4);
    const b = await addResidents(runtime.deps, w.villageB, 3);

    // Four days ago: a campaign over the second community, sampled, resulted and closed.
    const old = await campaign(w.office, '丙社区第一轮', w.villageA2.id, at('07:00', '2022-07-06'));
    await scan(cadre, await point(w.office, old, w.villageA2.id, CLINIC), 'O-000001', a2.slice(0, 2));
    await expectStatus(w.office, 200, 'POST', `/api/testing/campaigns/${old}/close`);
    runtime.deps.clock = () => at('16:00', '2022-07-06');
    await results(CLINIC, [['O-000001', '阴性', at('15:00', '2022-07-06')]]);

    runtime.deps.clock = () => at('08:00');
    await relogin();
    const c1 = await campaign(w.office, '湖塘镇全员检测', w.townA.id, at('07:00'));
    const square = await point(w.office, c1, w.villageA.id, CDC);
    await scan(w.grid, square, 'T-000001', a.slice(0, 10));
    await scan(w.grid, square, 'T-000002', [a[10], a[11], a2[3]].map(String));
    await expectStatus(w.grid, 200, 'POST', '/api/testing/tubes/close', { barcode: 'T-000002' });
    await scan(cadre, await point(w.office, c1, w.villageA2.id, CLINIC), 'T-000003', [String(a2[2])]);
    await single(a[12], 'F-000001', { purpose: 'voluntary', setting: 'fever_clinic' });
    const cb = await campaign(w.otherTown, '牛塘镇全员检测', w.townB.id, at('07:00'));
    await scan(w.otherTown, await point(w.otherTown, cb, w.villageB.id, '牛塘镇卫生院'), 'B-000001', b.slice(0, 2));
    await expectStatus(w.otherTown, 200, 'POST', '/api/testing/tubes/close', { barcode: 'B-000001' });

    runtime.deps.clock = () => at('16:00');
    await results(CDC, [
      ['T-000001', '阳性', at('14:00')],
      ['T-000002', '可疑', at('14:05')],
    ]);
    await single(a[0], 'R-000001', { purpose: 'retest' });
    await single(a[1], 'R-000002', { purpose: 'retest' });
    await single(a[2], 'R-000003', { purpose: 'retest' });
    runtime.deps.clock = () => at('17:00');
    await results(CDC, [
      ['R-000001', '阴性', at('16:30')],
      ['R-000003', '阳性', at('16:40')],
    ]);
    runtime.deps.clock = () => at('18:00');
  });
  after(() => runtime.close());

  describe('GET /api/testing/overview', () => {
    it('the command office sees the open campaign with progress per town, tubes, labs over the limit and today’s positives', async () => {
      const o = await expectStatus<Overview>(w.office, 200, 'GET', '/api/testing/overview');
      assert.deepEqual(
        o.campaigns.map((c) => [c.name, c.sampled, c.expected, c.towns.map((t) => [t.name, t.sampled, t.expected])]),
        [['湖塘镇全员检测', 14, 18, [['湖塘镇', 14, 18]]]],
        'the campaign closed four days ago is left out; 10 + 3 + 1 sampled of 14 + 4 residents',
      );
      assert.deepEqual(
        [o.tubes.open, o.tubes.inTransit, o.tubes.resulted],
        [1, 2, 4],
        'T-000003 open; F-000001 and R-000002 at the lab; T-000001, T-000002, R-000001, R-000003 resulted',
      );
      assert.equal(o.tubes.oldestInTransitSince, at('08:00').toISOString());
      assert.deepEqual(
        o.pendingByLab.map((p) => [p.labName, p.setting, p.limitHours, p.tubes, p.overLimit]),
        [
          [CDC, 'fever_clinic', 6, 1, 1],
          [CDC, 'routine', 24, 1, 0],
        ],
        'the fever-clinic tube sampled at 08:00 is over its 6 h at 18:00; the retest of 16:00 is not',
      );
      assert.deepEqual(
        o.positives.map((p) => [p.barcode, p.members, p.retests, p.retestsNegative, p.retestsPositive, p.state]),
        [
          ['T-000002', 3, 0, 0, 0, 'retesting'],
          ['T-000001', 10, 3, 1, 1, 'case'],
        ],
      );
      assert.deepEqual(o.positivesByState, { retesting: 1, awaitingRetestResults: 0, cleared: 0, case: 1 });
    });

    it('a wider window brings back the campaign closed four days ago', async () => {
      const o = await expectStatus<Overview>(w.office, 200, 'GET', '/api/testing/overview?closedWithinDays=5');
      assert.deepEqual(
        o.campaigns.map((c) => [c.name, c.sampled, c.expected]),
        [
          ['湖塘镇全员检测', 14, 18],
          ['丙社区第一轮', 2, 4],
        ],
      );
      assert.equal(o.campaignsTotal, 2);
    });

    it('one community of the scope: its part of the town campaign only', async () => {
      const o = await expectStatus<Overview>(w.office, 200, 'GET', `/api/testing/overview?jurisdictionId=${w.villageA2.id}`);
      assert.deepEqual(
        o.campaigns.map((c) => [c.name, c.sampled, c.expected]),
        [['湖塘镇全员检测', 2, 4]],
        'one in the tube of its own point, one in the second pool at the first community’s point',
      );
      assert.deepEqual([o.tubes.open, o.tubes.inTransit, o.tubes.resulted, o.positives.length], [1, 0, 0, 0]);
    });

    it('the grid worker of the first community sees the town campaign as far as their community goes', async () => {
      const o = await expectStatus<Overview>(w.grid, 200, 'GET', '/api/testing/overview');
      assert.deepEqual(
        o.campaigns.map((c) => [c.name, c.sampled, c.expected]),
        [['湖塘镇全员检测', 12, 14]],
      );
      assert.equal(o.tubes.open, 0, 'the open tube stands in the other community');
    });

    it('town B sees its own campaign and nothing of town A; naming town A is refused', async () => {
      const o = await expectStatus<Overview>(w.otherTown, 200, 'GET', '/api/testing/overview');
      assert.deepEqual(
        o.campaigns.map((c) => c.name),
        ['牛塘镇全员检测'],
      );
      assert.deepEqual([o.tubes.open, o.tubes.inTransit, o.tubes.resulted, o.positives.length], [0, 1, 0, 0]);
      assert.deepEqual(
        o.pendingByLab.map((p) => p.labName),
        ['牛塘镇卫生院'],
      );
      const refused = await w.otherTown.request('GET', `/api/testing/overview?jurisdictionId=${w.townA.id}`);
      assert.equal(refused.statusCode, 403);
    });
  });

  describe('GET /api/testing/tubes/:id/members', () => {
    it('each member of the positive pool with their tasks, retest and hand-over', async () => {
      const pool = await expectStatus<Members>(w.office, 200, 'GET', `/api/testing/tubes/${tubeIds['T-000001']}/members`);
      assert.deepEqual([pool.barcode, pool.memberCount, pool.membersOutsideScope, pool.members.length], ['T-000001', 10, 0, 10]);
      const of = (personId: string | undefined) => {
        const m = pool.members.find((x) => x.personId === personId);
        return (
          m && [m.controlTask, m.retestTask, m.retest?.barcode ?? null, m.retest?.result ?? null, m.episode?.category ?? null, m.state]
        );
      };
      assert.deepEqual(of(a[0]), ['closed', 'closed', 'R-000001', 'negative', null, 'cleared']);
      assert.deepEqual(of(a[1]), ['open', 'open', 'R-000002', null, null, 'awaitingResult']);
      assert.deepEqual(of(a[2]), ['open', 'open', 'R-000003', 'positive', 'suspected', 'case']);
      assert.deepEqual(of(a[3]), ['open', 'open', null, null, null, 'retesting']);
      const first = pool.members[0];
      assert.ok(first);
      assert.match(first.nameMasked, /^居\*+$/);
      assert.match(first.idMasked, /\*{6,}/);
      assert.equal(first.communityName, '甲社区');
    });

    it('a grid worker sees the members in their community and only a count of the others', async () => {
      const pool = await expectStatus<Members>(w.grid, 200, 'GET', `/api/testing/tubes/${tubeIds['T-000002']}/members`);
      assert.deepEqual(
        [pool.memberCount, pool.membersOutsideScope, pool.members.map((m) => m.personId).sort()],
        [3, 1, [a[10], a[11]].sort()],
      );
    });

    it('a tube wholly outside the caller’s scope is not found, for a grid worker and for town B', async () => {
      assert.equal((await w.grid.request('GET', `/api/testing/tubes/${tubeIds['T-000003']}/members`)).statusCode, 404);
      assert.equal((await w.otherTown.request('GET', `/api/testing/tubes/${tubeIds['T-000001']}/members`)).statusCode, 404);
      assert.equal((await w.office.request('GET', '/api/testing/tubes/00000000-0000-4000-8000-000000000000/members')).statusCode, 404);
    });
  });

  // TEST-007: NAT results are aggregated and reported per day
  describe('GET /api/testing/reports/daily', () => {
    interface Report {
      sampled: { total: number; byPurpose: { purpose: string; n: number }[]; byPayer: { payer: string; n: number }[] };
      tubes: { opened: number; closed: number; inTransitAtEnd: number };
      results: { result: string; tubes: number; persons: number; pools: number; retests: number }[];
      positives: Record<string, number>;
      turnaround: { overLimit: number; bySetting: { setting: string; limitHours: number | null; results: number; overLimit: number }[] };
    }

    it('the day’s summary of town A: samples, tubes, results by outcome, positives, turnaround', async () => {
      const r = await expectStatus<Report>(w.office, 200, 'GET', '/api/testing/reports/daily?date=2022-07-10');
      assert.equal(r.sampled.total, 18);
      assert.deepEqual(
        r.sampled.byPurpose.map((p) => [p.purpose, p.n]),
        [
          ['campaign', 14],
          ['retest', 3],
          ['voluntary', 1],
        ],
      );
      assert.deepEqual(Object.fromEntries(r.sampled.byPayer.map((p) => [p.payer, p.n])), { government: 17, individual: 1 });
      assert.deepEqual(r.tubes, { opened: 7, closed: 6, inTransitAtEnd: 2 });
      assert.deepEqual(
        r.results.map((x) => [x.result, x.tubes, x.persons, x.pools, x.retests]),
        [
          ['negative', 1, 1, 0, 1],
          ['positive', 2, 11, 1, 1],
          ['indeterminate', 1, 3, 1, 0],
        ],
      );
      assert.deepEqual(r.positives, { pools: 2, membersUnderControl: 13, singles: 0, retestsPositive: 1, handedOver: 1 });
      assert.deepEqual(
        r.turnaround.bySetting.map((t) => [t.setting, t.limitHours, t.results, t.overLimit]),
        [
          ['campaign', 24, 2, 0],
          ['routine', 24, 2, 0],
        ],
      );
    });

    it('four days ago: the older campaign’s two samples and its negative pool', async () => {
      const r = await expectStatus<Report>(w.office, 200, 'GET', '/api/testing/reports/daily?date=2022-07-06');
      assert.deepEqual([r.sampled.total, r.tubes.opened, r.tubes.inTransitAtEnd], [2, 1, 0]);
      assert.deepEqual(
        r.results.map((x) => [x.result, x.tubes, x.persons]),
        [
          ['negative', 1, 2],
          ['positive', 0, 0],
          ['indeterminate', 0, 0],
        ],
      );
    });

    it('town B’s report counts town B only; a day in the future is refused', async () => {
      const r = await expectStatus<Report>(w.otherTown, 200, 'GET', '/api/testing/reports/daily?date=2022-07-10');
      assert.deepEqual([r.sampled.total, r.tubes.opened, r.tubes.inTransitAtEnd, r.positives.pools], [2, 1, 1, 0]);
      assert.equal((await w.otherTown.request('GET', `/api/testing/reports/daily?jurisdictionId=${w.villageA.id}`)).statusCode, 403);
      const future = await w.office.request('GET', '/api/testing/reports/daily?date=2022-07-11');
      assert.deepEqual([future.statusCode, (future.json() as { field: string }).field], [400, 'date']);
    });

    it('the Excel download holds the same figures and its purpose is in the audit log', async () => {
      const reply = await runtime.app.inject({
        method: 'GET',
        url: `/api/testing/reports/daily.xlsx?date=2022-07-10&purpose=${encodeURIComponent('报市指挥部')}`,
        headers: w.office.headers,
      });
      assert.equal(reply.statusCode, 200, reply.body);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(reply.rawPayload as unknown as ArrayBuffer);
      const cells = new Map<string, unknown>();
      book.worksheets[0]?.eachRow((row) => cells.set(String(row.getCell(1).value), row.getCell(2).value));
      assert.deepEqual(
        [cells.get('合计'), cells.get('混管'), cells.get('转入重点人员管理'), cells.get('日末在途（未出结果）')],
        [18, 2, 1, 2],
      );
      const [event] = await queryRows<{ reason: string; entity_id: string; jurisdiction_path: string }>(
        runtime.deps.database.db,
        sql`select reason, entity_id, jurisdiction_path from audit_event where action = 'testing.exportDailyReport'`,
      );
      assert.deepEqual(event, { reason: '报市指挥部', entity_id: '2022-07-10', jurisdiction_path: w.townA.path });
      const noPurpose = await w.office.request('GET', '/api/testing/reports/daily.xlsx?date=2022-07-10');
      assert.equal(noPurpose.statusCode, 400);
    });
  });
});
