import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addTwoTowns, completeAssessment, residentId, signInCommandStaff, type TestClient } from '../../testing/factories.ts';
import { createTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';

const at = (local: string) => new Date(`${local}:00+08:00`);

interface Routing {
  level: string | null;
  patient: string;
  target: string;
  because: { rule: string; clause: string }[];
}

/**
 * SC-18 (LVL-II-01, seed 002 §九(三)1): the case page shows where a case goes at the response level in force, as core
 * `patientRouting` answers: at level II a severe case to the municipal designated hospital, a mild one to the district's.
 */
describe('SC-18 severity routing at level II on the case record', () => {
  let runtime: TestRuntime;
  let office: TestClient;
  let commander: TestClient;
  let place: Awaited<ReturnType<typeof addTwoTowns>>;
  let seq = 300;

  const json = async <T>(client: TestClient, method: string, url: string, body?: unknown, status = 200): Promise<T> => {
    const reply = await client.request(method, url, body);
    assert.equal(reply.statusCode, status, `${method} ${url}: ${reply.body}`);
    return reply.json() as T;
  };

  async function openCase(clinicalType: string, classification = 'confirmed'): Promise<string> {
    seq += 1;
    const person = await json<{ id: string }>(
      office,
      'POST',
      '/api/persons',
      { idType: 'resident_id', idNumber: residentId('19800101', seq), name: `分流${seq}`, jurisdictionId: place.villageA.id },
      201,
    );
    const body = { personId: person.id, classification, source: 'manual', ...(clinicalType ? { clinicalType } : {}) };
    return (await json<{ id: string }>(office, 'POST', '/api/cases', body, 201)).id;
  }
  const routingOf = async (id: string) => (await json<{ routing: Routing | null }>(office, 'GET', `/api/cases/${id}`)).routing;

  /** propose on the level's trigger → the district experts confirm → the commander approves. */
  async function setLevel(to: string) {
    const proposed = await json<{ id: string }>(
      office,
      'POST',
      `/api/response-levels/${place.county.id}/proposals`,
      { to, basis: 'trigger', reason: `调整为${to}`, assessment: completeAssessment() },
      201,
    );
    await json(office, 'POST', `/api/response-level-changes/${proposed.id}/confirmations`, {
      body: 'district',
      decision: 'confirmed',
      note: '同意',
    });
    await json(commander, 'POST', `/api/response-level-changes/${proposed.id}/approve`, { importRiskReduced: true });
  }

  before(async () => {
    runtime = await createTestRuntime({ FANGKONG_LOGIN_RATE: '1000' });
    runtime.deps.clock = () => at('2020-11-20T10:00');
    place = await addTwoTowns(runtime.deps);
    ({ office, commander } = await signInCommandStaff(runtime.deps, runtime.app, place.county.id));
  });
  after(() => runtime.close());

  it('SC-18: with no response level in force a confirmed case carries no routing answer', async () => {
    assert.equal(await routingOf(await openCase('severe')), null);
  });

  it('SC-18 LVL-II-01: at level II a severe case routes to the municipal designated hospital, a mild one to the district, with the clause', async () => {
    const severe = await openCase('severe');
    const mild = await openCase('mild');
    await setLevel('II');
    const [toCity, toDistrict] = [await routingOf(severe), await routingOf(mild)];
    assert.deepEqual(
      [toCity?.level, toCity?.patient, toCity?.target, toCity?.because[0]?.clause],
      ['II', 'severe', 'municipal_designated_hospital', '§九(三)1'],
    );
    assert.deepEqual([toDistrict?.patient, toDistrict?.target], ['mild', 'district_designated_hospital']);
    assert.equal((await routingOf(await openCase('critical')))?.target, 'municipal_designated_hospital');
  });
});
