import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addJurisdiction, addTwoTowns, addUser, loginAs, residentId, type TestClient } from '../../testing/factories.ts';
import { createTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';

const D0 = '2020-03-01';

// KP-D06: close contacts notified by other regions (协查) are managed where they are found
describe('assist requests (协查): routed by address, accepted or returned by the community', () => {
  let runtime: TestRuntime;
  let office: TestClient;
  let communityA: TestClient;
  let communityB: TestClient;

  const incoming = (address: string, sequence: number) => ({
    sourceOrg: '南京市鼓楼区疫情防控指挥部',
    documentNumber: '鼓防协〔2020〕12号',
    category: 'close_contact',
    startDate: D0,
    name: `协查${sequence}`,
    idType: 'resident_id',
    idNumber: residentId('19750505', sequence),
    phone: '13912345678',
    address,
  });

  before(async () => {
    runtime = await createTestRuntime();
    runtime.deps.clock = () => new Date(`${D0}T10:00:00+08:00`);
    const { county, villageA, villageB } = await addTwoTowns(runtime.deps);
    await addJurisdiction(runtime.deps, '320412100', '320412100002', '星火社区居民委员会', 'village');
    await addUser(runtime.deps, 'office', 'command_office_staff', county.id);
    await addUser(runtime.deps, 'cdc', 'cdc_epidemiologist', county.id);
    await addUser(runtime.deps, 'grid-a', 'grid_worker', villageA.id);
    await addUser(runtime.deps, 'grid-b', 'grid_worker', villageB.id);
    office = await loginAs(runtime.app, 'cdc');
    communityA = await loginAs(runtime.app, 'grid-a');
    communityB = await loginAs(runtime.app, 'grid-b');
  });
  after(() => runtime.close());

  it('is routed to the community named in the address and only that community sees it', async () => {
    const reply = await office.request('POST', '/api/assist-requests', incoming('江苏省常州市武进区湖塘镇甲社区3幢101室', 501));
    assert.equal(reply.statusCode, 201, reply.body);
    assert.equal((reply.json() as { routedBy: string }).routedBy, '甲社区');
    const seenByA = (await communityA.request('GET', '/api/assist-requests')).json() as { items: { name: string; idMasked: string }[] };
    assert.deepEqual(
      seenByA.items.map((i) => i.name),
      ['协查501'],
    );
    assert.match(seenByA.items[0]?.idMasked ?? '', /^\d{6}\*{8}\d{3}[\dX]$/);
    assert.equal(((await communityB.request('GET', '/api/assist-requests')).json() as { total: number }).total, 0);
  });

  it('accepting registers the person and starts management from the request date', async () => {
    const { id } = (await office.request('POST', '/api/assist-requests', incoming('武进区湖塘镇甲社区8号', 503))).json() as { id: string };
    const accepted = await communityA.request('POST', `/api/assist-requests/${id}/accept`, {});
    assert.equal(accepted.statusCode, 200, accepted.body);
    const { episodeId } = accepted.json() as { episodeId: string };
    const episode = (await communityA.request('GET', `/api/key-persons/episodes/${episodeId}`)).json() as {
      category: string;
      startDate: string;
    };
    assert.deepEqual([episode.category, episode.startDate], ['close_contact', D0]);
    assert.equal((await communityA.request('POST', `/api/assist-requests/${id}/accept`, {})).statusCode, 409);
  });

  it('another community cannot decide it; returning it records the reason and registers nobody', async () => {
    const { id } = (await office.request('POST', '/api/assist-requests', incoming('武进区湖塘镇甲社区9号', 505))).json() as { id: string };
    assert.equal((await communityB.request('POST', `/api/assist-requests/${id}/accept`, {})).statusCode, 404);
    const returned = await communityA.request('POST', `/api/assist-requests/${id}/return`, { reason: '查无此人' });
    assert.deepEqual(returned.json(), { id, status: 'returned', personId: null, episodeId: null });
    const persons = (await communityA.request('GET', '/api/persons?q=协查505')).json() as { total: number };
    assert.equal(persons.total, 0);
  });

  it('a wrong ID check digit is refused at intake', async () => {
    const body = incoming('武进区湖塘镇甲社区1号', 507);
    const wrong = { ...body, idNumber: body.idNumber.slice(0, 17) + (body.idNumber[17] === '1' ? '2' : '1') };
    const reply = await office.request('POST', '/api/assist-requests', wrong);
    assert.deepEqual([reply.statusCode, (reply.json() as { field: string }).field], [400, 'idNumber']);
  });
});
