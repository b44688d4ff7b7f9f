import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { exportEdition, findEdition, type ProtocolEdition } from '@fangkong/core';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/query-rows.ts';
import { LogSmsSender } from '../../sms/log-sms-sender.ts';
import { addHousehold, addTwoTowns, addUser, loginAs, residentId, type TestClient } from '../../testing/factories.ts';
import { createTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';

const NOW = '2020-03-10T10:00:00+08:00';
const PASSWORD = 'resident-pass-2020';

interface Person {
  id: string;
  idNumber: string;
  name: string;
  phone: string;
}

/**
 * issue 12 defect 5: registration and proxies proved by the phone and the person's consent, not by knowledge.
 * CODE-001 (one code per person: only the person opens their account), CODE-002 (proxy for family members),
 * CODE-003 / KP-F01 (arrival reports).
 */
describe('issue 12 defect 5: one-time codes, proxy consent, bounded dates', () => {
  let runtime: TestRuntime;
  let now = new Date(NOW);
  let husband: Person;
  let wife: Person;
  let son: Person;
  let neighbour: Person;
  let husbandClient: TestClient;
  let townAId: string;

  const post = (url: string, payload: object) => runtime.app.inject({ method: 'POST', url, payload });
  const later = (ms: number) => {
    now = new Date(now.getTime() + ms);
  };
  const smsCodeTo = (phone: string) => {
    assert.ok(runtime.deps.sms instanceof LogSmsSender);
    return runtime.deps.sms.lastCodeTo(phone) ?? 'none';
  };
  const claim = (p: Person) => ({ idType: 'resident_id', idNumber: p.idNumber, name: p.name, phone: p.phone });
  const registerWith = (p: Person, code: string) => post('/api/residents/register', { ...claim(p), password: PASSWORD, code });
  const openAccount = async (p: Person) => {
    assert.equal((await post('/api/residents/register/code', claim(p))).statusCode, 202);
    assert.equal((await registerWith(p, smsCodeTo(p.phone))).statusCode, 201);
    return loginAs(runtime.app, p.phone, PASSWORD);
  };
  const addDependant = (client: TestClient, p: Person, extra: object = {}) =>
    client.request('POST', '/api/me/dependants', {
      idType: 'resident_id',
      idNumber: p.idNumber,
      name: p.name,
      relation: 'spouse',
      ...extra,
    });

  before(async () => {
    // The per-address limit has its own test (residents.test.ts); here one address plays every resident.
    runtime = await createTestRuntime({ FANGKONG_LOGIN_RATE: '1000' });
    runtime.deps.clock = () => now;
    const { county, townA, villageA } = await addTwoTowns(runtime.deps);
    townAId = townA.id;
    await addUser(runtime.deps, 'office', 'command_office_staff', county.id);
    await addUser(runtime.deps, 'commander', 'district_commander', county.id);
    const home = await addHousehold(runtime.deps, villageA, 'B-1-101');
    await addUser(runtime.deps, 'grid-a', 'grid_worker', villageA.id);
    const grid = await loginAs(runtime.app, 'grid-a');
    const add = async (name: string, birth: string, seq: number, phone: string, householdId: string | null) => {
      const idNumber = residentId(birth, seq);
      const body = { idType: 'resident_id', idNumber, name, phone, jurisdictionId: villageA.id, ...(householdId ? { householdId } : {}) };
      const reply = await grid.request('POST', '/api/persons', body);
      assert.equal(reply.statusCode, 201, reply.body);
      return { id: (reply.json() as { id: string }).id, idNumber, name, phone };
    };
    husband = await add('赵强', '19850505', 111, '13900000011', home.id);
    wife = await add('钱丽', '19870707', 222, '13900000022', home.id);
    son = await add('赵小虎', '20120202', 333, '13900000011', home.id);
    neighbour = await add('孙伟', '19800808', 444, '13900000044', null);
  });
  after(() => runtime.close());

  it('issue 12 defect 5 (CODE-001): ID, name and registry phone alone no longer open an account; the code sent to that phone does', async () => {
    const withoutCode = await post('/api/residents/register', { ...claim(husband), password: PASSWORD });
    assert.equal(withoutCode.statusCode, 400, withoutCode.body);
    assert.equal((withoutCode.json() as { field: string }).field, 'code');
    const sent = await post('/api/residents/register/code', claim(husband));
    assert.equal(sent.statusCode, 202, sent.body);
    assert.equal((sent.json() as { expiresInSeconds: number }).expiresInSeconds, 300);
    const code = smsCodeTo(husband.phone);
    assert.match(code, /^\d{6}$/);
    const wrong = await registerWith(husband, code === '000000' ? '111111' : '000000');
    assert.deepEqual([wrong.statusCode, (wrong.json() as { code: string; field: string }).field], [400, 'code']);
    assert.equal((wrong.json() as { code: string }).code, 'codeInvalid');
    const right = await registerWith(husband, code);
    assert.equal(right.statusCode, 201, right.body);
    assert.equal((await registerWith(husband, code)).statusCode, 403, 'used once; the person now has an account');
    husbandClient = await loginAs(runtime.app, husband.phone, PASSWORD);
  });

  it('issue 12 defect 5: the code is kept only as a keyed hash, expires after 5 minutes and allows 5 tries', async () => {
    const rows = await queryRows<{ code_hash: string }>(runtime.deps.database.db, sql`select code_hash from one_time_code`);
    assert.ok(rows.length > 0 && rows.every((r) => !/^\d{6}$/.test(r.code_hash) && r.code_hash.length > 20));
    assert.equal((await post('/api/residents/register/code', claim(neighbour))).statusCode, 202);
    const code = smsCodeTo(neighbour.phone);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) assert.equal((await registerWith(neighbour, wrong)).statusCode, 400);
    const spent = await registerWith(neighbour, code);
    assert.deepEqual([spent.statusCode, (spent.json() as { code: string }).code], [400, 'codeExpired'], 'five wrong tries use the code up');
    later(61_000);
    assert.equal((await post('/api/residents/register/code', claim(neighbour))).statusCode, 202);
    later(301_000);
    const stale = await registerWith(neighbour, smsCodeTo(neighbour.phone));
    assert.deepEqual([stale.statusCode, (stale.json() as { code: string }).code], [400, 'codeExpired'], 'expired after 5 minutes');
  });

  it('issue 12 defect 5: a phone gets at most one code a minute and five an hour, whoever asks', async () => {
    later(3_600_000);
    assert.equal((await post('/api/residents/register/code', claim(neighbour))).statusCode, 202);
    const again = await post('/api/residents/register/code', claim(neighbour));
    assert.equal(again.statusCode, 429, again.body);
    for (let i = 0; i < 4; i++) {
      later(61_000);
      assert.equal((await post('/api/residents/register/code', claim(neighbour))).statusCode, 202);
    }
    later(61_000);
    assert.equal((await post('/api/residents/register/code', claim(neighbour))).statusCode, 429, 'the sixth in an hour');
  });

  it('issue 12 defect 5 (CODE-002): a household member adding an adult gets a pending request that shows nothing until the adult consents', async () => {
    const added = await addDependant(husbandClient, wife);
    assert.equal(added.statusCode, 201, added.body);
    const link = added.json() as { linkId: string; status: string; consentCodeSent: boolean };
    assert.deepEqual([link.status, link.consentCodeSent], ['pending', true]);
    for (const path of ['code', 'results', 'declarations']) {
      assert.equal((await husbandClient.request('GET', `/api/me/persons/${wife.id}/${path}`)).statusCode, 404, path);
    }
    const arrival = { inbound: false, fromPlace: '武汉', fromRiskLevel: 'high', expectedArrival: '2020-03-12' };
    assert.equal((await husbandClient.request('POST', `/api/me/persons/${wife.id}/arrivals`, arrival)).statusCode, 404);
    const list = (await husbandClient.request('GET', '/api/me/dependants')).json() as { items: { personId: string; status: string }[] };
    assert.deepEqual(
      list.items.map((d) => [d.personId, d.status]),
      [[wife.id, 'pending']],
    );
  });

  it('issue 12 defect 5 (CODE-002): a child is held at once by a household member', async () => {
    const added = await addDependant(husbandClient, son, { relation: 'child' });
    assert.equal(added.statusCode, 201, added.body);
    assert.equal((added.json() as { status: string }).status, 'active');
    assert.equal((await husbandClient.request('GET', `/api/me/persons/${son.id}/code`)).statusCode, 200);
  });

  it('issue 12 defect 5 (CODE-002): the adult sees the request on her own account, consents, and can revoke it again', async () => {
    later(61_000);
    const wifeClient = await openAccount(wife);
    const proxies = (await wifeClient.request('GET', '/api/me/proxies')).json() as {
      items: { linkId: string; proxyName: string; status: string }[];
    };
    assert.deepEqual(
      proxies.items.map((p) => [p.proxyName, p.status]),
      [['赵*', 'pending']],
    );
    const linkId = proxies.items[0]?.linkId ?? '';
    assert.equal((await husbandClient.request('POST', `/api/me/proxies/${linkId}/consent`)).statusCode, 404, 'only she consents');
    const consent = await wifeClient.request('POST', `/api/me/proxies/${linkId}/consent`);
    assert.equal(consent.statusCode, 200, consent.body);
    assert.equal((await husbandClient.request('GET', `/api/me/persons/${wife.id}/code`)).statusCode, 200);
    assert.equal((await wifeClient.request('POST', `/api/me/proxies/${linkId}/revoke`)).statusCode, 204);
    assert.equal((await husbandClient.request('GET', `/api/me/persons/${wife.id}/code`)).statusCode, 404, 'revoked by her');
    const audit = await queryRows<{ action: string }>(
      runtime.deps.database.db,
      sql`select action from audit_event where entity_id = ${linkId} order by at, id`,
    );
    assert.deepEqual(
      audit.map((a) => a.action),
      ['proxy.request', 'proxy.consent.code', 'proxy.consent', 'proxy.revoke'],
    );
  });

  it('issue 12 defect 5 (CODE-002): an adult outside the household consents by the code sent to her registry phone; a wrong code does not', async () => {
    later(3_600_000);
    const added = await addDependant(husbandClient, neighbour, { relation: 'other', phone: neighbour.phone });
    const link = added.json() as { linkId: string; status: string; consentCodeSent: boolean };
    assert.deepEqual([link.status, link.consentCodeSent], ['pending', true], added.body);
    const code = smsCodeTo(neighbour.phone);
    const wrong = await husbandClient.request('POST', `/api/me/dependants/${link.linkId}/consent`, {
      code: code === '000000' ? '111111' : '000000',
    });
    assert.equal(wrong.statusCode, 400, wrong.body);
    assert.equal((await husbandClient.request('GET', `/api/me/persons/${neighbour.id}/code`)).statusCode, 404);
    const right = await husbandClient.request('POST', `/api/me/dependants/${link.linkId}/consent`, { code });
    assert.equal(right.statusCode, 200, right.body);
    assert.equal((await husbandClient.request('GET', `/api/me/persons/${neighbour.id}/code`)).statusCode, 200);
  });

  // CODE-003, KP-F01: an arrival report cannot be dated years ahead (it kept the person yellow: not at destination)
  it('issue 12 defect 5 (CODE-003): an arrival dated 2099 or beyond the look-back window is refused with the field; the code stays green', async () => {
    const report = (expectedArrival: string) =>
      husbandClient.request('POST', `/api/me/persons/${son.id}/arrivals`, {
        inbound: false,
        fromPlace: '上海',
        fromRiskLevel: 'low',
        expectedArrival,
      });
    const far = await report('2099-01-01');
    assert.equal(far.statusCode, 400, far.body);
    assert.deepEqual(
      [(far.json() as { field: string }).field, (far.json() as { code: string }).code],
      ['expectedArrival', 'dateTooFarAhead'],
    );
    assert.equal((await report('2020-03-26')).statusCode, 400, '16 days ahead of the Shanghai date');
    const code = (await husbandClient.request('GET', `/api/me/persons/${son.id}/code`)).json() as { colour: string };
    assert.equal(code.colour, 'green');
    assert.equal((await report('2020-03-20')).statusCode, 201, 'within the window');
  });

  it('issue 12 defect 5: travel dates in a declaration lie within the look-back window and not after today', async () => {
    const declare = (date: string) =>
      husbandClient.request('POST', `/api/me/persons/${husband.id}/declarations`, { symptoms: [], travel: [{ place: '南京', date }] });
    const future = await declare('2099-01-01');
    assert.deepEqual([future.statusCode, (future.json() as { field: string }).field], [400, 'travel.0.date']);
    assert.equal((future.json() as { code: string }).code, 'dateInFuture');
    assert.equal((await declare('2019-01-01')).statusCode, 400);
    assert.equal((await declare('2020-03-01')).statusCode, 200);
  });
  // issue 14 part 3 (RULES-001, KP-F01): the look-back window is the edition in force where the person lives. Once
  // 湖塘镇 activates its own edition with a 21-day window, a travel date 20 days back is accepted there.
  it('RULES-001 issue 14: the declaration look-back window follows the edition the district activated for the town', async () => {
    const declare = () =>
      husbandClient.request('POST', `/api/me/persons/${husband.id}/declarations`, {
        symptoms: [],
        travel: [{ place: '南京', date: '2020-02-19' }],
      });
    const refused = await declare();
    assert.deepEqual(
      [refused.statusCode, (refused.json() as { field: string }).field],
      [400, 'travel.0.date'],
      'beyond the shipped 14 days',
    );
    const file = exportEdition(findEdition('seed-2020') as ProtocolEdition);
    Object.assign(file.edition, {
      id: 'hutang-2020',
      name: '湖塘镇防控方案（2020）',
      effectiveFrom: '2020-03-01',
      legalBasis: [
        { title: '湖塘镇防控方案（2020）', issuer: '湖塘镇防控指挥部', documentNumber: '湖防指〔2020〕3号', issued: '2020-02-28' },
      ],
    });
    assert.ok(file.edition.cases);
    file.edition.cases.exposureLookbackDays.days = 21;
    const office = await loginAs(runtime.app, 'office');
    const commander = await loginAs(runtime.app, 'commander');
    const draft = await office.request('POST', '/api/protocols/documents', { document: file, jurisdictionId: townAId });
    assert.equal(draft.statusCode, 201, draft.body);
    const id = (draft.json() as { id: string }).id;
    const approved = await commander.request('POST', `/api/protocols/documents/${id}/approve`, { basis: '湖防指〔2020〕3号' });
    assert.equal(approved.statusCode, 200, approved.body);
    const active = await commander.request('POST', `/api/protocols/documents/${id}/activate`, {});
    assert.equal(active.statusCode, 200, active.body);
    const accepted = await declare();
    assert.equal(accepted.statusCode, 200, accepted.body);
  });
});
