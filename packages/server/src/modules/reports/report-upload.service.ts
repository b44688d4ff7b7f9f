import { checkRow, invalid, type ReportColumn, type SubmittedTemplate, withDetails } from '@fangkong/core';
import ExcelJS from 'exceljs';
import type { ImportRowError } from '../../db/schema/index.ts';
import type { RequestContext } from '../../http/context.ts';
import { messageFor } from '../../http/messages.ts';
import { cellText } from '../../imports/sheet.ts';
import { checkSheetSize, DEFAULT_UPLOAD_LIMITS } from '../../imports/upload-limits.ts';
import { unitReportedBy } from './report-access.ts';
import { checkPeriod, type Deps, submitReport, templateForUnit } from './report-submission.service.ts';

/** `C`, `AA`: the letter of a 1-based column, as the spreadsheet shows it. */
function letterOf(index: number): string {
  let n = index;
  let letters = '';
  while (n > 0) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

const LEAD_HEADERS = ['序号', 'No.', '#'];
const HEADER_SEARCH_ROWS = 10;

function cellError(row: number, index: number, header: string, field: string, code: string, params: Record<string, string | number> = {}) {
  return { row, column: `${letterOf(index)}(${header})`, field, code, message: messageFor(code, 'zh-CN', params) } satisfies ImportRowError;
}

const matches = (column: ReportColumn, text: string) => text === column.label || text === column.key || text === column.labelEn;

/** The header row: among the first rows, the one naming most of the template's columns (a title may stand above it). */
function headerRowOf(sheet: ExcelJS.Worksheet, columns: readonly ReportColumn[]): number {
  let best = { row: 0, hits: 0 };
  for (let r = 1; r <= Math.min(HEADER_SEARCH_ROWS, sheet.rowCount); r++) {
    const texts = (sheet.getRow(r).values as ExcelJS.CellValue[]).map(cellText);
    const hits = columns.filter((c) => texts.some((t) => matches(c, t))).length;
    if (hits > best.hits) best = { row: r, hits };
  }
  return best.row;
}

interface HeaderMap {
  keyAt: Map<number, ReportColumn>;
  errors: ImportRowError[];
}

/** Which column of the file is which column of the template; an unknown header or a missing required column is an error at row and column. */
function mapHeader(sheet: ExcelJS.Worksheet, headerRow: number, columns: readonly ReportColumn[]): HeaderMap {
  const keyAt = new Map<number, ReportColumn>();
  const errors: ImportRowError[] = [];
  sheet.getRow(headerRow).eachCell((cell, index) => {
    const text = cellText(cell.value);
    if (text === '' || LEAD_HEADERS.includes(text)) return;
    const column = columns.find((c) => matches(c, text));
    if (column) keyAt.set(index, column);
    else errors.push(cellError(headerRow, index, text, 'columns', 'unknownColumn'));
  });
  const found = new Set([...keyAt.values()].map((c) => c.key));
  const last = sheet.getRow(headerRow).cellCount;
  for (const c of columns.filter((col) => col.required && !found.has(col.key))) {
    errors.push(cellError(headerRow, last + 1, c.label, c.key, 'columnMissing', { column: c.label }));
  }
  return { keyAt, errors };
}

interface ReadTable {
  rows: { rowNumber: number; values: Record<string, string> }[];
  header: HeaderMap;
}

/** The data rows under the header, up to the first empty row (the figures and signature line of an exported table lie below it). */
async function readTable(buffer: Buffer, template: SubmittedTemplate): Promise<ReadTable> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  if (!sheet) throw invalid('body', 'headerNotFound');
  checkSheetSize(sheet.rowCount - 1, sheet.columnCount, DEFAULT_UPLOAD_LIMITS);
  const headerRow = headerRowOf(sheet, template.columns);
  if (headerRow === 0) throw invalid('body', 'headerNotFound');
  const header = mapHeader(sheet, headerRow, template.columns);
  const rows: ReadTable['rows'] = [];
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const values: Record<string, string> = {};
    for (const [index, column] of header.keyAt) values[column.key] = cellText(sheet.getRow(r).getCell(index).value);
    if (Object.values(values).every((v) => v === '')) break;
    rows.push({ rowNumber: r, values });
  }
  return { rows, header };
}

/** Each cell's problem at its sheet row and column, from core's row check (types, required, bounds). */
function rowErrors(
  table: ReadTable,
  template: SubmittedTemplate,
  period: string,
): { errors: ImportRowError[]; rows: Record<string, string>[] } {
  const indexOf = new Map([...table.header.keyAt].map(([index, column]) => [column.key, index]));
  const errors = table.rows.flatMap(({ rowNumber, values }, i) =>
    checkRow(template.columns, values, i, period).problems.map((p) => {
      const key = p.field.split('.').pop() ?? p.field;
      const column = template.columns.find((c) => c.key === key);
      return cellError(rowNumber, indexOf.get(key) ?? 0, column?.label ?? key, key, p.code, p.params ?? {});
    }),
  );
  return { errors, rows: table.rows.map((r) => r.values) };
}

export interface UploadQuery {
  templateId: string;
  unitId: string;
  period: string;
}

/**
 * A filled table uploaded as Excel (issue 15 item 2): the header is matched by the template's column names
 * (a title above it is fine), every cell checked by type; any wrong column or cell refuses the whole table with
 * each error at its row and column, nothing written. A clean table becomes the unit's report (a draft where a
 * signature is needed).
 */
export async function uploadTable(deps: Deps, context: RequestContext, query: UploadQuery, buffer: Buffer) {
  const db = deps.database.db;
  const unit = await unitReportedBy(db, context, query.unitId);
  const { template } = await templateForUnit(db, query.templateId, unit);
  checkPeriod(query.period, deps.clock());
  if (template.columns.length === 0) throw invalid('templateId', 'templateHasNoRows');
  const table = await readTable(buffer, template);
  const { errors, rows } = rowErrors(table, template, query.period);
  const all = [...table.header.errors, ...errors];
  if (all.length > 0) throw withDetails(invalid('body', 'tableHasErrors', { n: all.length }), { errors: all });
  return submitReport(deps, context, { ...query, rows }, 'upload');
}
