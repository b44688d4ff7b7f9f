import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { TEST_PASSWORD, type TestClient } from '../../testing/factories.ts';

/** Town A's daily reports for the scope walk (http/scope-walk.test.ts) and the route fuzzer: a town-B user must reach none. */
export interface ReportWalkIds {
  /** Town A's own version of the community summary (a 12:00 deadline). */
  reportTemplateId: string;
  /** The shipped 13:00 screening table, which applies to town A and town B alike. */
  reportScreeningTemplateId: string;
  reportSubmissionId: string;
  reportDraftId: string;
  /** A filled screening table of one row, to upload into A. */
  reportTableA: Buffer;
}

async function oneRowTable(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('外来返济人员排查表');
  sheet.addRow(['姓名', '身份证号', '来源地', '抵达日期', '现住址']);
  sheet.addRow(['甲返乡人', '420106199001011231', '武汉', '2020-02-28', '甲社区1幢101室']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A local template version at town A, a signed screening table and an unsigned draft of A's community, as its admin. */
export async function reportWalkFixture(
  owner: TestClient,
  a: { townId: string; villageId: string; today: string },
): Promise<ReportWalkIds> {
  const ok = async (method: string, url: string, body?: unknown) => {
    const reply = await owner.request(method, url, body);
    assert.ok(reply.statusCode < 300, `${method} ${url}: ${reply.statusCode} ${reply.body}`);
    return reply.json() as Record<string, unknown>;
  };
  const templates = (await ok('GET', '/api/reports/templates')) as unknown as { id: string; code: string }[];
  const idOf = (code: string) => templates.find((t) => t.code === code)?.id ?? '';
  const local = await ok('POST', `/api/reports/templates/${idOf('community_daily_summary')}/versions`, {
    jurisdictionId: a.townId,
    deadlineTime: '12:00',
    reason: '甲镇汇总表提前',
  });
  const signed = await ok('POST', '/api/reports/submissions', {
    templateId: idOf('returnee_screening'),
    unitId: a.villageId,
    period: a.today,
    rows: [{ name: '甲返乡人', idNumber: '420106199001011231', origin: 'wuhan', arrivalDate: a.today, address: '甲社区1幢101室' }],
    signature: { password: TEST_PASSWORD, sealHolder: '甲会计' },
  });
  const draft = await ok('POST', '/api/reports/submissions', {
    templateId: idOf('returnee_health_monitoring'),
    unitId: a.villageId,
    period: a.today,
    rows: [{ name: '甲返乡人', temperatureMorning: 36.5, symptoms: 'none', observer: '甲网格员' }],
  });
  return {
    reportTemplateId: String(local.id),
    reportScreeningTemplateId: idOf('returnee_screening'),
    reportSubmissionId: String(signed.id),
    reportDraftId: String(draft.id),
    reportTableA: await oneRowTable(),
  };
}
