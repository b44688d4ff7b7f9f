import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AppError } from '@fangkong/core';
import { sql } from 'drizzle-orm';
import { queryRows } from '../db/query-rows.ts';
import { createTestRuntime, type TestRuntime } from '../testing/test-runtime.ts';
import { villageDisplayName } from './division-names.ts';
import { parseCsvLine } from './division-source.ts';
import { importDivisions } from './divisions.service.ts';

const count = async (runtime: TestRuntime, query: ReturnType<typeof sql>) =>
  (await queryRows<{ n: number }>(runtime.deps.database.db, query))[0]?.n ?? -1;

describe('divisions import', () => {
  let runtime: TestRuntime;
  before(async () => {
    runtime = await createTestRuntime();
  });
  after(() => runtime.close());

  it('refuses an unknown county code and writes nothing', async () => {
    await assert.rejects(
      importDivisions(runtime.deps, { county: '329999' }),
      (error: unknown) => error instanceof AppError && error.code === 'unknownDivisionCode' && error.field === 'county',
    );
    await assert.rejects(importDivisions(runtime.deps, { county: 'abc' }), AppError);
    assert.equal(await count(runtime, sql`select count(*)::int as n from jurisdiction`), 1, 'only the country root');
    assert.equal(await count(runtime, sql`select count(*)::int as n from audit_event`), 0);
  });

  // ORG-001: the province → city → county → town → village hierarchy is built from the division codes
  it('builds 武进区 with its 18 towns and 297 villages under the country root', async () => {
    const lines: string[] = [];
    const result = await importDivisions(runtime.deps, { county: '320412', log: (line) => lines.push(line) });
    assert.deepEqual(result, { county: '320412', name: '武进区', towns: 18, villages: 297, created: 3 + 18 + 297, updated: 0 });
    assert.equal(lines.length, 1);
    const chain = await queryRows<{ code: string; level: string; path: string; parent: string }>(
      runtime.deps.database.db,
      sql`select j.code, j.level, j.path, p.code as parent from jurisdiction j join jurisdiction p on p.id = j.parent_id
          where j.code in ('32', '3204', '320412', '320412100', '320412100002') order by j.path`,
    );
    assert.deepEqual(chain, [
      { code: '32', level: 'province', path: '/32/', parent: 'CN' },
      { code: '3204', level: 'city', path: '/32/3204/', parent: '32' },
      { code: '320412', level: 'county', path: '/32/3204/320412/', parent: '3204' },
      { code: '320412100', level: 'town', path: '/32/3204/320412/320412100/', parent: '320412' },
      { code: '320412100002', level: 'village', path: '/32/3204/320412/320412100/320412100002/', parent: '320412100' },
    ]);
  });

  it('creates and changes nothing on a second import, and audits each run', async () => {
    const again = await importDivisions(runtime.deps, { county: '320412' });
    assert.equal(again.created, 0);
    assert.equal(again.updated, 0);
    assert.equal(await count(runtime, sql`select count(*)::int as n from jurisdiction`), 1 + 3 + 18 + 297);
    const audits = await queryRows<{ after: { created: number } }>(
      runtime.deps.database.db,
      sql`select "after" from audit_event where action = 'divisions.import' order by id`,
    );
    assert.deepEqual(
      audits.map((a) => a.after.created),
      [318, 0],
    );
  });

  it('corrects a renamed division on re-import', async () => {
    await runtime.deps.database.db.execute(sql`update jurisdiction set name = '旧名' where code = '320412100'`);
    const result = await importDivisions(runtime.deps, { county: '320412' });
    assert.equal(result.updated, 1);
    const town = await queryRows<{ name: string }>(runtime.deps.database.db, sql`select name from jurisdiction where code = '320412100'`);
    assert.equal(town[0]?.name, '湖塘镇');
  });
});

describe('division source', () => {
  it('reads quoted CSV fields, commas and doubled quotes inside quotes', () => {
    assert.deepEqual(parseCsvLine('320412100002,"南街社区居委会",320412100\r'), ['320412100002', '南街社区居委会', '320412100']);
    assert.deepEqual(parseCsvLine('1,"a, ""b""",2'), ['1', 'a, "b"', '2']);
  });

  it('names villages by place rather than by committee', () => {
    assert.deepEqual(
      [
        '南街社区居委会',
        '站北社区居民委员会',
        '卢家巷社区居委会（含卢家巷村村委）',
        '蒋家村村民委员会',
        '王庄村委会',
        '东方居委会',
        '常州科教城管理区',
      ].map(villageDisplayName),
      ['南街社区', '站北社区', '卢家巷社区', '蒋家村', '王庄村', '东方社区', '常州科教城管理区'],
    );
  });
});
