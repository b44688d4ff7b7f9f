import ExcelJS from 'exceljs';

/**
 * The one way the platform writes a table to .xlsx: a bold title row, a subtitle row (unit, day, range), a bold
 * header, then the rows. The seeds' report tables (modules/reports) and the dashboard's chart data
 * (modules/dashboard) both go through it.
 */
export const HEADER_FONT = { bold: true } as const;

export type Cell = string | number | null;

export function titleRows(sheet: ExcelJS.Worksheet, title: string, subtitle: string, width: number) {
  sheet.addRow([title]).font = { bold: true, size: 14 };
  sheet.mergeCells(1, 1, 1, Math.max(width, 1));
  sheet.addRow([subtitle]);
  sheet.mergeCells(2, 1, 2, Math.max(width, 1));
}

/** A header row in bold, the columns sized to their labels. */
export function headerRow(sheet: ExcelJS.Worksheet, labels: readonly string[], minWidth = 12) {
  sheet.addRow([...labels]).font = HEADER_FONT;
  sheet.columns.forEach((column, i) => {
    column.width = Math.max(minWidth, (labels[i]?.length ?? 4) * 2 + 4);
  });
}

export interface TitledTable {
  /** The sheet's name (cut to Excel's 31 characters). */
  sheet: string;
  title: string;
  subtitle: string;
  header: readonly string[];
  rows: readonly (readonly Cell[])[];
}

/** A workbook of one sheet per table, each titled, with its header and rows. */
export async function titledTablesXlsx(tables: readonly TitledTable[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const table of tables) {
    const sheet = book.addWorksheet(table.sheet.slice(0, 31));
    titleRows(sheet, table.title, table.subtitle, table.header.length);
    headerRow(sheet, table.header);
    for (const row of table.rows) sheet.addRow(row.map((c) => c ?? ''));
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
