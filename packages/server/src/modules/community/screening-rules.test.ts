import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/query-rows.ts';
import { addHousehold, addTwoTowns, addUser, loginAs, residentId, type TestClient } from '../../testing/factories.ts';
import { createTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';

const clock = new Date('2020-02-10T09:00:00+08:00');

interface DateWindow {
  listed: boolean;
  window: { area: string | null; from: string } | null;
  management: string;
  goingOut: boolean;
  because: { clause: string }[];
}
interface Finding {
  transport?: { mode: string; because: { clause: string }[] } | null;
  dateWindow?: DateWindow | null;
}
interface Found {
  personId: string;
  transportMode: string | null;
  dateWindow: DateWindow | null;
}

/**
 * Door-to-door screening asks the community rules of core at the visit (COMM-040): SC-54 the transport rule of a fever
 * patient at home (`symptomaticTransportMode` / `symptomaticTransportProblem`), SC-40 the date windows of returnees
 * (KP-G04, `dateWindowVerdict`). The answers are on the visit and on the round's list of people found.
 */
describe('door-to-door screening asks the transport rule (SC-54) and the date windows (SC-40)', () => {
  let runtime: TestRuntime;
  let grid: TestClient;
  let gridB: TestClient;
  let household: string;
  let roundId: string;
  let seq = 400;

  const person = () => {
    seq += 1;
    return { name: `排查${seq}`, idType: 'resident_id', idNumber: residentId('19700101', seq) };
  };
  const visit = (body: Record<string, unknown>, client = grid) =>
    client.request('POST', `/api/community/rounds/${roundId}/visits`, { householdId: household, outcome: 'screened', ...body });
  const visits = async () =>
    (await queryRows<{ n: number }>(runtime.deps.database.db, sql`select count(*)::int as n from screening_visit`))[0]?.n;
  const found = async () => ((await grid.request('GET', `/api/community/rounds/${roundId}`)).json() as { found: Found[] }).found;

  before(async () => {
    runtime = await createTestRuntime();
    runtime.deps.clock = () => clock;
    const { villageA, villageB } = await addTwoTowns(runtime.deps);
    household = (await addHousehold(runtime.deps, villageA, '320412100001-02-0101')).id;
    await addUser(runtime.deps, 'grid-a', 'grid_worker', villageA.id);
    await addUser(runtime.deps, 'grid-b', 'grid_worker', villageB.id);
    grid = await loginAs(runtime.app, 'grid-a');
    gridB = await loginAs(runtime.app, 'grid-b');
    const round = await grid.request('POST', '/api/community/rounds', { jurisdictionId: villageA.id, name: '二月入户排查' });
    roundId = (round.json() as { id: string }).id;
  });
  after(() => runtime.close());

  it('SC-54 COMM-040: a fever patient found at home gets the transport mode "arranged by institution" on the record, with the clause', async () => {
    const reply = await visit({ people: [{ newPerson: person(), present: true, symptoms: ['发热'], travel: [] }] });
    assert.equal(reply.statusCode, 201, reply.body);
    const [finding] = (reply.json() as { findings: Finding[] }).findings;
    assert.deepEqual([finding?.transport?.mode, finding?.transport?.because[0]?.clause], ['arranged_by_institution', '§三(四)4']);
    const listed = (await found()).find((f) => f.transportMode !== null);
    assert.equal(listed?.transportMode, 'arranged_by_institution', 'the round’s list shows the transport mode');
  });

  it('SC-54: self-drive or public transport for a fever patient is refused naming the field; nothing is written', async () => {
    const before_ = await visits();
    for (const transportMode of ['self_drive', 'public_transport']) {
      const reply = await visit({ people: [{ newPerson: person(), present: true, symptoms: ['发热'], travel: [], transportMode }] });
      assert.equal(reply.statusCode, 400, reply.body);
      assert.deepEqual(
        [(reply.json() as { field: string }).field, (reply.json() as { code: string }).code],
        ['people.0.transportMode', 'notAllowed'],
      );
    }
    assert.equal(await visits(), before_);
  });

  it('SC-40 KP-G04: returnees are listed by the date window of their origin (Wuhan 5 Jan, Hubei 20 Jan, elsewhere 28 Jan): home isolation alone, no going out', async () => {
    const arrivals = [
      { areas: ['武汉市', '湖北省'], arrivedOn: '2020-01-03' },
      { areas: ['武汉市', '湖北省'], arrivedOn: '2020-01-06' },
      { areas: ['孝感市', '湖北省'], arrivedOn: '2020-01-19' },
      { areas: ['孝感市', '湖北省'], arrivedOn: '2020-01-21' },
      { areas: ['温州市', '浙江省'], arrivedOn: '2020-01-29' },
    ];
    const reply = await visit({
      people: arrivals.map((arrival) => ({ newPerson: person(), present: true, symptoms: [], travel: [], arrival })),
    });
    assert.equal(reply.statusCode, 201, reply.body);
    const findings = (reply.json() as { findings: Finding[] }).findings;
    assert.deepEqual(
      findings.map((f) => f.dateWindow?.listed),
      [false, true, false, true, true],
    );
    assert.deepEqual(
      findings.map((f) => f.dateWindow?.window?.area ?? null),
      ['武汉市', '武汉市', '湖北省', '湖北省', null],
    );
    const listed = findings[1]?.dateWindow;
    assert.deepEqual([listed?.management, listed?.goingOut, listed?.because[0]?.clause], ['home_quarantine', false, 'Part B §二(一)4']);
    const onList = (await found()).filter((f) => f.dateWindow?.listed);
    assert.equal(onList.length, 3, 'the round lists the three returnees inside their windows');
  });

  it('SC-40: an arrival day in the future is refused naming the field; another community’s grid worker gets 404', async () => {
    const before_ = await visits();
    const arrival = { areas: ['武汉市'], arrivedOn: '2020-02-11' };
    const reply = await visit({ people: [{ newPerson: person(), present: true, symptoms: [], travel: [], arrival }] });
    assert.deepEqual([reply.statusCode, (reply.json() as { field: string }).field], [400, 'people.0.arrival.arrivedOn']);
    const other = await visit(
      { people: [{ newPerson: person(), present: true, symptoms: [], travel: [], arrival: { ...arrival, arrivedOn: '2020-01-06' } }] },
      gridB,
    );
    assert.equal(other.statusCode, 404, other.body);
    assert.equal(await visits(), before_);
  });
});
