import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Static } from '@sinclair/typebox';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { queryRows } from '../../../db/query-rows.ts';
import { type ImportProgressSchema, XLSX_MIME } from '../../../imports/import-http.ts';
import { insertImportJob } from '../../../imports/import-job.repository.ts';
import { residentId, type TestClient } from '../../../testing/factories.ts';
import { createTestRuntime, type TestRuntime } from '../../../testing/test-runtime.ts';
import { expectStatus, type TestingWorld, TODAY, testingWorld } from '../testing.test-support.ts';
import { GROUP_ROSTER_COLUMNS, type GroupRosterKey } from './group-roster-columns.ts';

/**
 * A hospital hands the district its staff list (TEST-001 (5), TEST-010: medical staff, then support
 * workers): the list goes onto the medical-staff roster of the town, each broken row is reported with
 * its row and column, and the coverage shows who is overdue.
 */

type Row = Partial<Record<GroupRosterKey, string>>;

async function workbook(rows: Row[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('名单');
  sheet.addRow(GROUP_ROSTER_COLUMNS.map((c) => c.header));
  for (const row of rows) sheet.addRow(GROUP_ROSTER_COLUMNS.map((c) => row[c.key] ?? ''));
  return Buffer.from(await book.xlsx.writeBuffer());
}

type Progress = Static<typeof ImportProgressSchema>;

interface Coverage {
  groups: { group: string; members: number; covered: number; due: number; overdue: number }[];
}

interface Members {
  total: number;
  items: { id: string; personId: string; name: string; idMasked: string; phoneMasked: string | null; state: string; dueDate: string }[];
}

const HOSPITAL = '武进区人民医院';
const doctorId = residentId('19750101', 501);
const nurseId = residentId('19850505', 503);
const workerId = residentId('19700707', 505);
const bPersonId = residentId('19800808', 507);
const staff = (name: string, idNumber: string, more: Row = {}): Row => ({
  name,
  idType: '居民身份证',
  idNumber,
  phone: '13912340000',
  unitName: HOSPITAL,
  joinedOn: '2022-07-01',
  ...more,
});

describe('mandatory-testing roster import (Excel)', () => {
  let runtime: TestRuntime;
  let w: TestingWorld;
  let hospitalList: Buffer;
  let firstJob: Progress;

  async function upload(client: TestClient, file: Buffer, query: Record<string, string>) {
    const search = new URLSearchParams({ wait: 'true', fileName: '人民医院职工.xlsx', ...query });
    return runtime.app.inject({
      method: 'POST',
      url: `/api/testing/group-imports?${search}`,
      headers: { ...client.headers, 'content-type': XLSX_MIME },
      payload: file,
    });
  }

  /** Town A's command office uploads into the first community, by default as the medical-staff roster. */
  async function imported(file: Buffer, group: string | null = 'medical_staff', wait = 'true'): Promise<Progress> {
    const reply = await upload(w.office, file, { jurisdictionId: w.villageA.id, wait, ...(group ? { group } : {}) });
    assert.equal(reply.statusCode, 202, reply.body);
    return reply.json() as Progress;
  }

  const count = async (what: string) =>
    (await queryRows<{ n: number }>(runtime.deps.database.db, sql.raw(`select count(*)::int as n from ${what}`)))[0]?.n;
  /** Medical staff: members, covered, due, overdue. */
  const medical = async (client = w.office, query = '') => {
    const coverage = await expectStatus<Coverage>(client, 200, 'GET', `/api/testing/groups${query}`);
    const group = coverage.groups.find((g) => g.group === 'medical_staff');
    return [group?.members, group?.covered, group?.due, group?.overdue];
  };

  before(async () => {
    runtime = await createTestRuntime({ FANGKONG_LOGIN_RATE: '1000' });
    w = await testingWorld(runtime);
    const register = (client: TestClient, name: string, idNumber: string, jurisdictionId: string) =>
      expectStatus(client, 201, 'POST', '/api/persons', { idType: 'resident_id', idNumber, name, phone: '13955556666', jurisdictionId });
    await register(w.office, '陈护士', nurseId, w.villageA2.id);
    await register(w.otherTown, '乙镇人', bPersonId, w.villageB.id);
    const wrongDigit = doctorId.slice(0, 17) + (doctorId[17] === '0' ? '1' : '0');
    hospitalList = await workbook([
      staff('王医生', doctorId),
      staff('陈护士', nurseId),
      staff('李医生', wrongDigit),
      staff('赵医生', residentId('19750101', 511), { group: '外星人' }),
      staff('钱医生', residentId('19750101', 513), { unitName: '' }),
      staff('乙镇人', bPersonId),
      staff('孙狱警', residentId('19750101', 515), { group: '监所工作人员' }),
      staff('周医生', residentId('19750101', 517), { joinedOn: '2022-07-11' }),
      staff('吴医生', residentId('19750101', 519), { jurisdictionCode: w.villageB.code }),
      staff('冒名者', nurseId),
      staff('郑工勤', workerId, { group: '工勤人员', joinedOn: '', phone: '' }),
      staff('王医生', doctorId),
    ]);
  });
  after(() => runtime.close());

  // TEST-001: the roster template offers the 12 mandatory-testing groups
  it('the template downloads with the zh-CN headers and the 12 groups on its second sheet', async () => {
    const reply = await runtime.app.inject({ method: 'GET', url: '/api/testing/group-imports/template', headers: w.office.headers });
    assert.equal(reply.statusCode, 200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(reply.rawPayload as unknown as ArrayBuffer);
    assert.deepEqual(((book.worksheets[0]?.getRow(1).values ?? []) as string[]).slice(1), [
      '姓名',
      '证件类型',
      '证件号码',
      '手机号',
      '所属单位',
      '人群类别',
      '加入日期',
      '所属村社区或网格代码',
    ]);
    assert.equal(book.worksheets[1]?.rowCount, 13, 'a header and the 12 groups');
  });

  it('reports each broken row with its row and column and puts the good rows on the roster', async () => {
    firstJob = await imported(hospitalList);
    assert.deepEqual(
      [firstJob.status, firstJob.total, firstJob.created, firstJob.existing, firstJob.failed],
      ['done', 12, 3, 1, 8],
      JSON.stringify(firstJob.errors),
    );
    assert.deepEqual(
      firstJob.errors.map((e) => [e.row, e.column, e.code]),
      [
        [4, 'C(证件号码)', 'residentId.checkDigit'],
        [5, 'F(人群类别)', 'unknownGroup'],
        [6, 'E(所属单位)', 'required'],
        [7, 'C(证件号码)', 'personOutsideScope'],
        [8, 'F(人群类别)', 'groupMismatch'],
        [9, 'G(加入日期)', 'futureDate'],
        [10, 'H(所属村社区或网格代码)', 'unknownJurisdiction'],
        [11, 'A(姓名)', 'nameMismatch'],
      ],
    );
    assert.match(firstJob.errors[4]?.message ?? '', /医疗机构工作人员/);
    const registered = await queryRows<{ name: string; path: string }>(
      runtime.deps.database.db,
      sql`select p.name, p.jurisdiction_path as path from person p where p.name in ('王医生', '郑工勤', '李医生', '吴医生') order by p.name`,
    );
    assert.deepEqual(
      registered.map((p) => [p.name, p.path]),
      [
        ['王医生', w.villageA.path],
        ['郑工勤', w.villageA.path],
      ],
      'people not yet registered are registered where the upload goes; broken rows register nobody',
    );
  });

  it('every write is audited: the people registered, each roster entry, and the import', async () => {
    const actions = await queryRows<{ action: string; n: number }>(
      runtime.deps.database.db,
      sql`select action, count(*)::int as n from audit_event
          where action in ('person.create', 'testing.addGroupMember', 'testing.importGroupRoster')
          group by action order by action`,
    );
    assert.deepEqual(
      actions.map((a) => [a.action, a.n]),
      [
        ['person.create', 4],
        ['testing.addGroupMember', 3],
        ['testing.importGroupRoster', 1],
      ],
      'two registered by the setup, two by the import',
    );
    const [job] = await queryRows<{ after: Record<string, unknown> }>(
      runtime.deps.database.db,
      sql`select after from audit_event where action = 'testing.importGroupRoster'`,
    );
    assert.deepEqual(job?.after, { total: 12, created: 3, existing: 1, failed: 8, jurisdictionId: w.villageA.id, group: 'medical_staff' });
  });

  // TEST-001, TEST-010, MED-010: medical staff and support workers on the roster are due, overdue or covered by their cycle
  it('coverage after the import: the two who joined on 1 July are overdue, the support worker joined today is due', async () => {
    assert.deepEqual(await medical(), [3, 0, 1, 2]);
    const overdue = await expectStatus<Members>(w.office, 200, 'GET', '/api/testing/groups/medical_staff/members?state=overdue');
    assert.deepEqual(overdue.items.map((m) => m.name).sort(), ['王医生', '陈护士']);
    assert.ok(
      overdue.items.every((m) => m.idMasked.includes('*') && m.phoneMasked?.includes('*') && m.dueDate === '2022-07-01'),
      JSON.stringify(overdue.items),
    );
    const doctor = overdue.items.find((m) => m.name === '王医生');
    await expectStatus(w.grid, 201, 'POST', '/api/testing/samples', {
      personId: doctor?.personId,
      barcode: 'H-000001',
      purpose: 'mandatory',
    });
    assert.deepEqual(await medical(), [3, 1, 1, 1]);
    assert.deepEqual(await medical(w.office, `?jurisdictionId=${w.villageA2.id}`), [1, 0, 0, 1], 'the nurse lives in the second community');
    assert.deepEqual(await medical(w.otherTown), [0, 0, 0, 0], 'town B sees none of them');
  });

  it('importing the same file again changes nothing: each person already on the roster is existing', async () => {
    const before = [await count('person'), await count('testing_group_member'), await medical()];
    const again = await imported(hospitalList);
    assert.notEqual(again.id, firstJob.id);
    assert.deepEqual([again.created, again.existing, again.failed], [0, 4, 8]);
    assert.deepEqual([await count('person'), await count('testing_group_member'), await medical()], before);
  });

  // TEST-001: prison staff and elderly-care staff are mandatory-testing groups
  it('a file without an upload group uses each row’s group; a prison and a care home in one list', async () => {
    const mixed = await workbook([
      staff('孙狱警', residentId('19750101', 521), { group: '监所工作人员', joinedOn: TODAY }),
      staff('钱护理员', residentId('19750101', 523), { group: '养老机构工作人员', unitName: '湖塘镇敬老院' }),
      staff('李某', residentId('19750101', 525)),
    ]);
    const job = await imported(mixed, null);
    assert.deepEqual([job.created, job.failed, job.errors[0]?.column, job.errors[0]?.code], [2, 1, 'F(人群类别)', 'required']);
    const groups = (await expectStatus<Coverage>(w.office, 200, 'GET', '/api/testing/groups')).groups;
    const of = (group: string) => groups.find((g) => g.group === group);
    assert.deepEqual([of('prison_staff')?.due, of('welfare_institution_staff')?.overdue], [1, 1]);
  });

  it('scope: another town’s upload into town A is refused; its list naming a person of town A gets a row error and writes nothing', async () => {
    const intoA = await upload(w.otherTown, hospitalList, { jurisdictionId: w.villageA.id });
    assert.deepEqual([intoA.statusCode, (intoA.json() as { field: string }).field], [403, 'jurisdictionId']);
    const gridWorker = await upload(w.grid, hospitalList, { jurisdictionId: w.villageA.id });
    assert.equal(gridWorker.statusCode, 403, 'a grid worker samples but does not keep rosters');
    const before = [await count('testing_group_member'), await count('person')];
    const own = await upload(w.otherTown, await workbook([staff('王医生', doctorId), staff('冒名', residentId('19750101', 527))]), {
      jurisdictionId: w.villageB.id,
      group: 'medical_staff',
    });
    const job = own.json() as Progress;
    assert.deepEqual([own.statusCode, job.created, job.failed, job.errors[0]?.code], [202, 1, 1, 'personOutsideScope']);
    assert.doesNotMatch(own.body, /王医生|甲社区|湖塘/);
    assert.deepEqual([await count('testing_group_member'), await count('person')], [(before[0] ?? 0) + 1, (before[1] ?? 0) + 1]);
    const progress = await w.otherTown.request('GET', `/api/testing/group-imports/${firstJob.id}`);
    assert.equal(progress.statusCode, 404, 'town A’s job is not found for town B');
    const keyPersonView = await w.office.request('GET', `/api/key-persons/imports/${firstJob.id}`);
    assert.equal(keyPersonView.statusCode, 404, 'a roster job is read only through its own route');
  });

  it('runs in the background with progress to poll, and an interrupted import resumes after the rows it had processed', async () => {
    const file = await workbook([staff('已处理', residentId('19700101', 531)), staff('未处理', residentId('19700101', 533))]);
    const office = await queryRows<{ id: string }>(runtime.deps.database.db, sql`select id from app_user where username = 'office-a'`);
    await insertImportJob(runtime.deps.database.db, {
      kind: 'testing_group_roster',
      fileHash: createHash('sha256').update(file).digest('hex'),
      processed: 1,
      total: 2,
      createdBy: office[0]?.id ?? null,
      jurisdictionPath: w.villageA.path,
      options: { jurisdictionId: w.villageA.id, group: 'medical_staff' },
    });
    const started = await imported(file, 'medical_staff', 'false');
    let progress = started;
    for (let i = 0; i < 50 && progress.status === 'running'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      progress = await expectStatus<Progress>(w.office, 200, 'GET', `/api/testing/group-imports/${started.id}`);
    }
    assert.deepEqual([progress.status, progress.processed, progress.created], ['done', 2, 1]);
    const names = await queryRows<{ name: string }>(
      runtime.deps.database.db,
      sql`select name from person where name in ('已处理', '未处理')`,
    );
    assert.deepEqual(
      names.map((n) => n.name),
      ['未处理'],
      'row 1 was done before the interruption and is not read again',
    );
  });
});
