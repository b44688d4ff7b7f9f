import { type CalendarDate, type IdType, identityProblem, isCalendarDate, type KeyPersonCategory, phoneProblem } from '@fangkong/core';
import type { ImportRowError } from '../../../db/schema/index.ts';
import { messageFor } from '../../../http/messages.ts';
import { categoryFromLabel, columnOf, idTypeFromLabel, type RosterKey } from './roster-columns.ts';
import type { RawRosterRow } from './roster-workbook.ts';

export interface RosterEntry {
  rowNumber: number;
  name: string;
  idType: IdType;
  idNumber: string;
  phone?: string;
  address?: string;
  jurisdictionCode?: string;
  category: KeyPersonCategory;
  startDate: CalendarDate;
  note?: string;
}

export function rowError(row: number, field: string, code: string, params: Record<string, string | number> = {}): ImportRowError {
  const key = (
    ['name', 'idType', 'idNumber', 'phone', 'address', 'jurisdictionCode', 'category', 'startDate', 'note'].includes(field) ? field : 'name'
  ) as RosterKey;
  return { row, column: columnOf(key), field, code, message: messageFor(code, 'zh-CN', params) };
}

function checkRequired(raw: RawRosterRow): ImportRowError[] {
  const required: RosterKey[] = ['name', 'idType', 'idNumber', 'category', 'startDate'];
  return required.filter((key) => !raw[key]).map((key) => rowError(raw.rowNumber, key, 'required'));
}

/** One row of a roster checked on its own: every problem is reported with its row and column. */
export function parseRosterRow(raw: RawRosterRow, today: CalendarDate): { entry: RosterEntry } | { errors: ImportRowError[] } {
  const missing = checkRequired(raw);
  if (missing.length > 0) return { errors: missing };
  const errors: ImportRowError[] = [];
  const idType = idTypeFromLabel(raw.idType ?? '');
  const category = categoryFromLabel(raw.category ?? '');
  const startDate = raw.startDate ?? '';
  if (!idType) errors.push(rowError(raw.rowNumber, 'idType', 'unknownIdType'));
  const idIssue = idType ? identityProblem({ idType, idNumber: raw.idNumber ?? '' }, today) : null;
  if (idIssue) errors.push(rowError(raw.rowNumber, 'idNumber', idIssue.reason));
  const phoneIssue = raw.phone ? phoneProblem(raw.phone) : null;
  if (phoneIssue) errors.push(rowError(raw.rowNumber, 'phone', phoneIssue));
  if (!category) errors.push(rowError(raw.rowNumber, 'category', 'unknownCategory'));
  if (!isCalendarDate(startDate)) errors.push(rowError(raw.rowNumber, 'startDate', 'invalidDate'));
  else if (startDate > today) errors.push(rowError(raw.rowNumber, 'startDate', 'futureDate'));
  if (errors.length > 0 || !idType || !category) return { errors };
  return {
    entry: {
      rowNumber: raw.rowNumber,
      name: raw.name ?? '',
      idType,
      idNumber: raw.idNumber ?? '',
      phone: raw.phone || undefined,
      address: raw.address || undefined,
      jurisdictionCode: raw.jurisdictionCode || undefined,
      category,
      startDate,
      note: raw.note || undefined,
    },
  };
}
