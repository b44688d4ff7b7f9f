import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { controlZone, riskArea } from '../../db/schema/index.ts';
import { addTwoTowns, addUser, loginAs, type TestClient } from '../../testing/factories.ts';
import { createTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';

const at = (local: string) => new Date(`${local}:00+08:00`);

interface Overview {
  jurisdiction: { name: string };
  zones: {
    grades: { name: string; level: string; riskLevel: string | null }[];
    zones: { name: string; zoneType: string }[];
  } | null;
}

/**
 * The commander's overview reports risk grades and control zones (issue 13 part 4 "zones and risk grades once
 * the zones issue lands"; ZONE-001, ZONE-002), asked of the zones module: the published grade of the place and
 * of each jurisdiction under it (a district's towns), and the active zones under it, never a lifted one nor
 * one outside the place.
 */
describe('command overview: risk grades and control zones', () => {
  let runtime: TestRuntime;
  let commander: TestClient;
  let townB: TestClient;
  let place: Awaited<ReturnType<typeof addTwoTowns>>;

  const overview = async (client: TestClient, jurisdictionId: string) => {
    const reply = await client.request('GET', `/api/command/overview?jurisdictionId=${jurisdictionId}`);
    assert.equal(reply.statusCode, 200, reply.body);
    return reply.json() as Overview;
  };
  const grade = (j: { id: string; path: string }, level: string, status = 'published') => ({
    jurisdictionId: j.id,
    jurisdictionPath: j.path,
    editionId: 'seed-2020',
    asOf: '2020-11-20',
    computedLevel: level,
    reasons: [],
    level,
    status,
    proposedAt: at('2020-11-20T09:00'),
  });
  const zone = (j: { id: string; path: string }, name: string, status: string) => ({
    name,
    kind: 'outbreak_spot',
    zoneType: 'sealed_zone',
    editionId: 'seed-2020',
    basisKind: 'decision',
    basisRef: '演示',
    basisNote: '测试',
    units: [],
    startAt: at('2020-11-20T09:00'),
    status,
    jurisdictionId: j.id,
    jurisdictionPath: j.path,
  });

  before(async () => {
    runtime = await createTestRuntime({ FANGKONG_LOGIN_RATE: '1000' });
    runtime.deps.clock = () => at('2020-11-20T10:00');
    place = await addTwoTowns(runtime.deps);
    await addUser(runtime.deps, 'commander', 'district_commander', place.county.id);
    await addUser(runtime.deps, 'town-b', 'town_cadre', place.townB.id);
    commander = await loginAs(runtime.app, 'commander');
    townB = await loginAs(runtime.app, 'town-b');
    const db = runtime.deps.database.db;
    await db.insert(riskArea).values([grade(place.townA, 'medium'), grade(place.villageA, 'high'), grade(place.townB, 'high', 'proposed')]);
    await db
      .insert(controlZone)
      .values([zone(place.villageA, '甲社区3幢封控区', 'active'), zone(place.villageB, '乙社区已解封区', 'lifted')]);
  });
  after(() => runtime.close());

  it('ZONE-001: the district sees each town’s published grade (a proposed one is not a grade) and the active zones only', async () => {
    const view = await overview(commander, place.county.id);
    assert.deepEqual(
      view.zones?.grades.map((g) => [g.name, g.level, g.riskLevel]),
      [
        ['武进区', 'county', null],
        ['湖塘镇', 'town', 'medium'],
        ['牛塘镇', 'town', null],
      ],
    );
    assert.deepEqual(
      view.zones?.zones.map((z) => [z.name, z.zoneType]),
      [['甲社区3幢封控区', 'sealed_zone']],
    );
  });

  it('a town sees its own grade first, then its communities’; its zones', async () => {
    const view = await overview(commander, place.townA.id);
    assert.deepEqual(
      view.zones?.grades.map((g) => [g.name, g.riskLevel]),
      [
        ['湖塘镇', 'medium'],
        ['甲社区', 'high'],
      ],
    );
    assert.equal(view.zones?.zones.length, 1);
  });

  it('scope: town B’s cadre sees town B and none of town A’s zones; town A is 404 to them', async () => {
    const view = await overview(townB, place.townB.id);
    assert.deepEqual(
      view.zones?.grades.map((g) => [g.name, g.riskLevel]),
      [
        ['牛塘镇', null],
        ['乙社区', null],
      ],
    );
    assert.deepEqual(view.zones?.zones, []);
    assert.equal((await townB.request('GET', `/api/command/overview?jurisdictionId=${place.townA.id}`)).statusCode, 404);
  });
});
