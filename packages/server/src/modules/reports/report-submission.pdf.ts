import type { ReportColumn, SubmittedTemplate } from '@fangkong/core';
import PDFDocument from 'pdfkit';
import { CJK_FONT_PATH, pdfToBuffer } from '../key-persons/documents/pdf-font.ts';
import { cellWords, type UnitTable } from './report-table.xlsx.ts';
import { localTime, signatureLine } from './report-words.ts';

export interface PrintedBy {
  name: string;
  at: Date;
}

const MARGIN = 40;
const ROW_HEIGHT = 18;

/** The table's rows on the page: a ruled grid, each cell cut to its width; a new page (with the header again) when full. */
function drawTable(doc: PDFKit.PDFDocument, columns: readonly ReportColumn[], rows: UnitTable['rows']) {
  const width = doc.page.width - MARGIN * 2;
  const cells = [
    { label: '序号', share: 0.5 },
    ...columns.map((c) => ({ label: c.label, share: c.type === 'idNumber' || c.type === 'address' ? 2 : 1 })),
  ];
  const unit = width / cells.reduce((sum, c) => sum + c.share, 0);
  const line = (values: (string | number)[], bold: boolean) => {
    if (doc.y + ROW_HEIGHT > doc.page.height - MARGIN * 2) doc.addPage();
    const y = doc.y;
    let x = MARGIN;
    values.forEach((value, i) => {
      const w = (cells[i]?.share ?? 1) * unit;
      doc.rect(x, y, w, ROW_HEIGHT).stroke('#999');
      doc
        .fillColor(bold ? '#000' : '#222')
        .text(String(value), x + 3, y + 4, { width: w - 6, height: ROW_HEIGHT - 4, ellipsis: true, lineBreak: false });
      x += w;
    });
    doc.x = MARGIN;
    doc.y = y + ROW_HEIGHT;
  };
  doc.fontSize(9);
  line(
    cells.map((c) => c.label),
    true,
  );
  rows.forEach((row, i) => {
    line([i + 1, ...columns.map((c) => cellWords(c, row[c.key]))], false);
  });
}

/**
 * The printable signed table (DAILY-003, Annex A A10–A13, A19): the seed's title, unit and day, the rows and
 * figures, whether it was a zero report and on time, and the signature line — the responsible person's
 * e-signature with its time and the seal holder — as recorded; who printed it and when at the foot.
 */
export async function submissionPdf(template: SubmittedTemplate, table: UnitTable, printed: PrintedBy): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: MARGIN, info: { Title: template.name, Author: 'fangkong' } });
  doc.registerFont('cjk', CJK_FONT_PATH).font('cjk');
  doc.fontSize(18).text(template.name, { align: 'center' }).moveDown(0.4);
  doc
    .fontSize(10)
    .text(`填报单位：${table.unitName}    报告日期：${table.period}    截止时间：${localTime(table.dueAt)}`, { align: 'center' });
  doc.moveDown(0.8);
  if (template.columns.length > 0) drawTable(doc, template.columns, table.rows);
  doc.moveDown(0.6).fontSize(10);
  if (table.zero) doc.text('零报告：本日无需报告的人员和事项。').moveDown(0.3);
  doc.text(template.figures.map((f) => `${f.label}：${table.figures[f.key] ?? '—'}`).join('    '));
  doc.moveDown(1).fontSize(11);
  doc.text(signatureLine(template, table));
  if (table.late) doc.moveDown(0.3).fillColor('#cf1322').text('逾期报送').fillColor('#000');
  doc
    .moveDown(1)
    .fontSize(8)
    .fillColor('#666')
    .text(
      `${localTime(printed.at)} 由 ${printed.name} 打印；签字与报送记录见审计日志。依据：${template.basis.source} ${template.basis.clause}`,
    );
  return pdfToBuffer(doc);
}
