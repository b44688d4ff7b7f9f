import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/query-rows.ts';
import { addHousehold, addJurisdiction, addTwoTowns, addUser, loginAs, residentId, type TestClient } from '../../testing/factories.ts';
import { createTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';
import { insertRiskArea } from '../zones/risk-area.repository.ts';

const clock = new Date('2020-02-10T09:00:00+08:00');
type Json = Record<string, unknown>;

describe('community daily work: door-to-door screening, six ones, gatherings, supplies (issue 16 §7)', () => {
  let runtime: TestRuntime;
  let grid: TestClient;
  let gridB: TestClient;
  let villageId: string;
  let villageBId: string;
  let wuhanId: string;
  let wenzhouId: string;
  let households: string[];
  let householdB: string;
  let memberId: string;
  let roundId: string;

  const send = (client: TestClient, method: string, url: string, body?: unknown) => client.request(method, url, body);
  const ok = async (client: TestClient, method: string, url: string, body?: unknown, status = 200) => {
    const reply = await send(client, method, url, body);
    assert.equal(reply.statusCode, status, `${method} ${url}: ${reply.body}`);
    return reply.json() as Json;
  };
  const counts = async () =>
    (
      await queryRows<{ visits: number; episodes: number; persons: number }>(
        runtime.deps.database.db,
        sql`select (select count(*)::int from screening_visit) as visits, (select count(*)::int from key_person_episode) as episodes,
          (select count(*)::int from person) as persons`,
      )
    )[0];

  before(async () => {
    runtime = await createTestRuntime();
    runtime.deps.clock = () => clock;
    const deps = runtime.deps;
    const { villageA, villageB } = await addTwoTowns(deps);
    villageId = villageA.id;
    villageBId = villageB.id;
    await addJurisdiction(deps, 'CN', '42', '湖北省', 'province');
    const wuhan = await addJurisdiction(deps, '42', '4201', '武汉市', 'city');
    await addJurisdiction(deps, 'CN', '33', '浙江省', 'province');
    const wenzhou = await addJurisdiction(deps, '33', '3303', '温州市', 'city');
    wuhanId = wuhan.id;
    wenzhouId = wenzhou.id;
    const published = (j: typeof wuhan, level: string) =>
      insertRiskArea(deps.database.db, {
        jurisdictionId: j.id,
        jurisdictionPath: j.path,
        editionId: 'seed-2020',
        asOf: '2020-02-01',
        computedLevel: level,
        reasons: [],
        level,
        status: 'published',
        proposedAt: clock,
        publishedAt: clock,
      });
    await published(wuhan, 'high');
    await published(wenzhou, 'low');
    households = [];
    for (const code of ['320412100001-01-0101', '320412100001-01-0102', '320412100001-01-0201']) {
      households.push((await addHousehold(deps, villageA, code)).id);
    }
    householdB = (await addHousehold(deps, villageB, '320412102001-01-0101')).id;
    await addUser(deps, 'grid-a', 'grid_worker', villageA.id);
    await addUser(deps, 'grid-b', 'grid_worker', villageB.id);
    grid = await loginAs(runtime.app, 'grid-a');
    gridB = await loginAs(runtime.app, 'grid-b');
    const person = { idType: 'resident_id', idNumber: residentId('19880808', 611), name: '居民甲', jurisdictionId: villageA.id };
    memberId = String((await ok(grid, 'POST', '/api/persons', { ...person, householdId: households[0] }, 201)).id);
    roundId = String((await ok(grid, 'POST', '/api/community/rounds', { jurisdictionId: villageId, name: '二月入户排查' }, 201)).id);
  });
  after(() => runtime.close());

  // COMM-040: every household of the community is in the round
  it('COMM-040: a round covers every household of the community, none screened yet', async () => {
    const round = (await ok(grid, 'GET', `/api/community/rounds/${roundId}`)) as {
      progress: Json;
      households: { id: string; members: { name: string }[] }[];
    };
    assert.deepEqual([round.progress.households, round.progress.screened, round.progress.complete], [3, 0, false]);
    assert.deepEqual(
      round.households.find((h) => h.id === households[0])?.members.map((m) => m.name),
      ['居**'],
    );
  });

  it('SC-41: the travel-place choices are the places published at the grades screening counts', async () => {
    const places = (await ok(grid, 'GET', '/api/community/risk-places')).items as { name: string; level: string }[];
    assert.deepEqual(
      places.map((p) => `${p.name}:${p.level}`),
      ['武汉市:high'],
    );
  });

  it('COMM-040 SC-41: a member back from Wuhan (high risk) 10 days ago opens a risk-area arrival episode through the key-person service', async () => {
    const visit = (await ok(
      grid,
      'POST',
      `/api/community/rounds/${roundId}/visits`,
      {
        householdId: households[0],
        outcome: 'screened',
        people: [
          {
            personId: memberId,
            present: true,
            symptoms: [],
            travel: [{ place: '武汉市', jurisdictionId: wuhanId, inbound: false, leftOn: '2020-01-31' }],
          },
        ],
      },
      201,
    )) as { findings: { category: string; episodeId: string; because: { clause: string }[]; travel: { riskGrade: string }[] }[] };
    const [found] = visit.findings;
    assert.deepEqual([found?.category, found?.travel[0]?.riskGrade, found?.because[0]?.clause], ['risk_area_arrival', 'high', '§三(四)2']);
    const episode = await ok(grid, 'GET', `/api/key-persons/episodes/${found?.episodeId}`);
    assert.equal(episode.category, 'risk_area_arrival');
    const audit = await queryRows<{ action: string }>(
      runtime.deps.database.db,
      sql`select action from audit_event where action in ('community.visit.record', 'keyPerson.register') order by id`,
    );
    assert.deepEqual(
      audit.map((a) => a.action),
      ['keyPerson.register', 'community.visit.record'],
    );
  });

  it('COMM-040: a returnee not yet registered is registered into the household and opened as a key person', async () => {
    const visit = (await ok(
      grid,
      'POST',
      `/api/community/rounds/${roundId}/visits`,
      {
        householdId: households[1],
        outcome: 'screened',
        people: [
          {
            newPerson: { name: '返乡乙', idType: 'resident_id', idNumber: residentId('19900303', 155) },
            present: true,
            symptoms: ['发热'],
            travel: [{ place: '武汉市江汉区', jurisdictionId: wuhanId, inbound: false, leftOn: '2020-02-05' }],
          },
        ],
      },
      201,
    )) as { findings: { personId: string; category: string; because: { rule: string }[] }[] };
    assert.equal(visit.findings[0]?.category, 'risk_area_arrival');
    assert.ok(visit.findings[0]?.because.some((b) => b.rule === 'screening.symptomatic'));
    const person = await ok(grid, 'GET', `/api/persons/${visit.findings[0]?.personId}`);
    assert.equal(person.householdId, households[1]);
  });

  it('SC-41: a stay 20 days ago, or in a low-risk city, opens nothing', async () => {
    const before_ = await counts();
    const visit = (await ok(
      grid,
      'POST',
      `/api/community/rounds/${roundId}/visits`,
      {
        householdId: households[2],
        outcome: 'screened',
        people: [
          {
            newPerson: { name: '居民丙', idType: 'resident_id', idNumber: residentId('19900404', 157) },
            present: true,
            symptoms: [],
            travel: [
              { place: '武汉市', jurisdictionId: wuhanId, inbound: false, leftOn: '2020-01-21' },
              { place: '温州市', jurisdictionId: wenzhouId, inbound: false, leftOn: '2020-02-08' },
            ],
          },
        ],
      },
      201,
    )) as { findings: { category: string | null; episodeId: string | null }[] };
    assert.deepEqual([visit.findings[0]?.category, visit.findings[0]?.episodeId], [null, null]);
    assert.equal((await counts())?.episodes, before_?.episodes);
  });

  it('COMM-040: progress counts the screened households and the arrivals found; the round is complete', async () => {
    const round = (await ok(grid, 'GET', `/api/community/rounds/${roundId}`)) as { progress: Json; found: { name: string }[] };
    assert.deepEqual(round.progress, {
      households: 3,
      screened: 3,
      notHome: 0,
      remaining: 0,
      riskAreaArrivals: 2,
      inboundTravellers: 0,
      symptomatic: 1,
      complete: true,
    });
    assert.deepEqual(round.found.map((f) => f.name).sort(), ['居**', '返**']);
  });

  it('bad input: a household of another community, nobody home with people, a future stay: 4xx naming the field, nothing written', async () => {
    const before_ = await counts();
    const other = await send(grid, 'POST', `/api/community/rounds/${roundId}/visits`, {
      householdId: householdB,
      outcome: 'not_home',
      people: [],
    });
    assert.deepEqual([other.statusCode, (other.json() as { field: string }).field], [404, 'householdId']);
    const nobody = await send(grid, 'POST', `/api/community/rounds/${roundId}/visits`, {
      householdId: households[0],
      outcome: 'not_home',
      people: [{ personId: memberId, present: true, symptoms: [], travel: [] }],
    });
    assert.deepEqual([nobody.statusCode, (nobody.json() as { field: string }).field], [400, 'people']);
    const future = await send(grid, 'POST', `/api/community/rounds/${roundId}/visits`, {
      householdId: households[0],
      outcome: 'screened',
      people: [{ personId: memberId, present: true, symptoms: [], travel: [{ place: '武汉市', inbound: false, leftOn: '2020-02-11' }] }],
    });
    assert.deepEqual([future.statusCode, (future.json() as { field: string }).field], [400, 'people.0.travel.0.leftOn']);
    const stranger = await send(grid, 'POST', `/api/community/rounds/${roundId}/visits`, {
      householdId: households[2],
      outcome: 'screened',
      people: [{ personId: memberId, present: true, symptoms: [], travel: [] }],
    });
    assert.deepEqual([stranger.statusCode, (stranger.json() as { field: string }).field], [400, 'people.0.personId']);
    assert.deepEqual(await counts(), before_);
  });

  it('scope: another community cannot see the round nor start one in community A', async () => {
    assert.equal((await send(gridB, 'GET', `/api/community/rounds/${roundId}`)).statusCode, 404);
    const start = await send(gridB, 'POST', '/api/community/rounds', { jurisdictionId: villageId, name: '越界' });
    assert.deepEqual([start.statusCode, (start.json() as { field: string }).field], [404, 'jurisdictionId']);
    assert.deepEqual((await ok(gridB, 'GET', '/api/community/rounds')).items, []);
    assert.equal((await send(gridB, 'GET', `/api/community/rounds?jurisdictionId=${villageId}`)).statusCode, 403);
  });

  it('COMM-001…006: the six-ones ledger is ready when all six duties are checked', async () => {
    const duties = ['one_entrance', 'one_team', 'one_desk', 'one_equipment_set', 'one_rule_set'];
    for (const duty of duties) await ok(grid, 'PUT', '/api/community/six-ones', { jurisdictionId: villageId, duty, done: true });
    const partial = (await ok(grid, 'GET', `/api/community/six-ones?jurisdictionId=${villageId}`)) as {
      readiness: { ready: boolean; missing: { requirement: string }[] };
    };
    assert.deepEqual([partial.readiness.ready, partial.readiness.missing.map((m) => m.requirement)], [false, ['COMM-006']]);
    const full = (await ok(grid, 'PUT', '/api/community/six-ones', {
      jurisdictionId: villageId,
      duty: 'one_inspection_team',
      done: true,
      note: '镇督查组',
    })) as {
      readiness: { ready: boolean };
      entries: unknown[];
    };
    assert.deepEqual([full.readiness.ready, full.entries.length], [true, 6]);
    const notCommunity = await send(grid, 'PUT', '/api/community/six-ones', { jurisdictionId: villageBId, duty: 'one_team', done: true });
    assert.equal(notCommunity.statusCode, 404);
  });

  it('SC-44 COMM-031: a wedding is refused, a simplified funeral filed, a past date is bad input', async () => {
    const filing = { jurisdictionId: villageId, eventDate: '2020-02-12', attendees: 10, organizer: '张三', householdId: households[0] };
    const wedding = await ok(grid, 'POST', '/api/community/gatherings', { ...filing, kind: 'wedding', simplified: true }, 201);
    const funeral = await ok(grid, 'POST', '/api/community/gatherings', { ...filing, kind: 'funeral', simplified: true }, 201);
    assert.deepEqual([wedding.decision, funeral.decision, funeral.organizer], ['refused', 'filed', '张*']);
    const past = await send(grid, 'POST', '/api/community/gatherings', {
      ...filing,
      kind: 'funeral',
      simplified: true,
      eventDate: '2020-02-09',
    });
    assert.deepEqual([past.statusCode, (past.json() as { field: string }).field], [400, 'eventDate']);
    assert.equal(((await ok(grid, 'GET', '/api/community/gatherings')).items as unknown[]).length, 2);
  });

  it('COMM-022: supplies go to a sealed household (a member under home quarantine) and are delivered once', async () => {
    const unsealed = await send(grid, 'POST', '/api/community/supply-requests', { householdId: households[2], items: '大米 5 斤' });
    assert.deepEqual([unsealed.statusCode, (unsealed.json() as { field: string }).field], [400, 'householdId']);
    const request = await ok(grid, 'POST', '/api/community/supply-requests', { householdId: households[0], items: '大米 5 斤，蔬菜' }, 201);
    const delivered = await ok(grid, 'POST', `/api/community/supply-requests/${request.id}/deliver`, { note: '放门口' });
    assert.equal(delivered.status, 'delivered');
    assert.equal((await send(grid, 'POST', `/api/community/supply-requests/${request.id}/cancel`, {})).statusCode, 409);
    assert.equal((await send(gridB, 'POST', `/api/community/supply-requests/${request.id}/cancel`, {})).statusCode, 404);
  });

  // COMM-040 outcomes, one test each: what each thing a visit finds starts (seed 001 §三(四)2 and 4).
  const visit = async (householdId: string | undefined, body: Json) =>
    (await ok(grid, 'POST', `/api/community/rounds/${roundId}/visits`, { householdId, ...body }, 201)) as {
      id: string;
      findings: { category: string | null; episodeId: string | null; taskId?: string | null }[];
    };
  const tasksOf = async (sourceId: string) =>
    queryRows<{ source_kind: string; title: string; due_at: Date | string; username: string | null }>(
      runtime.deps.database.db,
      sql`select t.source_kind, t.title, t.due_at, u.username from task t left join app_user u on u.id = t.assignee_user_id
          where t.source_id = ${sourceId}`,
    );

  it('COMM-040 outcome "symptomatic" (SC-54: the pick-up request to a medical institution): a person with fever and no risk travel gets a follow-up task on the grid worker’s list within 2 h, no episode', async () => {
    const before_ = await counts();
    const found = await visit(households[2], {
      outcome: 'screened',
      people: [
        {
          newPerson: { name: '咳嗽丁', idType: 'resident_id', idNumber: residentId('19700707', 171) },
          present: true,
          symptoms: ['发热', '咳嗽'],
          travel: [],
        },
      ],
    });
    assert.deepEqual([found.findings[0]?.category, found.findings[0]?.episodeId], [null, null]);
    assert.ok(found.findings[0]?.taskId, 'the finding names its follow-up task');
    const [task] = await tasksOf(found.id);
    assert.equal(task?.source_kind, 'screening_symptomatic');
    assert.match(task?.title ?? '', /咳\*\*.*发热、咳嗽/);
    assert.equal(task?.username, 'grid-a');
    assert.equal(new Date(task?.due_at ?? 0).getTime() - clock.getTime(), 2 * 3_600_000);
    assert.equal((await counts())?.episodes, before_?.episodes);
    const mine = (await ok(grid, 'GET', '/api/tasks/mine')) as { items: { id: string }[] };
    assert.ok(JSON.stringify(mine).includes(String(found.findings[0]?.taskId)), 'on the grid worker’s task list');
    // The round's detail keeps the task with the finding.
    const audit = await queryRows<{ after: { followUps: string[] } }>(
      runtime.deps.database.db,
      sql`select after from audit_event where action = 'community.visit.record' and entity_id = ${found.id}`,
    );
    assert.deepEqual(audit[0]?.after.followUps, [found.findings[0]?.taskId]);
  });

  it('COMM-040 outcome "returnee from a high-risk area with symptoms": both the risk-area episode and the follow-up task', async () => {
    const found = await visit(households[2], {
      outcome: 'screened',
      people: [
        {
          newPerson: { name: '返乡戊', idType: 'resident_id', idNumber: residentId('19850505', 193) },
          present: true,
          symptoms: ['腹泻'],
          travel: [{ place: '武汉市', jurisdictionId: wuhanId, inbound: false, leftOn: '2020-02-07' }],
        },
      ],
    });
    assert.equal(found.findings[0]?.category, 'risk_area_arrival');
    assert.ok(found.findings[0]?.episodeId);
    assert.equal((await tasksOf(found.id)).length, 1);
  });

  it('COMM-040 outcome "inbound from abroad": an inbound-traveller episode, no task without symptoms', async () => {
    const found = await visit(households[2], {
      outcome: 'screened',
      people: [
        {
          newPerson: { name: '入境己', idType: 'resident_id', idNumber: residentId('19920202', 117) },
          present: true,
          symptoms: [],
          travel: [{ place: '米兰', inbound: true, leftOn: '2020-02-06' }],
        },
      ],
    });
    assert.equal(found.findings[0]?.category, 'inbound_traveller');
    const episode = await ok(grid, 'GET', `/api/key-persons/episodes/${found.findings[0]?.episodeId}`);
    assert.equal(episode.category, 'inbound_traveller');
    assert.deepEqual(await tasksOf(found.id), []);
  });

  it('COMM-040 outcome "not home": nothing opened, the household stays to be visited again', async () => {
    const before_ = await counts();
    const found = await visit(households[2], { outcome: 'not_home', people: [] });
    assert.deepEqual(found.findings, []);
    assert.deepEqual(await tasksOf(found.id), []);
    assert.equal((await counts())?.episodes, before_?.episodes);
  });
});
