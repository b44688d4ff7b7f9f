import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/query-rows.ts';
import { addJurisdiction, addTwoTowns, addUser, loginAs, residentId, TEST_PASSWORD, type TestClient } from '../../testing/factories.ts';
import { createTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';

const DAY = '2020-02-10';
const at = (time: string) => new Date(`${DAY}T${time}:00+08:00`);

interface Template {
  id: string;
  code: string;
  version: number;
  kind: string;
  name: string;
  definition: { deadline?: { time: string }; platformExport?: { path: string } };
}
interface Submission {
  id: string;
  status: string;
  late: boolean;
  zero: boolean;
  figures: Record<string, number | null>;
  revision: number;
  signerName: string | null;
  sealHolder: string | null;
  templateVersion: number;
  rows: Record<string, unknown>[];
  revisions?: { id: string; status: string; revision: number }[];
}
interface Refusal {
  code: string;
  field: string;
  details?: { problems: { field: string; code: string }[] };
}

describe('daily reports: templates, submission, signature, zero report, bad input (DAILY-001…006, SC-45, SC-46, SC-47)', () => {
  let runtime: TestRuntime;
  let secretary: TestClient;
  let grid: TestClient;
  let secretary2: TestClient;
  let town: TestClient;
  let otherSecretary: TestClient;
  let ids: { villageA: string; villageA2: string; villageB: string; townA: string; school: string };
  let templates: Map<string, Template>;

  const login = async () => {
    runtime.deps.sessions.clear();
    secretary = await loginAs(runtime.app, 'sec-a');
    grid = await loginAs(runtime.app, 'grid-a');
    secretary2 = await loginAs(runtime.app, 'sec-a2');
    town = await loginAs(runtime.app, 'town-a');
    otherSecretary = await loginAs(runtime.app, 'sec-b');
  };
  const setNow = (time: string) => {
    runtime.deps.clock = () => at(time);
  };
  const tid = (code: string) => templates.get(code)?.id ?? '';
  const count = async (table: string) =>
    (await queryRows<{ n: number }>(runtime.deps.database.db, sql`select count(*)::int as n from ${sql.identifier(table)}`))[0]?.n ?? 0;
  const screeningRow = {
    name: '王五',
    idNumber: residentId('19900101', 123, '420106'),
    phone: '13912345678',
    origin: '武汉',
    arrivalDate: '2020-02-08',
    address: '甲社区3幢101室',
    isolationStart: '2020-02-08',
  };
  const sign = { password: TEST_PASSWORD, sealHolder: '李会计' };

  before(async () => {
    runtime = await createTestRuntime({ FANGKONG_LOGIN_RATE: '1000' });
    setNow('08:00');
    const { county, townA, villageA, villageB } = await addTwoTowns(runtime.deps);
    const villageA2 = await addJurisdiction(runtime.deps, '320412100', '320412100002', '丙社区', 'village');
    const [school] = await queryRows<{ id: string }>(
      runtime.deps.database.db,
      sql`insert into place (kind, name, code, jurisdiction_id, jurisdiction_path)
          values ('school', '甲小学', 'SCH-A', ${villageA.id}, ${villageA.path}) returning id`,
    );
    ids = { villageA: villageA.id, villageA2: villageA2.id, villageB: villageB.id, townA: townA.id, school: school?.id ?? '' };
    await addUser(runtime.deps, 'sec-a', 'community_secretary', villageA.id);
    await addUser(runtime.deps, 'grid-a', 'grid_worker', villageA.id);
    await addUser(runtime.deps, 'sec-a2', 'community_secretary', villageA2.id);
    await addUser(runtime.deps, 'town-a', 'town_cadre', townA.id);
    await addUser(runtime.deps, 'sec-b', 'community_secretary', villageB.id);
    await addUser(runtime.deps, 'school-a', 'institution_reporter', townA.id);
    await addUser(runtime.deps, 'commander', 'district_commander', county.id);
    await login();
    const list = (await town.request('GET', '/api/reports/templates')).json() as Template[];
    templates = new Map(list.map((t) => [t.code, t]));
  });
  after(() => runtime.close());

  it('Annex A: the seeds’ tables ship as templates in report_template, the existing release table and testing report among them', async () => {
    const stored = await queryRows<{ code: string; version: number; jurisdiction_path: string }>(
      runtime.deps.database.db,
      sql`select code, version, jurisdiction_path from report_template order by code`,
    );
    assert.deepEqual(
      stored.map((r) => r.code),
      [
        'community_daily_summary',
        'home_isolation_monitoring',
        'release_from_isolation',
        'returnee_health_monitoring',
        'returnee_screening',
        'school_daily',
        'sealed_building_temperature',
        'testing_daily',
      ],
    );
    assert.ok(stored.every((r) => r.version === 1 && r.jurisdiction_path === '/'));
    assert.equal(templates.get('returnee_screening')?.name, '外来返济人员排查表');
    assert.equal(templates.get('returnee_screening')?.definition.deadline?.time, '13:00');
    assert.equal(templates.get('release_from_isolation')?.definition.platformExport?.path, '/api/key-persons/exports/release-table.xlsx');
    assert.equal(templates.get('testing_daily')?.kind, 'generated');
  });

  it('SC-45, DAILY-003: the secretary sends the screening table at 12:55 signed and sealed: on time, signer, time and seal holder recorded', async () => {
    setNow('12:55');
    const sent = await secretary.request('POST', '/api/reports/submissions', {
      templateId: tid('returnee_screening'),
      unitId: ids.villageA,
      period: DAY,
      rows: [screeningRow],
      signature: sign,
    });
    assert.equal(sent.statusCode, 201, sent.body);
    const s = sent.json() as Submission & { signedAt: string; submittedAt: string };
    assert.deepEqual([s.status, s.late, s.signerName, s.sealHolder], ['submitted', false, 'sec-a', '李会计']);
    assert.equal(s.signedAt, at('12:55').toISOString());
    assert.deepEqual(s.figures, { screened: 1, fromWuhan: 1, fromHubei: 0, homeIsolation: 1 });
    const audit = await queryRows<{ action: string }>(
      runtime.deps.database.db,
      sql`select action from audit_event where entity_id = ${s.id}::text`,
    );
    assert.deepEqual(
      audit.map((a) => a.action),
      ['report.submit'],
    );
    const stored = await queryRows<{ rows_cipher: string }>(
      runtime.deps.database.db,
      sql`select rows_cipher from report_submission where id = ${s.id}`,
    );
    assert.ok(!stored[0]?.rows_cipher.includes('王五'), 'rows are personal data, encrypted at rest');
  });

  it('SC-45: at 13:05 another community’s table is accepted but marked late', async () => {
    setNow('13:05');
    const sent = await secretary2.request('POST', '/api/reports/submissions', {
      templateId: tid('returnee_screening'),
      unitId: ids.villageA2,
      period: DAY,
      zero: true,
      signature: sign,
    });
    assert.equal(sent.statusCode, 201, sent.body);
    assert.deepEqual((({ status, late, zero }: Submission) => [status, late, zero])(sent.json() as Submission), ['submitted', true, true]);
  });

  it('SC-45: without the seal, by someone else, or with a wrong password the signature is refused with its field, nothing written', async () => {
    setNow('12:00');
    const before_ = await count('report_submission');
    const body = { templateId: tid('returnee_health_monitoring'), unitId: ids.villageA, period: DAY, zero: true };
    const noSeal = await secretary.request('POST', '/api/reports/submissions', { ...body, signature: { password: TEST_PASSWORD } });
    assert.deepEqual([noSeal.statusCode, (noSeal.json() as Refusal).field], [400, 'signature.sealHolder']);
    const byGrid = await grid.request('POST', '/api/reports/submissions', { ...body, signature: sign });
    assert.deepEqual(
      [byGrid.statusCode, (byGrid.json() as Refusal).code, (byGrid.json() as Refusal).field],
      [403, 'notResponsiblePerson', 'signature'],
    );
    const byTown = await town.request('POST', '/api/reports/submissions', { ...body, signature: sign });
    assert.deepEqual([byTown.statusCode, (byTown.json() as Refusal).field], [403, 'signature']);
    const wrongPassword = await secretary.request('POST', '/api/reports/submissions', {
      ...body,
      signature: { ...sign, password: 'not-my-password-1' },
    });
    assert.deepEqual([wrongPassword.statusCode, (wrongPassword.json() as Refusal).field], [400, 'signature.password']);
    assert.equal(await count('report_submission'), before_);
  });

  it('DAILY-003: a grid worker’s table waits unsigned as a draft; only the secretary’s signature makes it a report, late when after 13:00', async () => {
    setNow('12:30');
    const draft = await grid.request('POST', '/api/reports/submissions', {
      templateId: tid('returnee_health_monitoring'),
      unitId: ids.villageA,
      period: DAY,
      rows: [{ name: '王五', temperatureMorning: '36.6', symptoms: '无', observer: '网格员' }],
    });
    assert.equal(draft.statusCode, 201, draft.body);
    const d = draft.json() as Submission;
    assert.equal(d.status, 'draft');
    const board = (await town.request('GET', `/api/reports/board?date=${DAY}&templateCode=returnee_health_monitoring`)).json() as {
      selected: { units: { unit: { id: string }; state: string; draft: boolean }[] };
    };
    assert.deepEqual(
      board.selected.units.filter((u) => u.unit.id === ids.villageA).map((u) => [u.state, u.draft]),
      [['due_soon', true]],
    );
    const notMine = await grid.request('POST', `/api/reports/submissions/${d.id}/sign`, sign);
    assert.deepEqual([notMine.statusCode, (notMine.json() as Refusal).field], [403, 'signature']);
    setNow('13:01');
    const signed = await secretary.request('POST', `/api/reports/submissions/${d.id}/sign`, sign);
    assert.equal(signed.statusCode, 200, signed.body);
    assert.deepEqual((({ status, late }: Submission) => [status, late])(signed.json() as Submission), ['submitted', true]);
    const again = await secretary.request('POST', `/api/reports/submissions/${d.id}/sign`, sign);
    assert.deepEqual([again.statusCode, (again.json() as Refusal).code], [409, 'notAwaitingSignature']);
  });

  it('a second report replaces the first with its history; punctuality stays that of the first report', async () => {
    setNow('15:00');
    const first = (await (
      await secretary.request('GET', `/api/reports/submissions?unitId=${ids.villageA}&templateCode=returnee_screening`)
    ).json()) as { items: { id: string }[] };
    const corrected = await secretary.request('POST', '/api/reports/submissions', {
      templateId: tid('returnee_screening'),
      unitId: ids.villageA,
      period: DAY,
      rows: [screeningRow, { ...screeningRow, name: '赵六', idNumber: residentId('19920202', 125, '420106'), origin: 'other' }],
      reason: '补报一人',
      signature: sign,
    });
    assert.equal(corrected.statusCode, 201, corrected.body);
    const c = corrected.json() as Submission;
    assert.deepEqual([c.revision, c.late, c.figures.screened], [2, false, 2]);
    const detail = (await town.request('GET', `/api/reports/submissions/${c.id}`)).json() as Submission;
    assert.deepEqual(
      detail.revisions?.map((r) => [r.revision, r.status]),
      [
        [2, 'submitted'],
        [1, 'superseded'],
      ],
    );
    assert.equal(detail.revisions?.[1]?.id, first.items[0]?.id);
    assert.equal(detail.rows.length, 2);
    const history = (
      await town.request('GET', `/api/reports/submissions?unitId=${ids.villageA}&templateCode=returnee_screening`)
    ).json() as {
      total: number;
    };
    assert.equal(history.total, 1, 'the history per unit lists the current report of each day');
  });

  it('bad input: a negative count, a word for a number, an unknown figure, a bad ID number: 400 at the field, nothing written', async () => {
    setNow('09:00');
    const before_ = await count('report_submission');
    const base = { templateId: tid('community_daily_summary'), unitId: ids.villageA2, period: DAY };
    const negative = await secretary2.request('POST', '/api/reports/submissions', {
      ...base,
      figures: { newKeyPersons: -1, symptomatic: 0, newCases: 0 },
    });
    assert.deepEqual(
      [negative.statusCode, (negative.json() as Refusal).code, (negative.json() as Refusal).field],
      [400, 'negativeCount', 'figures.newKeyPersons'],
    );
    const word = await secretary2.request('POST', '/api/reports/submissions', {
      ...base,
      figures: { newKeyPersons: '三', symptomatic: 0, newCases: 0 },
    });
    assert.deepEqual([word.statusCode, (word.json() as Refusal).field], [400, 'figures.newKeyPersons']);
    const unknown = await secretary2.request('POST', '/api/reports/submissions', {
      ...base,
      figures: { newKeyPersons: 0, symptomatic: 0, newCases: 0, visitors: 2 },
    });
    assert.deepEqual([unknown.statusCode, (unknown.json() as Refusal).field], [400, 'figures.visitors']);
    const badId = await secretary2.request('POST', '/api/reports/submissions', {
      templateId: tid('returnee_screening'),
      unitId: ids.villageA2,
      period: DAY,
      rows: [{ ...screeningRow, idNumber: '420106199001011234', origin: '火星' }],
      signature: sign,
    });
    const refusal = badId.json() as Refusal;
    assert.deepEqual([badId.statusCode, refusal.field], [400, 'rows.0.idNumber']);
    assert.deepEqual(
      refusal.details?.problems.map((p) => p.field),
      ['rows.0.idNumber', 'rows.0.origin'],
    );
    const future = await secretary2.request('POST', '/api/reports/submissions', { ...base, period: '2020-02-11', zero: true });
    assert.deepEqual([future.statusCode, (future.json() as Refusal).field], [400, 'period']);
    const notAType = await secretary2.request('POST', '/api/reports/submissions', { ...base, figures: { newCases: [1] } });
    assert.deepEqual([notAType.statusCode, (notAType.json() as Refusal).field.startsWith('figures')], [400, true]);
    const wrongUnit = await secretary2.request('POST', '/api/reports/submissions', {
      templateId: tid('school_daily'),
      unitId: ids.villageA2,
      period: DAY,
      zero: true,
    });
    assert.deepEqual([wrongUnit.statusCode, (wrongUnit.json() as Refusal).code], [400, 'unitDoesNotReport']);
    assert.equal(await count('report_submission'), before_);
  });

  it('SC-46, DAILY-001: a zero report in one action keeps the standing counts the platform holds', async () => {
    setNow('16:00');
    const zero = await secretary2.request('POST', '/api/reports/submissions', {
      templateId: tid('community_daily_summary'),
      unitId: ids.villageA2,
      period: DAY,
      zero: true,
    });
    assert.equal(zero.statusCode, 201, zero.body);
    const z = zero.json() as Submission;
    assert.deepEqual([z.status, z.zero, z.late], ['submitted', true, false]);
    assert.deepEqual(z.figures, { newKeyPersons: 0, symptomatic: 0, newCases: 0, underManagement: 0, samplesToday: 0, releasedToday: 0 });
    const withCase = await secretary.request('POST', '/api/reports/submissions', {
      templateId: tid('community_daily_summary'),
      unitId: ids.villageA,
      period: DAY,
      zero: true,
      figures: { newCases: 1 },
    });
    assert.deepEqual([withCase.statusCode, (withCase.json() as Refusal).code], [400, 'zeroHasFigures']);
  });

  it('SC-47, DAILY-003, DAILY-004: a school sends its zero report; the school report is due of schools, not of communities, and the school’s reporter sends no community’s tables', async () => {
    setNow('09:30');
    const school = await loginAs(runtime.app, 'school-a');
    const due = (await school.request('GET', `/api/reports/due?date=${DAY}`)).json() as {
      units: { unit: { id: string; kind: string }; items: { templateCode: string }[] }[];
    };
    const schoolUnit = due.units.find((u) => u.unit.id === ids.school);
    assert.deepEqual(
      schoolUnit?.items.map((i) => i.templateCode),
      ['school_daily'],
    );
    // DAILY-003/004: granted over the town, the school's reporter is offered no community's tables and cannot send one.
    assert.deepEqual(
      due.units.map((u) => u.unit.kind),
      ['place'],
    );
    const before_ = await count('report_submission');
    const community = await school.request('POST', '/api/reports/submissions', {
      templateId: tid('returnee_screening'),
      unitId: ids.villageA,
      period: DAY,
      zero: true,
    });
    assert.equal(community.statusCode, 403, community.body);
    assert.deepEqual(
      [(community.json() as { code: string }).code, (community.json() as { field: string }).field],
      ['notReporterOfUnit', 'unitId'],
    );
    assert.equal(await count('report_submission'), before_);
    const yesterday = await school.request('POST', '/api/reports/submissions', {
      templateId: tid('school_daily'),
      unitId: ids.school,
      period: '2020-02-09',
      figures: { studentsEnrolled: 820, staffEnrolled: 64, studentsAbsentIll: 2, staffAbsentIll: 0, fever: 1, keyPersons: 0 },
    });
    assert.equal(yesterday.statusCode, 201, yesterday.body);
    assert.equal((yesterday.json() as Submission).late, true, 'a report of yesterday sent today is late');
    const zero = await school.request('POST', '/api/reports/submissions', {
      templateId: tid('school_daily'),
      unitId: ids.school,
      period: DAY,
      zero: true,
    });
    assert.equal(zero.statusCode, 201, zero.body);
    const z = zero.json() as Submission;
    assert.deepEqual([z.zero, z.late, z.figures.studentsEnrolled, z.figures.fever], [true, false, 820, 0]);
  });

  it('cross-jurisdiction: another community’s secretary can neither read, sign nor send for community A (404/403)', async () => {
    setNow('16:30');
    const history = (await town.request('GET', `/api/reports/submissions?unitId=${ids.villageA}`)).json() as { items: { id: string }[] };
    const id = history.items[0]?.id ?? '';
    assert.equal((await otherSecretary.request('GET', `/api/reports/submissions/${id}`)).statusCode, 404);
    assert.equal((await otherSecretary.request('GET', `/api/reports/submissions?unitId=${ids.villageA}`)).statusCode, 404);
    assert.equal((await otherSecretary.request('POST', `/api/reports/submissions/${id}/sign`, sign)).statusCode, 404);
    const send = await otherSecretary.request('POST', '/api/reports/submissions', {
      templateId: tid('returnee_screening'),
      unitId: ids.villageA,
      period: DAY,
      zero: true,
      signature: sign,
    });
    assert.deepEqual([send.statusCode, (send.json() as Refusal).field], [404, 'unitId']);
    assert.equal((await otherSecretary.request('GET', `/api/reports/board?jurisdictionId=${ids.townA}`)).statusCode, 403);
    const own = (await otherSecretary.request('GET', `/api/reports/board?date=${DAY}`)).json() as {
      selected: { units: { unit: { id: string } }[] };
    };
    assert.deepEqual(
      own.selected.units.map((u) => u.unit.id),
      [ids.villageB],
    );
  });

  it('DAILY-003, SC-45: the deadline holds whatever time zone the server runs in (UTC, New York): 12:59 Shanghai (04:59 UTC) on time, 13:01 (05:01 UTC) late', async () => {
    const saved = process.env.TZ;
    try {
      for (const zone of ['UTC', 'America/New_York']) {
        process.env.TZ = zone;
        runtime.deps.clock = () => new Date(`${DAY}T04:59:00Z`);
        const onTime = await secretary.request('POST', '/api/reports/submissions', {
          templateId: tid('release_from_isolation'),
          unitId: ids.villageA,
          period: DAY,
          zero: true,
          signature: sign,
          reason: zone,
        });
        assert.equal(onTime.statusCode, 201, onTime.body);
        assert.equal((onTime.json() as Submission).late, false, zone);
        runtime.deps.clock = () => new Date(`${DAY}T05:01:00Z`);
        const board = (await town.request('GET', `/api/reports/board?date=${DAY}&templateCode=release_from_isolation`)).json() as {
          selected: { units: { unit: { id: string }; state: string }[] };
        };
        assert.equal(board.selected.units.find((u) => u.unit.id === ids.villageA2)?.state, 'missing', zone);
        const late = await secretary2.request('POST', '/api/reports/submissions', {
          templateId: tid('release_from_isolation'),
          unitId: ids.villageA2,
          period: DAY,
          zero: true,
          signature: sign,
        });
        assert.equal(late.statusCode, 201, late.body);
        assert.equal((late.json() as Submission).late, true, `13:01 in Shanghai is late (${zone})`);
        await queryRows(runtime.deps.database.db, sql`delete from report_submission where template_code = 'release_from_isolation'`);
      }
    } finally {
      process.env.TZ = saved;
    }
  });
});
