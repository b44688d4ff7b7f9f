import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import type { App } from '../../app.ts';
import { XLSX_MIME } from '../../imports/import-http.ts';
import type { TestClient } from '../../testing/factories.ts';
import { GROUP_ROSTER_COLUMNS } from './groups/group-roster-columns.ts';

/** Town A's testing records for the scope walk (http/scope-walk.test.ts): a town-B user must reach none of them. */
export interface TestingWalkIds {
  campaignId: string;
  pointId: string;
  openTubeBarcode: string;
  openTubeId: string;
  resultedSampleId: string;
  groupMemberId: string;
  labImportId: string;
  /** A correction of the resulted tube's result, pending a second user's approval. */
  correctionId: string;
  /** A lab file naming town A's open tube, for town B to upload. */
  labFileA: Buffer;
  /** A positive cold-chain sample of town A's market, its batch and the disinfection task it set off. */
  environmentSampleId: string;
  environmentBatch: string;
  environmentTaskId: string;
  groupImportId: string;
  /** An open visit of town A's person at town A's fever clinic. */
  feverClinicId: string;
  feverVisitId: string;
  /** A mandatory-testing roster naming town A's person, for town B to upload. */
  groupFileA: Buffer;
}

/** The lab's name holds the community's name, so a list that shows it shows something of town A. */
export const WALK_LAB = '甲社区卫生服务中心';
const WALK_BATCH = 'WALK-BATCH-A';

async function labWorkbook(barcode: string, result: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('结果');
  sheet.addRow(['条码', '结果', '检测机构']);
  sheet.addRow([barcode, result, WALK_LAB]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A one-row medical-staff roster. */
async function groupRoster(name: string, idNumber: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('名单');
  sheet.addRow(GROUP_ROSTER_COLUMNS.map((c) => c.header));
  sheet.addRow([name, '居民身份证', idNumber, '', WALK_LAB, '医疗机构工作人员', '', '']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A cold-chain sample of a market, resulted positive through the lab API: alerts and tasks in town A. */
async function environmentFixture(
  owner: TestClient,
  ok: (method: string, url: string, body?: unknown) => Promise<Record<string, unknown>>,
  marketId: string,
) {
  const sample = await ok('POST', '/api/testing/environment/samples', {
    placeId: marketId,
    barcode: 'WALK-A-ENV1',
    specimenKind: 'outer_packaging',
    goodsDescription: '冷冻带鱼',
    coldChain: true,
    imported: true,
    originCountry: '挪威',
    batchNumber: WALK_BATCH,
    labName: WALK_LAB,
  });
  await ok('POST', '/api/testing/lab-results', { labName: WALK_LAB, results: [{ barcode: 'WALK-A-ENV1', result: 'positive' }] });
  const detail = await owner.request('GET', `/api/testing/environment/samples/${sample.id}`);
  const tasks = (detail.json() as { tasks: { id: string; kind: string }[] }).tasks;
  const task = tasks.find((t) => t.kind === 'environment_disinfection');
  assert.ok(task, detail.body);
  return { environmentSampleId: String(sample.id), environmentBatch: WALK_BATCH, environmentTaskId: task.id };
}

/**
 * Built by town A's admin through the API: a campaign, a point, an open tube, a resulted sample, a
 * roster entry, a lab import, a roster import, a pending correction, a positive environment
 * sample of the market, and an open fever-clinic visit.
 */
export async function testingWalkFixture(
  app: App,
  owner: TestClient,
  a: {
    villageId: string;
    personId: string;
    personName: string;
    idNumber: string;
    staffIdNumber: string;
    marketId: string;
    feverClinicId: string;
    now: string;
  },
): Promise<TestingWalkIds> {
  const ok = async (method: string, url: string, body?: unknown) => {
    const reply = await owner.request(method, url, body);
    assert.ok(reply.statusCode < 300, `${method} ${url}: ${reply.statusCode} ${reply.body}`);
    return reply.json() as Record<string, unknown>;
  };
  const startsAt = new Date(new Date(a.now).getTime() - 3_600_000).toISOString();
  const campaign = await ok('POST', '/api/testing/campaigns', { name: '甲社区全员检测', jurisdictionId: a.villageId, startsAt });
  const point = await ok('POST', `/api/testing/campaigns/${campaign.id}/collection-points`, {
    name: '甲社区采样点',
    jurisdictionId: a.villageId,
    opensAt: '07:00',
    closesAt: '19:00',
    staff: 2,
    expectedResidents: 100,
    labName: WALK_LAB,
  });
  const scanned = await ok('POST', `/api/testing/collection-points/${point.id}/scans`, { barcode: 'WALK-A-0001', personId: a.personId });
  const single = await ok('POST', '/api/testing/samples', {
    personId: a.personId,
    barcode: 'WALK-A-0002',
    purpose: 'voluntary',
    labName: WALK_LAB,
  });
  const member = await ok('POST', '/api/testing/groups/medical_staff/members', { personId: a.personId, unitName: '甲社区卫生服务中心' });
  const imported = await app.inject({
    method: 'POST',
    url: '/api/testing/lab-results/imports?wait=true',
    headers: { ...owner.headers, 'content-type': XLSX_MIME },
    payload: await labWorkbook('WALK-A-0002', '阴性'),
  });
  assert.equal(imported.statusCode, 202, imported.body);
  const rostered = await app.inject({
    method: 'POST',
    url: `/api/testing/group-imports?jurisdictionId=${a.villageId}&wait=true`,
    headers: { ...owner.headers, 'content-type': XLSX_MIME },
    payload: await groupRoster('甲社区职工', a.staffIdNumber),
  });
  assert.equal(rostered.statusCode, 202, rostered.body);
  assert.match(rostered.body, /"created":1,/);
  const correction = await ok('POST', '/api/testing/lab-result-corrections', {
    barcode: 'WALK-A-0002',
    result: 'positive',
    reason: '甲社区实验室更正报告',
  });
  const environment = await environmentFixture(owner, ok, a.marketId);
  const visit = await ok('POST', '/api/testing/fever-clinic/visits', {
    personId: a.personId,
    placeId: a.feverClinicId,
    barcode: 'WALK-A-FEV1',
    temperatureCelsius: 38.5,
    labName: WALK_LAB,
  });
  return {
    ...environment,
    campaignId: String(campaign.id),
    pointId: String(point.id),
    openTubeBarcode: 'WALK-A-0001',
    openTubeId: String((scanned.tube as { id: string }).id),
    resultedSampleId: String(single.sampleId),
    groupMemberId: String(member.id),
    labImportId: (imported.json() as { id: string }).id,
    correctionId: String(correction.id),
    labFileA: await labWorkbook('WALK-A-0001', '阳性'),
    groupImportId: (rostered.json() as { id: string }).id,
    feverClinicId: a.feverClinicId,
    feverVisitId: String(visit.id),
    groupFileA: await groupRoster(a.personName, a.idNumber),
  };
}
