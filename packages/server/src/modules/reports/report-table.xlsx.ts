import type { ReportColumn, ReportRow, SubmittedTemplate } from '@fangkong/core';
import ExcelJS from 'exceljs';
import { HEADER_FONT, titleRows } from '../../exports/titled-table.xlsx.ts';
import { localTime, signatureLine } from './report-words.ts';

/**
 * The seeds' tables as workbooks (seed 004 Part B §二(一)4; Annex A): a title, the unit and the day, a header
 * of the template's columns, the rows, the figures, and the signature line (支部书记签字、单位盖章). The seed
 * gives no column list [gap]: the columns are the template's.
 */

/** A cell as the table shows it: a choice by its label, the rest as stored. */
export function cellWords(column: ReportColumn, value: ReportRow[string] | undefined): string | number {
  if (value === null || value === undefined) return '';
  if (column.type === 'choice') return column.choices?.find((c) => c.value === value)?.label ?? String(value);
  return value;
}

function tableHeader(sheet: ExcelJS.Worksheet, template: SubmittedTemplate, lead: string[]) {
  const labels = template.columns.length > 0 ? template.columns.map((c) => c.label) : template.figures.map((f) => f.label);
  sheet.addRow([...lead, ...labels]).font = HEADER_FONT;
  sheet.columns.forEach((column, i) => {
    column.width = i < lead.length ? 12 : Math.max(12, (labels[i - lead.length]?.length ?? 4) * 2 + 4);
  });
}

/** The blank table a unit fills in and uploads: title, a line for the unit and day, the header. */
export async function blankTableXlsx(template: SubmittedTemplate): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(template.name.slice(0, 31));
  titleRows(sheet, template.name, '填报单位：            报告日期：            （每行一人；请勿改动表头）', template.columns.length + 1);
  tableHeader(sheet, template, ['序号']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

export interface UnitTable {
  unitName: string;
  period: string;
  dueAt: Date;
  rows: ReportRow[];
  figures: Record<string, number | null>;
  zero: boolean;
  late: boolean;
  submittedAt: Date | null;
  signerName: string | null;
  signedAt: Date | null;
  sealHolder: string | null;
  revision: number;
}

function figureLines(sheet: ExcelJS.Worksheet, template: SubmittedTemplate, figures: Record<string, number | null>) {
  sheet.addRow([]);
  for (const f of template.figures) sheet.addRow([f.label, figures[f.key] ?? '']);
}

/** One unit's table for a day, in the seed's layout with its signature line. */
export async function unitTableXlsx(template: SubmittedTemplate, table: UnitTable): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(template.name.slice(0, 31));
  const subtitle = `填报单位：${table.unitName}    报告日期：${table.period}    截止：${localTime(table.dueAt)}`;
  titleRows(sheet, template.name, subtitle, template.columns.length + 1);
  if (template.columns.length > 0) {
    tableHeader(sheet, template, ['序号']);
    table.rows.forEach((row, i) => {
      sheet.addRow([i + 1, ...template.columns.map((c) => cellWords(c, row[c.key]))]);
    });
  }
  if (table.zero) sheet.addRow(['零报告：本日无需报告的人员和事项']);
  figureLines(sheet, template, table.figures);
  sheet.addRow([]);
  sheet.addRow([signatureLine(template, table)]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

export interface CollectedUnit {
  unitName: string;
  parentName: string | null;
  state: string;
  table: UnitTable | null;
}

const STATE_ZH: Record<string, string> = { on_time: '按时报送', late: '逾期报送', due_soon: '即将截止', open: '未到截止', missing: '未报' };

function collectedTable(sheet: ExcelJS.Worksheet, template: SubmittedTemplate, units: readonly CollectedUnit[]) {
  const reported = units.filter((u) => u.table !== null);
  if (template.columns.length > 0) {
    tableHeader(sheet, template, ['序号', '填报单位']);
    let n = 0;
    for (const u of reported) {
      for (const row of u.table?.rows ?? []) sheet.addRow([++n, u.unitName, ...template.columns.map((c) => cellWords(c, row[c.key]))]);
    }
    return;
  }
  tableHeader(sheet, template, ['填报单位']);
  for (const u of reported) sheet.addRow([u.unitName, ...template.figures.map((f) => u.table?.figures[f.key] ?? '')]);
}

/** A jurisdiction's collected table for a day: every unit's rows (or figures), the sums, and who reported how. */
export async function collectedTableXlsx(
  template: SubmittedTemplate,
  heading: { jurisdictionName: string; period: string },
  units: readonly CollectedUnit[],
  totals: Record<string, number>,
): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(template.name.slice(0, 31));
  titleRows(
    sheet,
    `${template.name}（汇总）`,
    `辖区：${heading.jurisdictionName}    报告日期：${heading.period}`,
    template.columns.length + 2,
  );
  collectedTable(sheet, template, units);
  sheet.addRow([]);
  sheet.addRow(['合计']).font = HEADER_FONT;
  for (const f of template.figures) sheet.addRow([f.label, totals[f.key] ?? 0]);
  const status = book.addWorksheet('报送情况');
  status.addRow(['填报单位', '所属', '状态', '截止时间', '报送时间', '零报告', '签字人', '印章保管人', '修订次数']).font = HEADER_FONT;
  status.columns.forEach((column) => {
    column.width = 16;
  });
  for (const u of units) {
    const t = u.table;
    status.addRow([
      u.unitName,
      u.parentName ?? '',
      STATE_ZH[u.state] ?? u.state,
      t ? localTime(t.dueAt) : '',
      t?.submittedAt ? localTime(t.submittedAt) : '',
      t?.zero ? '是' : '',
      t?.signerName ?? '',
      t?.sealHolder ?? '',
      t?.revision ?? '',
    ]);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
