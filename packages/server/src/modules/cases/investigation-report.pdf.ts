import { type InvestigationForm, type SpotState, shanghaiDate } from '@fangkong/core';
import PDFDocument from 'pdfkit';
import { CJK_FONT_PATH, pdfToBuffer } from '../key-persons/documents/pdf-font.ts';

export interface InvestigationReportData {
  caseNumber: string;
  name: string;
  idMasked: string;
  jurisdictionName: string;
  classification: string;
  clinicalType: string | null;
  onsetDate: string | null;
  discoveredAt: Date;
  reportedAt: Date | null;
  reportingUnit: string | null;
  investigationState: string;
  completedAt: Date | null;
  sealedAt: Date | null;
  sealingNote: string | null;
  form: InvestigationForm;
  gaps: string[];
  trajectory: { placeText: string; fromAt: Date; toAt: Date; source: string; spot: SpotState }[];
  contacts: { kind: string; status: string; n: number }[];
  editionName: string;
  printedAt: Date;
  printedBy: string;
}

const CLASSIFICATION_ZH: Record<string, string> = {
  suspected: '疑似病例',
  confirmed: '确诊病例',
  asymptomatic: '无症状感染者',
  excluded: '已排除',
};
const CLINICAL_ZH: Record<string, string> = { mild: '轻型', moderate: '普通型', severe: '重型', critical: '危重型' };
const SOURCE_ZH: Record<string, string> = { interview: '询问', venue_scan: '场所码', checkpoint_scan: '卡口扫码', manual: '手工' };
const KIND_ZH: Record<string, string> = {
  household: '共同居住',
  workplace: '同事',
  school: '同学',
  co_location: '时空伴随',
  event: '聚集活动',
  manual: '手工录入',
};
const STATUS_ZH: Record<string, string> = { proposed: '待确认', confirmed: '已确认', rejected: '已排除' };

const time = (at: Date | null) => (at ? `${shanghaiDate(at)} ${new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(11, 16)}` : '—');
const answer = (value: string | number | undefined) => (value === undefined || value === '' ? '—' : String(value));

function caseLines(d: InvestigationReportData): [string, string][] {
  return [
    ['姓名', d.name],
    ['证件号码', d.idMasked],
    ['现住址所属辖区', d.jurisdictionName],
    [
      '诊断类型',
      `${CLASSIFICATION_ZH[d.classification] ?? d.classification}${d.clinicalType ? `（${CLINICAL_ZH[d.clinicalType] ?? d.clinicalType}）` : ''}`,
    ],
    ['发病日期', d.onsetDate ?? '—'],
    ['发现时间', time(d.discoveredAt)],
    ['网络直报时间', time(d.reportedAt)],
    ['报告单位', d.reportingUnit ?? '—'],
  ];
}

function formLines(f: InvestigationForm): [string, string][] {
  const symptoms = f.symptoms && f.symptoms.length > 0 ? f.symptoms.join('、') : f.noSymptoms ? '无症状' : '—';
  return [
    ['症状', symptoms],
    ['暴露史', answer(f.exposureHistory)],
    ['旅居史', answer(f.travelHistory)],
    ['职业', answer(f.occupation)],
    ['工作单位', answer(f.workplace)],
    ['疫苗接种剂次', answer(f.vaccinationDoses)],
    ['末次接种日期', answer(f.lastVaccinationDate)],
    ['共同居住人数', answer(f.householdSize)],
    ['感染来源推断', answer(f.sourceHypothesis)],
  ];
}

function section(doc: PDFKit.PDFDocument, title: string) {
  doc.moveDown(0.8).fontSize(13).text(title).fontSize(11).moveDown(0.3);
}

/** 流行病学调查报告 (CASE-002, CASE-014): the case, the answers, the trajectory, the contacts found, what is missing. */
export async function investigationReportPdf(d: InvestigationReportData): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: '流行病学调查报告', Author: 'fangkong' } });
  doc.registerFont('cjk', CJK_FONT_PATH).font('cjk');
  doc.fontSize(20).text('流行病学调查报告', { align: 'center' }).moveDown(0.3);
  doc.fontSize(9).fillColor('#666').text(`病例编号 ${d.caseNumber}    执行方案 ${d.editionName}`, { align: 'center' }).fillColor('#000');
  section(doc, '一、基本情况');
  for (const [label, value] of caseLines(d)) doc.text(`${label}：${value}`);
  section(doc, '二、调查内容');
  for (const [label, value] of formLines(d.form)) doc.text(`${label}：${value}`);
  section(doc, '三、活动轨迹');
  if (d.trajectory.length === 0) doc.text('（无）');
  for (const p of d.trajectory) {
    doc.text(`${time(p.fromAt)} 至 ${time(p.toAt)}  ${p.placeText}  （${SOURCE_ZH[p.source] ?? p.source}）`);
    doc
      .fontSize(9)
      .fillColor('#444')
      .text(`    疫点处置：封控 ${time(p.spot.sealedAt)}；消毒 ${time(p.spot.disinfectedAt)}；解封 ${time(p.spot.liftedAt)}`);
    doc.fontSize(11).fillColor('#000');
  }
  section(doc, '四、密切接触者排查');
  if (d.contacts.length === 0) doc.text('（尚无）');
  for (const c of d.contacts) doc.text(`${KIND_ZH[c.kind] ?? c.kind}  ${STATUS_ZH[c.status] ?? c.status}：${c.n} 人`);
  section(doc, '五、调查与处置进度');
  doc.text(`调查状态：${d.investigationState === 'completed' ? '已完成' : '进行中'}    完成时间：${time(d.completedAt)}`);
  doc.text(`疫点封控时间：${time(d.sealedAt)}${d.sealingNote ? `（${d.sealingNote}）` : ''}`);
  if (d.gaps.length > 0) doc.text(`尚缺：${d.gaps.join('、')}`);
  doc
    .moveDown(1.5)
    .fontSize(9)
    .fillColor('#666')
    .text(`${time(d.printedAt)} 由 ${d.printedBy} 打印；本报告由 fangkong 防控平台生成，打印记录见审计日志。`);
  return pdfToBuffer(doc);
}
