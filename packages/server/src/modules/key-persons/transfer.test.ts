import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/query-rows.ts';
import { addTwoTowns, addUser, loginAs, residentId, type TestClient } from '../../testing/factories.ts';
import { createTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';
import { insertPlace } from '../places/place.repository.ts';
import { insertRooms } from './site.repository.ts';

const D0 = '2020-03-01';

describe('transfers and category changes keep the person in the loop', () => {
  let runtime: TestRuntime;
  let townA: TestClient;
  let townB: TestClient;
  let townBId: string;
  let villageAId: string;
  let seq = 300;

  async function newEpisode(): Promise<{ episodeId: string; personId: string }> {
    seq += 2;
    const person = await townA.request('POST', '/api/persons', {
      idType: 'resident_id',
      idNumber: residentId('19900202', seq),
      name: `转${seq}`,
      jurisdictionId: villageAId,
    });
    const personId = (person.json() as { id: string }).id;
    const episode = await townA.request('POST', '/api/key-persons/episodes', { personId, category: 'close_contact', startDate: D0 });
    assert.equal(episode.statusCode, 201, episode.body);
    return { episodeId: (episode.json() as { id: string }).id, personId };
  }

  before(async () => {
    runtime = await createTestRuntime();
    runtime.deps.clock = () => new Date(`${D0}T10:00:00+08:00`);
    const towns = await addTwoTowns(runtime.deps);
    townBId = towns.townB.id;
    villageAId = towns.villageA.id;
    await addUser(runtime.deps, 'cadre-a', 'town_cadre', towns.townA.id);
    await addUser(runtime.deps, 'cadre-b', 'town_cadre', towns.townB.id);
    townA = await loginAs(runtime.app, 'cadre-a');
    townB = await loginAs(runtime.app, 'cadre-b');
  });
  after(() => runtime.close());

  it('a transfer is pending on both sides, the sender keeps the person until the receiver accepts', async () => {
    const { episodeId } = await newEpisode();
    const requested = await townA.request('POST', `/api/key-persons/episodes/${episodeId}/transfers`, {
      toJurisdictionId: townBId,
      reason: '转至牛塘镇集中隔离',
    });
    assert.equal(requested.statusCode, 201, requested.body);
    const transferId = (requested.json() as { id: string }).id;
    assert.equal((await townB.request('GET', `/api/key-persons/episodes/${episodeId}`)).statusCode, 404, 'not yet theirs');
    assert.ok(((await townB.request('GET', '/api/key-persons/transfers')).json() as { id: string }[]).some((t) => t.id === transferId));
    assert.equal((await townA.request('GET', `/api/key-persons/episodes/${episodeId}`)).statusCode, 200);
    const accepted = await townB.request('POST', `/api/key-persons/transfers/${transferId}/accept`, {});
    assert.equal(accepted.statusCode, 200, accepted.body);
    assert.equal((await townB.request('GET', `/api/key-persons/episodes/${episodeId}`)).statusCode, 200);
    assert.equal((await townA.request('GET', `/api/key-persons/episodes/${episodeId}`)).statusCode, 404);
  });

  it('the sender cannot accept its own transfer, and a returned transfer leaves the person with the sender', async () => {
    const { episodeId } = await newEpisode();
    const transferId = (
      (
        await townA.request('POST', `/api/key-persons/episodes/${episodeId}/transfers`, { toJurisdictionId: townBId, reason: '转出' })
      ).json() as { id: string }
    ).id;
    assert.equal((await townA.request('POST', `/api/key-persons/transfers/${transferId}/accept`, {})).statusCode, 404);
    assert.equal(
      (await townB.request('POST', `/api/key-persons/transfers/${transferId}/return`, { reason: '地址不在本镇' })).statusCode,
      200,
    );
    assert.equal((await townA.request('GET', `/api/key-persons/episodes/${episodeId}`)).statusCode, 200);
    assert.equal((await townB.request('POST', `/api/key-persons/transfers/${transferId}/accept`, {})).statusCode, 409);
  });

  // Issue 12 defect 8: accepting a transfer takes a room only from a site of the receiving jurisdiction
  it('accepting without a site does not take a room from anywhere', async () => {
    const db = runtime.deps.database.db;
    const towns = await queryRows<{ path: string; id: string }>(db, sql`select id, path from jurisdiction where id = ${villageAId}`);
    const villageA = towns[0] ?? { id: '', path: '' };
    const site = await insertPlace(db, {
      kind: 'quarantine_site',
      name: '甲镇隔离酒店',
      code: 'QS-A-1',
      jurisdictionId: villageA.id,
      jurisdictionPath: villageA.path,
    });
    await insertRooms(db, [{ siteId: site.id, code: 'A001', beds: 1 }]);
    const [room] = await queryRows<{ id: string }>(db, sql`select id from quarantine_room where site_id = ${site.id}`);
    const { episodeId } = await newEpisode();
    const transferId = (
      (
        await townA.request('POST', `/api/key-persons/episodes/${episodeId}/transfers`, { toJurisdictionId: townBId, reason: '转至牛塘镇' })
      ).json() as { id: string }
    ).id;
    const taken = await townB.request('POST', `/api/key-persons/transfers/${transferId}/accept`, { roomId: room?.id });
    assert.equal(taken.statusCode, 400, taken.body);
    assert.ok(['roomWithoutSite', 'roomNotInSite'].includes((taken.json() as { code: string }).code));
    assert.equal((await townA.request('GET', `/api/key-persons/episodes/${episodeId}`)).statusCode, 200, 'nothing moved');
  });

  // KP-000: a category change (close contact → confirmed) is kept, time-stamped, in the person's history
  it('a close contact who becomes confirmed keeps both episodes in the timeline', async () => {
    const { episodeId, personId } = await newEpisode();
    const converted = await townA.request('POST', `/api/key-persons/episodes/${episodeId}/conversions`, {
      category: 'confirmed',
      startDate: D0,
      reason: '核酸阳性，确诊',
    });
    assert.equal(converted.statusCode, 201, converted.body);
    const timeline = (await townA.request('GET', `/api/key-persons/persons/${personId}/timeline`)).json() as {
      episodes: { category: string; status: string }[];
      events: { kind: string }[];
    };
    assert.deepEqual(
      timeline.episodes.map((e) => [e.category, e.status]),
      [
        ['close_contact', 'converted'],
        ['confirmed', 'active'],
      ],
    );
    assert.deepEqual(
      timeline.events.map((e) => e.kind),
      ['registered', 'converted', 'registered'],
    );
  });
});
