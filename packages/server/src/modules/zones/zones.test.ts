import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/query-rows.ts';
import { place } from '../../db/schema/index.ts';
import { addTwoTowns, addUser, expectOk, loginAs, residentId, type TestClient } from '../../testing/factories.ts';
import { createTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';
import { insertPlace } from '../places/place.repository.ts';

const at = (local: string) => new Date(`${local}:00+08:00`);
const DAY1 = '2020-03-02T09:00';
const DAY16 = '2020-03-17T09:00';

interface Reason {
  rule: string;
  source: string;
  facts?: Record<string, unknown>;
}
interface Grade {
  id: string;
  level: string;
  status: string;
  reasons: Reason[];
  effectiveTo: string | null;
}
interface Check {
  holds: boolean;
  items: { item: string; holds: boolean }[];
}

/**
 * Issue 14 parts 1 (ZONE-001…ZONE-004, ZONE-008, ZONE-017; SC-21, SC-25; seed-2020 with the national rule
 * of 2020): a confirmed case in 湖塘镇 makes the system propose medium with its reasons, a person with the
 * issuing authority confirms and publishes it, a sealed zone drawn over the case's building turns its
 * residents' codes red, keeps their household pass in and tightens the campaign pool, and the zone is lifted
 * only when its checklist holds (or by the commander's override with a reason). Town B reaches none of it.
 */
describe('risk areas and control zones through the API (issue 14)', () => {
  let runtime: TestRuntime;
  let cdc: TestClient;
  let commander: TestClient;
  let office: TestClient;
  let town: TestClient;
  let otherOffice: TestClient;
  let lab: TestClient;
  const ids: Record<string, string> = {};

  const setNow = async (local: string) => {
    runtime.deps.clock = () => at(local);
    runtime.deps.sessions.clear();
    const login = (username: string) => loginAs(runtime.app, username);
    [cdc, commander, office, town] = [await login('cdc'), await login('commander'), await login('office'), await login('town-a')];
    [otherOffice, lab] = [await login('office-b'), await login('lab')];
  };
  const ok = expectOk;
  const refused = async (client: TestClient, method: string, url: string, body: unknown, status: number, field?: string) => {
    const reply = await client.request(method, url, body);
    assert.equal(reply.statusCode, status, reply.body);
    if (field) assert.equal((reply.json() as { field?: string }).field, field, reply.body);
    return reply.json() as { code: string; field?: string; details?: unknown };
  };
  const count = async (table: string) =>
    (await queryRows<{ n: number }>(runtime.deps.database.db, sql`select count(*)::int as n from ${sql.identifier(table)}`))[0]?.n ?? 0;
  const audits = async (action: string) =>
    (await queryRows<{ n: number }>(runtime.deps.database.db, sql`select count(*)::int as n from audit_event where action = ${action}`))[0]
      ?.n ?? 0;

  async function person(name: string, seq: number, householdId: string | null) {
    const body = {
      idType: 'resident_id',
      idNumber: residentId('19800101', seq),
      name,
      jurisdictionId: ids.villageA,
      ...(householdId ? { householdId } : {}),
    };
    return String((await ok(office, 'POST', '/api/persons', body)).id);
  }

  before(async () => {
    runtime = await createTestRuntime({ FANGKONG_LOGIN_RATE: '1000' });
    const deps = runtime.deps;
    const { county, townA, townB, villageA, villageB } = await addTwoTowns(deps);
    Object.assign(ids, { county: county.id, townA: townA.id, townB: townB.id, villageA: villageA.id, villageB: villageB.id });
    await addUser(deps, 'cdc', 'cdc_epidemiologist', county.id);
    await addUser(deps, 'commander', 'district_commander', county.id);
    await addUser(deps, 'office', 'command_office_staff', county.id);
    await addUser(deps, 'town-a', 'town_cadre', townA.id);
    await addUser(deps, 'office-b', 'command_office_staff', townB.id);
    await addUser(deps, 'lab', 'lab_staff', county.id);
    const at_ = { jurisdictionId: villageA.id, jurisdictionPath: villageA.path };
    const db = deps.database.db;
    const building = await insertPlace(db, { kind: 'building', name: '5幢', code: 'Z-B5', address: '甲社区5幢', ...at_ });
    const unit = await insertPlace(db, { kind: 'unit', name: '1单元', code: 'Z-B5-1', parentPlaceId: building.id, ...at_ });
    const flat = await db
      .insert(place)
      .values({ kind: 'household', name: '501室', code: 'Z-B5-1-501', parentPlaceId: unit.id, ...at_ })
      .returning();
    const elsewhere = await insertPlace(db, { kind: 'household', name: '601室', code: 'Z-B6-601', ...at_ });
    const checkpoint = await insertPlace(db, { kind: 'checkpoint', name: '甲社区东门', code: 'Z-CP', ...at_ });
    Object.assign(ids, {
      building: building.id,
      unit: unit.id,
      household: flat[0]?.id ?? '',
      elsewhere: elsewhere.id,
      checkpoint: checkpoint.id,
    });
    await setNow(DAY1);
    ids.patient = await person('赵病例', 401, ids.household ?? null);
    ids.neighbour = await person('钱邻居', 403, ids.household ?? null);
    ids.outside = await person('孙外楼', 405, ids.elsewhere ?? null);
    const opened = await ok(cdc, 'POST', '/api/cases', {
      personId: ids.patient,
      classification: 'confirmed',
      clinicalType: 'mild',
      source: 'manual',
    });
    ids.case = String(opened.id);
  });
  after(() => runtime.close());

  // ZONE-001: the system proposes from the cases, with the edition's clause and numbers
  it('assesses 湖塘镇 medium (1 new case, cumulative 1 ≤ 50) and 牛塘镇 low, at the town unit of seed 000', async () => {
    const assessment = (await ok(commander, 'GET', '/api/risk-areas/assessment')) as {
      editionId: string;
      unit: { level: string; basis: { source: string } };
      items: { name: string; computed: { level: string; because: Reason[] } }[];
    };
    assert.equal(assessment.editionId, 'seed-2020');
    assert.deepEqual([assessment.unit.level, assessment.unit.basis.source], ['town', 'seed 000']);
    const byName = new Map(assessment.items.map((i) => [i.name, i.computed]));
    assert.equal(byName.get('湖塘镇')?.level, 'medium');
    assert.equal(byName.get('湖塘镇')?.because[0]?.rule, 'risk.medium.atMostThreshold');
    assert.deepEqual([byName.get('湖塘镇')?.because[0]?.facts?.newCases, byName.get('湖塘镇')?.because[0]?.facts?.cumulative], [1, 1]);
    assert.equal(byName.get('牛塘镇')?.level, 'low');
  });

  // ZONE-001: proposed, then confirmed and published by a person with the issuing authority and a publication record
  it('a grade is proposed, confirmed and published with the issuing authority; without it a 400 names the field and nothing is written', async () => {
    await refused(cdc, 'POST', '/api/risk-areas', { jurisdictionId: ids.villageA }, 400, 'jurisdictionId');
    await refused(otherOffice, 'POST', '/api/risk-areas', { jurisdictionId: ids.townA }, 404, 'jurisdictionId');
    const proposed = (await ok(cdc, 'POST', '/api/risk-areas', { jurisdictionId: ids.townA })) as unknown as Grade;
    assert.deepEqual([proposed.level, proposed.status, proposed.reasons[0]?.rule], ['medium', 'proposed', 'risk.medium.atMostThreshold']);
    await refused(cdc, 'POST', '/api/risk-areas', { jurisdictionId: ids.townA }, 409, 'jurisdictionId');
    await refused(cdc, 'POST', `/api/risk-areas/${proposed.id}/confirm`, {}, 403);
    await refused(commander, 'POST', `/api/risk-areas/${proposed.id}/confirm`, { level: 'high' }, 400, 'note');
    await refused(otherOffice, 'POST', `/api/risk-areas/${proposed.id}/confirm`, {}, 404, 'id');
    await ok(commander, 'POST', `/api/risk-areas/${proposed.id}/confirm`, {});
    const before_ = await audits('risk.publish');
    await refused(
      office,
      'POST',
      `/api/risk-areas/${proposed.id}/publish`,
      { publicationRef: '武防指〔2020〕7号' },
      400,
      'issuingAuthority',
    );
    await refused(
      office,
      'POST',
      `/api/risk-areas/${proposed.id}/publish`,
      { issuingAuthority: '  ', publicationRef: 'x' },
      400,
      'issuingAuthority',
    );
    assert.equal(await audits('risk.publish'), before_);
    const published = await ok(office, 'POST', `/api/risk-areas/${proposed.id}/publish`, {
      issuingAuthority: '武进区新冠肺炎疫情防控指挥部',
      publicationRef: '武防指〔2020〕7号',
    });
    assert.deepEqual([published.status, published.level, published.effectiveFrom], ['published', 'medium', '2020-03-02']);
    assert.equal(await audits('risk.publish'), before_ + 1);
    const list = (await ok(otherOffice, 'GET', '/api/risk-areas?show=all')) as { items: unknown[] };
    assert.deepEqual(list.items, []);
  });

  // ZONE-001: a later grade supersedes the published one, which keeps its dates (the history)
  it('publishing the next grade of the town ends the previous one', async () => {
    const next = (await ok(cdc, 'POST', '/api/risk-areas', { jurisdictionId: ids.townA })) as unknown as Grade;
    await ok(commander, 'POST', `/api/risk-areas/${next.id}/confirm`, { level: 'high', note: '专家研判：聚集性风险' });
    await ok(commander, 'POST', `/api/risk-areas/${next.id}/publish`, {
      issuingAuthority: '武进区新冠肺炎疫情防控指挥部',
      publicationRef: '8号',
    });
    const all = (await ok(commander, 'GET', '/api/risk-areas?show=all')) as { items: Grade[] };
    assert.deepEqual(all.items.map((g) => [g.status, g.level]).sort(), [
      ['published', 'high'],
      ['superseded', 'medium'],
    ]);
    assert.equal(all.items.find((g) => g.status === 'superseded')?.effectiveTo, '2020-03-02');
  });

  // ZONE-004, SC-21: a sporadic case's building is the outbreak spot
  it('suggests the building of a sporadic case as the outbreak spot, sealed', async () => {
    const s = await ok(cdc, 'GET', `/api/control-zones/suggestion?caseId=${ids.case}&outbreakType=sporadic`);
    assert.deepEqual(
      [s.kind, s.zoneType, (s.unit as { id: string }).id, s.unitName],
      ['outbreak_spot', 'sealed_zone', ids.building, '甲社区5幢'],
    );
    const c = await ok(cdc, 'GET', `/api/control-zones/suggestion?caseId=${ids.case}&outbreakType=transmission`);
    assert.deepEqual([c.kind, (c.unit as { id: string }).id], ['outbreak_zone', ids.villageA]);
  });

  const zone = () => ({
    name: '甲社区5幢封控区',
    kind: 'outbreak_spot',
    zoneType: 'sealed_zone',
    outbreakType: 'sporadic',
    basisKind: 'case',
    basisRef: '赵病例（确诊）',
    basisNote: '散发病例住所楼栋，依 seed 003 item 18 划为疫点',
    caseId: ids.case,
    units: [{ kind: 'building', id: ids.building }],
  });

  // ZONE-002, ZONE-003: a zone needs a basis and units in scope; nothing is written otherwise
  it('refuses a zone without a basis, a case basis without its case, a unit of the wrong kind or another town’s unit', async () => {
    const { basisRef: _, ...noBasis } = zone();
    const before_ = await count('control_zone');
    await refused(cdc, 'POST', '/api/control-zones', noBasis, 400, 'basisRef');
    await refused(cdc, 'POST', '/api/control-zones', { ...zone(), caseId: undefined }, 400, 'caseId');
    await refused(cdc, 'POST', '/api/control-zones', { ...zone(), units: [{ kind: 'unit', id: ids.building }] }, 400, 'units.0.kind');
    await refused(otherOffice, 'POST', '/api/control-zones', { ...zone(), caseId: undefined, basisKind: 'decision' }, 404, 'units.0.id');
    // issue 14, RULES-001: a zone starting before any edition was in force there has no rules to run under
    const early = await refused(cdc, 'POST', '/api/control-zones', { ...zone(), startAt: '2019-06-01T09:00:00+08:00' }, 400, 'startAt');
    assert.equal(early.code, 'noEditionInForce');
    assert.equal(await count('control_zone'), before_);
  });

  // ZONE-008, SC-25, issue 14: the zone takes effect through the codes, the passes and the campaign pool
  it('a sealed zone over the building: its residents’ codes turn red, their pass stays in, the campaign pools them singly', async () => {
    const pass = await ok(office, 'POST', '/api/passes', { householdId: ids.household });
    const campaign = await ok(office, 'POST', '/api/testing/campaigns', {
      name: '甲社区全员检测',
      jurisdictionId: ids.villageA,
      startsAt: at(DAY1).toISOString(),
    });
    const point = await ok(office, 'POST', `/api/testing/campaigns/${String(campaign.id)}/collection-points`, {
      name: '甲社区广场',
      jurisdictionId: ids.villageA,
      opensAt: '07:00',
      closesAt: '19:00',
      staff: 2,
      expectedResidents: 100,
    });
    const drawn = await ok(cdc, 'POST', '/api/control-zones', zone());
    ids.zone = String(drawn.id);
    assert.equal(await audits('zone.draw'), 1);
    const code = await ok(commander, 'GET', `/api/persons/${ids.neighbour}/code`);
    assert.equal(code.colour, 'red');
    assert.ok((code.because as Reason[]).some((r) => r.rule === 'code.residentOfControlZone.red'));
    assert.equal((await ok(commander, 'GET', `/api/persons/${ids.outside}/code`)).colour, 'yellow', 'a high-risk town: yellow, not red');
    const use = await ok(office, 'POST', `/api/checkpoints/${ids.checkpoint}/pass-uses`, { passNumber: pass.passNumber, direction: 'out' });
    assert.deepEqual([use.allowed, (use.because as Reason[])[0]?.rule, use.nextAllowedDate], [false, 'checkpoint.pass.sealedZone', null]);
    const detail = await ok(office, 'GET', `/api/testing/campaigns/${String(campaign.id)}`);
    assert.deepEqual(
      (detail.controlZones as { zoneId: string; poolSize: number }[]).map((z) => [z.zoneId, z.poolSize]),
      [[ids.zone, 1]],
    );
    const scan = await town.request('POST', `/api/testing/collection-points/${String(point.id)}/scans`, {
      barcode: 'ZONE-P-0001',
      personId: ids.neighbour,
    });
    assert.equal(scan.statusCode, 400, scan.body);
    assert.equal((scan.json() as { code: string }).code, 'poolTooLargeForZone');
    const outsider = await town.request('POST', `/api/testing/collection-points/${String(point.id)}/scans`, {
      barcode: 'ZONE-P-0002',
      personId: ids.outside,
    });
    assert.equal(outsider.statusCode, 201, outsider.body);
  });

  // ZONE-017: the checklist decides; a lift before it holds is the commander's audited override only
  it('refuses to lift before the checklist holds; the override is the commander’s, with a reason', async () => {
    const detail = await ok(office, 'GET', `/api/control-zones/${ids.zone}`);
    const checklist = detail.checklist as Check;
    assert.equal(detail.residents, 2);
    assert.deepEqual(
      checklist.items.map((i) => [i.item, i.holds]),
      [
        ['quietPeriod', false],
        ['contactsNegative', true],
        ['areaScreening', false],
      ],
    );
    assert.deepEqual((detail.effects as { codeColour: { colour: string } }).codeColour.colour, 'red');
    const refusal = await refused(office, 'POST', `/api/control-zones/${ids.zone}/lift`, {}, 409, 'checklist');
    assert.equal((refusal.details as Check).holds, false);
    await refused(office, 'POST', `/api/control-zones/${ids.zone}/lift`, { override: true, reason: '试图越权' }, 403, 'override');
    await refused(commander, 'POST', `/api/control-zones/${ids.zone}/lift`, { override: true }, 400, 'reason');
    await refused(town, 'POST', `/api/control-zones/${ids.zone}/lift`, {}, 403);
    await refused(otherOffice, 'GET', `/api/control-zones/${ids.zone}`, undefined, 404, 'id');
    assert.equal(await audits('zone.lift'), 0);
    assert.equal((await ok(office, 'GET', `/api/control-zones/${ids.zone}`)).status, 'active');
  });

  // ZONE-017, issue 14: 14 quiet days and an all-negative screening of the residents: the zone is lifted and its effects end
  it('lifts the zone when its checklist holds, and the residents’ codes and pass follow', async () => {
    await setNow(DAY16);
    const barcodes = ['ZONE-S-0001', 'ZONE-S-0002'];
    for (const [i, personId] of [ids.patient, ids.neighbour].entries())
      await ok(town, 'POST', '/api/testing/samples', { personId, barcode: barcodes[i], purpose: 'voluntary', labName: '武进区疾控中心' });
    await ok(lab, 'POST', '/api/testing/lab-results', {
      labName: '武进区疾控中心',
      results: barcodes.map((barcode) => ({ barcode, result: 'negative' })),
    });
    const checklist = (await ok(office, 'GET', `/api/control-zones/${ids.zone}`)).checklist as Check;
    assert.equal(checklist.holds, true, JSON.stringify(checklist));
    const lifted = await ok(office, 'POST', `/api/control-zones/${ids.zone}/lift`, {});
    assert.deepEqual([lifted.status, lifted.liftOverride], ['lifted', false]);
    assert.equal(await audits('zone.lift'), 1);
    assert.notEqual((await ok(commander, 'GET', `/api/persons/${ids.neighbour}/code`)).colour, 'red');
    await refused(office, 'POST', `/api/control-zones/${ids.zone}/lift`, {}, 409, 'id');
  });

  it('the commander’s override lifts a zone before its checklist holds, and the audit keeps the reason', async () => {
    const drawn = await ok(cdc, 'POST', '/api/control-zones', {
      ...zone(),
      name: '甲社区5幢1单元管控区',
      zoneType: 'controlled_zone',
      units: [{ kind: 'unit', id: ids.unit }],
    });
    const lifted = await ok(commander, 'POST', `/api/control-zones/${String(drawn.id)}/lift`, {
      override: true,
      reason: '专家组评估：传播链已阻断',
    });
    assert.deepEqual([lifted.liftOverride, lifted.overrideReason], [true, '专家组评估：传播链已阻断']);
    const [row] = await queryRows<{ reason: string }>(
      runtime.deps.database.db,
      sql`select reason from audit_event where action = 'zone.lift.override'`,
    );
    assert.equal(row?.reason, '专家组评估：传播链已阻断');
  });

  it('the map shows the towns with their published grades and the zones, and nothing of town A to town B', async () => {
    const map = (await ok(commander, 'GET', '/api/zone-map')) as { nodes: { name: string; riskLevel: string | null }[]; zones: unknown[] };
    assert.equal(map.nodes.find((n) => n.name === '湖塘镇')?.riskLevel, 'high');
    assert.equal(map.nodes.find((n) => n.name === '牛塘镇')?.riskLevel, null);
    const theirs = (await ok(otherOffice, 'GET', '/api/zone-map')) as { nodes: { name: string }[]; zones: unknown[] };
    assert.ok(theirs.nodes.every((n) => n.name !== '湖塘镇' && n.name !== '甲社区'));
    assert.deepEqual(theirs.zones, []);
    await refused(otherOffice, 'GET', `/api/zone-map?jurisdictionId=${ids.townA}`, undefined, 404, 'jurisdictionId');
  });
});
