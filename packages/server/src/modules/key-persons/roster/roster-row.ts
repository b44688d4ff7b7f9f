import type { CalendarDate, IdType, KeyPersonCategory } from '@fangkong/core';
import type { ImportRowError } from '../../../db/schema/index.ts';
import { pastDateCell, personCells } from '../../../imports/person-cells.ts';
import { missingCells, sheetRowError } from '../../../imports/sheet.ts';
import { categoryFromLabel, ROSTER_COLUMNS } from './roster-columns.ts';
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

export const rowError = (row: number, field: string, code: string, params: Record<string, string | number> = {}): ImportRowError =>
  sheetRowError(ROSTER_COLUMNS, row, field, code, params);

/** One row of a roster checked on its own: every problem is reported with its row and column. */
export function parseRosterRow(raw: RawRosterRow, today: CalendarDate): { entry: RosterEntry } | { errors: ImportRowError[] } {
  const missing = missingCells(ROSTER_COLUMNS, raw);
  if (missing.length > 0) return { errors: missing };
  const errors: ImportRowError[] = [];
  const person = personCells(raw, today, errors, rowError);
  const category = categoryFromLabel(raw.category ?? '');
  const startDate = raw.startDate ?? '';
  if (!category) errors.push(rowError(raw.rowNumber, 'category', 'unknownCategory'));
  const dateIssue = pastDateCell(startDate, today);
  if (dateIssue) errors.push(rowError(raw.rowNumber, 'startDate', dateIssue));
  if (errors.length > 0 || !person || !category) return { errors };
  return {
    entry: {
      rowNumber: raw.rowNumber,
      ...person,
      address: raw.address || undefined,
      jurisdictionCode: raw.jurisdictionCode || undefined,
      category,
      startDate,
      note: raw.note || undefined,
    },
  };
}
