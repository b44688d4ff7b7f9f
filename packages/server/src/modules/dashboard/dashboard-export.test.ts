import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addDays } from '@fangkong/core';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { queryRows } from '../../db/query-rows.ts';
import { sentinelDailyCount } from '../../db/schema/index.ts';
import { addTwoTowns, addUser, loginAs, type TestClient } from '../../testing/factories.ts';
import { createTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';
import { runSituationReports } from './situation-report.service.ts';

const TODAY = '2020-11-20';

async function workbookOf(body: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body as unknown as ArrayBuffer);
  return book;
}
const rowValues = (sheet: ExcelJS.Worksheet | undefined, n: number) => (sheet?.getRow(n).values as unknown[] | undefined)?.slice(1) ?? [];

/**
 * Issue 17 §5 exports: every dashboard chart's data as a real .xlsx (opened here with exceljs), and the daily
 * situation report (疫情日报; DAILY-007, INFO-006) compiled at 08:00 Asia/Shanghai and downloaded as a PDF; scoped.
 */
describe('dashboard exports: chart data .xlsx and the daily situation report PDF', () => {
  let runtime: TestRuntime;
  let now = new Date(`${TODAY}T10:00:00+08:00`);
  let office: TestClient;
  let townB: TestClient;
  let townA: TestClient;
  let countyId: string;
  let townAId: string;
  let townBId: string;

  before(async () => {
    runtime = await createTestRuntime({ FANGKONG_LOGIN_RATE: '1000' });
    runtime.deps.clock = () => now;
    const towns = await addTwoTowns(runtime.deps);
    countyId = towns.county.id;
    townAId = towns.townA.id;
    townBId = towns.townB.id;
    await addUser(runtime.deps, 'office', 'command_office_staff', countyId);
    await addUser(runtime.deps, 'town-a', 'town_cadre', townAId);
    await addUser(runtime.deps, 'town-b', 'town_cadre', townBId);
    office = await loginAs(runtime.app, 'office');
    townA = await loginAs(runtime.app, 'town-a');
    townB = await loginAs(runtime.app, 'town-b');
    const v = towns.villageA;
    await runtime.deps.database.db.insert(sentinelDailyCount).values(
      Array.from({ length: 10 }, (_, i) => ({
        jurisdictionId: v.id,
        jurisdictionPath: v.path,
        series: 'pharmacy_fever_drug_purchase',
        day: addDays(TODAY, i - 9),
        count: 10 + i,
      })),
    );
  });
  after(() => runtime.close());
  const get = (client: TestClient, url: string) => runtime.app.inject({ method: 'GET', url, headers: client.headers });

  it('issue 17 §5: the sentinel chart’s data opens as a workbook with its title, header and one row per day', async () => {
    const reply = await get(office, `/api/dashboard/export.xlsx?jurisdictionId=${countyId}&from=2020-11-11&to=${TODAY}&chart=sentinel`);
    assert.equal(reply.statusCode, 200, reply.body);
    assert.match(String(reply.headers['content-type']), /spreadsheetml/);
    const book = await workbookOf(reply.rawPayload);
    assert.deepEqual(
      book.worksheets.map((s) => s.name),
      ['哨点监测'],
    );
    const sheet = book.worksheets[0];
    assert.match(String(rowValues(sheet, 1)[0]), /武进区 哨点监测每日计数/);
    assert.deepEqual(rowValues(sheet, 3), ['日期', '药店退热止咳类药品购买']);
    assert.deepEqual(rowValues(sheet, 4), ['2020-11-11', 10]);
    assert.deepEqual(rowValues(sheet, 13), [TODAY, 19]);
    assert.equal(sheet?.rowCount, 13);
  });

  it('issue 17 §5: without a chart, every chart is a sheet; a reversed range is a 400 at from; another town is refused', async () => {
    const all = await get(office, `/api/dashboard/export.xlsx?jurisdictionId=${countyId}`);
    assert.equal(all.statusCode, 200, all.body);
    assert.deepEqual(
      (await workbookOf(all.rawPayload)).worksheets.map((s) => s.name),
      ['病例（按报告日期）', '病例（按发病日期）', '实时再生数Rt', '哨点监测', '在管重点人员'],
    );
    const reversed = await office.request('GET', `/api/dashboard/export.xlsx?from=${TODAY}&to=2020-11-01`);
    assert.deepEqual([reversed.statusCode, (reversed.json() as { field: string }).field], [400, 'from']);
    assert.equal((await townB.request('GET', `/api/dashboard/export.xlsx?jurisdictionId=${countyId}`)).statusCode, 403);
  });

  it('DAILY-007 at the edge (server clock in UTC): at 07:59 Shanghai yesterday is not compiled; at 08:00 it is, once per county and town', async () => {
    now = new Date(`${TODAY}T07:59:00+08:00`);
    const early = await runSituationReports(runtime.deps);
    // the county and its two towns, each its own report
    assert.deepEqual(early, { forDate: '2020-11-18', compiled: 3 });
    now = new Date('2020-11-20T00:00:00Z'); // 08:00 in Asia/Shanghai
    assert.deepEqual(await runSituationReports(runtime.deps), { forDate: '2020-11-19', compiled: 3 });
    assert.deepEqual(await runSituationReports(runtime.deps), { forDate: '2020-11-19', compiled: 0 });
    const audit = await queryRows<{ n: number }>(
      runtime.deps.database.db,
      sql`select count(*)::int as n from audit_event where action = 'jobs.situationReportCompile'`,
    );
    assert.equal(audit[0]?.n, 6);
  });

  it('DAILY-007 INFO-006: the office lists the county’s reports and downloads one as a PDF; town B sees none of them and gets 404', async () => {
    now = new Date(`${TODAY}T10:00:00+08:00`);
    office = await loginAs(runtime.app, 'office');
    townB = await loginAs(runtime.app, 'town-b');
    const list = (await office.request('GET', '/api/dashboard/situation-reports')).json() as {
      compileAt: string;
      items: { id: string; forDate: string; jurisdictionName: string }[];
    };
    assert.deepEqual(
      [list.compileAt, list.items.map((i) => [i.forDate, i.jurisdictionName])],
      [
        '08:00',
        [
          ['2020-11-19', '武进区'],
          ['2020-11-18', '武进区'],
        ],
      ],
    );
    const id = list.items[0]?.id ?? '';
    const pdf = await get(office, `/api/dashboard/situation-reports/${id}/report.pdf`);
    assert.equal(pdf.statusCode, 200, pdf.body);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.equal(pdf.rawPayload.subarray(0, 5).toString('latin1'), '%PDF-');
    const pages = pdf.rawPayload.toString('latin1').match(/\/Type \/Page\b/g) ?? [];
    assert.ok(pages.length >= 1, 'at least one page');
    const b = (await townB.request('GET', '/api/dashboard/situation-reports')).json() as { items: { jurisdictionId: string }[] };
    assert.ok(b.items.every((i) => i.jurisdictionId === townBId));
    assert.equal((await townB.request('GET', `/api/dashboard/situation-reports/${id}/report.pdf`)).statusCode, 404);
  });

  it('issue 17 §5 DAILY-007: a town’s commander lists and downloads their own town’s report; another town gets 403 on the list and 404 on the file', async () => {
    type Listed = { items: { id: string; jurisdictionId: string; forDate: string; jurisdictionName: string }[] };
    const own = (await townA.request('GET', '/api/dashboard/situation-reports')).json() as Listed;
    assert.deepEqual(
      own.items.map((i) => [i.jurisdictionId, i.forDate]),
      [
        [townAId, '2020-11-19'],
        [townAId, '2020-11-18'],
      ],
    );
    const id = own.items[0]?.id ?? '';
    const pdf = await get(townA, `/api/dashboard/situation-reports/${id}/report.pdf`);
    assert.equal(pdf.statusCode, 200, pdf.body);
    assert.equal(pdf.rawPayload.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.match(String(pdf.headers['content-disposition']), new RegExp(encodeURIComponent(own.items[0]?.jurisdictionName ?? '?')));
    // the county reaches the town's reports by naming the town; its own list stays the county's
    const fromCounty = (await office.request('GET', `/api/dashboard/situation-reports?jurisdictionId=${townAId}`)).json() as Listed;
    assert.deepEqual(
      fromCounty.items.map((i) => i.id),
      own.items.map((i) => i.id),
    );
    // town B: not A's list (403 at jurisdictionId), not A's file (404)
    const listB = await townB.request('GET', `/api/dashboard/situation-reports?jurisdictionId=${townAId}`);
    assert.deepEqual([listB.statusCode, (listB.json() as { field: string }).field], [403, 'jurisdictionId']);
    assert.equal((await townB.request('GET', `/api/dashboard/situation-reports/${id}/report.pdf`)).statusCode, 404);
    const b = (await townB.request('GET', '/api/dashboard/situation-reports')).json() as Listed;
    assert.equal(b.items.length, 2);
    assert.ok(b.items.every((i) => i.jurisdictionId === townBId));
  });
});
