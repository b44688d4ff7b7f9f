import { type ReportCard, shanghaiDate } from '@fangkong/core';
import PDFDocument from 'pdfkit';
import { CJK_FONT_PATH, pdfToBuffer } from '../key-persons/documents/pdf-font.ts';

const LABELS: Record<keyof ReportCard, string> = {
  caseNumber: '卡片编号',
  patientName: '患者姓名',
  idNumber: '有效证件号',
  sex: '性别',
  birthDate: '出生日期',
  phone: '联系电话',
  address: '现住址',
  occupation: '人群分类（职业）',
  classification: '病例分类',
  clinicalType: '临床严重程度',
  disease: '疾病名称',
  onsetDate: '发病日期',
  diagnosedAt: '诊断时间',
  discoveredAt: '发现时间',
  reportedAt: '报告时间',
  reportingUnit: '报告单位',
  reportingDoctor: '报告医生',
  correctedFrom: '订正前病名（分类）',
  dischargedAt: '出院时间',
  releasedAt: '解除隔离时间',
  diedAt: '死亡日期',
  remarks: '备注',
};
const CLASSIFICATION_ZH: Record<string, string> = {
  suspected: '疑似病例',
  confirmed: '确诊病例',
  asymptomatic: '无症状感染者',
  excluded: '已排除',
};
const CLINICAL_ZH: Record<string, string> = { mild: '轻型', moderate: '普通型', severe: '重型', critical: '危重型' };
const SEX_ZH: Record<string, string> = { male: '男', female: '女' };

const time = (at: Date) => `${shanghaiDate(at)} ${new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(11, 16)}`;

function cardValue(key: keyof ReportCard, value: ReportCard[keyof ReportCard]): string {
  if (value === null || value === '') return '—';
  if (value instanceof Date) return time(value);
  if (key === 'classification' || key === 'correctedFrom') return CLASSIFICATION_ZH[value] ?? value;
  if (key === 'clinicalType') return CLINICAL_ZH[value] ?? value;
  if (key === 'sex') return SEX_ZH[value] ?? value;
  return value;
}

/** 中华人民共和国传染病报告卡 (Annex A; CASE-001, CASE-006, CASE-015): the national card's fields, what is missing. */
export async function reportCardPdf(card: ReportCard, missing: readonly (keyof ReportCard)[], printedBy: string, printedAt: Date) {
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: '传染病报告卡', Author: 'fangkong' } });
  doc.registerFont('cjk', CJK_FONT_PATH).font('cjk');
  doc.fontSize(18).text('中华人民共和国传染病报告卡', { align: 'center' }).moveDown(1);
  doc.fontSize(11);
  for (const key of Object.keys(LABELS) as (keyof ReportCard)[]) doc.text(`${LABELS[key]}：${cardValue(key, card[key])}`).moveDown(0.25);
  if (missing.length > 0)
    doc
      .moveDown(0.6)
      .fillColor('#cf1322')
      .text(`尚缺：${missing.map((k) => LABELS[k]).join('、')}`)
      .fillColor('#000');
  doc
    .moveDown(1.2)
    .fontSize(9)
    .fillColor('#666')
    .text(`${time(printedAt)} 由 ${printedBy} 打印；打印记录见审计日志。`);
  return pdfToBuffer(doc);
}
