import PDFDocument from 'pdfkit';
import { zhCategory, zhManagement } from '../key-persons/documents/labels.ts';
import { CJK_FONT_PATH, pdfToBuffer } from '../key-persons/documents/pdf-font.ts';
import { localTime } from '../reports/report-words.ts';
import type { SituationFigures } from './situation-report.service.ts';

const MARGIN = 48;
const COLOUR_ZH: Record<string, string> = { green: '绿码', yellow: '黄码', red: '红码' };
const RISK_ZH: Record<string, string> = { low: '低风险', medium: '中风险', high: '高风险' };
const classificationZh = (c: string) => (c === 'excluded' ? '已排除' : zhCategory(c));
const words = (counts: Record<string, number> | null, label: (k: string) => string) =>
  counts && Object.keys(counts).length > 0
    ? Object.entries(counts)
        .map(([k, n]) => `${label(k)} ${n}`)
        .join('，')
    : '无';

function heading(doc: PDFKit.PDFDocument, text: string) {
  doc.moveDown(0.6).fontSize(13).fillColor('#1f5fbf').text(text).fillColor('#000').fontSize(10.5).moveDown(0.2);
}

function casesSection(doc: PDFKit.PDFDocument, f: SituationFigures) {
  const last = f.days.length - 1;
  const ofDay = Object.fromEntries(Object.entries(f.casesByReportDay).map(([c, counts]) => [c, counts[last] ?? 0]));
  const inRange = Object.fromEntries(Object.entries(f.casesByReportDay).map(([c, counts]) => [c, counts.reduce((s, n) => s + n, 0)]));
  heading(doc, '一、疫情概况');
  doc.text(`${f.forDate} 新报告：${words(ofDay, classificationZh)}。`);
  doc.text(`近 ${f.days.length} 天（${f.days[0] ?? ''} 至 ${f.forDate}）累计报告：${words(inRange, classificationZh)}。`);
  if (f.rt)
    doc.text(
      `实时再生数 Rt（截至 ${f.rt.tEnd}）：${f.rt.mean?.toFixed(2) ?? '—'}（95% 区间 ${f.rt.q025?.toFixed(2) ?? '—'}–${f.rt.q975?.toFixed(2) ?? '—'}）。`,
    );
  doc.text(`早期预警信号：待处置 ${f.signals.open}，核实中 ${f.signals.acknowledged}，已办结 ${f.signals.closed}。`);
}

function controlSection(doc: PDFKit.PDFDocument, f: SituationFigures) {
  heading(doc, '二、防控工作');
  doc.text(
    `应急响应级别：${f.level ? `${f.level}级` : '未启动'}。风险区域：${words(f.riskAreas, (k) => RISK_ZH[k] ?? k)}。管控区域：${words(f.zones, (k) => k)}。`,
  );
  doc.text(`在管重点人员 ${f.keyPersonsTotal} 人：`);
  for (const k of f.keyPersons) doc.text(`    ${zhCategory(k.category)}（${zhManagement(k.managementType)}）${k.count} 人`);
  if (f.testing) doc.text(`当日核酸采样 ${f.testing.sampled} 人次。`);
  doc.text(`健康码：${words(f.codes, (k) => COLOUR_ZH[k] ?? k)}。`);
  if (f.reports) {
    doc.text(`日报报送：逾期 ${f.reports.late} 个单位。`);
    for (const t of f.reports.templates) doc.text(`    ${t.name}：应报 ${t.expected}，按时 ${t.onTime}，逾期 ${t.late}，未报 ${t.missing}`);
  }
}

/**
 * 疫情日报 (DAILY-007, INFO-006): the county's situation of a day as compiled at the protocol's time — cases of the
 * day and of the last two weeks, Rt and signals, the level, zones, people under management, testing, codes and who
 * has not reported; the compile time and who printed it at the foot. The same font and page as the reports' PDFs.
 */
export async function situationReportPdf(f: SituationFigures, meta: { compiledAt: Date; printedBy: string; at: Date }): Promise<Buffer> {
  const title = `${f.jurisdictionName}疫情日报`;
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: `${title} ${f.forDate}`, Author: 'fangkong' } });
  doc.registerFont('cjk', CJK_FONT_PATH).font('cjk');
  doc.fontSize(20).text(title, { align: 'center' }).moveDown(0.3);
  doc.fontSize(11).text(`${f.forDate}    （${localTime(meta.compiledAt)} 汇总）`, { align: 'center' });
  casesSection(doc, f);
  controlSection(doc, f);
  doc
    .moveDown(1.2)
    .fontSize(8)
    .fillColor('#666')
    .text(
      `数据截至 ${localTime(meta.compiledAt)}，取自指挥看板；${localTime(meta.at)} 由 ${meta.printedBy} 下载。依据：seed 004 Part C §三(三)（DAILY-007）`,
    );
  return pdfToBuffer(doc);
}
