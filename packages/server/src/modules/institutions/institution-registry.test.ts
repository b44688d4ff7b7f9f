import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/query-rows.ts';
import { XLSX_MIME } from '../../imports/import-http.ts';
import { addTwoTowns, addUser, loginAs, type TestClient } from '../../testing/factories.ts';
import { createTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';
import { institutionRegistryFile } from './institutions.walk-fixture.ts';

const NOW = '2020-03-02T10:00:00+08:00';

interface Institution {
  id: string;
  code: string;
  findings: { code: string; requirement: string; params: Record<string, number> }[];
}
interface Progress {
  id: string;
  status: string;
  total: number;
  created: number;
  existing: number;
  failed: number;
  errors: { row: number; column: string; field: string; code: string; message: string }[];
}

describe('institution registry (issue 16 part 1): the form, the Excel import, the protocol checks', () => {
  let runtime: TestRuntime;
  let town: TestClient;
  let townB: TestClient;
  let ids: Awaited<ReturnType<typeof addTwoTowns>>;

  const count = async (table: string) =>
    (await queryRows<{ n: number }>(runtime.deps.database.db, sql`select count(*)::int as n from ${sql.identifier(table)}`))[0]?.n ?? 0;
  const upload = async (client: TestClient, file: Buffer, jurisdictionId: string) => {
    const reply = await runtime.app.inject({
      method: 'POST',
      url: `/api/institution-imports?jurisdictionId=${jurisdictionId}&wait=true`,
      headers: { ...client.headers, 'content-type': XLSX_MIME },
      payload: file,
    });
    return { statusCode: reply.statusCode, progress: reply.json() as Progress, body: reply.body };
  };
  const schools = async () => ((await town.request('GET', '/api/institutions?kind=school')).json() as { items: Institution[] }).items;

  before(async () => {
    runtime = await createTestRuntime();
    runtime.deps.clock = () => new Date(NOW);
    ids = await addTwoTowns(runtime.deps);
    await addUser(runtime.deps, 'town-a', 'town_cadre', ids.townA.id);
    await addUser(runtime.deps, 'town-b', 'town_cadre', ids.townB.id);
    town = await loginAs(runtime.app, 'town-a');
    townB = await loginAs(runtime.app, 'town-b');
  });
  after(() => runtime.close());

  it('SCH-010 SC-48 at its edge: 600 pupils need 1 school health worker, 601 need 2 (with 1: flagged with the clause)', async () => {
    const at = async (code: string, students: number) => {
      const reply = await town.request('POST', '/api/institutions', {
        kind: 'school',
        name: `校${code}`,
        code,
        jurisdictionId: ids.villageA.id,
        profile: { students, classes: 12, healthWorkers: 1, preventionTeams: 1, preventionInstructors: 1 },
      });
      assert.equal(reply.statusCode, 201, reply.body);
      return reply.json() as Institution & { findings: { clause: { source: string } }[] };
    };
    assert.deepEqual((await at('EDGE-600', 600)).findings, []);
    const over = await at('EDGE-601', 601);
    assert.deepEqual(
      over.findings.map((f) => [f.requirement, f.code, f.params]),
      [['SCH-010', 'healthWorkersShort', { needed: 2, have: 1 }]],
    );
    assert.ok(over.findings[0]?.clause.source, 'the finding names the protocol clause it comes from');
  });

  it('import (issue 16 part 1): good rows registered, each bad row refused with its row, column and reason; a second send changes nothing', async () => {
    const before_ = await count('institution');
    const file = await institutionRegistryFile([
      { name: '湖塘一小', kind: '小学', code: 'IMP-SCH-1', students: 1300, classes: 30, healthWorkers: 2, preventionTeams: 1 },
      { name: '湖塘二小', kind: '学校', code: 'IMP-SCH-2', students: 20, classes: 30, healthWorkers: 1 },
      { name: '湖塘药房', kind: '药店', code: 'IMP-PHA-1' },
      { name: '不明单位', kind: '飞船', code: 'IMP-X-1' },
      { name: '乙村药房', kind: '药店', code: 'IMP-PHA-2', jurisdictionCode: ids.villageB.code },
    ]);
    const first = await upload(town, file, ids.villageA.id);
    assert.equal(first.statusCode, 202, first.body);
    assert.equal(first.progress.status, 'done');
    assert.deepEqual([first.progress.total, first.progress.created, first.progress.failed], [5, 2, 3]);
    assert.deepEqual(
      first.progress.errors.map((e) => [e.row, e.field, e.code]),
      [
        [3, 'classes', 'moreClassesThanStudents'],
        [5, 'kind', 'unknownKind'],
        [6, 'jurisdictionCode', 'unknownJurisdiction'],
      ],
    );
    assert.match(first.progress.errors[0]?.column ?? '', /班级数/);
    assert.match(first.progress.errors[0]?.message ?? '', /班级数不能多于学生数/);
    assert.equal(await count('institution'), before_ + 2);
    // The imported school is checked as a registered one is (SCH-010: 1,300 pupils need 3; ORG-070: no instructor named).
    const imported = (await schools()).find((s) => s.code === 'IMP-SCH-1');
    assert.deepEqual(
      imported?.findings.map((f) => [f.requirement, f.params]),
      [
        ['SCH-010', { needed: 3, have: 2 }],
        ['ORG-070', { needed: 1, have: 0 }],
      ],
    );
    const again = await upload(town, file, ids.villageA.id);
    assert.deepEqual([again.progress.created, again.progress.existing, again.progress.failed], [0, 2, 3]);
    assert.equal(await count('institution'), before_ + 2);
    const audited = await queryRows<{ n: number }>(
      runtime.deps.database.db,
      sql`select count(*)::int as n from audit_event where action = 'institution.import'`,
    );
    assert.equal(audited[0]?.n, 2);
  });

  it('import scope: another town uploading into A is refused, nothing written; A’s job is not found for B', async () => {
    const before_ = await count('institution');
    const file = await institutionRegistryFile([{ name: '越界药房', kind: '药店', code: 'IMP-B-1' }]);
    const refused = await upload(townB, file, ids.villageA.id);
    assert.equal(refused.statusCode, 403);
    assert.equal(await count('institution'), before_);
    const mine = await upload(town, await institutionRegistryFile([{ name: '甲药房二', kind: '药店', code: 'IMP-A-9' }]), ids.villageA.id);
    const peek = await townB.request('GET', `/api/institution-imports/${mine.progress.id}`);
    assert.equal(peek.statusCode, 404);
  });

  it('template: the columns and the kinds sheet', async () => {
    const reply = await runtime.app.inject({ method: 'GET', url: '/api/institution-imports/template', headers: town.headers });
    assert.equal(reply.statusCode, 200);
    assert.equal(reply.headers['content-type'], XLSX_MIME);
  });

  it('named reporter (issue 16 part 1): the school’s daily report comes from its named reporter; another reporter is a 403 naming reporterUserId, nothing written', async () => {
    const named = await addUser(runtime.deps, 'school-named', 'institution_reporter', ids.townA.id);
    const otherUser = await addUser(runtime.deps, 'school-other', 'institution_reporter', ids.townA.id);
    const grid = await addUser(runtime.deps, 'grid-a', 'grid_worker', ids.villageA.id);
    const reporter = await loginAs(runtime.app, 'school-named');
    const other = await loginAs(runtime.app, 'school-other');
    const body = {
      kind: 'school',
      name: '报告校',
      code: 'REP-1',
      jurisdictionId: ids.villageA.id,
      profile: { students: 300, classes: 10, healthWorkers: 1 },
    };
    // An account that may not report for the school cannot be named (400 naming the field).
    const bad = await town.request('POST', '/api/institutions', { ...body, reporterUserId: grid.id });
    assert.deepEqual([bad.statusCode, (bad.json() as { field: string }).field], [400, 'reporterUserId']);
    const school = (await town.request('POST', '/api/institutions', { ...body, reporterUserId: named.id })).json() as Institution & {
      reporterUserId: string;
    };
    assert.equal(school.reporterUserId, named.id);
    const check = { session: 'morning', present: 290, absent: 10, feverish: 0 };
    const refused = await other.request('POST', `/api/institutions/${school.id}/health-checks`, check);
    assert.deepEqual([refused.statusCode, (refused.json() as { field: string }).field], [403, 'reporterUserId']);
    const absence = await other.request('POST', `/api/institutions/${school.id}/absences`, { name: '某生', reason: 'fever' });
    assert.equal(absence.statusCode, 403);
    assert.equal(await count('school_health_check'), 0);
    assert.equal((await reporter.request('POST', `/api/institutions/${school.id}/health-checks`, check)).statusCode, 201);
    // The town names another reporter; from then on the first is refused.
    const renamed = await town.request('PUT', `/api/institutions/${school.id}/reporter`, { reporterUserId: otherUser.id });
    assert.equal(renamed.statusCode, 200, renamed.body);
    assert.equal(
      (await reporter.request('POST', `/api/institutions/${school.id}/health-checks`, { ...check, session: 'noon' })).statusCode,
      403,
    );
    assert.equal(
      (await other.request('POST', `/api/institutions/${school.id}/health-checks`, { ...check, session: 'noon' })).statusCode,
      201,
    );
    assert.equal((await townB.request('PUT', `/api/institutions/${school.id}/reporter`, { reporterUserId: null })).statusCode, 404);
  });
});
