import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addHousehold, addTwoTowns, addUser, loginAs, residentId, type TestClient } from '../../testing/factories.ts';
import { createTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';

const at = (local: string) => new Date(`${local}:00+08:00`);

interface ActiveSearch {
  withinDays: number;
  items: { personId: string; name: string; reportedOn: string; symptoms: string[] }[];
  because: { clause: string }[];
}

/**
 * SC-24 (LVL-IV-08, seed 002 §九(一)8): once a control area is drawn, its detail lists the residents who reported fever,
 * respiratory or digestive symptoms within the 14 days before, as core `activeSearchList` answers from the symptoms
 * door-to-door screening found.
 */
describe('SC-24 active symptom search of a delineated control area', () => {
  let runtime: TestRuntime;
  let grid: TestClient;
  let cdc: TestClient;
  let townB: TestClient;
  let place: Awaited<ReturnType<typeof addTwoTowns>>;
  let household: string;
  let roundId: string;
  let seq = 500;

  const json = async <T>(client: TestClient, method: string, url: string, body?: unknown, status = 200): Promise<T> => {
    const reply = await client.request(method, url, body);
    assert.equal(reply.statusCode, status, `${method} ${url}: ${reply.body}`);
    return reply.json() as T;
  };
  async function screen(day: string, symptoms: string[]): Promise<string> {
    runtime.deps.clock = () => at(`${day}T10:00`);
    grid = await loginAs(runtime.app, 'grid-a'); // a fresh session on the new day
    seq += 1;
    const newPerson = { name: `搜索${seq}`, idType: 'resident_id', idNumber: residentId('19750101', seq) };
    const visit = await json<{ findings: { personId: string }[] }>(
      grid,
      'POST',
      `/api/community/rounds/${roundId}/visits`,
      { householdId: household, outcome: 'screened', people: [{ newPerson, present: true, symptoms, travel: [] }] },
      201,
    );
    return visit.findings[0]?.personId ?? '';
  }

  before(async () => {
    runtime = await createTestRuntime({ FANGKONG_LOGIN_RATE: '1000' });
    runtime.deps.clock = () => at('2020-01-15T10:00');
    place = await addTwoTowns(runtime.deps);
    household = (await addHousehold(runtime.deps, place.villageA, '320412100001-03-0101')).id;
    await addUser(runtime.deps, 'grid-a', 'grid_worker', place.villageA.id);
    await addUser(runtime.deps, 'cdc', 'cdc_epidemiologist', place.county.id);
    await addUser(runtime.deps, 'town-b', 'town_cadre', place.townB.id);
    grid = await loginAs(runtime.app, 'grid-a');
    roundId = (await json<{ id: string }>(grid, 'POST', '/api/community/rounds', { jurisdictionId: place.villageA.id, name: '排查' }, 201))
      .id;
  });
  after(() => runtime.close());

  it('SC-24 LVL-IV-08 ZONE-007: the control area lists residents with fever, respiratory or GI symptoms in the last 14 days, names masked; older reports and other symptoms are not listed', async () => {
    const old = await screen('2020-01-20', ['发热']);
    const recent = await screen('2020-02-01', ['发热', '咳嗽']);
    const digestive = await screen('2020-02-05', ['腹泻']);
    const headache = await screen('2020-02-05', ['头痛']);
    runtime.deps.clock = () => at('2020-02-10T10:00');
    [cdc, townB] = [await loginAs(runtime.app, 'cdc'), await loginAs(runtime.app, 'town-b')];
    const zone = await json<{ id: string }>(
      cdc,
      'POST',
      '/api/control-zones',
      {
        name: '甲社区防控区域',
        kind: 'control_area',
        zoneType: 'controlled_zone',
        basisKind: 'decision',
        basisRef: '指挥部决定',
        basisNote: '划定防控区域开展主动搜索',
        units: [{ kind: 'jurisdiction', id: place.villageA.id }],
      },
      201,
    );
    const detail = await json<{ activeSearch: ActiveSearch }>(cdc, 'GET', `/api/control-zones/${zone.id}`);
    const listed = detail.activeSearch.items;
    assert.deepEqual(listed.map((i) => i.personId).sort(), [recent, digestive].sort());
    assert.ok(![old, headache].some((id) => listed.some((i) => i.personId === id)));
    assert.deepEqual(listed.find((i) => i.personId === recent)?.symptoms, ['fever', 'respiratory']);
    assert.ok(
      listed.every((i) => i.name.includes('*')),
      'names masked',
    );
    assert.deepEqual([detail.activeSearch.withinDays, detail.activeSearch.because[0]?.clause], [14, '§九(一)8']);
    const other = await townB.request('GET', `/api/control-zones/${zone.id}`);
    assert.equal(other.statusCode, 404, 'another town does not see the zone');
  });
});
