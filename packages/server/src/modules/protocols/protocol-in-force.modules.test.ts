import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { exportProfile, type LocalProfile, type ProfileDocument } from '@fangkong/core';
import { place } from '../../db/schema/index.ts';
import { addTwoTowns, addUser, expectOk, loginAs, residentId, type TestClient } from '../../testing/factories.ts';
import { createTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';
import { insertPlace } from '../places/place.repository.ts';

const NOW = new Date('2026-12-01T10:00:00+08:00');

const clauseOf = (says: string) => ({ source: '湖塘镇防控指挥部', clause: '湖防指〔2026〕3号', says });

/**
 * A district profile for 湖塘镇 (issue 14 part 3) that sets the town's own pool sizes (§18 V22 testing modes, TEST-005:
 * 5:1 at most outside zones), its own colour for residents of control zones (§18 V10, CODE-: controlled zones red like
 * sealed ones) and its own risk publisher (§18 V9).
 */
function townProfile(id: string): ProfileDocument {
  const profile: LocalProfile = {
    id,
    name: '湖塘镇：混采5:1，管控区居民红码',
    jurisdictionCode: '320412100',
    editionId: 'cn-2022-9th',
    basis: clauseOf('湖塘镇 sets smaller pools and red codes for controlled zones during the outbreak'),
    overrides: {},
    testing: {
      pooling: [{ zoneType: 'general', sizes: [5, 1], household: false, basis: clauseOf('Outside zones pool 5:1 at most') }],
    },
    codes: [
      {
        kind: 'residentOfControlZone',
        zoneTypes: ['sealed_zone', 'controlled_zone'],
        colour: 'red',
        basis: clauseOf('Residents of sealed and controlled zones: red'),
      },
    ],
    risk: {
      authority: { assessor: '湖塘镇卫生院', publisher: '湖塘镇防控指挥部', basis: clauseOf('The town publishes its own grades') },
    },
  };
  return exportProfile(profile);
}

interface Reason {
  rule: string;
}

/**
 * Issue 14 part 3 (RULES-001: rules per jurisdiction, profile and effective date; one fact, one answer): once the
 * commander approves and activates a district profile, every module that reads the rules of a place asks
 * `protocolInForce` and follows it — the testing campaign's pool sizes (TEST-005, SC-25), the health-code colour of
 * a control zone's residents (CODE-, ZONE-008, SC-25) and the risk grade's authority (ZONE-001, §18 V9) — in the
 * profile's subtree only; a campaign opened before keeps the rules it opened under (as episodes keep their edition).
 */
describe('an active district profile changes what the modules decide (issue 14 part 3)', () => {
  let runtime: TestRuntime;
  let office: TestClient;
  let commander: TestClient;
  const ids: Record<string, string> = {};

  const ok = expectOk;
  const campaign = async (jurisdictionId: string, defaultPoolSize?: number) =>
    client().request('POST', '/api/testing/campaigns', {
      name: `检测${jurisdictionId.slice(0, 4)}`,
      jurisdictionId,
      startsAt: NOW.toISOString(),
      ...(defaultPoolSize ? { defaultPoolSize } : {}),
    });
  const client = () => office;
  const colourOf = async (personId: string) => {
    const code = await ok(commander, 'GET', `/api/persons/${personId}/code`);
    return { colour: code.colour, rules: (code.because as Reason[]).map((r) => r.rule), version: code.ruleVersion };
  };
  const publisher = async (townId: string) => {
    const a = await ok(commander, 'GET', `/api/risk-areas/assessment?jurisdictionId=${townId}`);
    return (a.authority as { publisher: string }).publisher;
  };

  before(async () => {
    runtime = await createTestRuntime({ FANGKONG_LOGIN_RATE: '1000' });
    runtime.deps.clock = () => NOW;
    const deps = runtime.deps;
    const { county, townA, townB, villageA, villageB } = await addTwoTowns(deps);
    Object.assign(ids, { county: county.id, townA: townA.id, townB: townB.id, villageA: villageA.id, villageB: villageB.id });
    await addUser(deps, 'office', 'command_office_staff', county.id);
    await addUser(deps, 'commander', 'district_commander', county.id);
    office = await loginAs(runtime.app, 'office');
    commander = await loginAs(runtime.app, 'commander');
    const db = deps.database.db;
    const at = { jurisdictionId: villageA.id, jurisdictionPath: villageA.path };
    const building = await insertPlace(db, { kind: 'building', name: '9幢', code: 'P-B9', address: '甲社区9幢', ...at });
    const [flat] = await db
      .insert(place)
      .values({ kind: 'household', name: '901室', code: 'P-B9-901', parentPlaceId: building.id, ...at })
      .returning();
    ids.building = building.id;
    const resident = await ok(office, 'POST', '/api/persons', {
      idType: 'resident_id',
      idNumber: residentId('19800101', 611),
      name: '管控区居民',
      jurisdictionId: villageA.id,
      householdId: flat?.id,
    });
    ids.resident = String(resident.id);
    await ok(office, 'POST', '/api/control-zones', {
      name: '甲社区9幢管控区',
      kind: 'outbreak_zone',
      zoneType: 'controlled_zone',
      basisKind: 'decision',
      basisRef: '湖防指〔2026〕2号',
      basisNote: '指挥部决定划定管控区',
      units: [{ kind: 'building', id: building.id }],
    });
  });
  after(() => runtime.close());

  it('before the profile: the edition’s rules (general pool 10:1, controlled-zone residents yellow, the edition’s publisher)', async () => {
    const opened = await campaign(ids.villageA ?? '');
    assert.equal(opened.statusCode, 201, opened.body);
    ids.campaignBefore = String((opened.json() as { id: string }).id);
    assert.equal((opened.json() as { defaultPoolSize: number }).defaultPoolSize, 10);
    const code = await colourOf(ids.resident ?? '');
    assert.equal(code.colour, 'yellow');
    assert.equal(code.version, 'cn-2022-9th/codes-1');
    ids.publisher = await publisher(ids.townA ?? '');
    assert.notEqual(ids.publisher, '湖塘镇防控指挥部');
  });

  it('RULES-001: the office drafts, the commander approves with its basis and activates; the preview lists the pool and colour rules it changes', async () => {
    const draft = await ok(office, 'POST', '/api/protocols/documents', { document: townProfile('hutang-pools-codes') });
    ids.document = String(draft.id);
    const preview = (await ok(office, 'GET', `/api/protocols/documents/${ids.document}/preview`)) as {
      changes: { section?: string; changes: { path: string; before?: unknown; after?: unknown }[] }[];
    };
    const pool = preview.changes.find((c) => c.section === 'testing');
    assert.deepEqual(
      pool?.changes.find((c) => c.path === 'testing.pooling.general.sizes[0]'),
      { path: 'testing.pooling.general.sizes[0]', change: 'changed', before: 10, after: 5 },
    );
    assert.ok(preview.changes.some((c) => c.section === 'codes' && c.changes.length > 0));
    await ok(commander, 'POST', `/api/protocols/documents/${ids.document}/approve`, { basis: '湖防指〔2026〕3号' });
    await ok(commander, 'POST', `/api/protocols/documents/${ids.document}/activate`, {});
  });

  it('testing (TEST-005, SC-25): a campaign opened now pools 5:1 in 湖塘镇, refuses 10:1 with the allowed sizes; 牛塘镇 keeps 10:1', async () => {
    const opened = await campaign(ids.villageA ?? '');
    assert.equal((opened.json() as { defaultPoolSize: number }).defaultPoolSize, 5, opened.body);
    const refused = await campaign(ids.villageA ?? '', 10);
    assert.equal(refused.statusCode, 400, refused.body);
    assert.deepEqual(
      [(refused.json() as { field: string }).field, (refused.json() as { code: string }).code],
      ['defaultPoolSize', 'poolSizeNotAllowed'],
    );
    assert.ok(refused.body.includes('5 / 1'), refused.body);
    const elsewhere = await campaign(ids.villageB ?? '');
    assert.equal((elsewhere.json() as { defaultPoolSize: number }).defaultPoolSize, 10, elsewhere.body);
  });

  it('testing: the campaign opened before the profile keeps the rules it opened under (10:1 still allowed there)', async () => {
    const zone = await office.request('PUT', `/api/testing/campaigns/${ids.campaignBefore}/zones`, {
      jurisdictionId: ids.villageA,
      zoneType: 'general',
      poolSize: 10,
    });
    assert.ok(zone.statusCode < 300, zone.body);
    assert.equal((zone.json() as { poolSize: number }).poolSize, 10);
  });

  it('codes (ZONE-008, SC-25): the controlled zone’s resident turns red by the profile’s rule, and the version names the profile', async () => {
    const code = await colourOf(ids.resident ?? '');
    assert.equal(code.colour, 'red');
    assert.ok(code.rules.includes('code.residentOfControlZone.red'), code.rules.join());
    assert.equal(code.version, 'cn-2022-9th/codes-1+hutang-pools-codes');
  });

  it('zones (ZONE-001, §18 V9): 湖塘镇’s grade is published by the town’s authority; 牛塘镇’s by the edition’s', async () => {
    assert.equal(await publisher(ids.townA ?? ''), '湖塘镇防控指挥部');
    assert.equal(await publisher(ids.townB ?? ''), ids.publisher);
  });
});
