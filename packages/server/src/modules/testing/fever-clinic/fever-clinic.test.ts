import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../../db/query-rows.ts';
import type { place } from '../../../db/schema/index.ts';
import { addUser, loginAs, type TestClient } from '../../../testing/factories.ts';
import { createTestRuntime, type TestRuntime } from '../../../testing/test-runtime.ts';
import { insertPlace } from '../../places/place.repository.ts';
import { addResidents, at, expectStatus, type TestingWorld, testingWorld } from '../testing.test-support.ts';

type Place = typeof place.$inferSelect;

interface Order {
  item: string;
  barcode: string | null;
  result: string | null;
  resultSource: string | null;
}

interface Visit {
  id: string;
  personName: string;
  status: string;
  disposition: string | null;
  episodeId: string | null;
  temperatureCelsius: number | null;
  resulted: number;
  ordered: number;
  orders: Order[];
  outcomes: { missing: string[]; allowed: string[]; because: { rule: string; source: string; clause: string }[] };
}

const ITEMS = ['nucleic_acid', 'antibody', 'ct', 'blood_count'];
const VISITS = '/api/testing/fever-clinic/visits';

/** SC-53 (seed 003 item 7): every fever patient at a fever clinic gets the four rapid tests and leaves with a consistent outcome (KP-K03). */
describe('fever-clinic four-item screen (TEST-009, KP-K03, MED-003)', () => {
  let runtime: TestRuntime;
  let w: TestingWorld;
  /** The clinic's medic, granted on town A. */
  let medic: TestClient;
  let clinic: Place;
  let market: Place;
  let clinicB: Place;
  let patients: string[];
  let first: Visit;

  const db = () => runtime.deps.database.db;
  const venue = (kind: string, name: string, code: string, where: { id: string; path: string }) =>
    insertPlace(db(), { kind, name, code, jurisdictionId: where.id, jurisdictionPath: where.path });
  const register = (personId: string, barcode: string, extra: Record<string, unknown> = {}) =>
    expectStatus<Visit>(medic, 201, 'POST', VISITS, { personId, placeId: clinic.id, barcode, temperatureCelsius: 38.2, ...extra });
  const record = (visitId: string, item: string, result: string) =>
    expectStatus<Visit>(medic, 200, 'PUT', `${VISITS}/${visitId}/orders/${item}`, { result });
  const failure = async (client: TestClient, method: string, url: string, body?: unknown) => {
    const reply = await client.request(method, url, body);
    const json = reply.json() as { code: string; field?: string; details?: unknown };
    return { status: reply.statusCode, code: json.code, field: json.field, details: json.details };
  };
  const episodesOf = (personId: string) =>
    queryRows<{ id: string; category: string; status: string; source: string }>(
      db(),
      sql`select id, category, status, source from key_person_episode where person_id = ${personId} order by created_at, id`,
    );

  before(async () => {
    runtime = await createTestRuntime({ FANGKONG_LOGIN_RATE: '1000' });
    w = await testingWorld(runtime);
    await addUser(runtime.deps, 'medic-a', 'assigned_medic', w.townA.id);
    medic = await loginAs(runtime.app, 'medic-a');
    clinic = await venue('fever_clinic', '湖塘卫生院发热门诊', 'F-A-01', w.villageA);
    market = await venue('market', '湖塘农贸市场', 'M-A-01', w.villageA);
    clinicB = await venue('fever_clinic', '牛塘卫生院发热门诊', 'F-B-01', w.villageB);
    patients = await addResidents(runtime.deps, w.villageA, 4);
  });
  after(() => runtime.close());

  it('registering a patient orders nucleic acid, antibody, CT and blood count at once (SC-53)', async () => {
    first = await register(patients[0] ?? '', 'FEVER-0001');
    assert.deepEqual(
      first.orders.map((o) => o.item),
      ITEMS,
    );
    assert.equal(first.status, 'open');
    assert.equal(first.temperatureCelsius, 38.2);
    assert.match(first.personName, /^居\*+$/);
    assert.deepEqual(first.orders[0], {
      ...first.orders[0],
      barcode: 'FEVER-0001',
      result: null,
      resultSource: null,
    });
    assert.deepEqual(first.outcomes.missing, ITEMS);
    assert.ok(first.outcomes.because.some((r) => r.rule === 'testing.feverClinic.item.ct' && r.source === 'seed 003'));
  });

  // TEST-001, TEST-002: the fever-clinic NAT is a mandatory-group test paid by the government
  it('the nucleic acid order is a single fever-clinic tube paid by the government (fever-clinic patients are a mandatory group)', async () => {
    const rows = await queryRows<Record<string, unknown>>(
      db(),
      sql`select t.setting, t.pool_size, t.status, s.purpose, s.payer, s.groups from tube t
        join pool_member m on m.tube_id = t.id join sample s on s.id = m.sample_id where t.barcode = 'FEVER-0001'`,
    );
    assert.deepEqual(rows, [
      {
        setting: 'fever_clinic',
        pool_size: 1,
        status: 'closed',
        purpose: 'mandatory',
        payer: 'government',
        groups: ['fever_clinic_patient'],
      },
    ]);
  });

  it('refuses a bad registration with the field at fault, writing nothing', async () => {
    const post = (body: Record<string, unknown>) => failure(medic, 'POST', VISITS, body);
    const body = { personId: patients[1], placeId: clinic.id, barcode: 'FEVER-BAD1' };
    assert.deepEqual(await post({ ...body, placeId: clinicB.id }), { status: 404, code: 'notFound', field: 'placeId', details: undefined });
    assert.equal((await post({ ...body, placeId: market.id })).code, 'notFeverClinic');
    assert.equal((await post({ ...body, barcode: 'FEVER-0001' })).field, 'barcode');
    const again = await post({ ...body, personId: patients[0], barcode: 'FEVER-BAD2' });
    assert.deepEqual([again.status, again.code, again.field], [409, 'openVisitExists', 'personId']);
    assert.equal((await post({ ...body, arrivedAt: at('09:00', '2022-07-11').toISOString() })).field, 'arrivedAt');
    const written = await queryRows<{ n: number }>(db(), sql`select count(*)::int as n from tube where barcode like 'FEVER-BAD%'`);
    assert.equal(written[0]?.n, 0);
    const visits = await queryRows<{ n: number }>(db(), sql`select count(*)::int as n from fever_clinic_visit`);
    assert.equal(visits[0]?.n, 1);
  });

  it('records the items’ results, refusing a result the item does not have', async () => {
    const bad = await failure(medic, 'PUT', `${VISITS}/${first.id}/orders/ct`, { result: 'positive' });
    assert.deepEqual([bad.status, bad.code, bad.field], [400, 'invalidResult', 'result']);
    const visit = await record(first.id, 'ct', 'abnormal');
    assert.deepEqual(
      visit.orders.find((o) => o.item === 'ct'),
      { ...visit.orders.find((o) => o.item === 'ct'), result: 'abnormal', resultSource: 'clinic' },
    );
    assert.equal(visit.resulted, 1);
  });

  it('a visit with items still without a result cannot close, and nothing changes', async () => {
    const refused = await failure(medic, 'POST', `${VISITS}/${first.id}/close`, { disposition: 'symptomatic_treatment' });
    assert.deepEqual([refused.status, refused.code, refused.field], [409, 'screenIncomplete', 'items']);
    assert.deepEqual((refused.details as { missing: string[] }).missing, ['nucleic_acid', 'antibody', 'blood_count']);
    const visit = await expectStatus<Visit>(medic, 200, 'GET', `${VISITS}/${first.id}`);
    assert.equal(visit.status, 'open');
  });

  // KP-K03, KP-B03: a positive screen closes as isolation observation and opens a suspected episode at once
  it('a positive nucleic acid test cannot close as symptomatic treatment; isolation observation opens a suspected episode', async () => {
    await record(first.id, 'nucleic_acid', 'positive');
    await record(first.id, 'antibody', 'negative');
    const ready = await record(first.id, 'blood_count', 'normal');
    assert.deepEqual(ready.outcomes.allowed, ['isolation_observation', 'transfer']);
    const refused = await failure(medic, 'POST', `${VISITS}/${first.id}/close`, { disposition: 'symptomatic_treatment' });
    assert.deepEqual([refused.status, refused.code, refused.field], [400, 'dispositionInconsistent', 'disposition']);
    assert.deepEqual(await episodesOf(patients[0] ?? ''), []);
    const closed = await expectStatus<Visit>(medic, 200, 'POST', `${VISITS}/${first.id}/close`, { disposition: 'isolation_observation' });
    assert.equal(closed.status, 'closed');
    assert.equal(closed.disposition, 'isolation_observation');
    const episodes = await episodesOf(patients[0] ?? '');
    assert.deepEqual(
      episodes.map((e) => [e.category, e.status, e.source]),
      [['suspected', 'active', 'fever_clinic']],
    );
    assert.equal(closed.episodeId, episodes[0]?.id);
    // Issue 11 item 1, CASE-001: the outcome opens the suspected case, the visit as its source, on the same episode
    const cases = await queryRows<{ classification: string; source: string; source_id: string; episode_id: string }>(
      runtime.deps.database.db,
      sql`select classification, source, source_id, episode_id from case_report where person_id = ${patients[0] ?? ''}`,
    );
    assert.deepEqual(cases, [{ classification: 'suspected', source: 'fever_clinic', source_id: first.id, episode_id: closed.episodeId }]);
  });

  it('a closed visit takes no more results and does not close twice', async () => {
    const late = await failure(medic, 'PUT', `${VISITS}/${first.id}/orders/ct`, { result: 'normal' });
    assert.deepEqual([late.status, late.code], [409, 'visitClosed']);
    const twice = await failure(medic, 'POST', `${VISITS}/${first.id}/close`, { disposition: 'isolation_observation' });
    assert.deepEqual([twice.status, twice.code], [409, 'visitClosed']);
  });

  // KP-K03: an ordinary patient gets symptomatic treatment and no management
  it('an ordinary patient closes with symptomatic treatment and is not put under management', async () => {
    const visit = await register(patients[1] ?? '', 'FEVER-0002');
    for (const [item, result] of [
      ['nucleic_acid', 'negative'],
      ['antibody', 'negative'],
      ['ct', 'normal'],
      ['blood_count', 'normal'],
    ] as const)
      await record(visit.id, item, result);
    const refused = await failure(medic, 'POST', `${VISITS}/${visit.id}/close`, { disposition: 'transfer' });
    assert.deepEqual([refused.status, refused.code, refused.field], [400, 'dispositionInconsistent', 'disposition']);
    const closed = await expectStatus<Visit>(medic, 200, 'POST', `${VISITS}/${visit.id}/close`, { disposition: 'symptomatic_treatment' });
    assert.deepEqual([closed.disposition, closed.episodeId], ['symptomatic_treatment', null]);
    assert.deepEqual(await episodesOf(patients[1] ?? ''), []);
  });

  // KP-K03, KP-000: transfer turns the suspected episode into a confirmed one, both kept
  it('the lab’s result of the tube is the nucleic acid result; transfer makes the suspected episode confirmed', async () => {
    const visit = await register(patients[2] ?? '', 'FEVER-0003', { labName: '武进区疾控中心' });
    await expectStatus(w.lab, 200, 'POST', '/api/testing/lab-results', {
      labName: '武进区疾控中心',
      results: [{ barcode: 'FEVER-0003', result: 'positive' }],
    });
    const resulted = await expectStatus<Visit>(medic, 200, 'GET', `${VISITS}/${visit.id}`);
    assert.deepEqual(
      resulted.orders.find((o) => o.item === 'nucleic_acid'),
      { ...resulted.orders.find((o) => o.item === 'nucleic_acid'), result: 'positive', resultSource: 'lab' },
    );
    const byHand = await failure(medic, 'PUT', `${VISITS}/${visit.id}/orders/nucleic_acid`, { result: 'negative' });
    assert.deepEqual([byHand.status, byHand.code, byHand.field], [409, 'labResulted', 'item']);
    await record(visit.id, 'antibody', 'positive');
    await record(visit.id, 'ct', 'abnormal');
    await record(visit.id, 'blood_count', 'abnormal');
    const closed = await expectStatus<Visit>(medic, 200, 'POST', `${VISITS}/${visit.id}/close`, { disposition: 'transfer' });
    const episodes = await episodesOf(patients[2] ?? '');
    assert.deepEqual(
      episodes.map((e) => [e.category, e.status]),
      [
        ['suspected', 'converted'],
        ['confirmed', 'active'],
      ],
      'the positive tube handed the patient over as suspected; the transfer confirmed them',
    );
    assert.equal(closed.episodeId, episodes[1]?.id);
  });

  it('lists visits in scope with filters, names masked', async () => {
    const open = await register(patients[3] ?? '', 'FEVER-0004');
    const listed = await expectStatus<{ items: Visit[]; total: number }>(medic, 200, 'GET', `${VISITS}?status=open`);
    assert.deepEqual(
      listed.items.map((v) => v.id),
      [open.id],
    );
    const closed = await expectStatus<{ items: Visit[]; total: number }>(medic, 200, 'GET', `${VISITS}?status=closed&placeId=${clinic.id}`);
    assert.equal(closed.total, 3);
    assert.ok(closed.items.every((v) => /^居\*+$/.test(v.personName) && v.ordered === 4));
  });

  it('another jurisdiction’s visit is not found, and is not listed', async () => {
    for (const [method, url, body] of [
      ['GET', `${VISITS}/${first.id}`, undefined],
      ['PUT', `${VISITS}/${first.id}/orders/ct`, { result: 'normal' }],
      ['POST', `${VISITS}/${first.id}/close`, { disposition: 'transfer' }],
    ] as const) {
      const reply = await failure(w.otherTown, method, url, body);
      assert.deepEqual([reply.status, reply.field], [404, 'id'], `${method} ${url}`);
    }
    const listed = await expectStatus<{ total: number }>(w.otherTown, 200, 'GET', VISITS);
    assert.equal(listed.total, 0);
  });

  it('every write is audited', async () => {
    const rows = await queryRows<{ action: string; n: number }>(
      db(),
      sql`select action, count(*)::int as n from audit_event where action like 'testing.feverClinic%' group by action order by action`,
    );
    assert.deepEqual(rows, [
      { action: 'testing.feverClinicClose', n: 3 },
      { action: 'testing.feverClinicResult', n: 11 },
      { action: 'testing.feverClinicVisit', n: 4 },
    ]);
  });
});
