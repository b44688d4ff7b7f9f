import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../../db/query-rows.ts';
import { createTestRuntime, type TestRuntime } from '../../../testing/test-runtime.ts';
import { insertPlace } from '../../places/place.repository.ts';
import { addHousehold, addResidents, at, expectStatus, type TestingWorld, testingWorld } from '../testing.test-support.ts';

interface Campaign {
  id: string;
  defaultPoolSize: number;
  status: string;
}
interface Scan {
  sampleId: string;
  payer: string;
  tube: { barcode: string; poolSize: number; household: boolean; memberCount: number; closed: boolean };
}
interface Progress {
  expected: number;
  sampled: number;
  communities: { name: string; expected: number; sampled: number }[];
}

describe('mass-testing campaign through the API (9th edition)', () => {
  let runtime: TestRuntime;
  let w: TestingWorld;
  let campaign: Campaign;
  let pointId: string;
  let doorToDoorId: string;
  let villagers: string[];
  let sealedHousehold: string[];
  let others: string[];

  const scan = (point: string, barcode: string, personId: string) =>
    w.grid.request('POST', `/api/testing/collection-points/${point}/scans`, { barcode, personId });

  before(async () => {
    runtime = await createTestRuntime({ FANGKONG_LOGIN_RATE: '1000' });
    w = await testingWorld(runtime);
    villagers = await addResidents(runtime.deps, w.villageA, 12);
    const home = await addHousehold(runtime.deps, w.sealedGrid, 'G-1-101');
    sealedHousehold = await addResidents(runtime.deps, w.sealedGrid, 2, home);
    others = await addResidents(runtime.deps, w.villageA2, 3);
    await addResidents(runtime.deps, w.villageB, 2);
  });
  after(() => runtime.close());

  it('refuses a pool of 20 in a controlled zone, naming the sizes the protocol allows', async () => {
    const reply = await w.office.request('POST', '/api/testing/campaigns', {
      name: '湖塘镇第一轮',
      jurisdictionId: w.townA.id,
      startsAt: at('07:00').toISOString(),
      zones: [{ jurisdictionId: w.villageA2.id, zoneType: 'controlled_zone', poolSize: 20 }],
    });
    assert.equal(reply.statusCode, 400, reply.body);
    assert.deepEqual([(reply.json() as { field: string }).field], ['zones.0.poolSize']);
  });

  it('opens a campaign over town A: pools of 10 by default, the sealed grid one tube per household', async () => {
    campaign = await expectStatus<Campaign>(w.office, 201, 'POST', '/api/testing/campaigns', {
      name: '湖塘镇第一轮',
      jurisdictionId: w.townA.id,
      startsAt: at('07:00').toISOString(),
      zones: [
        { jurisdictionId: w.villageA2.id, zoneType: 'controlled_zone', poolSize: 10 },
        { jurisdictionId: w.sealedGrid.id, zoneType: 'sealed_zone', household: true },
      ],
    });
    assert.equal(campaign.defaultPoolSize, 10);
    const point = { opensAt: '07:00', closesAt: '19:00', staff: 4, expectedResidents: 12, labName: '武进区疾控中心' };
    pointId = (
      await expectStatus<{ id: string }>(w.office, 201, 'POST', `/api/testing/campaigns/${campaign.id}/collection-points`, {
        ...point,
        name: '甲社区广场',
        jurisdictionId: w.villageA.id,
      })
    ).id;
    doorToDoorId = (
      await expectStatus<{ id: string }>(w.office, 201, 'POST', `/api/testing/campaigns/${campaign.id}/collection-points`, {
        ...point,
        name: '一网格上门采样',
        jurisdictionId: w.sealedGrid.id,
      })
    ).id;
  });

  it('a town-B cadre cannot open a campaign over town A', async () => {
    const reply = await w.otherTown.request('POST', '/api/testing/campaigns', {
      name: '越界',
      jurisdictionId: w.townA.id,
      startsAt: at('07:00').toISOString(),
    });
    assert.equal(reply.statusCode, 403);
  });

  // TEST-002: campaign (mass-testing) samples are paid by the government
  it('fills a pool of 10 and closes it at the tenth scan; an eleventh resident needs a new tube', async () => {
    const replies: Scan[] = [];
    for (const personId of villagers.slice(0, 10))
      replies.push(
        await expectStatus<Scan>(w.grid, 201, 'POST', `/api/testing/collection-points/${pointId}/scans`, { barcode: 'T-000001', personId }),
      );
    assert.deepEqual(
      replies.map((r) => r.tube.closed),
      [...Array(9).fill(false), true],
    );
    assert.deepEqual([replies[9]?.tube.memberCount, replies[0]?.tube.poolSize, replies[0]?.payer], [10, 10, 'government']);
    const eleventh = await scan(pointId, 'T-000001', villagers[10] ?? '');
    assert.deepEqual([eleventh.statusCode, (eleventh.json() as { code: string }).code], [409, 'tubeClosed']);
  });

  it('the same resident scanned twice in the campaign is refused', async () => {
    const again = await scan(pointId, 'T-000002', villagers[0] ?? '');
    assert.deepEqual([again.statusCode, (again.json() as { code: string }).code], [409, 'alreadySampled']);
  });

  it('a resident of the sealed grid cannot go into a pool of 10', async () => {
    const reply = await scan(pointId, 'T-000003', sealedHousehold[0] ?? '');
    assert.deepEqual([reply.statusCode, (reply.json() as { code: string }).code], [400, 'poolTooLargeForZone']);
  });

  it('door to door in the sealed grid: one tube per household, closed when the whole household is in', async () => {
    const first = await expectStatus<Scan>(w.grid, 201, 'POST', `/api/testing/collection-points/${doorToDoorId}/scans`, {
      barcode: 'H-000001',
      personId: sealedHousehold[0],
    });
    const second = await expectStatus<Scan>(w.grid, 201, 'POST', `/api/testing/collection-points/${doorToDoorId}/scans`, {
      barcode: 'H-000001',
      personId: sealedHousehold[1],
    });
    assert.deepEqual([first.tube.household, first.tube.closed, second.tube.closed], [true, false, true]);
  });

  it('an ID card works as well as the resident code; unknown barcodes formats are refused', async () => {
    const bad = await scan(pointId, 'x', villagers[10] ?? '');
    assert.deepEqual([bad.statusCode, (bad.json() as { field: string }).field], [400, 'barcode']);
    const ok = await expectStatus<Scan>(w.grid, 201, 'POST', `/api/testing/collection-points/${pointId}/scans`, {
      barcode: 'T-000004',
      personId: villagers[10],
    });
    assert.equal(ok.tube.memberCount, 1);
    const closed = await expectStatus<{ status: string; memberCount: number }>(w.grid, 200, 'POST', '/api/testing/tubes/close', {
      barcode: 'T-000004',
    });
    assert.deepEqual([closed.status, closed.memberCount], ['closed', 1]);
  });

  // TEST-006: full-coverage testing of an area, counted per community against registered residents
  it('counts progress per community: sampled of registered residents', async () => {
    const progress = await expectStatus<Progress>(w.office, 200, 'GET', `/api/testing/campaigns/${campaign.id}/progress`);
    const byName = Object.fromEntries(progress.communities.map((c) => [c.name, [c.sampled, c.expected]]));
    assert.deepEqual(byName, { 甲社区: [13, 14], 丙社区: [0, 3] });
    assert.deepEqual([progress.sampled, progress.expected], [13, 17]);
  });

  // TEST-006: residents not yet sampled are listed so that coverage can be completed door to door
  it('lists the residents not yet sampled for door-to-door follow-up', async () => {
    const page = await expectStatus<{ total: number; items: { personId: string }[] }>(
      w.office,
      200,
      'GET',
      `/api/testing/campaigns/${campaign.id}/unsampled?pageSize=50`,
    );
    assert.deepEqual(page.items.map((i) => i.personId).sort(), [villagers[11], ...others].sort());
    const mine = await expectStatus<{ total: number }>(w.grid, 200, 'GET', `/api/testing/campaigns/${campaign.id}/unsampled`);
    assert.equal(mine.total, 1, 'the grid worker sees only their own community');
  });

  // TEST-006, COMM-041; issue 18 items 5 and 6: the door-to-door list shows the door (building,
  // unit, room) to staff of the person's own scope, audited with its purpose, and the community path.
  it('shows the door and the community path to the grid worker knocking on doors, and audits the view', async () => {
    const db = runtime.deps.database.db;
    const where = { jurisdictionId: w.villageA.id, jurisdictionPath: w.villageA.path };
    const building = await insertPlace(db, { kind: 'building', name: '3幢', code: 'DOOR-B3', ...where });
    const unit = await insertPlace(db, { kind: 'unit', name: '2单元', code: 'DOOR-B3-2', parentPlaceId: building.id, ...where });
    const flat = await insertPlace(db, { kind: 'household', name: '501室', code: 'DOOR-B3-2-501', parentPlaceId: unit.id, ...where });
    const [resident] = await addResidents(runtime.deps, w.villageA, 1, flat);
    const page = await expectStatus<{ items: { personId: string; door: string | null; jurisdictionLabel: string }[] }>(
      w.grid,
      200,
      'GET',
      `/api/testing/campaigns/${campaign.id}/unsampled?pageSize=50`,
    );
    const row = page.items.find((i) => i.personId === resident);
    assert.equal(row?.door, '3幢 2单元 501室');
    assert.equal(row?.jurisdictionLabel, '湖塘镇 / 甲社区');
    const audits = await queryRows<{ reason: string }>(
      db,
      sql`select reason from audit_event where action = 'testing.viewUnsampled' and entity_id = ${campaign.id}`,
    );
    assert.ok(audits.length > 0 && audits.every((a) => a.reason === '入户补采'));
  });

  it('a town-B cadre sees neither the campaign nor its points', async () => {
    assert.equal((await w.otherTown.request('GET', `/api/testing/campaigns/${campaign.id}`)).statusCode, 404);
    const list = await expectStatus<{ total: number }>(w.otherTown, 200, 'GET', '/api/testing/campaigns');
    assert.equal(list.total, 0);
  });

  it('closing the campaign closes open tubes and refuses later samples', async () => {
    await expectStatus<Scan>(w.grid, 201, 'POST', `/api/testing/collection-points/${pointId}/scans`, {
      barcode: 'T-000005',
      personId: villagers[11],
    });
    const closed = await expectStatus<{ status: string; tubesClosed: number }>(
      w.office,
      200,
      'POST',
      `/api/testing/campaigns/${campaign.id}/close`,
    );
    assert.deepEqual([closed.status, closed.tubesClosed], ['closed', 1]);
    const late = await scan(pointId, 'T-000006', others[0] ?? '');
    assert.deepEqual([late.statusCode, (late.json() as { code: string }).code], [409, 'campaignClosed']);
  });
});
