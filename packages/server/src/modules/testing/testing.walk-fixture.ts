import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import type { App } from '../../app.ts';
import type { TestClient } from '../../testing/factories.ts';
import { XLSX_MIME } from '../key-persons/roster/roster.routes.ts';

/** Town A's testing records for the scope walk (http/scope-walk.test.ts): a town-B user must reach none of them. */
export interface TestingWalkIds {
  campaignId: string;
  pointId: string;
  openTubeBarcode: string;
  openTubeId: string;
  resultedSampleId: string;
  groupMemberId: string;
  labImportId: string;
  /** A lab file naming town A's open tube, for town B to upload. */
  labFileA: Buffer;
}

/** The lab's name holds the community's name, so a list that shows it shows something of town A. */
export const WALK_LAB = '甲社区卫生服务中心';

async function labWorkbook(barcode: string, result: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('结果');
  sheet.addRow(['条码', '结果', '检测机构']);
  sheet.addRow([barcode, result, WALK_LAB]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Built by town A's admin through the API: a campaign, a point, an open tube, a resulted sample, a roster entry and a lab import. */
export async function testingWalkFixture(
  app: App,
  owner: TestClient,
  a: { villageId: string; personId: string; now: string },
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
  return {
    campaignId: String(campaign.id),
    pointId: String(point.id),
    openTubeBarcode: 'WALK-A-0001',
    openTubeId: String((scanned.tube as { id: string }).id),
    resultedSampleId: String(single.sampleId),
    groupMemberId: String(member.id),
    labImportId: (imported.json() as { id: string }).id,
    labFileA: await labWorkbook('WALK-A-0001', '阳性'),
  };
}
