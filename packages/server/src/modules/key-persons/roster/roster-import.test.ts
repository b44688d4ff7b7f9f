import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { queryRows } from '../../../db/query-rows.ts';
import { addTwoTowns, addUser, loginAs, residentId, type TestClient } from '../../../testing/factories.ts';
import { createTestRuntime, type TestRuntime } from '../../../testing/test-runtime.ts';
import { insertImportJob } from './import-job.repository.ts';
import { ROSTER_COLUMNS } from './roster-columns.ts';

const D0 = '2020-03-01';

async function workbook(rows: string[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('名单');
  sheet.addRow(ROSTER_COLUMNS.map((c) => c.header));
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const row = (name: string, id: string, category = '密切接触者', date = D0, code = '') => [
  name,
  '居民身份证',
  id,
  '13900000000',
  '',
  code,
  category,
  date,
  '',
];

interface Progress {
  status: string;
  total: number;
  processed: number;
  created: number;
  existing: number;
  failed: number;
  errors: { row: number; column: string; field: string; code: string }[];
}

describe('roster import (Excel)', () => {
  let runtime: TestRuntime;
  let grid: TestClient;
  let villageId: string;
  const good1 = residentId('19800101', 401);
  const good2 = residentId('19800101', 403);

  async function upload(file: Buffer): Promise<{ statusCode: number; progress: Progress }> {
    const reply = await runtime.app.inject({
      method: 'POST',
      url: `/api/key-persons/imports?jurisdictionId=${villageId}&wait=true&fileName=roster.xlsx`,
      headers: { ...grid.headers, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      payload: file,
    });
    return { statusCode: reply.statusCode, progress: reply.json() as Progress };
  }

  const count = async (table: string) =>
    (await queryRows<{ n: number }>(runtime.deps.database.db, sql.raw(`select count(*)::int as n from ${table}`)))[0]?.n;

  before(async () => {
    runtime = await createTestRuntime();
    runtime.deps.clock = () => new Date(`${D0}T10:00:00+08:00`);
    const { villageA } = await addTwoTowns(runtime.deps);
    villageId = villageA.id;
    await addUser(runtime.deps, 'grid-a', 'grid_worker', villageA.id);
    grid = await loginAs(runtime.app, 'grid-a');
  });
  after(() => runtime.close());

  it('the template downloads as an xlsx with the roster headers', async () => {
    const reply = await runtime.app.inject({ method: 'GET', url: '/api/key-persons/imports/template', headers: grid.headers });
    assert.equal(reply.statusCode, 200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(reply.rawPayload as unknown as ArrayBuffer);
    const header = book.worksheets[0]?.getRow(1).values as string[] | undefined;
    assert.deepEqual(
      header?.slice(1),
      ROSTER_COLUMNS.map((c) => c.header),
    );
  });

  it('reports broken rows with row number and column, and imports the good rows of the same file', async () => {
    const wrongDigit = good1.slice(0, 17) + (good1[17] === '0' ? '1' : '0');
    const file = await workbook([
      row('甲', good1),
      row('乙', wrongDigit),
      row('丙', good2, '外星人'),
      row('丁', residentId('19800101', 405), '密切接触者', '2020-03-05'),
      row('甲', good1),
    ]);
    const { statusCode, progress } = await upload(file);
    assert.equal(statusCode, 202);
    assert.deepEqual([progress.status, progress.total, progress.created, progress.existing, progress.failed], ['done', 5, 1, 1, 3]);
    assert.deepEqual(
      progress.errors.map((e) => [e.row, e.field, e.code]),
      [
        [3, 'idNumber', 'residentId.checkDigit'],
        [4, 'category', 'unknownCategory'],
        [5, 'startDate', 'futureDate'],
      ],
    );
    assert.match(progress.errors[0]?.column ?? '', /^C\(证件号码\)$/);
    assert.equal(await count('person'), 1);
  });

  it('importing the same file again changes nothing', async () => {
    const before = [await count('person'), await count('key_person_episode'), await count('schedule_item')];
    const file = await workbook([row('甲', good1)]);
    const { progress } = await upload(file);
    assert.deepEqual([progress.created, progress.existing], [0, 1]);
    assert.deepEqual([await count('person'), await count('key_person_episode'), await count('schedule_item')], before);
  });

  it('an interrupted import resumes after the rows it had processed', async () => {
    const skipped = residentId('19700101', 411);
    const file = await workbook([row('戊', skipped), row('己', residentId('19700101', 413))]);
    const user =
      (await queryRows<{ id: string }>(runtime.deps.database.db, sql`select id from app_user where username = 'grid-a'`))[0]?.id ?? null;
    const village =
      (await queryRows<{ path: string }>(runtime.deps.database.db, sql`select path from jurisdiction where id = ${villageId}`))[0]?.path ??
      '';
    await insertImportJob(runtime.deps.database.db, {
      kind: 'key_person_roster',
      fileHash: createHash('sha256').update(file).digest('hex'),
      processed: 1,
      total: 2,
      createdBy: user,
      jurisdictionPath: village,
    });
    const { progress } = await upload(file);
    assert.deepEqual([progress.processed, progress.created], [2, 1]);
    const names = await queryRows<{ name: string }>(runtime.deps.database.db, sql`select name from person where name in ('戊', '己')`);
    assert.deepEqual(
      names.map((n) => n.name),
      ['己'],
      'row 1 was done before the interruption and is not read again',
    );
  });
});
