import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { queryRows } from '../../db/query-rows.ts';
import { XLSX_MIME } from '../../imports/import-http.ts';
import { addJurisdiction, addTwoTowns, addUser, loginAs, residentId, TEST_PASSWORD, type TestClient } from '../../testing/factories.ts';
import { createTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';
import { runReportReminderSweep } from './report-reminder.job.ts';

const DAY = '2020-02-10';
const at = (time: string) => new Date(`${DAY}T${time}:00+08:00`);
const sign = { password: TEST_PASSWORD, sealHolder: '李会计' };

interface Template {
  id: string;
  code: string;
}
interface Submission {
  id: string;
  status: string;
  late: boolean;
  figures: Record<string, number | null>;
  platform: Record<string, number>;
  templateVersion: number;
}
interface Prefill {
  figures: { key: string; value: number; source: string }[];
  rows: Record<string, unknown>[] | null;
}
interface Sums {
  total: Record<string, number>;
  reported: number;
  expected: number;
  children: { name: string; figures: Record<string, number>; reported: number; expected: number }[];
}

async function workbook(body: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body as unknown as ArrayBuffer);
  return book;
}

const cells = (book: ExcelJS.Workbook) =>
  book.worksheets.flatMap((sheet) => {
    const out: string[] = [];
    sheet.eachRow((row) => out.push(JSON.stringify(row.values)));
    return out;
  });

describe('daily reports: pre-fill, board, sums, files, upload, reminders, versions (DAILY-001…006, SC-45, SC-46)', () => {
  let runtime: TestRuntime;
  let secretary: TestClient;
  let grid: TestClient;
  let secretary2: TestClient;
  let secretaryB: TestClient;
  let town: TestClient;
  let townB: TestClient;
  let commander: TestClient;
  let ids: { county: string; townA: string; townB: string; villageA: string; villageA2: string; villageB: string };
  let templates: Map<string, Template>;
  const tid = (code: string) => templates.get(code)?.id ?? '';
  const setNow = (time: string) => {
    runtime.deps.clock = () => at(time);
  };
  const prefill = async (client: TestClient, code: string, unitId: string) => {
    const reply = await client.request('GET', `/api/reports/prefill?templateId=${tid(code)}&unitId=${unitId}&period=${DAY}`);
    assert.equal(reply.statusCode, 200, reply.body);
    return reply.json() as Prefill;
  };
  const figure = (p: Prefill, key: string) => p.figures.find((f) => f.key === key);
  const summary = (unitId: string, figures: Record<string, number>) => ({
    templateId: tid('community_daily_summary'),
    unitId,
    period: DAY,
    figures,
  });
  const inject = (client: TestClient, url: string) => runtime.app.inject({ method: 'GET', url, headers: client.headers });

  async function keyPerson(sequence: number, category: string) {
    const person = await grid.request('POST', '/api/persons', {
      idType: 'resident_id',
      idNumber: residentId('19800101', sequence),
      name: `人员${sequence}`,
      jurisdictionId: ids.villageA,
    });
    assert.equal(person.statusCode, 201, person.body);
    const personId = (person.json() as { id: string }).id;
    const episode = await grid.request('POST', '/api/key-persons/episodes', { personId, category, startDate: DAY });
    assert.equal(episode.statusCode, 201, episode.body);
    return { personId, episodeId: (episode.json() as { id: string }).id };
  }

  before(async () => {
    runtime = await createTestRuntime({ FANGKONG_LOGIN_RATE: '1000' });
    setNow('08:00');
    const two = await addTwoTowns(runtime.deps);
    const villageA2 = await addJurisdiction(runtime.deps, '320412100', '320412100002', '丙社区', 'village');
    ids = {
      county: two.county.id,
      townA: two.townA.id,
      townB: two.townB.id,
      villageA: two.villageA.id,
      villageA2: villageA2.id,
      villageB: two.villageB.id,
    };
    await addUser(runtime.deps, 'sec-a', 'community_secretary', ids.villageA);
    await addUser(runtime.deps, 'grid-a', 'grid_worker', ids.villageA);
    await addUser(runtime.deps, 'sec-a2', 'community_secretary', ids.villageA2);
    await addUser(runtime.deps, 'sec-b', 'community_secretary', ids.villageB);
    await addUser(runtime.deps, 'town-a', 'town_cadre', ids.townA);
    await addUser(runtime.deps, 'town-b', 'town_cadre', ids.townB);
    await addUser(runtime.deps, 'commander', 'district_commander', ids.county);
    secretary = await loginAs(runtime.app, 'sec-a');
    grid = await loginAs(runtime.app, 'grid-a');
    secretary2 = await loginAs(runtime.app, 'sec-a2');
    secretaryB = await loginAs(runtime.app, 'sec-b');
    town = await loginAs(runtime.app, 'town-a');
    townB = await loginAs(runtime.app, 'town-b');
    commander = await loginAs(runtime.app, 'commander');
    templates = new Map(((await town.request('GET', '/api/reports/templates')).json() as Template[]).map((t) => [t.code, t]));
  });
  after(() => runtime.close());

  it('DAILY-003 pre-fill: each pre-filled figure equals the platform’s own count (episodes, testing daily report, release table)', async () => {
    setNow('09:00');
    await keyPerson(101, 'returning_outsider');
    await keyPerson(103, 'returning_outsider');
    const sampled = await keyPerson(105, 'risk_area_arrival');
    const released = await keyPerson(107, 'close_contact');
    for (const [i, personId] of [sampled.personId, released.personId].entries()) {
      const sample = await grid.request('POST', '/api/testing/samples', {
        personId,
        barcode: `RPT-00${i}`,
        purpose: 'voluntary',
        labName: '甲实验室',
      });
      assert.equal(sample.statusCode, 201, sample.body);
    }
    await queryRows(
      runtime.deps.database.db,
      sql`update key_person_episode set status = 'released', released_at = ${at('10:00').toISOString()}::timestamptz where id = ${released.episodeId}`,
    );
    const episodes = async (query: string) =>
      (await grid.request('GET', `/api/key-persons/episodes?status=active${query}`)).json() as {
        total: number;
        items: { managementType: string }[];
      };
    const returnees = (await episodes('&category=returning_outsider')).total + (await episodes('&category=risk_area_arrival')).total;
    const all = await episodes('&pageSize=200');
    const daily = (await grid.request('GET', `/api/testing/reports/daily?date=${DAY}&jurisdictionId=${ids.villageA}`)).json() as {
      sampled: { total: number };
    };
    const releaseTable = await inject(
      grid,
      `/api/key-persons/exports/release-table.xlsx?date=${DAY}&purpose=${encodeURIComponent('核对')}`,
    );
    const releaseRows = (await workbook(releaseTable.rawPayload)).worksheets[0]?.rowCount ?? 0;

    const monitoring = await prefill(grid, 'returnee_health_monitoring', ids.villageA);
    assert.deepEqual(
      [figure(monitoring, 'underManagement')?.value, figure(monitoring, 'underManagement')?.source],
      [returnees, 'platform'],
    );
    assert.equal(returnees, 3);
    const community = await prefill(grid, 'community_daily_summary', ids.villageA);
    assert.equal(figure(community, 'underManagement')?.value, all.total);
    assert.equal(figure(community, 'samplesToday')?.value, daily.sampled.total);
    assert.equal(daily.sampled.total, 2);
    assert.equal(figure(community, 'releasedToday')?.value, releaseRows - 2, 'the release table has a title and a header row');
    const home = await prefill(grid, 'home_isolation_monitoring', ids.villageA);
    assert.equal(figure(home, 'underHomeQuarantine')?.value, all.items.filter((e) => e.managementType === 'home_quarantine').length);
    const releases = await prefill(grid, 'release_from_isolation', ids.villageA);
    assert.deepEqual(
      releases.rows?.map((r) => [r.name, r.releaseDate]),
      [['人员107', DAY]],
    );

    const sent = await secretary.request('POST', '/api/reports/submissions', {
      templateId: tid('returnee_health_monitoring'),
      unitId: ids.villageA,
      period: DAY,
      rows: [{ name: '人员101', temperatureMorning: 36.5, symptoms: 'none', observer: '网格员' }],
      signature: sign,
    });
    assert.equal(sent.statusCode, 201, sent.body);
    const s = sent.json() as Submission;
    assert.deepEqual([s.figures.underManagement, s.platform.underManagement], [3, 3]);
    const zeroRelease = await secretary.request('POST', '/api/reports/submissions', {
      templateId: tid('release_from_isolation'),
      unitId: ids.villageA,
      period: DAY,
      zero: true,
      signature: sign,
    });
    assert.deepEqual([zeroRelease.statusCode, (zeroRelease.json() as { code: string }).code], [400, 'zeroContradictsPlatform']);
  });

  it('DAILY-001 aggregation: community figures sum to the town, towns to the district', async () => {
    setNow('16:00');
    const base = { symptomatic: 0, newCases: 0 };
    for (const [client, unitId, newKeyPersons] of [
      [secretary, ids.villageA, 2],
      [secretary2, ids.villageA2, 1],
      [secretaryB, ids.villageB, 4],
    ] as const) {
      const sent = await client.request('POST', '/api/reports/submissions', summary(unitId, { ...base, newKeyPersons, symptomatic: 1 }));
      assert.equal(sent.statusCode, 201, sent.body);
    }
    const townSums = (await town.request('GET', `/api/reports/aggregate?templateCode=community_daily_summary&date=${DAY}`)).json() as Sums;
    assert.deepEqual([townSums.total.newKeyPersons, townSums.total.symptomatic, townSums.reported, townSums.expected], [3, 2, 2, 2]);
    assert.deepEqual(
      townSums.children.map((c) => [c.name, c.figures.newKeyPersons]),
      [
        ['甲社区', 2],
        ['丙社区', 1],
      ],
    );
    const district = (
      await commander.request('GET', `/api/reports/aggregate?templateCode=community_daily_summary&date=${DAY}`)
    ).json() as Sums;
    assert.deepEqual(
      district.children.map((c) => [c.name, c.figures.newKeyPersons, c.reported, c.expected]),
      [
        ['湖塘镇', 3, 2, 2],
        ['牛塘镇', 4, 1, 1],
      ],
    );
    assert.equal(district.total.newKeyPersons, 7);
    assert.equal(
      district.total.underManagement,
      (townSums.total.underManagement ?? 0) + (district.children[1]?.figures.underManagement ?? 0),
    );
    const outside = await townB.request('GET', `/api/reports/aggregate?templateCode=community_daily_summary&jurisdictionId=${ids.townA}`);
    assert.equal(outside.statusCode, 403);
  });

  it('SC-46 board: the town sees who reported on time, late and not at all, with the late list', async () => {
    setNow('12:50');
    const zero = await secretary2.request('POST', '/api/reports/submissions', {
      templateId: tid('returnee_screening'),
      unitId: ids.villageA2,
      period: DAY,
      zero: true,
      signature: sign,
    });
    assert.equal(zero.statusCode, 201, zero.body);
    setNow('13:30');
    const board = (await town.request('GET', `/api/reports/board?date=${DAY}&templateCode=returnee_screening`)).json() as {
      templates: { code: string; expected: number; on_time: number; missing: number; late: number }[];
      selected: { units: { unit: { name: string }; state: string }[] };
      lateList: { unit: { name: string }; templateCode: string; state: string }[];
    };
    assert.deepEqual(
      board.selected.units.map((u) => [u.unit.name, u.state]),
      [
        ['甲社区', 'missing'],
        ['丙社区', 'on_time'],
      ],
    );
    const screening = board.templates.find((t) => t.code === 'returnee_screening');
    assert.deepEqual([screening?.expected, screening?.on_time, screening?.missing], [2, 1, 1]);
    assert.ok(board.lateList.some((l) => l.unit.name === '甲社区' && l.templateCode === 'returnee_screening' && l.state === 'missing'));
    assert.ok(!board.lateList.some((l) => l.unit.name === '丙社区' && l.templateCode === 'returnee_screening'));
  });

  it('Excel upload: wrong columns and wrong cells are refused with each error at its row and column; a clean table is a draft to sign', async () => {
    setNow('13:40');
    const blank = await inject(secretary, `/api/reports/templates/${tid('returnee_screening')}/blank.xlsx`);
    assert.equal(blank.statusCode, 200);
    const book = await workbook(blank.rawPayload);
    const sheet = book.worksheets[0] as ExcelJS.Worksheet;
    const header = (sheet.getRow(3).values as unknown[]).slice(1);
    assert.deepEqual(header.slice(0, 3), ['序号', '姓名', '身份证号']);
    sheet.addRow([1, '王五', residentId('19900101', 123, '420106'), '13912345678', '武汉', '2020-02-08', '甲社区3幢', '', '']);
    sheet.addRow([2, '赵六', '420106199001011234', '', '火星', '2020-02-30', '', '', '']);
    const upload = (body: Buffer) =>
      runtime.app.inject({
        method: 'POST',
        url: `/api/reports/submissions/upload?templateId=${tid('returnee_screening')}&unitId=${ids.villageA}&period=${DAY}`,
        headers: { ...secretary.headers, 'content-type': XLSX_MIME },
        payload: body,
      });
    const before_ = (await queryRows<{ n: number }>(runtime.deps.database.db, sql`select count(*)::int as n from report_submission`))[0]?.n;
    const bad = await upload(Buffer.from(await book.xlsx.writeBuffer()));
    assert.equal(bad.statusCode, 400, bad.body);
    const errors = (bad.json() as { code: string; details: { errors: { row: number; column: string; code: string }[] } }).details.errors;
    assert.deepEqual(
      errors.map((e) => [e.row, e.column, e.code]),
      [
        [5, 'C(身份证号)', 'residentId.checkDigit'],
        [5, 'E(来源地)', 'unknownChoice'],
        [5, 'F(抵达日期)', 'invalidDate'],
        [5, 'G(现住址)', 'required'],
      ],
    );
    sheet.getRow(3).getCell(3).value = '证件';
    const wrongColumns = await upload(Buffer.from(await book.xlsx.writeBuffer()));
    const columnErrors = (wrongColumns.json() as { details: { errors: { row: number; column: string; code: string }[] } }).details.errors;
    assert.deepEqual(
      columnErrors.slice(0, 2).map((e) => [e.row, e.column, e.code]),
      [
        [3, 'C(证件)', 'unknownColumn'],
        [3, 'J(身份证号)', 'columnMissing'],
      ],
    );
    const after_ = (await queryRows<{ n: number }>(runtime.deps.database.db, sql`select count(*)::int as n from report_submission`))[0]?.n;
    assert.equal(after_, before_, 'a refused table writes nothing');
    sheet.getRow(3).getCell(3).value = '身份证号';
    sheet.spliceRows(5, 1);
    const good = await upload(Buffer.from(await book.xlsx.writeBuffer()));
    assert.equal(good.statusCode, 201, good.body);
    const draft = good.json() as Submission;
    assert.equal(draft.status, 'draft');
    const signed = await secretary.request('POST', `/api/reports/submissions/${draft.id}/sign`, sign);
    assert.deepEqual((({ status, late }: Submission) => [status, late])(signed.json() as Submission), ['submitted', true]);
  });

  it('files: a report as the seed’s table (.xlsx) and as the printable signed PDF, the town’s collected table; each audited with its purpose', async () => {
    const history = (
      await town.request('GET', `/api/reports/submissions?unitId=${ids.villageA}&templateCode=returnee_screening`)
    ).json() as {
      items: { id: string }[];
    };
    const id = history.items[0]?.id ?? '';
    const xlsx = await inject(town, `/api/reports/submissions/${id}/table.xlsx?purpose=${encodeURIComponent('上报街道')}`);
    assert.equal(xlsx.statusCode, 200);
    const text = cells(await workbook(xlsx.rawPayload)).join('\n');
    assert.match(text, /外来返济人员排查表/);
    assert.match(text, /负责人（签字）：sec-a/);
    assert.match(text, /印章保管人）：李会计/);
    assert.match(text, /王五/);
    const pdf = await inject(town, `/api/reports/submissions/${id}/print.pdf?purpose=${encodeURIComponent('存档')}`);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
    const collected = await inject(
      town,
      `/api/reports/exports/collected.xlsx?templateCode=returnee_screening&date=${DAY}&purpose=${encodeURIComponent('汇总')}`,
    );
    assert.equal(collected.statusCode, 200, collected.body);
    const collectedBook = await workbook(collected.rawPayload);
    assert.deepEqual(
      collectedBook.worksheets.map((s) => s.name),
      ['外来返济人员排查表', '报送情况'],
    );
    const status = cells(collectedBook).join('\n');
    assert.match(status, /甲社区.*逾期报送|甲社区.*按时报送/);
    assert.match(status, /丙社区.*按时报送/);
    const audited = await queryRows<{ action: string; reason: string }>(
      runtime.deps.database.db,
      sql`select action, reason from audit_event where action in ('report.export', 'report.print', 'report.exportCollected') order by id`,
    );
    assert.deepEqual(
      audited.map((a) => [a.action, a.reason]),
      [
        ['report.export', '上报街道'],
        ['report.print', '存档'],
        ['report.exportCollected', '汇总'],
      ],
    );
    const noPurpose = await inject(town, `/api/reports/submissions/${id}/print.pdf`);
    assert.equal(noPurpose.statusCode, 400);
    assert.equal((await inject(secretaryB, `/api/reports/submissions/${id}/print.pdf?purpose=x1`)).statusCode, 404);
  });

  it('DAILY-003 reminders: units not yet reported get a reminder before 13:00 and a late notice after; once each', async () => {
    await queryRows(
      runtime.deps.database.db,
      sql`delete from report_submission where period = ${DAY}::date and template_code = 'release_from_isolation'`,
    );
    setNow('12:10');
    const due = await runReportReminderSweep(runtime.deps);
    assert.ok(due.due >= 1);
    const alerts = async () =>
      (
        await queryRows<{ kind: string; details: { unitName: string; templates: { code: string }[] } }>(
          runtime.deps.database.db,
          sql`select kind, details from alert where kind like 'report_%' order by created_at`,
        )
      ).map((a) => [a.kind, a.details.unitName, a.details.templates.map((t) => t.code).join(',')]);
    assert.ok(
      (await alerts()).some(
        ([kind, unit, codes]) => kind === 'report_due' && unit === '丙社区' && (codes ?? '').includes('release_from_isolation'),
      ),
    );
    assert.equal((await runReportReminderSweep(runtime.deps)).due, 0, 'once per unit and deadline');
    setNow('13:01');
    const late = await runReportReminderSweep(runtime.deps);
    assert.ok(late.late >= 2);
    assert.ok((await alerts()).some(([kind, unit]) => kind === 'report_late' && unit === '甲社区'));
    const seen = (await secretaryB.request('GET', '/api/alerts?kind=report_late')).json() as { items: { details: { unitName: string } }[] };
    assert.ok(
      seen.items.every((a) => a.details.unitName === '乙社区'),
      'alerts stay in their jurisdiction',
    );
  });

  it('RULES-001: the town publishes a 12:00 deadline; the old report keeps version 1, an old form is refused, new reports use version 2', async () => {
    setNow('11:00');
    const published = await town.request('POST', `/api/reports/templates/${tid('community_daily_summary')}/versions`, {
      jurisdictionId: ids.townA,
      deadlineTime: '12:00',
      reason: '镇防控办通知：汇总表提前至12时',
    });
    assert.equal(published.statusCode, 201, published.body);
    const v2 = published.json() as { id: string; version: number; local: boolean };
    assert.deepEqual([v2.version, v2.local], [2, true]);
    const old = (
      await town.request('GET', `/api/reports/submissions?unitId=${ids.villageA}&templateCode=community_daily_summary`)
    ).json() as {
      items: { id: string }[];
    };
    const kept = (await town.request('GET', `/api/reports/submissions/${old.items[0]?.id}`)).json() as Submission;
    assert.equal(kept.templateVersion, 1);
    const stale = await secretary.request('POST', '/api/reports/submissions', {
      ...summary(ids.villageA, { newKeyPersons: 0, symptomatic: 0, newCases: 0 }),
    });
    assert.deepEqual([stale.statusCode, (stale.json() as { code: string }).code], [409, 'templateSuperseded']);
    setNow('12:30');
    const fresh = await secretary2.request('POST', '/api/reports/submissions', {
      templateId: v2.id,
      unitId: ids.villageA2,
      period: '2020-02-10',
      zero: true,
      reason: '按新时限重报',
    });
    assert.equal(fresh.statusCode, 201, fresh.body);
    assert.equal((fresh.json() as Submission).templateVersion, 2);
    const townBList = (await townB.request('GET', '/api/reports/templates')).json() as { code: string; version: number }[];
    assert.equal(townBList.find((t) => t.code === 'community_daily_summary')?.version, 1, 'town B keeps the country’s version');
    const intoA = await townB.request('POST', `/api/reports/templates/${tid('community_daily_summary')}/versions`, {
      jurisdictionId: ids.townA,
      deadlineTime: '08:00',
      reason: '越界发布',
    });
    assert.equal(intoA.statusCode, 403);
    const badTime = await town.request('POST', `/api/reports/templates/${tid('returnee_screening')}/versions`, {
      jurisdictionId: ids.townA,
      deadlineTime: '25:00',
      reason: '错误时间',
    });
    assert.deepEqual([badTime.statusCode, (badTime.json() as { field: string }).field], [400, 'deadlineTime']);
  });
});
