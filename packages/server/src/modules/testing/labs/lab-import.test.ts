import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { queryRows } from '../../../db/query-rows.ts';
import { addUser, loginAs, type TestClient } from '../../../testing/factories.ts';
import { createTestRuntime, type TestRuntime } from '../../../testing/test-runtime.ts';
import { insertImportJob } from '../../key-persons/roster/import-job.repository.ts';
import { XLSX_MIME } from '../../key-persons/roster/roster.routes.ts';
import { addResidents, at, expectStatus, gbkEncode, type TestingWorld, testingWorld } from '../testing.test-support.ts';

interface Progress {
  status: string;
  total: number;
  processed: number;
  created: number;
  existing: number;
  failed: number;
  errors: { row: number; field: string; code: string; column: string }[];
  followUp: { controlTasks: number; caseCandidates: number; alerts: number; closedTasks: number; keyPersons: number };
}

const LAB = '武进区疾控中心';

// TEST-007: NAT results are collected from the labs' files
describe('lab results: import, idempotence and positive-pool fan-out', () => {
  let runtime: TestRuntime;
  let w: TestingWorld;
  let campaignId: string;
  let people: string[];
  const scanned: Record<string, string[]> = {};

  const upload = async (client: TestClient, file: Buffer, type = 'text/csv') => {
    const reply = await runtime.app.inject({
      method: 'POST',
      url: '/api/testing/lab-results/imports?wait=true&fileName=results.csv',
      headers: { ...client.headers, 'content-type': type },
      payload: file,
    });
    assert.equal(reply.statusCode, 202, reply.body);
    return reply.json() as Progress;
  };
  const tasks = (tubeBarcode: string) =>
    queryRows<{ kind: string; status: string; person_id: string }>(
      runtime.deps.database.db,
      sql`select kind, status, person_id from task where details->>'barcode' = ${tubeBarcode} order by kind, person_id`,
    );
  const tubeOf = async (barcode: string) =>
    (
      await queryRows<{ id: string; status: string }>(runtime.deps.database.db, sql`select id, status from tube where barcode = ${barcode}`)
    )[0];

  async function scanInto(pointId: string, barcode: string, persons: string[]) {
    scanned[barcode] = persons;
    for (const personId of persons) {
      await expectStatus(w.grid, 201, 'POST', `/api/testing/collection-points/${pointId}/scans`, { barcode, personId });
    }
  }

  before(async () => {
    runtime = await createTestRuntime({ FANGKONG_LOGIN_RATE: '1000' });
    w = await testingWorld(runtime);
    people = await addResidents(runtime.deps, w.villageA, 16);
    campaignId = (
      await expectStatus<{ id: string }>(w.office, 201, 'POST', '/api/testing/campaigns', {
        name: '甲社区',
        jurisdictionId: w.villageA.id,
        startsAt: at('07:00').toISOString(),
      })
    ).id;
    const point = await expectStatus<{ id: string }>(w.office, 201, 'POST', `/api/testing/campaigns/${campaignId}/collection-points`, {
      name: '甲社区广场',
      jurisdictionId: w.villageA.id,
      opensAt: '07:00',
      closesAt: '19:00',
      staff: 2,
      expectedResidents: 16,
      labName: LAB,
    });
    await scanInto(point.id, 'T-000001', people.slice(0, 10));
    await scanInto(point.id, 'T-000002', people.slice(10, 15));
    await expectStatus(w.grid, 200, 'POST', '/api/testing/tubes/close', { barcode: 'T-000002' });
    await scanInto(point.id, 'T-000003', people.slice(15, 16));
    runtime.deps.clock = () => at('16:00');
  });
  after(() => runtime.close());

  const gbkFile = () =>
    gbkEncode(
      [
        '条码,结果,检测时间,检测机构',
        `T-000001,阳性,2022-07-10 14:00,${LAB}`,
        `T-000002,阴性,2022-07-10 14:05,${LAB}`,
        `T-999999,阴性,2022-07-10 14:05,${LAB}`,
        `T-000003,阴性,2022-07-10 14:10,${LAB}`,
        `T-000002,阴性,2022-07-10 14:05,${LAB}`,
        `bad,阴性,2022-07-10 14:05,${LAB}`,
        `T-000003,？,2022-07-10 14:05,${LAB}`,
        `T-000001,阴性,2022-07-11 14:00,${LAB}`,
      ].join('\r\n'),
    );

  it('reads a GBK CSV: bad rows reported by row and column, good rows applied, the open tube closed on receipt', async () => {
    const progress = await upload(w.lab, gbkFile());
    assert.deepEqual([progress.status, progress.total, progress.created, progress.existing, progress.failed], ['done', 8, 3, 1, 4]);
    assert.deepEqual(
      progress.errors.map((e) => [e.row, e.field, e.code]),
      [
        [4, 'barcode', 'unknownBarcode'],
        [7, 'barcode', 'barcode.format'],
        [8, 'result', 'unknownResult'],
        [9, 'testedAt', 'futureDate'],
      ],
    );
    assert.equal(progress.errors[0]?.column, 'A(条码)');
    assert.equal((await tubeOf('T-000003'))?.status, 'closed');
  });

  it('a file joined from two lab systems, some lines GBK and some UTF-8, reads each line as what it is', async () => {
    await expectStatus(w.grid, 201, 'POST', '/api/testing/samples', { personId: people[11], barcode: 'M-000001', purpose: 'voluntary' });
    await expectStatus(w.grid, 201, 'POST', '/api/testing/samples', { personId: people[10], barcode: 'M-000002', purpose: 'voluntary' });
    const file = Buffer.concat([
      gbkEncode(`条码,结果,检测时间,检测机构\r\nM-000001,阴性,2022-07-10 14:00,${LAB}\r\n`),
      Buffer.from(`M-000002,阴性,2022-07-10 14:05,${LAB}\r\n`, 'utf8'),
    ]);
    const progress = await upload(w.lab, file);
    assert.deepEqual([progress.created, progress.failed, progress.errors], [2, 0, []]);
    const labs = await queryRows<{ lab_name: string }>(
      runtime.deps.database.db,
      sql`select distinct lab_name from lab_result where barcode in ('M-000001', 'M-000002')`,
    );
    assert.deepEqual(labs, [{ lab_name: LAB }], 'the lab name reads the same from both encodings');
  });

  it('a positive pool gives every member a control task and a single-tube retest, and alerts the community once', async () => {
    const rows = await tasks('T-000001');
    assert.equal(rows.filter((t) => t.kind === 'control' && t.status === 'open').length, 10);
    assert.equal(rows.filter((t) => t.kind === 'retest' && t.status === 'open').length, 10);
    assert.deepEqual(new Set(rows.map((t) => t.person_id)), new Set(scanned['T-000001']));
    const alerts = await queryRows<{ kind: string; jurisdiction_path: string }>(
      runtime.deps.database.db,
      sql`select kind, jurisdiction_path from alert where details->>'barcode' = 'T-000001'`,
    );
    assert.deepEqual(alerts, [{ kind: 'positive_pool', jurisdiction_path: w.villageA.path }]);
    assert.deepEqual(await tasks('T-000002'), [], 'a negative pool sets nothing off');
  });

  it('the same file again changes nothing (and fans nothing out twice)', async () => {
    const before = await queryRows<{ n: number }>(runtime.deps.database.db, sql`select count(*)::int as n from task`);
    const progress = await upload(w.lab, gbkFile());
    assert.deepEqual([progress.created, progress.existing, progress.followUp.controlTasks], [0, 4, 0]);
    const afterCount = await queryRows<{ n: number }>(runtime.deps.database.db, sql`select count(*)::int as n from task`);
    assert.deepEqual(afterCount, before);
  });

  it('a UTF-8 file (with BOM) giving another result for a resulted tube is a conflict, not an overwrite', async () => {
    const file = Buffer.from(`\uFEFFbarcode,result,testedAt,lab\nT-000002,positive,2022-07-10T15:00:00+08:00,${LAB}\n`, 'utf8');
    const progress = await upload(w.lab, file);
    assert.deepEqual(
      progress.errors.map((e) => [e.row, e.code]),
      [[2, 'resultConflict']],
    );
  });

  it('a negative retest closes that member’s tasks; the others stay open', async () => {
    const [first] = scanned['T-000001'] ?? [];
    await expectStatus(w.grid, 201, 'POST', '/api/testing/samples', { personId: first, barcode: 'R-000001', purpose: 'retest' });
    const answer = await expectStatus<{ created: number; followUp: { closedTasks: number } }>(
      w.lab,
      200,
      'POST',
      '/api/testing/lab-results',
      {
        labName: LAB,
        results: [{ barcode: 'R-000001', result: '阴性', testedAt: at('15:30').toISOString() }],
      },
    );
    assert.deepEqual([answer.created, answer.followUp.closedTasks], [1, 2]);
    const rows = await tasks('T-000001');
    assert.deepEqual(
      rows.filter((t) => t.person_id === first).map((t) => t.status),
      ['closed', 'closed'],
    );
    assert.equal(rows.filter((t) => t.status === 'open').length, 18);
  });

  // CASE-003: a positive screen puts the person under control at once (screen → report → isolate)
  it('a positive single-tube retest is a case candidate handed to key-person management', async () => {
    const second = scanned['T-000001']?.[1] ?? '';
    await expectStatus(w.grid, 201, 'POST', '/api/testing/samples', { personId: second, barcode: 'R-000002', purpose: 'retest' });
    const answer = await expectStatus<{ followUp: { caseCandidates: number; keyPersons: number } }>(
      w.lab,
      200,
      'POST',
      '/api/testing/lab-results',
      {
        labName: LAB,
        results: [{ barcode: 'R-000002', result: 'positive' }],
      },
    );
    assert.deepEqual([answer.followUp.caseCandidates, answer.followUp.keyPersons], [1, 1]);
    assert.deepEqual(
      (await tasks('R-000002')).map((t) => [t.kind, t.person_id]),
      [['case_candidate', second]],
    );
    const episodes = await queryRows<{ category: string; source: string }>(
      runtime.deps.database.db,
      sql`select category, source from key_person_episode where person_id = ${second}`,
    );
    assert.deepEqual(episodes, [{ category: 'suspected', source: 'testing' }]);
    // Issue 11 item 1, CASE-001: the positive single tube opens the case itself; the 2-hour clock runs from the result
    const cases = await queryRows<{ classification: string; source: string; barcode: string; minutes: number }>(
      runtime.deps.database.db,
      sql`select c.classification, c.source, t.barcode,
                 extract(epoch from (c.report_due_at - c.discovered_at))::int / 60 as minutes
          from case_report c join tube t on t.id = c.source_id where c.person_id = ${second}`,
    );
    assert.deepEqual(cases, [{ classification: 'suspected', source: 'positive_tube', barcode: 'R-000002', minutes: 120 }]);
    const again = await expectStatus<{ followUp: { keyPersons: number } }>(w.lab, 200, 'POST', '/api/testing/lab-results', {
      labName: LAB,
      results: [{ barcode: 'R-000002', result: 'positive' }],
    });
    assert.equal(again.followUp.keyPersons, 0);
    const count = await queryRows<{ n: number }>(
      runtime.deps.database.db,
      sql`select count(*)::int as n from case_report where person_id = ${second}`,
    );
    assert.equal(count[0]?.n, 1, 'the same result again opens no second case');
  });

  it('a retest without a positive pool to answer for is refused', async () => {
    const reply = await w.grid.request('POST', '/api/testing/samples', { personId: people[15], barcode: 'R-000003', purpose: 'retest' });
    assert.deepEqual([reply.statusCode, (reply.json() as { code: string }).code], [400, 'noRetestDue']);
  });

  it('the dashboard shows the positive pool and its follow-up, nothing in transit', async () => {
    const board = await expectStatus<{
      tubes: { inTransit: number; resulted: number };
      positives: { barcode: string; retests: number; retestsNegative: number; retestsPositive: number; state: string }[];
    }>(w.office, 200, 'GET', `/api/testing/campaigns/${campaignId}/dashboard`);
    assert.deepEqual([board.tubes.inTransit, board.tubes.resulted], [0, 3]);
    assert.deepEqual(
      board.positives.map((p) => [p.barcode, p.retests, p.retestsNegative, p.retestsPositive, p.state]),
      [['T-000001', 2, 1, 1, 'case']],
    );
  });

  // TEST-016: turnaround per lab and collection point against the configured limit
  it('turnaround per lab and point against the 24 h campaign limit', async () => {
    const report = await expectStatus<{
      rows: { labName: string; setting: string; results: number; overLimit: number; decision: string }[];
    }>(w.office, 200, 'GET', `/api/testing/turnaround?campaignId=${campaignId}`);
    assert.deepEqual(
      report.rows.map((r) => [r.labName, r.setting, r.results, r.overLimit, r.decision]),
      [[LAB, 'campaign', 3, 0, 'within']],
    );
  });

  it('reads an Excel file: a date cell is the lab’s wall clock in Asia/Shanghai', async () => {
    await expectStatus(w.grid, 201, 'POST', '/api/testing/samples', { personId: people[15], barcode: 'X-000001', purpose: 'voluntary' });
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('结果');
    sheet.addRow(['样本条码', '检测结果', '报告时间']);
    sheet.addRow(['X-000001', '阴性', new Date(Date.UTC(2022, 6, 10, 14, 30))]);
    const progress = await upload(w.lab, Buffer.from(await book.xlsx.writeBuffer()), XLSX_MIME);
    assert.equal(progress.status, 'done');
    assert.deepEqual(
      [progress.created, progress.failed, progress.errors[0]?.field],
      [0, 1, 'lab'],
      'no lab column and no labName: the row says so',
    );
    const withLab = await runtime.app.inject({
      method: 'POST',
      url: `/api/testing/lab-results/imports?wait=true&labName=${encodeURIComponent(LAB)}`,
      headers: { ...w.lab.headers, 'content-type': XLSX_MIME },
      payload: Buffer.from(await book.xlsx.writeBuffer()),
    });
    assert.equal((withLab.json() as Progress).created, 1);
    const [stored] = await queryRows<{ tested_at: Date | string }>(
      runtime.deps.database.db,
      sql`select lr.tested_at from lab_result lr join tube t on t.id = lr.id where t.barcode = 'X-000001'`,
    );
    assert.equal(new Date(stored?.tested_at ?? 0).toISOString(), '2022-07-10T06:30:00.000Z');
  });

  it('an interrupted import resumes after the rows it had processed', async () => {
    await expectStatus(w.grid, 201, 'POST', '/api/testing/samples', { personId: people[14], barcode: 'X-000002', purpose: 'voluntary' });
    await expectStatus(w.grid, 201, 'POST', '/api/testing/samples', { personId: people[13], barcode: 'X-000003', purpose: 'voluntary' });
    const file = Buffer.from(`barcode,result,lab\nX-000002,negative,${LAB}\nX-000003,negative,${LAB}\n`, 'utf8');
    const [lab] = await queryRows<{ id: string }>(runtime.deps.database.db, sql`select id from app_user where username = 'lab-county'`);
    await insertImportJob(runtime.deps.database.db, {
      kind: 'lab_result',
      fileHash: createHash('sha256').update(file).digest('hex'),
      processed: 1,
      total: 2,
      createdBy: lab?.id ?? null,
      jurisdictionPath: w.county.path,
    });
    const progress = await upload(w.lab, file);
    assert.deepEqual([progress.processed, progress.created], [2, 1]);
    const resulted = await queryRows<{ barcode: string }>(
      runtime.deps.database.db,
      sql`select barcode from lab_result where barcode in ('X-000002', 'X-000003')`,
    );
    assert.deepEqual(
      resulted.map((r) => r.barcode),
      ['X-000003'],
      'row 1 was done before the interruption and is not read again',
    );
  });

  // Issue 12 (crash during import): the follow-up counted before a crash is saved with its batch, so the
  // resumed job reports the tasks and alerts of the whole file, not only those after the restart.
  it('an import resumed after a crash goes on counting its follow-up from what the committed batches counted', async () => {
    await expectStatus(w.grid, 201, 'POST', '/api/testing/samples', { personId: people[11], barcode: 'X-000005', purpose: 'voluntary' });
    await expectStatus(w.grid, 201, 'POST', '/api/testing/samples', { personId: people[10], barcode: 'X-000006', purpose: 'voluntary' });
    const file = Buffer.from(`barcode,result,lab\nX-000005,negative,${LAB}\nX-000006,negative,${LAB}\n`, 'utf8');
    const [lab] = await queryRows<{ id: string }>(runtime.deps.database.db, sql`select id from app_user where username = 'lab-county'`);
    const counted = { controlTasks: 10, caseCandidates: 0, alerts: 1, closedTasks: 0, keyPersons: 0 };
    await insertImportJob(runtime.deps.database.db, {
      kind: 'lab_result',
      fileHash: createHash('sha256').update(file).digest('hex'),
      processed: 1,
      total: 2,
      created: 1,
      createdBy: lab?.id ?? null,
      jurisdictionPath: w.county.path,
      options: { source: 'csv', labName: null, followUp: counted },
    });
    const progress = await upload(w.lab, file);
    assert.deepEqual([progress.status, progress.processed, progress.created], ['done', 2, 2], 'the job resumed, not a new one');
    assert.deepEqual(progress.followUp, counted);
  });

  it('a barcode the same file already resulted in an earlier batch, with another result, is a duplicate in the file', async () => {
    await expectStatus(w.grid, 201, 'POST', '/api/testing/samples', { personId: people[12], barcode: 'X-000004', purpose: 'voluntary' });
    const file = Buffer.from(`barcode,result,lab\nX-000004,negative,${LAB}\nX-000004,positive,${LAB}\n`, 'utf8');
    const [lab] = await queryRows<{ id: string }>(runtime.deps.database.db, sql`select id from app_user where username = 'lab-county'`);
    // The first batch (row 2) committed before an interruption: its result carries the job.
    const job = await insertImportJob(runtime.deps.database.db, {
      kind: 'lab_result',
      fileHash: createHash('sha256').update(file).digest('hex'),
      processed: 1,
      total: 2,
      createdBy: lab?.id ?? null,
      jurisdictionPath: w.county.path,
    });
    await runtime.deps.database.db.execute(
      sql`insert into lab_result (id, barcode, result, lab_name, tested_at, received_at, source, import_job_id, jurisdiction_path)
          select id, barcode, 'negative', ${LAB}, now(), now(), 'csv', ${job.id}, jurisdiction_path from tube where barcode = 'X-000004'`,
    );
    const progress = await upload(w.lab, file);
    assert.deepEqual(
      progress.errors.map((e) => [e.row, e.field, e.code]),
      [[3, 'barcode', 'duplicateInFile']],
    );
    const [stored] = await queryRows<{ result: string }>(
      runtime.deps.database.db,
      sql`select result from lab_result where barcode = 'X-000004'`,
    );
    assert.equal(stored?.result, 'negative', 'the first row of the file counts');
  });

  it('a result for a tube nobody was sampled into is refused', async () => {
    await runtime.deps.database.db.execute(
      sql`insert into tube (barcode, pool_size, zone_type, setting, status, member_count, opened_at, edition_id, jurisdiction_path)
          values ('E-000001', 10, 'general', 'campaign', 'open', 0, now(), 'cn-2022-9th', ${w.villageA.path})`,
    );
    const answer = await expectStatus<{ created: number; errors: { code: string }[] }>(w.lab, 200, 'POST', '/api/testing/lab-results', {
      labName: LAB,
      results: [{ barcode: 'E-000001', result: 'negative' }],
    });
    assert.deepEqual([answer.created, answer.errors.map((e) => e.code)], [0, ['tubeNotSampled']]);
  });

  it('a lab of another town sees unknown barcodes, and nothing is written', async () => {
    await addUser(runtime.deps, 'lab-b', 'lab_staff', w.townB.id);
    const labB = await loginAs(runtime.app, 'lab-b');
    const answer = await expectStatus<{ created: number; errors: { code: string }[] }>(labB, 200, 'POST', '/api/testing/lab-results', {
      labName: LAB,
      results: [{ barcode: 'T-000003', result: 'positive' }],
    });
    assert.deepEqual([answer.created, answer.errors.map((e) => e.code)], [0, ['unknownBarcode']]);
  });

  // TEST-007, issue 18 item 10: the lab upload offers a template with the import's columns, and the filled template imports.
  it('serves a template whose columns the import reads back', async () => {
    const reply = await runtime.app.inject({ method: 'GET', url: '/api/testing/lab-results/template', headers: w.lab.headers });
    assert.equal(reply.statusCode, 200, reply.body);
    assert.equal(reply.headers['content-type'], XLSX_MIME);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(reply.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    assert.ok(sheet);
    assert.deepEqual((sheet.getRow(1).values as unknown[]).slice(1), ['条码', '结果', '检测时间', '检测机构']);
    assert.ok(
      workbook.worksheets[1]?.getColumn(1).values.some((v) => String(v).includes('阴性')),
      'result words on the help sheet',
    );
    sheet.getRow(2).getCell(1).value = 'T-000003';
    sheet.getRow(2).getCell(3).value = '2022-07-10 14:10';
    const progress = await upload(w.lab, Buffer.from(await workbook.xlsx.writeBuffer()), XLSX_MIME);
    assert.deepEqual([progress.total, progress.failed], [1, 0], JSON.stringify(progress.errors));
  });

  // TEST-007, issue 18 item 10: 送检实验室 picks from the labs the platform knows, within the caller's scope.
  it('lists the labs known in the caller scope', async () => {
    const names = async (client: TestClient) =>
      (await expectStatus<{ items: { name: string }[] }>(client, 200, 'GET', '/api/testing/labs')).items.map((lab) => lab.name);
    assert.deepEqual(await names(w.lab), [LAB]);
    assert.deepEqual(await names(await loginAs(runtime.app, 'lab-b')), []);
    await expectStatus(w.grid, 403, 'GET', '/api/testing/labs');
  });

  // TEST-007, issue 18 item 9: a missing lab is named in words (检测机构), not by the internal key `lab`.
  it('names a missing lab by its column header and says where to pick it', async () => {
    const progress = await upload(w.lab, Buffer.from('条码,结果\nT-000003,阴性\n'));
    assert.deepEqual(
      progress.errors.map((e) => [e.column, e.code]),
      [['检测机构', 'labRequired']],
    );
  });
});
