import { type CalendarDate, isCalendarDate } from '../calendar/calendar-date.ts';
import { identityProblem } from '../identity/identity-document.ts';
import { normalizePhone, phoneProblem } from '../identity/phone.ts';
import type { ChoiceOption, ReportColumn } from './report-types.ts';

/** One value read: the normalized value, or the message code (and parameters) of why it is refused. */
export type CellResult = { value: string | number } | { problem: string; params?: Record<string, string | number> };

/** A temperature outside this range is a typing slip, not a reading (the same bounds as a daily check's form). */
export const MEASURABLE_TEMPERATURE = { min: 30, max: 45 } as const;
const TEXT_MAX = 200;

export const isEmptyCell = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

function asNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  return null;
}

/** A count: a whole number, never negative (people, tests, buildings). */
export function countCell(value: unknown): CellResult {
  const n = asNumber(value);
  if (n === null) return { problem: 'notANumber' };
  if (n < 0) return { problem: 'negativeCount' };
  if (!Number.isInteger(n)) return { problem: 'notWholeNumber' };
  if (n > 10_000_000) return { problem: 'countTooLarge', params: { max: 10_000_000 } };
  return { value: n };
}

function temperatureCell(value: unknown): CellResult {
  const n = asNumber(value);
  if (n === null) return { problem: 'notANumber' };
  if (n < MEASURABLE_TEMPERATURE.min || n > MEASURABLE_TEMPERATURE.max)
    return { problem: 'temperatureOutOfRange', params: MEASURABLE_TEMPERATURE };
  return { value: Math.round(n * 10) / 10 };
}

function textCell(value: unknown): CellResult {
  if (typeof value !== 'string' && typeof value !== 'number') return { problem: 'notText' };
  const text = String(value).trim();
  return text.length > TEXT_MAX ? { problem: 'tooLong', params: { max: TEXT_MAX } } : { value: text };
}

/** A choice by its code or by its label in either language (a filled table says 武汉, the API says wuhan). */
function choiceCell(value: unknown, choices: readonly ChoiceOption[]): CellResult {
  const text = typeof value === 'string' ? value.trim() : '';
  const found = choices.find((c) => c.value === text || c.label === text || c.labelEn.toLowerCase() === text.toLowerCase());
  return found ? { value: found.value } : { problem: 'unknownChoice', params: { choices: choices.map((c) => c.label).join('、') } };
}

function dateCell(value: unknown): CellResult {
  const text = typeof value === 'string' ? value.trim() : '';
  return isCalendarDate(text) ? { value: text } : { problem: 'invalidDate' };
}

/** A resident ID is checked as one (GB 11643); anything else as another document's number. */
function idNumberCell(value: unknown, period: CalendarDate): CellResult {
  const text = typeof value === 'string' ? value.trim().toUpperCase() : String(value ?? '');
  const idType = text.length === 18 && /^\d{17}[\dX]$/.test(text) ? 'resident_id' : 'other';
  const problem = identityProblem({ idType, idNumber: text }, period);
  return problem ? { problem: problem.reason } : { value: text };
}

function phoneCell(value: unknown): CellResult {
  const text = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
  const problem = phoneProblem(text);
  return problem ? { problem } : { value: normalizePhone(text) };
}

/** Reads one cell of a table row by its column's type; `period` bounds the birth date inside an ID number. */
export function readCell(column: ReportColumn, value: unknown, period: CalendarDate): CellResult {
  switch (column.type) {
    case 'count':
      return countCell(value);
    case 'temperature':
      return temperatureCell(value);
    case 'date':
      return dateCell(value);
    case 'choice':
      return choiceCell(value, column.choices ?? []);
    case 'idNumber':
      return idNumberCell(value, period);
    case 'phone':
      return phoneCell(value);
    default:
      return textCell(value);
  }
}
