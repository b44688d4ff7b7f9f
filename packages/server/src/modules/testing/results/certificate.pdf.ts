import { shanghaiDate } from '@fangkong/core';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { CJK_FONT_PATH, pdfToBuffer } from '../../key-persons/documents/pdf-font.ts';
import type { SampleResultRow } from './result.repository.ts';

const RESULT_ZH: Record<string, string> = { negative: '阴性', positive: '阳性', indeterminate: '不确定（待复核）' };
const PAYER_ZH: Record<string, string> = {
  government: '政府承担（应检尽检）',
  employer: '单位承担（愿检尽检）',
  individual: '个人承担（愿检尽检）',
};

export interface CertificateData {
  certificateId: string;
  name: string;
  idMasked: string;
  sample: SampleResultRow;
  issuedAt: Date;
  verifyUrl: string;
}

const timeText = (at: Date | null) =>
  at ? `${shanghaiDate(at)} ${new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(11, 16)}` : '—';

function lines(data: CertificateData): [string, string][] {
  const { sample } = data;
  const pooled = sample.poolSize > 1 || sample.memberCount > 1;
  const result = RESULT_ZH[sample.result ?? ''] ?? '—';
  return [
    ['姓名', data.name],
    ['证件号码', data.idMasked],
    ['检测项目', '新型冠状病毒核酸检测'],
    ['采样时间', timeText(sample.sampledAt)],
    ['检测方式', pooled ? `混采混检（${sample.memberCount}合1）` : '单采单检'],
    ['检测结果', pooled && sample.result !== 'negative' ? `混检${result}，以单管复核结果为准` : result],
    ['检测机构', sample.labName ?? '—'],
    ['报告时间', timeText(sample.testedAt)],
    ['费用承担', PAYER_ZH[sample.payer] ?? sample.payer],
  ];
}

/** 检测证明 (TEST-004): the result with a QR code that verifies it against the platform. */
export async function certificatePdf(data: CertificateData): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A5', margin: 40, info: { Title: '核酸检测证明', Author: 'fangkong' } });
  doc.registerFont('cjk', CJK_FONT_PATH).font('cjk');
  doc.fontSize(18).text('新型冠状病毒核酸检测证明', { align: 'center' }).moveDown(0.3);
  doc.fontSize(8).fillColor('#666').text(`证明编号 ${data.certificateId}`, { align: 'center' }).fillColor('#000').moveDown(1);
  doc.fontSize(11);
  for (const [label, value] of lines(data)) doc.text(`${label}：${value}`).moveDown(0.3);
  const qr = await QRCode.toBuffer(data.verifyUrl, { margin: 1, width: 200 });
  doc.moveDown(0.5).image(qr, { width: 110 });
  doc.fontSize(8).fillColor('#666').text(`扫码核验 / verify: ${data.verifyUrl}`).moveDown(0.3);
  doc.text(`签发时间 ${timeText(data.issuedAt)}；本证明由 fangkong 防控平台生成，核验结果以平台为准。`);
  return pdfToBuffer(doc);
}
