import ExcelJS from 'exceljs';
import { CATEGORY_LABELS, ROSTER_COLUMNS, type RosterKey } from './roster-columns.ts';

export type RawRosterRow = { rowNumber: number } & Partial<Record<RosterKey, string>>;

type CellValue = ExcelJS.CellValue;

/** Text of any cell kind: rich text, formulas, hyperlinks, dates (as YYYY-MM-DD, the date Excel shows). */
function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return cellText(value.result as CellValue);
    if ('text' in value) return String(value.text);
    return '';
  }
  return String(value).trim();
}

/** Reads the first sheet; the header row (row 1) is matched by header text, so column order may vary. */
export async function readRoster(buffer: Buffer): Promise<RawRosterRow[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const headerCells = sheet.getRow(1).values as CellValue[];
  const keyAt = new Map<number, RosterKey>();
  headerCells.forEach((cell, index) => {
    const column = ROSTER_COLUMNS.find((c) => c.header === cellText(cell) || c.key === cellText(cell));
    if (column) keyAt.set(index, column.key);
  });
  const rows: RawRosterRow[] = [];
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const raw: RawRosterRow = { rowNumber };
    for (const [index, key] of keyAt) raw[key] = cellText(row.getCell(index).value);
    if (ROSTER_COLUMNS.some((c) => raw[c.key])) rows.push(raw);
  });
  return rows;
}

/** The downloadable template: headers, one example row, and the accepted categories on a second sheet. */
export async function rosterTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('重点人员名单');
  sheet.columns = ROSTER_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: Math.max(12, c.header.length * 3) }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRow(Object.fromEntries(ROSTER_COLUMNS.map((c) => [c.key, c.example])));
  const help = workbook.addWorksheet('人员类别');
  help.columns = [
    { header: '人员类别（填写任一名称）', key: 'labels', width: 40 },
    { header: '代码', key: 'id', width: 24 },
  ];
  for (const [id, labels] of Object.entries(CATEGORY_LABELS)) help.addRow({ labels: labels.join(' / '), id });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
