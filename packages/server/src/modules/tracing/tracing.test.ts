import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { assistRequest, auditEvent, caseReport, scan, testingGroupMember } from '../../db/schema/index.ts';
import { addHousehold, addTwoTowns, addUser, loginAs, residentId, type TestClient } from '../../testing/factories.ts';
import { createTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';
import { insertPlace } from '../places/place.repository.ts';

const at = (local: string) => new Date(`${local}:00+08:00`);

interface Candidate {
  personId: string;
  kind: string;
  reason: { zh: string; en: string };
  suggestedCategory: string;
  outsideJurisdiction: boolean;
}

// REQUIREMENTS KP-D05, KP-D06, CASE-003, CASE-009; SC-01 (a confirmed close contact starts the edition's plan)
describe('contact tracing API: candidates, confirm / reject, events, chains', () => {
  let runtime: TestRuntime;
  let cdcA: TestClient;
  let cdcB: TestClient;
  let caseId: string;
  const p: Record<'index' | 'home' | 'market' | 'event' | 'colleague', string> = {
    index: '',
    home: '',
    market: '',
    event: '',
    colleague: '',
  };

  before(async () => {
    runtime = await createTestRuntime({ FANGKONG_LOGIN_RATE: '1000' });
    runtime.deps.clock = () => at('2020-03-05T10:00');
    const { county, townA, townB, villageA, villageB } = await addTwoTowns(runtime.deps);
    const home = await addHousehold(runtime.deps, villageA, 'A-1-101');
    await addUser(runtime.deps, 'cdc-county', 'cdc_epidemiologist', county.id);
    await addUser(runtime.deps, 'cdc-a', 'cdc_epidemiologist', townA.id);
    await addUser(runtime.deps, 'cdc-b', 'cdc_epidemiologist', townB.id);
    const county_ = await loginAs(runtime.app, 'cdc-county');
    let seq = 300;
    const newPerson = async (jurisdictionId: string, householdId?: string) => {
      seq += 2;
      const reply = await county_.request('POST', '/api/persons', {
        idType: 'resident_id',
        idNumber: residentId('19800101', seq),
        name: `追踪${seq}`,
        jurisdictionId,
        ...(householdId ? { householdId } : {}),
      });
      assert.equal(reply.statusCode, 201, reply.body);
      return (reply.json() as { id: string }).id;
    };
    p.index = await newPerson(villageA.id, home.id);
    p.home = await newPerson(villageA.id, home.id);
    p.market = await newPerson(villageB.id);
    p.event = await newPerson(villageA.id);
    p.colleague = await newPerson(villageA.id);
    const db = runtime.deps.database.db;
    const market = await insertPlace(db, {
      kind: 'venue',
      name: '湖塘菜市场',
      code: 'MKT-1',
      jurisdictionId: townA.id,
      jurisdictionPath: townA.path,
    });
    await db.insert(scan).values([
      { personId: p.index, placeId: market.id, scannedAt: at('2020-03-02T10:00'), decision: 'allow', jurisdictionPath: townA.path },
      { personId: p.market, placeId: market.id, scannedAt: at('2020-03-02T10:10'), decision: 'allow', jurisdictionPath: townA.path },
    ]);
    await db.insert(testingGroupMember).values(
      [p.index, p.colleague].map((personId) => ({
        group: 'medical_staff',
        personId,
        unitName: '武进人民医院',
        joinedOn: '2020-01-01',
        jurisdictionId: villageA.id,
        jurisdictionPath: villageA.path,
      })),
    );
    const rows = await db
      .insert(caseReport)
      .values({
        caseNumber: '320412-2020-0001',
        personId: p.index,
        classification: 'confirmed',
        onsetDate: '2020-03-03',
        discoveredAt: at('2020-03-04T09:00'),
        reportDueAt: at('2020-03-04T11:00'),
        investigationDueAt: at('2020-03-05T09:00'),
        sealingDueAt: at('2020-03-05T09:00'),
        source: 'manual',
        editionId: 'seed-2020',
        jurisdictionId: villageA.id,
        jurisdictionPath: villageA.path,
      })
      .returning();
    caseId = rows[0]?.id ?? '';
    cdcA = await loginAs(runtime.app, 'cdc-a');
    cdcB = await loginAs(runtime.app, 'cdc-b');
  });
  after(() => runtime.close());

  const candidates = async () => {
    const reply = await cdcA.request('GET', `/api/tracing/cases/${caseId}/candidates`);
    assert.equal(reply.statusCode, 200, reply.body);
    return (reply.json() as { items: Candidate[] }).items;
  };

  it('records an event with participants; a time in the future or an end before the start is a 400 with the field (CASE-009)', async () => {
    const body = { name: '家庭聚餐', kind: 'gathering', fromAt: '2020-03-02T18:00:00+08:00', toAt: '2020-03-02T20:00:00+08:00' };
    const created = await cdcA.request('POST', '/api/tracing/events', { ...body, participantIds: [p.index, p.event] });
    assert.equal(created.statusCode, 201, created.body);
    const backwards = await cdcA.request('POST', '/api/tracing/events', { ...body, toAt: '2020-03-02T17:00:00+08:00', participantIds: [] });
    assert.equal(backwards.statusCode, 400);
    assert.equal((backwards.json() as { field: string }).field, 'toAt');
    const future = await cdcA.request('POST', '/api/tracing/events', {
      ...body,
      fromAt: '2020-03-09T18:00:00+08:00',
      toAt: '2020-03-09T19:00:00+08:00',
      participantIds: [],
    });
    assert.equal((future.json() as { field: string }).field, 'fromAt');
    const { id } = created.json() as { id: string };
    assert.equal((await cdcB.request('GET', `/api/tracing/events/${id}`)).statusCode, 404);
  });

  it('proposes household, roster colleague, event participant and co-located person, each with why and the suggested category (KP-D05, CASE-003)', async () => {
    const found = await candidates();
    const kindOf = new Map(found.map((c) => [c.personId, c]));
    assert.equal(kindOf.get(p.home)?.kind, 'household');
    assert.equal(kindOf.get(p.colleague)?.kind, 'workplace');
    assert.equal(kindOf.get(p.event)?.kind, 'event');
    assert.equal(kindOf.get(p.market)?.kind, 'co_location');
    assert.match(kindOf.get(p.market)?.reason.zh ?? '', /时空伴随.*湖塘菜市场/);
    assert.ok(!kindOf.has(p.index), 'the case is never its own contact');
    assert.ok(found.every((c) => c.suggestedCategory === 'close_contact'));
    assert.equal(kindOf.get(p.market)?.outsideJurisdiction, true);
    assert.equal(kindOf.get(p.home)?.outsideJurisdiction, false);
  });

  it('another jurisdiction gets 404 for the case’s candidates and cannot confirm (scope)', async () => {
    assert.equal((await cdcB.request('GET', `/api/tracing/cases/${caseId}/candidates`)).statusCode, 404);
    const reply = await cdcB.request('POST', `/api/tracing/cases/${caseId}/contacts`, { personId: p.home });
    assert.equal(reply.statusCode, 404);
  });

  it('confirming a household member opens a close-contact episode from the last exposure, audited (SC-01, KP-D05)', async () => {
    const reply = await cdcA.request('POST', `/api/tracing/cases/${caseId}/contacts`, { personId: p.home });
    assert.equal(reply.statusCode, 201, reply.body);
    const decision = reply.json() as { episodeId: string; category: string; assistRequestId: string | null };
    assert.equal(decision.category, 'close_contact');
    assert.equal(decision.assistRequestId, null);
    const episode = (await cdcA.request('GET', `/api/key-persons/episodes/${decision.episodeId}`)).json() as {
      category: string;
      startDate: string;
    };
    assert.equal(episode.category, 'close_contact');
    assert.equal(episode.startDate, '2020-03-05');
    const audits = await runtime.deps.database.db.select().from(auditEvent).where(eq(auditEvent.action, 'tracing.confirmContact'));
    assert.equal(audits.length, 1);
    const twice = await cdcA.request('POST', `/api/tracing/cases/${caseId}/contacts`, { personId: p.home });
    assert.equal(twice.statusCode, 409, 'a contact is linked to a case once');
    const self = await cdcA.request('POST', `/api/tracing/cases/${caseId}/contacts`, { personId: p.index });
    assert.equal(self.statusCode, 400);
  });

  it('confirming a person of another town sends an assist request (协查) to their jurisdiction instead (KP-D06)', async () => {
    const reply = await cdcA.request('POST', `/api/tracing/cases/${caseId}/contacts`, { personId: p.market });
    assert.equal(reply.statusCode, 201, reply.body);
    const { assistRequestId, episodeId } = reply.json() as { assistRequestId: string; episodeId: string | null };
    assert.equal(episodeId, null);
    const rows = await runtime.deps.database.db.select().from(assistRequest).where(eq(assistRequest.id, assistRequestId));
    assert.match(rows[0]?.jurisdictionPath ?? '', /320412102/);
    const seenByB = (await cdcB.request('GET', '/api/assist-requests')).json() as { total: number };
    assert.equal(seenByB.total, 1);
  });

  it('rejecting needs a reason, is kept and the person is not proposed again (KP-D05)', async () => {
    const noReason = await cdcA.request('POST', `/api/tracing/cases/${caseId}/rejections`, { personId: p.colleague });
    assert.equal((noReason.json() as { field: string }).field, 'note');
    const reply = await cdcA.request('POST', `/api/tracing/cases/${caseId}/rejections`, {
      personId: p.colleague,
      note: '不同科室，无接触',
    });
    assert.equal(reply.statusCode, 201, reply.body);
    const left = (await candidates()).map((c) => c.personId);
    assert.deepEqual(left, [p.event]);
    const contacts = (await cdcA.request('GET', `/api/tracing/cases/${caseId}/contacts`)).json() as {
      status: string;
      episodeStatus: string | null;
    }[];
    assert.deepEqual(contacts.map((c) => c.status).sort(), ['confirmed', 'confirmed', 'rejected']);
  });

  it('chains page roots with every case below them; serial interval from the pairs; other towns see nothing (CASE-009)', async () => {
    const db = runtime.deps.database.db;
    const [source] = await db.select().from(caseReport).where(eq(caseReport.id, caseId));
    if (!source) throw new Error('no case');
    await db.insert(caseReport).values({
      ...source,
      id: undefined,
      caseNumber: '320412-2020-0002',
      personId: p.home,
      onsetDate: '2020-03-08',
      infectorCaseId: caseId,
      discoveredAt: at('2020-03-05T09:30'),
    });
    const reply = await cdcA.request('GET', '/api/chains');
    assert.equal(reply.statusCode, 200, reply.body);
    const page = reply.json() as { total: number; items: { rootId: string; size: number; depth: number; contacts: number }[] };
    assert.equal(page.total, 1);
    assert.equal(page.items[0]?.rootId, caseId);
    assert.equal(page.items[0]?.size, 2);
    assert.equal(page.items[0]?.depth, 1);
    assert.equal(page.items[0]?.contacts, 2);
    const detail = (await cdcA.request('GET', `/api/chains/${caseId}`)).json() as {
      nodes: { name: string; infectorCaseId: string | null }[];
    };
    assert.deepEqual(
      detail.nodes.map((n) => n.infectorCaseId),
      [null, caseId],
    );
    assert.ok(
      detail.nodes.every((n) => n.name.includes('*')),
      'names masked in the chain',
    );
    assert.equal((await cdcB.request('GET', `/api/chains/${caseId}`)).statusCode, 404);
    const si = (await cdcA.request('GET', '/api/chains/serial-interval')).json() as { n: number; meanDays: number };
    assert.deepEqual([si.n, si.meanDays], [1, 5]);
    assert.equal(((await cdcB.request('GET', '/api/chains')).json() as { total: number }).total, 0);
    const follow = (await cdcA.request('GET', '/api/tracing/follow-up')).json() as { underFollowUp: number; becameCases: number }[];
    assert.equal(follow[0]?.underFollowUp, 1);
    assert.equal(follow[0]?.becameCases, 1);
  });
});
