import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addTwoTowns, addUser, expectOk, loginAs, residentId, signInCommandStaff, type TestClient } from '../../testing/factories.ts';
import { adoptProtocolDocument, townEdition } from '../../testing/protocol-documents.ts';
import { createTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';
import { homeObservationProfile } from './sample-profile.ts';

const NOW = new Date('2026-12-01T10:00:00+08:00');
const HOUR = 3_600_000;

/**
 * 湖塘镇's own edition (issue 14 part 3, RULES-001, §18): the 9th edition with a 4-hour report (CASE-001), a cluster
 * of 3 cases (CASE-009) and a rumour answered within 5 hours (INFO-004) — rules of the modules that read only the
 * edition, each different from the shipped one.
 */
const reportClusterRumour = () =>
  townEdition((edition) => {
    assert.ok(edition.cases && edition.tracing && edition.information);
    for (const r of edition.cases.report) r.deadline.hours = 4;
    edition.tracing.cluster.minCases = 3;
    edition.information.opinion.rumour.respondWithinHours = 5;
  });

/**
 * Issue 14 part 3 (RULES-001: rules per jurisdiction and effective date; one fact, one answer): once the commander
 * approves and activates a district edition for 湖塘镇, the modules that read the edition — cases (CASE-001), tracing
 * (CASE-009), response (LVL-) and information (INFO-004) — ask `protocolInForce` (through `editionAt`) and follow it in
 * the town only; a case opened before keeps the edition it opened under (`editionById`).
 */
describe('an active district edition changes what cases, tracing, response and information decide (issue 14)', () => {
  let runtime: TestRuntime;
  let office: TestClient;
  let commander: TestClient;
  let cdcTown: TestClient;
  const ids: Record<string, string> = {};

  const ok = expectOk;
  let sequence = 700;
  const person = async (jurisdictionId: string) =>
    String(
      (
        await ok(office, 'POST', '/api/persons', {
          idType: 'resident_id',
          idNumber: residentId('19800101', sequence++),
          name: '病例',
          jurisdictionId,
        })
      ).id,
    );
  const openCase = async (jurisdictionId: string) =>
    ok(office, 'POST', '/api/cases', { personId: await person(jurisdictionId), classification: 'asymptomatic', source: 'manual' });
  const reportHours = (opened: Record<string, unknown>) => (Date.parse(String(opened.reportDueAt)) - NOW.getTime()) / HOUR;
  const rumourHours = async (jurisdictionId: string) => {
    const item = await ok(office, 'POST', '/api/opinions', { jurisdictionId, kind: 'rumour', source: 'wechat', summary: '网传封村' });
    return (Date.parse(String(item.respondBy)) - NOW.getTime()) / HOUR;
  };

  before(async () => {
    runtime = await createTestRuntime({ FANGKONG_LOGIN_RATE: '1000' });
    runtime.deps.clock = () => NOW;
    const deps = runtime.deps;
    const { county, townA, townB, villageA, villageB } = await addTwoTowns(deps);
    Object.assign(ids, { county: county.id, townA: townA.id, townB: townB.id, villageA: villageA.id, villageB: villageB.id });
    ({ office, commander } = await signInCommandStaff(deps, runtime.app, county.id));
    await addUser(deps, 'cdc-town', 'cdc_epidemiologist', townA.id);
    cdcTown = await loginAs(runtime.app, 'cdc-town');
  });
  after(() => runtime.close());

  it('before: the shipped 9th edition (2-hour report, clusters of 2, rumours answered by its hours)', async () => {
    const opened = await openCase(ids.villageA ?? '');
    ids.caseBefore = String(opened.id);
    assert.equal(reportHours(opened), 2);
    const clusters = await ok(cdcTown, 'GET', '/api/clusters');
    assert.equal((clusters.rule as { minCases: number }).minCases, 2);
    ids.rumourHours = String(await rumourHours(ids.villageA ?? ''));
    assert.notEqual(Number(ids.rumourHours), 5);
    assert.equal((await ok(cdcTown, 'GET', `/api/response-levels/${ids.townA}`)).editionId, 'cn-2022-9th');
  });

  it('RULES-001: the office imports the town’s edition, the commander approves it with its basis and activates it', async () => {
    await adoptProtocolDocument(office, commander, reportClusterRumour(), { jurisdictionId: ids.townA });
  });

  it('RULES-001: the protocol list names the town’s edition beside the shipped ones, so a record under it shows its name, not its id', async () => {
    const reply = await office.request('GET', '/api/protocols');
    assert.equal(reply.statusCode, 200, reply.body);
    const editions = reply.json() as { id: string; name: string; shipped: boolean }[];
    assert.deepEqual(
      editions.filter((e) => e.id === 'hutang-2026').map((e) => [e.name, e.shipped]),
      [['湖塘镇防控方案（2026）', false]],
    );
    assert.deepEqual(
      editions.filter((e) => e.id === 'cn-2022-9th').map((e) => e.shipped),
      [true],
    );
  });

  it('RULES-001: a local profile written for the town’s own edition shows what it changes there (not an empty list)', async () => {
    const file = homeObservationProfile('320412100', 'hutang-2026-home');
    file.profile.editionId = 'hutang-2026';
    const draft = await ok(office, 'POST', '/api/protocols/documents', { document: file });
    const detail = (await ok(office, 'GET', `/api/protocols/documents/${String(draft.id)}`)) as { changes: { category: string | null }[] };
    assert.deepEqual(
      detail.changes.map((c) => c.category),
      ['close_contact'],
    );
  });

  it('cases (CASE-001): a case opened in 湖塘镇 now runs the town’s 4-hour report; 牛塘镇’s keeps 2 hours; the case opened before keeps its edition', async () => {
    const opened = await openCase(ids.villageA ?? '');
    assert.equal(reportHours(opened), 4);
    const shown = await ok(office, 'GET', `/api/cases/${String(opened.id)}`);
    assert.equal((shown.case as { editionId: string } | undefined)?.editionId ?? shown.editionId, 'hutang-2026');
    const clock = (shown.clocks as { clock: string; dueAt: string }[]).find((c) => c.clock === 'report');
    assert.equal(clock?.dueAt, opened.reportDueAt);
    assert.equal(reportHours(await openCase(ids.villageB ?? '')), 2);
    const before_ = await ok(office, 'GET', `/api/cases/${ids.caseBefore}`);
    assert.equal((before_.case as { editionId: string } | undefined)?.editionId ?? before_.editionId, 'cn-2022-9th');
    // the deadline board reads every case with its own edition
    const board = (await ok(office, 'GET', '/api/cases/board')) as { items: { id: string; clocks: { clock: string; dueAt: string }[] }[] };
    const onBoard = board.items.find((i) => i.id === opened.id)?.clocks.find((c) => c.clock === 'report');
    assert.equal(onBoard?.dueAt, opened.reportDueAt);
  });

  it('tracing (CASE-009): clusters in 湖塘镇 are found by the town’s rule (3 cases)', async () => {
    const clusters = await ok(cdcTown, 'GET', '/api/clusters');
    assert.equal((clusters.rule as { minCases: number }).minCases, 3);
  });

  it('response (LVL-): the town’s response reads the town’s edition; 牛塘镇’s the shipped one', async () => {
    assert.equal((await ok(cdcTown, 'GET', `/api/response-levels/${ids.townA}`)).editionId, 'hutang-2026');
    assert.equal((await ok(office, 'GET', `/api/response-levels/${ids.townB}`)).editionId, 'cn-2022-9th');
  });

  it('information (INFO-004): a rumour in 湖塘镇 is answered within the town’s 5 hours; in 牛塘镇 within the edition’s', async () => {
    assert.equal(await rumourHours(ids.villageA ?? ''), 5);
    assert.equal(await rumourHours(ids.villageB ?? ''), Number(ids.rumourHours));
  });

  it('KP-D01: the registration preview asks the server for the plan in force (the town’s edition in 湖塘镇, shipped in 牛塘镇); another town’s caller gets 404', async () => {
    const plan = async (client: TestClient, jurisdictionId: string) =>
      client.request('GET', `/api/protocols/plan-in-force?jurisdictionId=${jurisdictionId}&category=close_contact&start=2026-11-29`);
    const town = (await plan(office, ids.villageA ?? '')).json() as { edition: string; editionName: string; phases: unknown[] };
    assert.deepEqual([town.edition, town.editionName], ['hutang-2026', '湖塘镇防控方案（2026）']);
    assert.ok(town.phases.length > 0);
    const other = (await plan(office, ids.villageB ?? '')).json() as { edition: string };
    assert.equal(other.edition, 'cn-2022-9th');
    assert.equal((await plan(cdcTown, ids.villageB ?? '')).statusCode, 404);
  });
});
