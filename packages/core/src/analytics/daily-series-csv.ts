// Daily series as epidemiologists keep them in CSV: a header row naming the columns, one row per day, the day
// column `t` either a whole number (1, 2, 3 …) or a date (2020-01-05), every day present once and in order.
import { addDays, type CalendarDate, isCalendarDate } from '../calendar/calendar-date.ts';
import { invalid } from '../errors/app-error.ts';

/** A day as the file names it: the number or the date of its `t` cell. */
export type DayLabel = number | CalendarDate;

export interface DailySeries {
  days: DayLabel[];
  /** One array per column asked for, aligned with `days`; an optional column absent from the file is missing here. */
  columns: Record<string, number[]>;
}

export interface SeriesColumns {
  required: readonly string[];
  optional?: readonly string[];
}

const fail = (detail: string) => invalid('input', 'invalidValue', { detail });

function cells(line: string): string[] {
  return line.split(',').map((cell) => cell.trim().replace(/^"(.*)"$/, '$1'));
}

function dayLabel(cell: string, line: number): DayLabel {
  if (/^-?\d+$/.test(cell)) return Number(cell);
  if (isCalendarDate(cell)) return cell;
  throw fail(`line ${line}: t "${cell}" is neither a whole number nor a date YYYY-MM-DD / 第 ${line} 行：t 应为整数或日期`);
}

function nextDay(label: DayLabel): DayLabel {
  return typeof label === 'number' ? label + 1 : addDays(label, 1);
}

function count(cell: string | undefined, column: string, line: number): number {
  const value = cell === undefined || cell === '' ? Number.NaN : Number(cell);
  if (!Number.isFinite(value) || value < 0) {
    throw fail(`line ${line}: ${column} "${cell ?? ''}" must be a number ≥ 0 / 第 ${line} 行：${column} 须为非负数`);
  }
  return value;
}

function headerIndex(header: readonly string[], wanted: SeriesColumns): Map<string, number> {
  const index = new Map<string, number>();
  for (const name of ['t', ...wanted.required, ...(wanted.optional ?? [])]) {
    const at = header.findIndex((h) => h.toLowerCase() === name);
    if (at >= 0) index.set(name, at);
  }
  const missing = ['t', ...wanted.required].filter((name) => !index.has(name));
  if (missing.length > 0) {
    const expected = ['t', ...wanted.required, ...(wanted.optional ?? []).map((o) => `[${o}]`)].join(',');
    throw fail(`the header lacks ${missing.join(', ')}: expected columns ${expected} / 表头缺少 ${missing.join('、')} 列`);
  }
  return index;
}

/** Reads the CSV text; a malformed file is refused with the line at fault, so nothing is guessed. */
export function parseDailySeriesCsv(text: string, wanted: SeriesColumns): DailySeries {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((content, i) => ({ content, number: i + 1 }))
    .filter((l) => l.content.trim() !== '');
  const [header, ...rows] = lines;
  if (!header) throw fail('the file is empty / 文件为空');
  const index = headerIndex(cells(header.content), wanted);
  const names = [...index.keys()].filter((name) => name !== 't');
  const series: DailySeries = { days: [], columns: Object.fromEntries(names.map((name) => [name, []])) };
  for (const row of rows) {
    const values = cells(row.content);
    const day = dayLabel(values[index.get('t') ?? 0] ?? '', row.number);
    const previous = series.days[series.days.length - 1];
    if (previous !== undefined && day !== nextDay(previous)) {
      throw fail(
        `line ${row.number}: day ${day} does not follow day ${previous}; list every day once, in order, with 0 for days without cases / 第 ${row.number} 行：日期须逐日连续（无病例的日子写 0）`,
      );
    }
    series.days.push(day);
    for (const name of names) series.columns[name]?.push(count(values[index.get(name) ?? 0], name, row.number));
  }
  if (series.days.length === 0) throw fail('the file has a header but no days / 文件只有表头，没有数据');
  return series;
}
