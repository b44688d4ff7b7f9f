import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/query-rows.ts';
import { LogSmsSender } from '../../sms/log-sms-sender.ts';
import { addHousehold, addTwoTowns, addUser, loginAs, residentId, type TestClient } from '../../testing/factories.ts';
import { createTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';

const TODAY = '2020-03-10';
const NOW = `${TODAY}T10:00:00+08:00`;
const PASSWORD = 'resident-pass-2020';

interface Person {
  id: string;
  idNumber: string;
  name: string;
  phone: string;
}

describe('residents: registration, own code, declarations, arrivals, family proxy, appeals', () => {
  let runtime: TestRuntime;
  let grid: TestClient;
  let mother: Person;
  let child: Person;
  let grandpa: Person;
  let stranger: Person;
  let resident: TestClient;

  const inject = (url: string, payload: object) => runtime.app.inject({ method: 'POST', url, payload });
  const smsCodeTo = (phone: string) => {
    assert.ok(runtime.deps.sms instanceof LogSmsSender);
    return runtime.deps.sms.lastCodeTo(phone) ?? 'none';
  };
  const claimOf = (p: Person, overrides: Record<string, string>) => ({
    idType: 'resident_id',
    idNumber: p.idNumber,
    name: p.name,
    phone: p.phone,
    ...overrides,
  });
  /** Both steps: the code to the registry phone (refused here when the registry check fails), then the account. */
  const register = async (p: Person, overrides: Record<string, string> = {}) => {
    const sent = await inject('/api/residents/register/code', claimOf(p, overrides));
    if (sent.statusCode !== 202) return sent;
    return inject('/api/residents/register', { ...claimOf(p, overrides), password: PASSWORD, code: smsCodeTo(p.phone) });
  };
  const audits = (action: string) =>
    queryRows<{ entity_id: string | null; reason: string | null; after: unknown }>(
      runtime.deps.database.db,
      sql`select entity_id, reason, after from audit_event where action = ${action} order by id`,
    );

  let now = new Date(NOW);

  before(async () => {
    runtime = await createTestRuntime();
    runtime.deps.clock = () => now;
    const { villageA, villageB } = await addTwoTowns(runtime.deps);
    const home = await addHousehold(runtime.deps, villageA, 'A-2-202');
    await addUser(runtime.deps, 'grid-a', 'grid_worker', villageA.id);
    await addUser(runtime.deps, 'grid-b', 'grid_worker', villageB.id);
    grid = await loginAs(runtime.app, 'grid-a');
    const add = async (
      name: string,
      birth: string,
      seq: number,
      phone: string,
      householdId: string | null,
      jurisdictionId = villageA.id,
    ) => {
      const idNumber = residentId(birth, seq);
      const reply = await grid.request('POST', '/api/persons', {
        idType: 'resident_id',
        idNumber,
        name,
        phone,
        jurisdictionId,
        ...(householdId ? { householdId } : {}),
      });
      assert.equal(reply.statusCode, 201, reply.body);
      return { id: (reply.json() as { id: string }).id, idNumber, name, phone };
    };
    mother = await add('王芳', '19880303', 221, '13800000001', home.id);
    child = await add('王小明', '20150606', 113, '13800000001', home.id);
    grandpa = await add('王老汉', '19450101', 331, '13800000009', null);
    stranger = await add('李四', '19900909', 441, '13800000004', null);
  });
  after(() => runtime.close());

  it('refuses registration with the same answer whether the ID is unknown, the name or the phone wrong; each refusal audited', async () => {
    const unknown = await register({ ...mother, idNumber: residentId('19880303', 999) });
    const wrongName = await register(mother, { name: '王芬' });
    const wrongPhone = await register(mother, { phone: '13900000000' });
    for (const reply of [unknown, wrongName, wrongPhone]) assert.equal(reply.statusCode, 403, reply.body);
    assert.equal(new Set([unknown, wrongName, wrongPhone].map((r) => (r.json() as { message: string }).message)).size, 1);
    assert.ok(!unknown.body.includes(mother.id) && !wrongPhone.body.includes(mother.id));
    assert.equal((await audits('resident.register.refused')).length, 3);
  });

  it('registers a resident whose ID, name and phone match the registry, and signs in with the phone', async () => {
    const reply = await register(mother);
    assert.equal(reply.statusCode, 201, reply.body);
    assert.equal((reply.json() as { username: string }).username, mother.phone);
    now = new Date(now.getTime() + 61_000);
    assert.equal((await register(mother)).statusCode, 403, 'a second account for the same person is refused');
    resident = await loginAs(runtime.app, mother.phone, PASSWORD);
    const me = (await resident.request('GET', '/api/me')).json() as { personId: string; declaredToday: boolean };
    assert.deepEqual([me.personId, me.declaredToday], [mother.id, false]);
  });

  // CODE-001: a resident holds their own code, verifiable by its token
  it('shows my own code with reasons and a token, audited as self', async () => {
    const reply = await resident.request('GET', `/api/me/persons/${mother.id}/code`);
    assert.equal(reply.statusCode, 200, reply.body);
    const code = reply.json() as { colour: string; because: { rule: string }[]; token: string; viaProxy: boolean };
    assert.deepEqual([code.colour, code.viaProxy, code.because[0]?.rule], ['green', false, 'code.noRule.green']);
    const verify = await inject('/api/codes/verify', { token: code.token });
    assert.equal((verify.json() as { colour: string }).colour, 'green');
    assert.ok((await audits('code.view')).some((a) => a.entity_id === mother.id && a.reason === 'self'));
  });

  it('a resident cannot see another person’s code, results or declarations (404, nothing about them)', async () => {
    for (const path of ['code', 'results', 'declarations', 'code-history', 'arrivals', 'appeals']) {
      const reply = await resident.request('GET', `/api/me/persons/${stranger.id}/${path}`);
      assert.equal(reply.statusCode, 404, `${path}: ${reply.body}`);
      assert.ok(!reply.body.includes('李四'));
    }
    const write = await resident.request('POST', `/api/me/persons/${stranger.id}/declarations`, { symptoms: [] });
    assert.equal(write.statusCode, 404);
  });

  it('staff without a person of their own have no resident pages', async () => {
    assert.equal((await grid.request('GET', '/api/me')).statusCode, 403);
  });

  it('declares health once a day (a second one replaces it); a fever turns the code yellow', async () => {
    const first = await resident.request('POST', `/api/me/persons/${mother.id}/declarations`, { temperature: 36.5, symptoms: [] });
    assert.equal(first.statusCode, 200, first.body);
    const second = await resident.request('POST', `/api/me/persons/${mother.id}/declarations`, { temperature: 38.2, symptoms: ['发热'] });
    assert.equal(second.statusCode, 200, second.body);
    const list = (await resident.request('GET', `/api/me/persons/${mother.id}/declarations`)).json() as {
      items: { temperature: number }[];
    };
    assert.deepEqual(
      list.items.map((d) => d.temperature),
      [38.2],
    );
    const code = (await resident.request('GET', `/api/me/persons/${mother.id}/code`)).json() as { colour: string };
    assert.equal(code.colour, 'yellow');
    await resident.request('POST', `/api/me/persons/${mother.id}/declarations`, { temperature: 36.6, symptoms: [] });
  });

  // KP-F01: inbound persons report 3 days in advance
  it('SC-08: an inbound report 2 days ahead is late, 3 days ahead is on time; arriving clears not-at-destination', async () => {
    const report = (expectedArrival: string) =>
      resident.request('POST', `/api/me/persons/${mother.id}/arrivals`, {
        inbound: true,
        fromPlace: '新加坡',
        fromRiskLevel: 'low',
        expectedArrival,
      });
    const twoDays = await report('2020-03-12');
    const threeDays = await report('2020-03-13');
    assert.equal(twoDays.statusCode, 201, twoDays.body);
    assert.deepEqual([(twoDays.json() as { late: boolean }).late, (threeDays.json() as { late: boolean }).late], [true, false]);
    assert.equal((await report('2020-03-09')).statusCode, 400);
    for (const reply of [twoDays, threeDays]) {
      const arrived = await resident.request(
        'POST',
        `/api/me/persons/${mother.id}/arrivals/${(reply.json() as { id: string }).id}/arrived`,
      );
      assert.equal(arrived.statusCode, 200, arrived.body);
    }
    const code = (await resident.request('GET', `/api/me/persons/${mother.id}/code`)).json() as { colour: string };
    assert.equal(code.colour, 'green');
  });

  it('refuses a proxy without a passing identity check (403) and audits the refusal; nothing about the person comes back', async () => {
    const wrongPhone = await resident.request('POST', '/api/me/dependants', {
      idType: 'resident_id',
      idNumber: grandpa.idNumber,
      name: grandpa.name,
      relation: 'grandparent',
      phone: '13800000008',
    });
    const wrongName = await resident.request('POST', '/api/me/dependants', {
      idType: 'resident_id',
      idNumber: child.idNumber,
      name: '王小红',
      relation: 'child',
    });
    const noFactor = await resident.request('POST', '/api/me/dependants', {
      idType: 'resident_id',
      idNumber: stranger.idNumber,
      name: stranger.name,
      relation: 'other',
    });
    for (const reply of [wrongPhone, wrongName, noFactor]) {
      assert.equal(reply.statusCode, 403, reply.body);
      assert.equal((reply.json() as { code: string }).code, 'identityCheckFailed');
      assert.ok(!/王老汉|李四|王小明/.test(reply.body));
    }
    const refused = await audits('proxy.refused');
    assert.equal(refused.length, 3);
    assert.deepEqual(
      refused.map((a) => a.reason),
      ['second factor', 'identity', 'second factor'],
    );
    assert.equal((await resident.request('GET', `/api/me/persons/${grandpa.id}/code`)).statusCode, 404);
  });

  // CODE-002: a family member applies for and views the code of a dependant (为家人代办); issue 12 defect 5: the adult consents
  it('adds a child of the same household at once and a grandparent by the registry phone after his consent; proxy views are audited as via proxy', async () => {
    const kid = await resident.request('POST', '/api/me/dependants', {
      idType: 'resident_id',
      idNumber: child.idNumber,
      name: child.name,
      relation: 'child',
    });
    assert.equal(kid.statusCode, 201, kid.body);
    assert.equal((kid.json() as { verifiedBy: string }).verifiedBy, 'household');
    const elder = await resident.request('POST', '/api/me/dependants', {
      idType: 'resident_id',
      idNumber: grandpa.idNumber,
      name: grandpa.name,
      relation: 'grandparent',
      phone: grandpa.phone,
    });
    assert.deepEqual(
      [(elder.json() as { verifiedBy: string }).verifiedBy, (elder.json() as { status: string }).status],
      ['phone', 'pending'],
    );
    assert.equal((await resident.request('GET', `/api/me/persons/${grandpa.id}/code`)).statusCode, 404, 'nothing before consent');
    const consent = await resident.request('POST', `/api/me/dependants/${(elder.json() as { linkId: string }).linkId}/consent`, {
      code: smsCodeTo(grandpa.phone),
    });
    assert.equal(consent.statusCode, 200, consent.body);
    const code = await resident.request('GET', `/api/me/persons/${child.id}/code`);
    assert.equal(code.statusCode, 200, code.body);
    assert.equal((code.json() as { viaProxy: boolean }).viaProxy, true);
    await resident.request('GET', `/api/me/persons/${child.id}/results`);
    await resident.request('POST', `/api/me/persons/${child.id}/declarations`, { temperature: 36.4, symptoms: [] });
    await resident.request('GET', `/api/me/persons/${child.id}/declarations`);
    const views = (
      await queryRows<{ action: string; reason: string }>(
        runtime.deps.database.db,
        sql`select action, reason from audit_event where entity_id = ${child.id} and action like '%.view'`,
      )
    ).map((r) => `${r.action}:${r.reason}`);
    assert.deepEqual(views.sort(), ['code.view:via proxy', 'declaration.view:via proxy', 'testing.results.view:via proxy']);
    const list = (await resident.request('GET', '/api/me/dependants')).json() as { limit: number; items: { personId: string }[] };
    assert.deepEqual(
      list.items.map((d) => d.personId),
      [child.id, grandpa.id],
    );
  });

  // CODE-002: proxy dependants are limited by the rules in force
  it('holds no more dependants than the limit of the rules in force', async () => {
    const list = (await resident.request('GET', '/api/me/dependants')).json() as { limit: number; items: unknown[] };
    const add = async (i: number) => {
      const p = { idNumber: residentId('20100101', 500 + i), name: `王${i}`, phone: `1380000010${i}` };
      const made = await grid.request('POST', '/api/persons', {
        idType: 'resident_id',
        ...p,
        jurisdictionId: ((await grid.request('GET', `/api/persons/${mother.id}`)).json() as { jurisdictionId: string }).jurisdictionId,
      });
      assert.equal(made.statusCode, 201, made.body);
      return resident.request('POST', '/api/me/dependants', { idType: 'resident_id', ...p, relation: 'other' });
    };
    for (let i = list.items.length; i < list.limit; i++) assert.equal((await add(i)).statusCode, 201);
    const over = await add(9);
    assert.equal(over.statusCode, 409, over.body);
    assert.equal((over.json() as { code: string }).code, 'proxyLimitReached');
  });

  it('revoking a dependant ends the proxy view (404 after)', async () => {
    const list = (await resident.request('GET', '/api/me/dependants')).json() as { items: { linkId: string; personId: string }[] };
    const elder = list.items.find((d) => d.personId === grandpa.id);
    assert.ok(elder);
    assert.equal((await resident.request('POST', `/api/me/dependants/${elder.linkId}/revoke`)).statusCode, 204);
    assert.equal((await resident.request('GET', `/api/me/persons/${grandpa.id}/code`)).statusCode, 404);
  });

  it('files an appeal for a dependant with the configured deadline; a second open one is refused', async () => {
    const filed = await resident.request('POST', `/api/me/persons/${child.id}/appeals`, { reason: '孩子一直在家，未外出' });
    assert.equal(filed.statusCode, 201, filed.body);
    const appeal = filed.json() as { status: string; viaProxy: boolean; deadlineAt: string; colourAppealed: string };
    assert.deepEqual([appeal.status, appeal.viaProxy, appeal.colourAppealed], ['open', true, 'green']);
    assert.equal(new Date(appeal.deadlineAt).getTime() - now.getTime(), 24 * 3_600_000);
    assert.equal((await resident.request('POST', `/api/me/persons/${child.id}/appeals`, { reason: '再次申诉' })).statusCode, 409);
    const list = (await resident.request('GET', `/api/me/persons/${child.id}/appeals`)).json() as { items: unknown[] };
    assert.equal(list.items.length, 1);
  });

  it('limits identity checks per account', async () => {
    let last = 0;
    for (let i = 0; i < 12; i++) {
      const reply = await resident.request('POST', '/api/me/dependants', {
        idType: 'resident_id',
        idNumber: stranger.idNumber,
        name: stranger.name,
        relation: 'other',
        phone: '13800000000',
      });
      last = reply.statusCode;
    }
    assert.equal(last, 429);
  });

  it('limits registration attempts per client address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) statuses.push((await register(stranger, { phone: '13900000000' })).statusCode);
    const withCode = await inject('/api/residents/register', { ...claimOf(stranger, {}), password: PASSWORD, code: '123456' });
    assert.equal(withCode.statusCode, 429, 'both steps count against one limit');
    assert.equal(statuses.at(-1), 429);
    assert.ok(statuses.every((s) => s === 403 || s === 429));
  });
});
