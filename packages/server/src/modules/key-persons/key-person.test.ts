import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addDays, maskName } from '@fangkong/core';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { queryRows } from '../../db/query-rows.ts';
import { addHousehold, addTwoTowns, addUser, loginAs, residentId, type TestClient } from '../../testing/factories.ts';
import { createTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';
import { insertPlace } from '../places/place.repository.ts';
import { insertRooms } from './site.repository.ts';

const D0 = '2020-03-01';
const at = (date: string, time = '09:00') => `${date}T${time}:00+08:00`;

interface Episode {
  id: string;
  plannedReleaseDate: string;
  status: string;
  releasedAt: string | null;
}
interface Detail extends Episode {
  schedule: { id: string; kind: string; testKind: string; dueDate: string }[];
}

describe('key-person closed loop through the API (seed-2020 rules)', () => {
  let runtime: TestRuntime;
  let grid: TestClient;
  let medic: TestClient;
  let otherTown: TestClient;
  let ids: { villageId: string; cadreId: string; medicId: string; siteId: string; roomId: string };
  let personSeq = 100;
  let townSite: { id: string };

  /** Moves the clock; sessions opened under the old clock would have expired, so sign in again. */
  const setToday = async (date: string) => {
    runtime.deps.clock = () => new Date(at(date, '10:00'));
    runtime.deps.sessions.clear();
    if (grid) [grid, medic] = [await loginAs(runtime.app, 'grid-a'), await loginAs(runtime.app, 'medic-a')];
  };

  async function newPerson(): Promise<string> {
    personSeq += 2;
    const reply = await grid.request('POST', '/api/persons', {
      idType: 'resident_id',
      idNumber: residentId('19800101', personSeq),
      name: `测试${personSeq}`,
      jurisdictionId: ids.villageId,
    });
    assert.equal(reply.statusCode, 201, reply.body);
    return (reply.json() as { id: string }).id;
  }

  async function register(body: Record<string, unknown>) {
    return grid.request('POST', '/api/key-persons/episodes', {
      category: 'close_contact',
      startDate: D0,
      assignedCadreId: ids.cadreId,
      assignedMedicId: ids.medicId,
      ...body,
    });
  }

  before(async () => {
    runtime = await createTestRuntime({ FANGKONG_LOGIN_RATE: '1000' });
    await setToday(D0);
    const { villageA, townA, townB } = await addTwoTowns(runtime.deps);
    townSite = await insertPlace(runtime.deps.database.db, {
      kind: 'quarantine_site',
      name: '湖塘镇集中隔离点',
      code: 'SITE-TOWN-A',
      jurisdictionId: townA.id,
      jurisdictionPath: townA.path,
    });
    await addUser(runtime.deps, 'cadre-a', 'town_cadre', townA.id);
    await addHousehold(runtime.deps, villageA, 'A-1-101');
    const cadre = await addUser(runtime.deps, 'grid-a', 'grid_worker', villageA.id);
    const medicUser = await addUser(runtime.deps, 'medic-a', 'assigned_medic', villageA.id);
    await addUser(runtime.deps, 'cadre-b', 'town_cadre', townB.id);
    const site = await insertPlace(runtime.deps.database.db, {
      kind: 'quarantine_site',
      name: '甲隔离点',
      code: 'SITE-A',
      jurisdictionId: villageA.id,
      jurisdictionPath: villageA.path,
    });
    await addUser(runtime.deps, 'admin-a', 'system_admin', villageA.id);
    const admin = await loginAs(runtime.app, 'admin-a');
    assert.equal(
      (await admin.request('POST', `/api/quarantine-sites/${site.id}/rooms`, { prefix: 'R', count: 1, beds: 2 })).statusCode,
      201,
    );
    const rooms = (await admin.request('GET', `/api/quarantine-sites/${site.id}`)).json() as { rooms: { id: string }[] };
    ids = { villageId: villageA.id, cadreId: cadre.id, medicId: medicUser.id, siteId: site.id, roomId: rooms.rooms[0]?.id ?? '' };
    grid = await loginAs(runtime.app, 'grid-a');
    medic = await loginAs(runtime.app, 'medic-a');
    otherTown = await loginAs(runtime.app, 'cadre-b');
  });
  after(() => runtime.close());

  // KP-D01, KP-D02: 14-day close-contact plan with 3 NATs inside it and release due on day 13
  it('a close contact registered on day 0 gets tests on the protocol days and release on day 13', async () => {
    const reply = await register({ personId: await newPerson() });
    assert.equal(reply.statusCode, 201, reply.body);
    const episode = reply.json() as Episode;
    assert.equal(episode.plannedReleaseDate, addDays(D0, 13));
    const detail = (await grid.request('GET', `/api/key-persons/episodes/${episode.id}`)).json() as Detail;
    const nucleic = detail.schedule.filter((s) => s.testKind === 'nucleic_acid').map((s) => s.dueDate);
    assert.deepEqual(nucleic, [D0, addDays(D0, 6), addDays(D0, 12)]);
    const work = (await grid.request('GET', `/api/key-persons/work-list?date=${D0}`)).json() as {
      testsDue: { episodeId: string }[];
      checksDue: { episodeId: string }[];
    };
    assert.ok(work.testsDue.some((w) => w.episodeId === episode.id));
    assert.ok(work.checksDue.some((w) => w.episodeId === episode.id));
  });

  it('a second active episode of the same category is refused and nothing is written', async () => {
    const personId = await newPerson();
    assert.equal((await register({ personId })).statusCode, 201);
    const before = await queryRows<{ n: number }>(runtime.deps.database.db, sql`select count(*)::int as n from key_person_episode`);
    const second = await register({ personId });
    assert.equal(second.statusCode, 409);
    assert.equal((second.json() as { field: string }).field, 'category');
    const afterCount = await queryRows<{ n: number }>(runtime.deps.database.db, sql`select count(*)::int as n from key_person_episode`);
    assert.equal(afterCount[0]?.n, before[0]?.n);
  });

  it('a future start date is refused', async () => {
    const reply = await register({ personId: await newPerson(), startDate: addDays(D0, 1) });
    assert.equal(reply.statusCode, 400);
    assert.equal((reply.json() as { field: string }).field, 'startDate');
  });

  // KP-D03, issue 18 item 4: an empty daily check is refused with field and reason, nothing is saved, the person stays to do
  it('an empty daily check is refused (temperature or 无法测量 with a reason, and a symptom answer), nothing saved', async () => {
    await setToday(D0);
    const episode = (await register({ personId: await newPerson() })).json() as Episode;
    const post = (body: Record<string, unknown>) =>
      grid.request('POST', `/api/key-persons/episodes/${episode.id}/observations`, { observedAt: at(D0), ...body });
    const count = async () =>
      (
        await queryRows<{ n: number }>(
          runtime.deps.database.db,
          sql`select count(*)::int as n from health_observation where episode_id = ${episode.id}`,
        )
      )[0]?.n;
    const empty = await post({ temperature: null, symptoms: [] });
    assert.equal(empty.statusCode, 400, empty.body);
    assert.deepEqual([(empty.json() as { field: string }).field], ['temperature']);
    const noReason = await post({ temperature: null, notMeasuredReason: ' ', symptoms: [] });
    assert.equal((noReason.json() as { field: string }).field, 'notMeasuredReason');
    const noSymptomAnswer = await post({ temperature: 36.5 });
    assert.equal(noSymptomAnswer.statusCode, 400, noSymptomAnswer.body);
    assert.equal((noSymptomAnswer.json() as { field: string }).field, 'symptoms');
    assert.equal(await count(), 0);
    const work = (await grid.request('GET', `/api/key-persons/work-list?date=${D0}`)).json() as { checksDue: { episodeId: string }[] };
    assert.ok(work.checksDue.some((w) => w.episodeId === episode.id));
    const notMeasured = await post({ temperature: null, notMeasuredReason: '体温计损坏', symptoms: [] });
    assert.equal(notMeasured.statusCode, 201, notMeasured.body);
    assert.equal(await count(), 1);
    // What the web form sends for a measured check: the reason as an explicit null, which must stay null (not "").
    const measured = await post({ temperature: 36.6, notMeasuredReason: null, symptoms: [] });
    assert.equal(measured.statusCode, 201, measured.body);
    assert.equal(await count(), 2);
  });

  // A JSON body is checked as sent: a number where text is expected is refused, not turned into text.
  it('a JSON body is not coerced: a number for the reason is refused with the field', async () => {
    const episode = (await register({ personId: await newPerson() })).json() as Episode;
    const reply = await grid.request('POST', `/api/key-persons/episodes/${episode.id}/observations`, {
      observedAt: at(D0),
      temperature: null,
      notMeasuredReason: 12,
      symptoms: [],
    });
    assert.equal(reply.statusCode, 400, reply.body);
    assert.match((reply.json() as { field?: string }).field ?? '', /notMeasuredReason/);
  });

  // KP-D03, KP-D04: a fever is reported at once, a transfer task is created and release is blocked
  it('a fever of 37.5 °C raises an alert and a fever-clinic transfer task, and blocks release', async () => {
    const episode = (await register({ personId: await newPerson() })).json() as Episode;
    const reply = await grid.request('POST', `/api/key-persons/episodes/${episode.id}/observations`, {
      observedAt: at(D0),
      temperature: 37.5,
      symptoms: [],
    });
    assert.equal(reply.statusCode, 201, reply.body);
    assert.equal((reply.json() as { escalated: boolean }).escalated, true);
    const detail = (await grid.request('GET', `/api/key-persons/episodes/${episode.id}`)).json() as {
      tasks: { kind: string }[];
      symptomsReported: boolean;
      personName: string;
    };
    assert.deepEqual([detail.symptomsReported, detail.tasks.map((t) => t.kind)], [true, ['fever_clinic_transfer']]);
    const badge = (await grid.request('GET', '/api/alerts/badge')).json() as { open: number };
    assert.ok(badge.open >= 1);
    const alerts = (await grid.request('GET', '/api/alerts')).json() as {
      items: { kind: string; episodeId: string; personNameMasked: string }[];
    };
    const fever = alerts.items.find((a) => a.episodeId === episode.id);
    assert.deepEqual([fever?.kind, fever?.personNameMasked], ['fever', maskName(detail.personName)], 'the alert names the person, masked');
  });

  async function recordAllNegative(episodeId: string) {
    const detail = (await grid.request('GET', `/api/key-persons/episodes/${episodeId}`)).json() as Detail;
    for (const item of detail.schedule.filter((s) => s.kind === 'test')) {
      const reply = await medic.request('PATCH', `/api/key-persons/schedule-items/${item.id}`, {
        sampledAt: at(item.dueDate),
        result: 'negative',
      });
      assert.equal(reply.statusCode, 200, reply.body);
    }
  }

  // KP-D04, ORG-063: release needs 14 days and both the 包保干部 and the 包保医务人员 to sign
  it('SC-03 and SC-02 through the API: refused before day 13; on day 13 released only after both assigned signatures', async () => {
    await setToday(D0);
    const episode = (await register({ personId: await newPerson() })).json() as Episode;
    await setToday(addDays(D0, 13));
    await recordAllNegative(episode.id);
    await setToday(addDays(D0, 12));
    const early = await grid.request('POST', `/api/key-persons/episodes/${episode.id}/release/signatures`, { role: 'assigned_cadre' });
    assert.equal(early.statusCode, 409);
    assert.deepEqual((early.json() as { details: { missing: string[] } }).details.missing, ['period']);
    await setToday(addDays(D0, 13));
    const wrongSigner = await grid.request('POST', `/api/key-persons/episodes/${episode.id}/release/signatures`, {
      role: 'assigned_medic',
    });
    assert.equal(wrongSigner.statusCode, 403, 'the cadre cannot sign as the medic');
    const first = await grid.request('POST', `/api/key-persons/episodes/${episode.id}/release/signatures`, { role: 'assigned_cadre' });
    assert.deepEqual(first.json(), { decision: 'awaitingSignatures', missing: ['signature:assigned_medic'] });
    const second = await medic.request('POST', `/api/key-persons/episodes/${episode.id}/release/signatures`, { role: 'assigned_medic' });
    assert.deepEqual(second.json(), { decision: 'released', missing: [] });
    const status = (await grid.request('GET', `/api/key-persons/episodes/${episode.id}/release`)).json() as {
      releasedAt: string | null;
      signatures: unknown[];
    };
    assert.ok(status.releasedAt);
    assert.equal(status.signatures.length, 2);
  });

  // KP-D04, DAILY-003: a released person goes into the day's 人员解除隔离表
  it("a released person gets a printable notice (PDF) and appears in the day's 人员解除隔离表, both audited", async () => {
    await setToday(D0);
    const personId = await newPerson();
    const episode = (await register({ personId })).json() as Episode;
    await setToday(addDays(D0, 13));
    await recordAllNegative(episode.id);
    await grid.request('POST', `/api/key-persons/episodes/${episode.id}/release/signatures`, { role: 'assigned_cadre' });
    await medic.request('POST', `/api/key-persons/episodes/${episode.id}/release/signatures`, { role: 'assigned_medic' });
    const pdf = await runtime.app.inject({
      method: 'GET',
      url: `/api/key-persons/episodes/${episode.id}/release-notice.pdf`,
      headers: grid.headers,
    });
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
    const table = await runtime.app.inject({
      method: 'GET',
      url: `/api/key-persons/exports/release-table.xlsx?date=${addDays(D0, 13)}&purpose=${encodeURIComponent('日报报送')}`,
      headers: grid.headers,
    });
    assert.equal(table.statusCode, 200, table.body);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(table.rawPayload as unknown as ArrayBuffer);
    const person = (await grid.request('GET', `/api/persons/${personId}`)).json() as { name: string; idNumber: string };
    const values = JSON.stringify(book.worksheets[0]?.getSheetValues());
    assert.ok(values.includes(person.name) && values.includes(person.idNumber), 'the row carries the name and the full ID');
    const audited = await queryRows<{ action: string; reason: string }>(
      runtime.deps.database.db,
      sql`select action, reason from audit_event where action like 'keyPerson.%Release%' order by id`,
    );
    assert.deepEqual(
      audited.slice(-2).map((a) => a.action),
      ['keyPerson.printReleaseNotice', 'keyPerson.exportReleaseTable'],
    );
    assert.equal(audited.at(-1)?.reason, '日报报送');
  });

  it('the notice of a person not yet released is refused', async () => {
    await setToday(D0);
    const episode = (await register({ personId: await newPerson() })).json() as Episode;
    const pdf = await runtime.app.inject({
      method: 'GET',
      url: `/api/key-persons/episodes/${episode.id}/release-notice.pdf`,
      headers: grid.headers,
    });
    assert.equal(pdf.statusCode, 404);
  });

  it('release is refused with reasons when a test is positive, and the positive result creates a case candidate', async () => {
    await setToday(D0);
    const episode = (await register({ personId: await newPerson() })).json() as Episode;
    const detail = (await grid.request('GET', `/api/key-persons/episodes/${episode.id}`)).json() as Detail;
    const first = detail.schedule[0];
    assert.ok(first);
    await medic.request('PATCH', `/api/key-persons/schedule-items/${first.id}`, { sampledAt: at(D0), result: 'positive' });
    await setToday(addDays(D0, 13));
    const refused = await grid.request('POST', `/api/key-persons/episodes/${episode.id}/release/signatures`, { role: 'assigned_cadre' });
    assert.equal(refused.statusCode, 409);
    assert.ok((refused.json() as { details: { missing: string[] } }).details.missing.includes('result:positive'));
    const tasks = await queryRows<{ kind: string }>(runtime.deps.database.db, sql`select kind from task where episode_id = ${episode.id}`);
    assert.deepEqual(
      tasks.map((t) => t.kind),
      ['case_candidate'],
    );
  });

  it('a room takes no more people than its beds, and the site raises a capacity alert at 90 %', async () => {
    await setToday(D0);
    const body = { siteId: ids.siteId, roomId: ids.roomId };
    assert.equal((await register({ personId: await newPerson(), ...body })).statusCode, 201);
    assert.equal((await register({ personId: await newPerson(), ...body })).statusCode, 201);
    const third = await register({ personId: await newPerson(), ...body });
    assert.equal(third.statusCode, 409);
    assert.equal((third.json() as { code: string }).code, 'roomFull');
    const alerts = await queryRows<{ kind: string }>(runtime.deps.database.db, sql`select kind from alert where site_id = ${ids.siteId}`);
    assert.deepEqual(
      alerts.map((a) => a.kind),
      ['capacity'],
    );
  });

  // KP-D01 (centralized quarantine at a site), issue 18 item 2: the episode carries the site and room
  // names its readers may see, so a grid worker's drawer never asks for a site outside their village.
  it('a grid worker reads the town site and room of an episode from the episode itself, not from the site', async () => {
    await setToday(D0);
    const town = await loginAs(runtime.app, 'cadre-a');
    await insertRooms(runtime.deps.database.db, [{ siteId: townSite.id, code: 'T001', beds: 1 }]);
    const site = (await town.request('GET', `/api/quarantine-sites/${townSite.id}`)).json() as { rooms: { id: string }[] };
    const roomId = site.rooms[0]?.id ?? '';
    const reply = await town.request('POST', '/api/key-persons/episodes', {
      personId: await newPerson(),
      category: 'close_contact',
      startDate: D0,
      assignedCadreId: ids.cadreId,
      siteId: townSite.id,
      roomId,
    });
    assert.equal(reply.statusCode, 201, reply.body);
    const episode = reply.json() as Episode;
    const detail = (await grid.request('GET', `/api/key-persons/episodes/${episode.id}`)).json() as { siteName: string; roomCode: string };
    assert.equal(detail.siteName, '湖塘镇集中隔离点');
    assert.equal(detail.roomCode, 'T001');
    assert.equal((await grid.request('GET', `/api/quarantine-sites/${townSite.id}`)).statusCode, 404);
  });

  // KP-000, COMM-041; issue 18 item 6: the list says where a person lives from the viewer's scope down.
  it('the key-person list names the location as town / community for a community worker', async () => {
    await setToday(D0);
    const episode = (await register({ personId: await newPerson() })).json() as Episode;
    const list = (await grid.request('GET', '/api/key-persons/episodes?pageSize=200')).json() as {
      items: { id: string; jurisdictionLabel: string }[];
    };
    assert.equal(list.items.find((i) => i.id === episode.id)?.jurisdictionLabel, '湖塘镇 / 甲社区');
  });

  // KP-000: every change of a key person is time-stamped and traceable
  it('the person timeline shows every event of the episode', async () => {
    await setToday(D0);
    const personId = await newPerson();
    const episode = (await register({ personId })).json() as Episode;
    await grid.request('POST', `/api/key-persons/episodes/${episode.id}/observations`, {
      observedAt: at(D0, '10:00'),
      temperature: 36.5,
      symptoms: [],
    });
    const timeline = (await grid.request('GET', `/api/key-persons/persons/${personId}/timeline`)).json() as { events: { kind: string }[] };
    assert.deepEqual(
      timeline.events.map((e) => e.kind),
      ['registered', 'observation'],
    );
  });

  // ORG-063: each isolated person has a 包保干部 and a 包保医务人员 recorded
  it('a cadre and a medic are assigned from the accounts that may sign for the person; others are refused', async () => {
    await setToday(D0);
    const episode = (
      await grid.request('POST', '/api/key-persons/episodes', { personId: await newPerson(), category: 'close_contact', startDate: D0 })
    ).json() as Episode;
    const candidates = (await grid.request('GET', `/api/key-persons/assignable-users?jurisdictionId=${ids.villageId}`)).json() as {
      username: string;
      role: string;
    }[];
    assert.ok(
      candidates.some((c) => c.username === 'grid-a') && candidates.some((c) => c.username === 'medic-a' && c.role === 'assigned_medic'),
    );
    assert.ok(!candidates.some((c) => c.username === 'cadre-b'), 'a cadre of another town cannot sign here');
    const other = (await queryRows<{ id: string }>(runtime.deps.database.db, sql`select id from app_user where username = 'cadre-b'`))[0]
      ?.id;
    const refused = await grid.request('PATCH', `/api/key-persons/episodes/${episode.id}/assignment`, {
      assignedCadreId: other,
      reason: '指定包保',
    });
    assert.deepEqual([refused.statusCode, (refused.json() as { field: string }).field], [400, 'assignedCadreId']);
    const assigned = await grid.request('PATCH', `/api/key-persons/episodes/${episode.id}/assignment`, {
      assignedCadreId: ids.cadreId,
      assignedMedicId: ids.medicId,
      reason: '指定包保',
    });
    assert.equal(assigned.statusCode, 200, assigned.body);
    const detail = (await grid.request('GET', `/api/key-persons/episodes/${episode.id}`)).json() as {
      assignedCadreId: string;
      assignedMedicId: string;
    };
    assert.deepEqual([detail.assignedCadreId, detail.assignedMedicId], [ids.cadreId, ids.medicId]);
  });

  it('another town sees none of it', async () => {
    const list = (await otherTown.request('GET', '/api/key-persons/episodes')).json() as { total: number };
    assert.equal(list.total, 0);
    const any = await queryRows<{ id: string }>(runtime.deps.database.db, sql`select id from key_person_episode limit 1`);
    const reply = await otherTown.request('GET', `/api/key-persons/episodes/${any[0]?.id}`);
    assert.equal(reply.statusCode, 404);
  });
});
