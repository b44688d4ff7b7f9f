import ExcelJS from 'exceljs';
import type { ImportRowError } from '../db/schema/index.ts';
import { messageFor } from '../http/messages.ts';
import { checkSheetSize, DEFAULT_UPLOAD_LIMITS, type UploadLimits } from './upload-limits.ts';

/** One column of an import template: the header is what people see, the key what code uses. */
export interface SheetColumn<K extends string = string> {
  key: K;
  header: string;
  required: boolean;
  example: string;
}

/** A data row of a sheet: its 1-based row number (the header being row 1) and the text of each known column. */
export type RawSheetRow<K extends string> = { rowNumber: number } & Partial<Record<K, string>>;

type CellValue = ExcelJS.CellValue;

/** Text of any cell kind: rich text, formulas, hyperlinks, dates (as YYYY-MM-DD, the date Excel shows). */
export function cellText(value: CellValue): string {
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

/** Reads the first sheet; the header row (row 1) is matched by header text or key, so column order may vary. */
export async function readSheet<K extends string>(
  buffer: Buffer,
  columns: readonly SheetColumn<K>[],
  limits: UploadLimits = DEFAULT_UPLOAD_LIMITS,
): Promise<RawSheetRow<K>[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  checkSheetSize(sheet.rowCount - 1, sheet.columnCount, limits);
  const keyAt = new Map<number, K>();
  (sheet.getRow(1).values as CellValue[]).forEach((cell, index) => {
    const column = columns.find((c) => c.header === cellText(cell) || c.key === cellText(cell));
    if (column) keyAt.set(index, column.key);
  });
  const rows: RawSheetRow<K>[] = [];
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const raw = { rowNumber } as RawSheetRow<K>;
    for (const [index, key] of keyAt) (raw as Record<string, unknown>)[key] = cellText(row.getCell(index).value);
    if (columns.some((c) => raw[c.key])) rows.push(raw);
  });
  return rows;
}

/** A help sheet of the template: the accepted values of a column and their codes. */
export interface HelpSheet {
  name: string;
  headers: [string, string];
  rows: [string, string][];
}

/** The downloadable template: headers, one example row, and a help sheet of accepted values. */
export async function sheetTemplate(name: string, columns: readonly SheetColumn[], help: HelpSheet): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(name);
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.key, width: Math.max(12, c.header.length * 3) }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRow(Object.fromEntries(columns.map((c) => [c.key, c.example])));
  const helpSheet = workbook.addWorksheet(help.name);
  helpSheet.columns = [
    { header: help.headers[0], key: 'labels', width: 48 },
    { header: help.headers[1], key: 'id', width: 28 },
  ];
  for (const [labels, id] of help.rows) helpSheet.addRow({ labels, id });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** `C(证件号码)`: the column letter and header a user finds the cell by. */
export function columnLabel(columns: readonly SheetColumn[], key: string): string {
  const index = columns.findIndex((c) => c.key === key);
  return `${String.fromCharCode(65 + index)}(${columns[index]?.header ?? key})`;
}

/** A row's problem at a field; a field that is no column of the sheet is shown at the first column. */
export function sheetRowError(
  columns: readonly SheetColumn[],
  row: number,
  field: string,
  code: string,
  params: Record<string, string | number> = {},
): ImportRowError {
  const key = columns.some((c) => c.key === field) ? field : (columns[0]?.key ?? field);
  return { row, column: columnLabel(columns, key), field, code, message: messageFor(code, 'zh-CN', params) };
}

/** `required` for every required column the row leaves empty (`except` those a caller fills otherwise). */
export function missingCells<K extends string>(
  columns: readonly SheetColumn<K>[],
  raw: RawSheetRow<K>,
  except: readonly K[] = [],
): ImportRowError[] {
  return columns
    .filter((c) => c.required && !except.includes(c.key) && !raw[c.key])
    .map((c) => sheetRowError(columns, raw.rowNumber, c.key, 'required'));
}
