import type { CodeColour } from '@fangkong/core';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { CJK_FONT_PATH, pdfToBuffer } from '../key-persons/documents/pdf-font.ts';

const COLOUR_ZH: Record<CodeColour, string> = { green: '绿码', yellow: '黄码', red: '红码' };
const COLOUR_HEX: Record<CodeColour, string> = { green: '#1a9e4b', yellow: '#e0a800', red: '#d32f2f' };

export interface PaperCodeData {
  nameMasked: string;
  idMasked: string;
  colour: CodeColour;
  ruleVersion: string;
  token: string;
  issuedAt: Date;
  validUntil: Date;
  issuedBy: string;
}

const timeText = (at: Date) => `${new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')}（北京时间）`;

/** 纸质健康码: for people without a phone; the QR is the signed token itself, so any checkpoint verifies it offline. */
export async function paperCodePdf(data: PaperCodeData): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A5', margin: 36, info: { Title: '纸质健康码', Author: 'fangkong' } });
  doc.registerFont('cjk', CJK_FONT_PATH).font('cjk');
  doc.fontSize(20).text('健康码（纸质）', { align: 'center' }).moveDown(0.3);
  const qr = await QRCode.toBuffer(data.token, {
    margin: 1,
    width: 600,
    errorCorrectionLevel: 'M',
    color: { dark: COLOUR_HEX[data.colour] },
  });
  const size = 300;
  doc.image(qr, (doc.page.width - size) / 2, doc.y, { width: size });
  doc.y += size + 10;
  doc.fontSize(22).fillColor(COLOUR_HEX[data.colour]).text(COLOUR_ZH[data.colour], { align: 'center' }).fillColor('#000').moveDown(0.4);
  doc.fontSize(12);
  for (const line of [
    `姓名：${data.nameMasked}    证件：${data.idMasked}`,
    `有效期至：${timeText(data.validUntil)}`,
    `签发：${data.issuedBy}    ${timeText(data.issuedAt)}`,
  ])
    doc.text(line, { align: 'center' }).moveDown(0.2);
  doc.fontSize(8).fillColor('#666');
  doc.text(`规则版本 ${data.ruleVersion}。过期作废；颜色以扫码核验结果为准。Scan to verify; void after the date above.`, {
    align: 'center',
  });
  return pdfToBuffer(doc);
}
