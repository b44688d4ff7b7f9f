import { isUtf8 } from 'node:buffer';
import ExcelJS from 'exceljs';
import { checkSheetSize, type UploadLimits } from '../../../imports/upload-limits.ts';

/** The columns a lab file may carry, matched by any of these header names (zh-CN or English). */
export const LAB_COLUMNS = {
  barcode: ['条码', '条码号', '样本条码', '采样管条码', '管码', '试管编码', 'barcode', 'tube', 'tubebarcode'],
  result: ['结果', '检测结果', '核酸结果', 'result'],
  testedAt: ['检测时间', '报告时间', '结果时间', 'testedat', 'tested_at', 'reportedat'],
  lab: ['检测机构', '实验室', '检测单位', 'lab', 'labname', 'lab_name'],
} as const;
export type LabColumn = keyof typeof LAB_COLUMNS;

export interface RawLabRow {
  /** 1-based row of the file, the header being row 1. */
  row: number;
  barcode: string;
  result: string;
  testedAt: string | Date;
  lab: string;
}

/** A lab file, read lazily: a million-row CSV becomes row objects one batch at a time. */
export interface LabSheet {
  /** `B(结果)` for each column found, for row errors. */
  columns: Partial<Record<LabColumn, string>>;
  total: number;
  slice(start: number, end: number): RawLabRow[];
}

const withoutBom = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/**
 * Lab systems write UTF-8 (with or without BOM) or GBK, and a file joined from two systems can hold
 * both: a valid UTF-8 file is read as such (checked natively, without building a string first);
 * otherwise each line is read as UTF-8 when it is valid UTF-8 and as GBK when it is not.
 */
export function decodeText(buffer: Buffer): string {
  if (isUtf8(buffer)) return withoutBom(buffer.toString('utf8'));
  const gbk = new TextDecoder('gbk');
  const lines: string[] = [];
  for (let start = 0; start < buffer.length; ) {
    const newline = buffer.indexOf(0x0a, start);
    const end = newline === -1 ? buffer.length : newline + 1;
    const line = buffer.subarray(start, end);
    lines.push(isUtf8(line) ? line.toString('utf8') : gbk.decode(line));
    start = end;
  }
  return withoutBom(lines.join(''));
}

/** One CSV line with RFC 4180 quoting (the rare line that has a quote). */
function splitQuoted(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted && ch === '"' && line[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}

function splitLine(line: string): string[] {
  return line.includes('"') ? splitQuoted(line) : line.split(',');
}

const isSpace = (code: number) => code <= 32 || code === 0xa0 || code === 0x3000 || code === 0xfeff;

/** Trims only when there is something to trim: most cells have nothing, and a million trims add up. */
function tidy(value: string): string {
  return value.length > 0 && (isSpace(value.charCodeAt(0)) || isSpace(value.charCodeAt(value.length - 1))) ? value.trim() : value;
}

const letter = (index: number) => String.fromCharCode(65 + index);

function headerMap(header: readonly string[]) {
  const at: Partial<Record<LabColumn, number>> = {};
  const columns: Partial<Record<LabColumn, string>> = {};
  header.forEach((cell, index) => {
    const name = cell.trim().replace(/^\uFEFF/, '');
    const key = (Object.keys(LAB_COLUMNS) as LabColumn[]).find((k) => (LAB_COLUMNS[k] as readonly string[]).includes(name.toLowerCase()));
    if (key && at[key] === undefined) {
      at[key] = index;
      columns[key] = `${letter(index)}(${name})`;
    }
  });
  return { at, columns };
}

function textAt(cells: readonly (string | Date)[], index: number | undefined): string {
  const value = index === undefined ? '' : cells[index];
  return typeof value === 'string' ? tidy(value) : '';
}

function rowOf(cells: readonly (string | Date)[], at: Partial<Record<LabColumn, number>>, row: number): RawLabRow {
  const tested = at.testedAt === undefined ? '' : cells[at.testedAt];
  return {
    row,
    barcode: textAt(cells, at.barcode),
    result: textAt(cells, at.result),
    testedAt: tested instanceof Date ? tested : textAt(cells, at.testedAt),
    lab: textAt(cells, at.lab),
  };
}

/** The `index`-th line of `text` starts at `starts[index]`; a line ends before its `\n` (and a `\r` before that). */
function lineAt(text: string, starts: readonly number[], index: number): string {
  const start = starts[index] ?? text.length;
  let end = index + 1 < starts.length ? (starts[index + 1] ?? text.length) - 1 : text.length;
  if (text.charCodeAt(end - 1) === 13) end--;
  return text.slice(start, end);
}

/**
 * Where each line starts: one pass of indexOf, no array of a million line strings kept alive. Stops
 * counting past `maxLines` (the caller refuses such a file), so a flood of empty lines costs no memory.
 */
function lineStarts(text: string, maxLines: number): number[] {
  const starts = [0];
  for (let at = text.indexOf('\n'); at !== -1 && starts.length <= maxLines + 1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  // Trailing blank lines are not rows.
  while (starts.length > 1 && lineAt(text, starts, starts.length - 1).trim() === '') starts.pop();
  return starts;
}

/** A CSV of at most `limits.maxRows` data rows and `limits.maxColumns` header columns, else 422 naming the limit. */
export function readCsv(buffer: Buffer, limits: UploadLimits): LabSheet {
  const text = decodeText(buffer);
  // One line more than the limit allows (header + maxRows + 1) is enough to know it is too long.
  const starts = lineStarts(text, limits.maxRows + 1);
  const header = splitLine(lineAt(text, starts, 0));
  checkSheetSize(starts.length - 1, header.length, limits);
  const { at, columns } = headerMap(header);
  const slice = (start: number, end: number) => {
    const rows: RawLabRow[] = [];
    for (let i = start + 1; i <= Math.min(end, starts.length - 1); i++) {
      const line = lineAt(text, starts, i);
      // Blank lines are skipped; every other row keeps its line number for errors.
      if (line.length > 0 && tidy(line) !== '') rows.push(rowOf(splitLine(line), at, i + 1));
    }
    return rows;
  };
  return { columns, total: Math.max(0, starts.length - 1), slice };
}

function cellValue(value: ExcelJS.CellValue): string | Date {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return cellValue(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    return '';
  }
  return String(value);
}

/** The first sheet of a workbook, header in row 1. */
export async function readXlsx(buffer: Buffer, limits: UploadLimits): Promise<LabSheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return { columns: {}, total: 0, slice: () => [] };
  checkSheetSize(sheet.rowCount - 1, sheet.columnCount, limits);
  const cells = (row: ExcelJS.Row) => (row.values as ExcelJS.CellValue[]).slice(1).map(cellValue);
  const { at, columns } = headerMap(cells(sheet.getRow(1)).map((c) => (typeof c === 'string' ? c : '')));
  const rows: RawLabRow[] = [];
  sheet.eachRow((row, number) => {
    if (number > 1) rows.push(rowOf(cells(row), at, number));
  });
  const kept = rows.filter((r) => r.barcode || r.result);
  return { columns, total: kept.length, slice: (start, end) => kept.slice(start, end) };
}
