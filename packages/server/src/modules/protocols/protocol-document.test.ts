import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { exportEdition, findEdition, type ProtocolEdition } from '@fangkong/core';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/query-rows.ts';
import { addTwoTowns, addUser, expectOk, loginAs, residentId, type TestClient } from '../../testing/factories.ts';
import { createTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';
import { protocolInForce } from './protocol-in-force.ts';
import { homeObservationProfile } from './sample-profile.ts';

const NOW = new Date('2026-12-01T10:00:00+08:00');
const START = '2026-11-29';

interface Phase {
  type: string;
  from: string;
  to: string | null;
}
interface EpisodeReply {
  id: string;
  editionId: string;
  profileId: string | null;
  plan: { phases: Phase[]; profile: string | null };
}

/**
 * Issue 14 part 3, protocols as data (RULES-001: rules per jurisdiction, profile and effective date, each with its
 * source; §18 V1: the close-contact quarantine place differs by place; KP-D01): the command office drafts a local
 * profile for 湖塘镇 from a document, the preview counts the people under management whose plan it would change,
 * the commander approves it with its legal basis, it is activated, and the next close contact registered in the
 * town runs under it while town B and running episodes keep theirs. Every write is audited; bad documents are
 * refused with the protocol path and reason, nothing written.
 */
describe('protocol documents through the API (issue 14 part 3)', () => {
  let runtime: TestRuntime;
  let office: TestClient;
  let commander: TestClient;
  let cdc: TestClient;
  let officeB: TestClient;
  const ids: Record<string, string> = {};
  let seq = 500;

  const ok = expectOk;
  const refused = async (client: TestClient, method: string, url: string, body: unknown, status: number, code: string) => {
    const reply = await client.request(method, url, body);
    assert.equal(reply.statusCode, status, reply.body);
    const json = reply.json() as { code: string; field?: string; details?: { issues?: { path: string; reason: string }[] } };
    assert.equal(json.code, code, reply.body);
    return json;
  };
  const count = async (query: ReturnType<typeof sql>) => (await queryRows<{ n: number }>(runtime.deps.database.db, query))[0]?.n ?? 0;
  const documents = () => count(sql`select count(*)::int as n from protocol_document`);
  const audits = (action: string) => count(sql`select count(*)::int as n from audit_event where action = ${action}`);

  async function episode(villageId: string, category = 'close_contact'): Promise<EpisodeReply> {
    seq += 2;
    const person = await ok(cdc, 'POST', '/api/persons', {
      idType: 'resident_id',
      idNumber: residentId('19800101', seq),
      name: `测试${seq}`,
      jurisdictionId: villageId,
    });
    const registered = await ok(cdc, 'POST', '/api/key-persons/episodes', { personId: person.id, category, startDate: START });
    return (await ok(cdc, 'GET', `/api/key-persons/episodes/${String(registered.id)}`)) as unknown as EpisodeReply;
  }

  before(async () => {
    runtime = await createTestRuntime({ FANGKONG_LOGIN_RATE: '1000' });
    runtime.deps.clock = () => NOW;
    const deps = runtime.deps;
    const { county, townA, townB, villageA, villageB } = await addTwoTowns(deps);
    Object.assign(ids, { county: county.id, townA: townA.id, townB: townB.id, villageA: villageA.id, villageB: villageB.id });
    await addUser(deps, 'office', 'command_office_staff', county.id);
    await addUser(deps, 'commander', 'district_commander', county.id);
    await addUser(deps, 'cdc', 'cdc_epidemiologist', county.id);
    await addUser(deps, 'office-b', 'command_office_staff', townB.id);
    office = await loginAs(runtime.app, 'office');
    commander = await loginAs(runtime.app, 'commander');
    cdc = await loginAs(runtime.app, 'cdc');
    officeB = await loginAs(runtime.app, 'office-b');
  });
  after(() => runtime.close());

  it('RULES-001 issue 14 "Bad input": a document that fails the schema or contradicts itself is refused with its path, nothing written', async () => {
    const broken = homeObservationProfile('320412100', 'hutang-broken');
    const phase = broken.profile.overrides.close_contact?.phases?.[0];
    assert.ok(phase);
    phase.days = 4; // the edition still tests on quarantine day 5 and 7
    const reply = await refused(office, 'POST', '/api/protocols/documents', { document: broken }, 400, 'protocolDocumentInvalid');
    assert.equal(reply.field, 'document.profile.overrides.close_contact.tests[3].day');
    assert.deepEqual(
      reply.details?.issues?.map((i) => i.reason),
      ['testOutsidePhase', 'testOutsidePhase'],
    );
    const edition = exportEdition(findEdition('cn-2022-9th') as ProtocolEdition) as unknown as { edition: Record<string, unknown> };
    edition.edition.id = 'cn-2022-10th';
    edition.edition.effectiveTo = '2022-01-01';
    const ended = await refused(
      office,
      'POST',
      '/api/protocols/documents',
      { document: edition, jurisdictionId: ids.county },
      400,
      'protocolDocumentInvalid',
    );
    assert.equal(ended.field, 'document.edition.effectiveTo');
    const shipped = await refused(
      office,
      'POST',
      '/api/protocols/documents',
      { document: exportEdition(findEdition('seed-2020') as ProtocolEdition), jurisdictionId: ids.county },
      409,
      'protocolIdTaken',
    );
    assert.equal(shipped.field, 'document.edition.id');
    // Town B's office cannot write a profile for town A: 400 on the field that names it.
    const outside = await refused(
      officeB,
      'POST',
      '/api/protocols/documents',
      { document: homeObservationProfile('320412100', 'by-b') },
      400,
      'outsideJurisdiction',
    );
    assert.equal(outside.field, 'document.profile.jurisdictionCode');
    assert.equal(await documents(), 0);
  });

  it('§18 V1 KP-D01: a draft is previewed: the rules it changes and the open episodes whose plan would differ', async () => {
    ids.before1 = (await episode(ids.villageA as string)).id;
    ids.before2 = (await episode(ids.villageA as string)).id;
    await episode(ids.villageA as string, 'secondary_contact'); // a category the profile leaves alone
    await episode(ids.villageB as string); // outside the subtree
    const draft = await ok(office, 'POST', '/api/protocols/documents', { document: homeObservationProfile('320412100', 'hutang-home-v1') });
    assert.equal(draft.status, 'draft');
    ids.draft = String(draft.id);
    assert.equal(await audits('protocol.draft'), 1);
    const preview = (await ok(commander, 'GET', `/api/protocols/documents/${ids.draft}/preview`)) as {
      changes: { category: string; changes: { path: string; after?: unknown }[] }[];
      episodes: { total: number; byCategory: Record<string, number> };
    };
    assert.deepEqual(preview.episodes, { total: 2, byCategory: { close_contact: 2 } });
    assert.deepEqual(
      preview.changes.map((c) => c.category),
      ['close_contact'],
    );
    assert.ok(preview.changes[0]?.changes.some((c) => c.path === 'phases[0].type' && c.after === 'home_quarantine'));
    const listedB = (await ok(officeB, 'GET', '/api/protocols/documents')) as { items: unknown[] };
    assert.equal(listedB.items.length, 0);
    await refused(officeB, 'GET', `/api/protocols/documents/${ids.draft}`, undefined, 404, 'notFound');
  });

  it('RULES-001: approval needs another person than the drafter, the legal basis, and the approve permission; activation needs approval', async () => {
    await refused(office, 'POST', `/api/protocols/documents/${ids.draft}/activate`, {}, 409, 'protocolNotApproved');
    await refused(
      office,
      'POST',
      `/api/protocols/documents/${ids.draft}/approve`,
      { basis: '武进区指挥部〔2026〕12号' },
      403,
      'approverIsDrafter',
    );
    await refused(cdc, 'POST', `/api/protocols/documents/${ids.draft}/approve`, { basis: '武进区指挥部〔2026〕12号' }, 403, 'forbidden');
    const noBasis = await refused(commander, 'POST', `/api/protocols/documents/${ids.draft}/approve`, {}, 400, 'required');
    assert.equal(noBasis.field, 'basis');
    const approved = await ok(commander, 'POST', `/api/protocols/documents/${ids.draft}/approve`, { basis: '武进区指挥部〔2026〕12号' });
    assert.deepEqual([approved.status, approved.approvalBasis], ['approved', '武进区指挥部〔2026〕12号']);
    await refused(
      office,
      'PUT',
      `/api/protocols/documents/${ids.draft}`,
      { document: homeObservationProfile('320412100', 'hutang-home-v1') },
      409,
      'protocolNotDraft',
    );
    const past = await refused(
      commander,
      'POST',
      `/api/protocols/documents/${ids.draft}/activate`,
      { effectiveFrom: '2026-11-30' },
      400,
      'pastDate',
    );
    assert.equal(past.field, 'effectiveFrom');
    const active = await ok(commander, 'POST', `/api/protocols/documents/${ids.draft}/activate`, {});
    assert.deepEqual([active.status, active.effectiveFrom], ['active', '2026-12-01']);
    assert.deepEqual([await audits('protocol.approve'), await audits('protocol.activate')], [1, 1]);
  });

  it('§18 V1 SC-05 KP-D01: a new close contact in the town runs under the profile; town B and running episodes keep theirs', async () => {
    const inTown = await episode(ids.villageA as string);
    assert.deepEqual([inTown.editionId, inTown.profileId], ['cn-2022-9th', 'hutang-home-v1']);
    assert.deepEqual(
      inTown.plan.phases.map((p) => [p.type, p.from, p.to]),
      [
        ['home_quarantine', '2026-11-29', '2026-12-05'],
        ['home_health_monitoring', '2026-12-06', '2026-12-08'],
      ],
    );
    const inB = await episode(ids.villageB as string);
    assert.deepEqual([inB.profileId, inB.plan.phases[0]?.type], [null, 'centralized_quarantine']);
    const running = (await ok(cdc, 'GET', `/api/key-persons/episodes/${ids.before1}`)) as unknown as EpisodeReply;
    assert.deepEqual([running.profileId, running.plan.phases[0]?.type], [null, 'centralized_quarantine']);
    const rules = await protocolInForce(runtime.deps.database.db, { jurisdictionPath: '/32/3204/320412/320412100/320412100001/', at: NOW });
    assert.deepEqual([rules.edition.id, rules.profile?.id, rules.profileSource?.kind], ['cn-2022-9th', 'hutang-home-v1', 'document']);
    const county = await protocolInForce(runtime.deps.database.db, { jurisdictionPath: '/32/3204/320412/', at: NOW });
    assert.deepEqual([county.edition.id, county.profile], ['cn-2022-9th', undefined]);
  });

  it('RULES-001: a later profile for the same town supersedes the active one; the export reads back as the document drafted', async () => {
    const second = await ok(cdc, 'POST', '/api/protocols/documents', { document: homeObservationProfile('320412100', 'hutang-home-v2') });
    await ok(office, 'POST', `/api/protocols/documents/${String(second.id)}/approve`, { basis: '武进区指挥部〔2026〕13号' });
    await ok(office, 'POST', `/api/protocols/documents/${String(second.id)}/activate`, { effectiveFrom: '2026-12-02' });
    const first = await ok(office, 'GET', `/api/protocols/documents/${ids.draft}`);
    assert.equal(first.status, 'superseded');
    assert.equal(await audits('protocol.supersede'), 1);
    // Effective tomorrow: today the rules of the place are still nobody's profile (the first was superseded).
    const today = await protocolInForce(runtime.deps.database.db, { jurisdictionPath: '/32/3204/320412/320412100/', at: NOW });
    assert.equal(today.profile, undefined);
    const tomorrow = await protocolInForce(runtime.deps.database.db, {
      jurisdictionPath: '/32/3204/320412/320412100/',
      at: new Date('2026-12-02T09:00:00+08:00'),
    });
    assert.equal(tomorrow.profile?.id, 'hutang-home-v2');
    const exported = await ok(office, 'GET', `/api/protocols/documents/${String(second.id)}/export`);
    assert.deepEqual(exported, homeObservationProfile('320412100', 'hutang-home-v2'));
    const shipped = await ok(office, 'GET', '/api/protocols/shipped/seed-2020/export');
    assert.deepEqual(shipped, exportEdition(findEdition('seed-2020') as ProtocolEdition));
    const listed = (await ok(commander, 'GET', '/api/protocols/documents?status=active')) as { items: { key: string }[] };
    assert.deepEqual(
      listed.items.map((i) => i.key),
      ['hutang-home-v2'],
    );
  });

  it('RULES-001, SC-25, issue 14 part 3: an imported edition is previewed (rules, people, campaigns), approved by another with its basis, activated; new episodes and campaigns run it, running ones keep theirs', async () => {
    const running = await episode(ids.villageB ?? '');
    const opened = await ok(office, 'POST', '/api/testing/campaigns', {
      name: '乙社区检测',
      jurisdictionId: ids.villageB,
      startsAt: NOW.toISOString(),
    });
    assert.equal(opened.defaultPoolSize, 10);
    const file = exportEdition(findEdition('cn-2022-9th') as ProtocolEdition);
    file.edition.id = 'wujin-2026';
    file.edition.name = '武进区防控方案（2026）';
    file.edition.effectiveFrom = '2026-11-01';
    file.edition.legalBasis = [
      { title: '武进区防控方案（2026）', issuer: '武进区防控指挥部', documentNumber: '武防指〔2026〕9号', issued: '2026-11-20' },
    ];
    const monitoring = file.edition.categories.close_contact?.phases[1];
    assert.ok(monitoring);
    monitoring.days = 5;
    const general = file.edition.testing?.pooling.find((p) => p.zoneType === 'general');
    assert.ok(general);
    general.sizes = [20, 10, 5, 1];
    const draft = await ok(office, 'POST', '/api/protocols/documents', { document: file, jurisdictionId: ids.county });
    const id = String(draft.id);
    // issue 14 "Bad input": an edition activated without approval, approved by its drafter or without a basis
    await refused(commander, 'POST', `/api/protocols/documents/${id}/activate`, {}, 409, 'protocolNotApproved');
    await refused(office, 'POST', `/api/protocols/documents/${id}/approve`, { basis: '武防指〔2026〕9号' }, 403, 'approverIsDrafter');
    const noBasis = await refused(commander, 'POST', `/api/protocols/documents/${id}/approve`, {}, 400, 'required');
    assert.equal(noBasis.field, 'basis');
    const preview = (await ok(office, 'GET', `/api/protocols/documents/${id}/preview`)) as {
      against: string;
      changes: { changes: { path: string; before?: unknown; after?: unknown }[] }[];
      episodes: { total: number; byCategory: Record<string, number> };
      campaigns: { id: string; name: string }[];
    };
    assert.equal(preview.against, 'cn-2022-9th');
    const paths = preview.changes[0]?.changes.map((c) => c.path) ?? [];
    assert.ok(paths.includes('categories.close_contact.phases[1].days'), paths.join());
    assert.ok(paths.includes('testing.pooling[3].sizes[0]'), paths.join());
    const open = await count(
      sql`select count(*)::int as n from key_person_episode where status = 'active' and edition_id = 'cn-2022-9th' and category = 'close_contact'`,
    );
    assert.ok(open >= 1);
    assert.deepEqual(preview.episodes.byCategory, { close_contact: open });
    assert.ok(preview.campaigns.some((c) => c.id === opened.id));
    await ok(commander, 'POST', `/api/protocols/documents/${id}/approve`, { basis: '武防指〔2026〕9号' });
    const activations = await audits('protocol.activate');
    const active = await ok(commander, 'POST', `/api/protocols/documents/${id}/activate`, {});
    assert.deepEqual([active.status, active.effectiveFrom], ['active', '2026-12-01']);
    assert.equal(await audits('protocol.activate'), activations + 1);
    // from now on: a new close contact runs the district's edition (monitoring 5 days); the running one keeps the 9th
    const next = await episode(ids.villageB ?? '');
    assert.equal(next.editionId, 'wujin-2026');
    assert.deepEqual(
      next.plan.phases.map((p) => [p.type, p.from, p.to]),
      [
        ['centralized_quarantine', '2026-11-29', '2026-12-05'],
        ['home_health_monitoring', '2026-12-06', '2026-12-10'],
      ],
    );
    const kept = (await ok(cdc, 'GET', `/api/key-persons/episodes/${running.id}`)) as unknown as EpisodeReply;
    assert.equal(kept.editionId, 'cn-2022-9th');
    assert.equal(kept.plan.phases[1]?.to, '2026-12-08');
    // a campaign opened now pools 20:1 by default; the one opened before keeps 10:1
    const later = await ok(office, 'POST', '/api/testing/campaigns', {
      name: '乙社区二轮',
      jurisdictionId: ids.villageB,
      startsAt: NOW.toISOString(),
    });
    assert.deepEqual([later.editionId, later.defaultPoolSize], ['wujin-2026', 20]);
    const before_ = await ok(office, 'GET', `/api/testing/campaigns/${String(opened.id)}`);
    assert.deepEqual([before_.editionId, before_.defaultPoolSize], ['cn-2022-9th', 10]);
    // the observation of an episode under the district's edition reads that edition's rule
    await ok(cdc, 'POST', `/api/key-persons/episodes/${next.id}/observations`, {
      observedAt: NOW.toISOString(),
      temperature: 36.5,
      symptoms: [],
    });
  });
});
