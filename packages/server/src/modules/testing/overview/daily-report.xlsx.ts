import ExcelJS from 'exceljs';
import type { DailyReport } from './daily-report.service.ts';

/** zh-CN labels of the ids the report counts by (the glossary's terms). */
const ZH: Record<string, string> = {
  campaign: '全员检测',
  mandatory: '应检尽检',
  voluntary: '愿检尽检',
  retest: '单采复核',
  government: '政府',
  employer: '单位',
  individual: '个人',
  negative: '阴性',
  positive: '阳性',
  indeterminate: '可疑',
  fever_clinic: '发热门诊',
  routine: '常规检测',
};
const zh = (id: string) => ZH[id] ?? id;

type Row = (string | number | null)[];

function section(sheet: ExcelJS.Worksheet, title: string, header: Row, rows: Row[]) {
  sheet.addRow([]);
  sheet.addRow([title]).font = { bold: true };
  sheet.addRow(header).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
}

/** 核酸检测日报 (TEST-007): one sheet, a section per count, for upward reporting. */
export async function dailyReportXlsx(report: DailyReport): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('核酸检测日报');
  sheet.columns = [{ width: 22 }, { width: 14 }, { width: 14 }, { width: 14 }, { width: 14 }];
  sheet.addRow([`核酸检测日报（${report.date}）`]).font = { bold: true, size: 14 };
  sheet.addRow(['辖区', report.jurisdictions.map((j) => j.name).join('、')]);
  sheet.addRow(['生成时间', report.generatedAt]);
  const { sampled, tubes, positives, turnaround } = report;
  section(
    sheet,
    '采样',
    ['类别', '人次'],
    [
      ['合计', sampled.total],
      ...sampled.byPurpose.map((p) => [zh(p.purpose), p.n]),
      ...sampled.byPayer.map((p) => [`付费：${zh(p.payer)}`, p.n]),
    ],
  );
  section(
    sheet,
    '采样管',
    ['项目', '管数'],
    [
      ['当日开管', tubes.opened],
      ['当日封管送检', tubes.closed],
      ['日末在途（未出结果）', tubes.inTransitAtEnd],
    ],
  );
  section(
    sheet,
    '检测结果',
    ['结果', '管数', '人次', '其中混管', '其中复核'],
    report.results.map((r) => [zh(r.result), r.tubes, r.persons, r.pools, r.retests]),
  );
  section(
    sheet,
    '阳性及可疑',
    ['项目', '数量'],
    [
      ['混管', positives.pools],
      ['混管内管控人员', positives.membersUnderControl],
      ['单管', positives.singles],
      ['单采复核阳性', positives.retestsPositive],
      ['转入重点人员管理', positives.handedOver],
    ],
  );
  section(
    sheet,
    `检测时效（超时合计 ${turnaround.overLimit}）`,
    ['场景', '时限（小时）', '结果数', '超时', '最长（小时）'],
    turnaround.bySetting.map((t) => [zh(t.setting), t.limitHours, t.results, t.overLimit, t.maxHours]),
  );
  return Buffer.from(await book.xlsx.writeBuffer());
}
