import { barcodeProblem, type LabResult, labResultFromLabel } from '@fangkong/core';
import type { ImportRowError } from '../../../db/schema/index.ts';
import { messageFor } from '../../../http/messages.ts';
import { LAB_COLUMNS, type LabColumn, type RawLabRow } from './lab-file.ts';

export interface LabEntry {
  row: number;
  barcode: string;
  result: LabResult;
  /** Epoch milliseconds. */
  testedAt: number;
  lab: string;
}

const SHANGHAI_MS = 8 * 3_600_000;
const WALL_CLOCK = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/**
 * A result time as labs write it: ISO with an offset, or a wall-clock time that is Asia/Shanghai.
 * Excel date cells arrive as the wall clock read as UTC, so they are shifted back by 8 hours.
 */
export function parseTestedAt(value: string | Date): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : new Date(value.getTime() - SHANGHAI_MS);
  const wall = WALL_CLOCK.exec(value);
  if (wall) {
    const [y = 0, mo = 1, d = 1, h = 0, mi = 0, s = 0] = wall.slice(1).map((part) => (part === undefined ? 0 : Number(part)));
    const utc = Date.UTC(y, mo - 1, d, h, mi, s) - SHANGHAI_MS;
    return Number.isNaN(utc) ? null : new Date(utc);
  }
  if (!/^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:?\d{2})$/.test(value)) return null;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? null : parsed;
}

export function labRowError(row: number, field: string, column: string, code: string): ImportRowError {
  return { row, column, field, code, message: messageFor(code, 'zh-CN') };
}

/** Lab files repeat the same minute thousands of times: each distinct text is parsed once. */
export class TimeParser {
  private readonly seen = new Map<string, number | null>();

  parse(value: string | Date): number | null {
    if (value instanceof Date) return parseTestedAt(value)?.getTime() ?? null;
    let ms = this.seen.get(value);
    if (ms === undefined) {
      ms = parseTestedAt(value)?.getTime() ?? null;
      this.seen.set(value, ms);
    }
    return ms;
  }
}

export interface RowDefaults {
  lab?: string;
  now: Date;
  times: TimeParser;
}

function rowErrors(raw: RawLabRow, columns: Partial<Record<LabColumn, string>>, defaults: RowDefaults): ImportRowError[] {
  const errors: ImportRowError[] = [];
  // A column the file lacks is named by its header in the template (检测机构), never by the internal key.
  const fail = (field: LabColumn, code: string) => errors.push(labRowError(raw.row, field, columns[field] ?? LAB_COLUMNS[field][0], code));
  const problem = raw.barcode ? barcodeProblem(raw.barcode) : 'required';
  if (problem) fail('barcode', problem);
  if (!labResultFromLabel(raw.result)) fail('result', raw.result ? 'unknownResult' : 'required');
  const testedAt = raw.testedAt === '' ? defaults.now.getTime() : defaults.times.parse(raw.testedAt);
  if (testedAt === null) fail('testedAt', 'invalidDateTime');
  else if (testedAt > defaults.now.getTime() + 5 * 60_000) fail('testedAt', 'futureDate');
  if (!raw.lab && !defaults.lab) fail('lab', 'labRequired');
  return errors;
}

/** One row checked on its own; the time defaults to when the result arrived, the lab to the upload's. */
export function parseLabRow(
  raw: RawLabRow,
  columns: Partial<Record<LabColumn, string>>,
  defaults: RowDefaults,
): { entry: LabEntry } | { errors: ImportRowError[] } {
  const result = labResultFromLabel(raw.result);
  const testedAt = raw.testedAt === '' ? defaults.now.getTime() : defaults.times.parse(raw.testedAt);
  const lab = raw.lab || defaults.lab;
  const fine =
    result && testedAt !== null && testedAt <= defaults.now.getTime() + 5 * 60_000 && lab && raw.barcode && !barcodeProblem(raw.barcode);
  if (fine) return { entry: { row: raw.row, barcode: raw.barcode, result, testedAt, lab } };
  return { errors: rowErrors(raw, columns, defaults) };
}

export interface Deduplicated {
  entries: LabEntry[];
  /** The same barcode with the same result again in one file. */
  repeated: number;
  errors: ImportRowError[];
}

/** A batch naming a barcode twice: the first row counts; the same result again is a repeat, another result an error. */
export function dedupeByBarcode(entries: readonly LabEntry[], column: string): Deduplicated {
  const out: Deduplicated = { entries: [], repeated: 0, errors: [] };
  const seen = new Map<string, LabResult>();
  for (const entry of entries) {
    const earlier = seen.get(entry.barcode);
    if (earlier === undefined) {
      seen.set(entry.barcode, entry.result);
      out.entries.push(entry);
    } else if (earlier === entry.result) out.repeated++;
    else out.errors.push(labRowError(entry.row, 'barcode', column, 'duplicateInFile'));
  }
  return out;
}
