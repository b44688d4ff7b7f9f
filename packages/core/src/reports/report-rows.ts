import type { CalendarDate } from '../calendar/calendar-date.ts';
import { isEmptyCell, readCell } from './report-cells.ts';
import type { FieldProblem, ReportColumn, ReportRow } from './report-types.ts';

export interface CheckedRow {
  row: ReportRow;
  problems: FieldProblem[];
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `rows.3.temperature`: the field a row's problem is reported at (rows counted from 0, as in the request body). */
export const rowField = (index: number, key: string) => `rows.${index}.${key}`;

/** A count column that exceeds the one it is bounded by (checked ≤ residents, fever ≤ checked). */
function boundProblems(columns: readonly ReportColumn[], row: ReportRow, index: number): FieldProblem[] {
  return columns.flatMap((column) => {
    const bound = column.atMost ? columns.find((c) => c.key === column.atMost) : undefined;
    const value = row[column.key];
    const limit = bound ? row[bound.key] : undefined;
    if (!bound || typeof value !== 'number' || typeof limit !== 'number' || value <= limit) return [];
    return [{ field: rowField(index, column.key), code: 'exceeds', params: { other: bound.label } }];
  });
}

/** Checks one row of a table: every column by its type, required ones present, no unknown keys, bounds between counts. */
export function checkRow(columns: readonly ReportColumn[], raw: unknown, index: number, period: CalendarDate): CheckedRow {
  if (!isRecord(raw)) return { row: {}, problems: [{ field: `rows.${index}`, code: 'notARow' }] };
  const problems: FieldProblem[] = Object.keys(raw)
    .filter((key) => !columns.some((c) => c.key === key))
    .map((key) => ({ field: rowField(index, key), code: 'unknownField' }));
  const row: ReportRow = {};
  for (const column of columns) {
    const value = raw[column.key];
    if (isEmptyCell(value)) {
      row[column.key] = null;
      if (column.required) problems.push({ field: rowField(index, column.key), code: 'required' });
      continue;
    }
    const read = readCell(column, value, period);
    if ('problem' in read)
      problems.push({ field: rowField(index, column.key), code: read.problem, ...(read.params ? { params: read.params } : {}) });
    else row[column.key] = read.value;
  }
  return { row, problems: [...problems, ...boundProblems(columns, row, index)] };
}
