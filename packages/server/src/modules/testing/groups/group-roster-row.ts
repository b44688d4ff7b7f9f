import type { CalendarDate, IdType, MandatoryTestingGroup } from '@fangkong/core';
import type { ImportRowError } from '../../../db/schema/index.ts';
import { pastDateCell, personCells } from '../../../imports/person-cells.ts';
import type { ParsedRow } from '../../../imports/row-import.ts';
import { missingCells, type RawSheetRow, sheetRowError } from '../../../imports/sheet.ts';
import { GROUP_LABELS, GROUP_ROSTER_COLUMNS, type GroupRosterKey, groupFromLabel } from './group-roster-columns.ts';

/** As long as the add-member route allows. */
const MAX_UNIT_NAME = 100;

export interface GroupRosterEntry {
  rowNumber: number;
  name: string;
  idType: IdType;
  idNumber: string;
  phone?: string;
  unitName: string;
  group: MandatoryTestingGroup;
  joinedOn: CalendarDate;
  jurisdictionCode?: string;
}

export const groupRowError = (row: number, field: string, code: string, params: Record<string, string | number> = {}): ImportRowError =>
  sheetRowError(GROUP_ROSTER_COLUMNS, row, field === 'jurisdictionId' ? 'jurisdictionCode' : field, code, params);

/** The row's group: its own cell, else the group the upload names; a cell naming another group than the upload's is refused. */
function groupOf(raw: RawSheetRow<GroupRosterKey>, uploadGroup: MandatoryTestingGroup | undefined, errors: ImportRowError[]) {
  if (!raw.group) return uploadGroup ?? null;
  const group = groupFromLabel(raw.group);
  if (!group) errors.push(groupRowError(raw.rowNumber, 'group', 'unknownGroup'));
  else if (uploadGroup && group !== uploadGroup) {
    errors.push(groupRowError(raw.rowNumber, 'group', 'groupMismatch', { group: GROUP_LABELS[uploadGroup][0] ?? uploadGroup }));
  }
  return group;
}

/** One row of a group roster checked on its own: every problem with its row and column. */
export function parseGroupRow(
  raw: RawSheetRow<GroupRosterKey>,
  today: CalendarDate,
  uploadGroup: MandatoryTestingGroup | undefined,
): ParsedRow<GroupRosterEntry> {
  const missing = missingCells(GROUP_ROSTER_COLUMNS, raw, uploadGroup ? ['group'] : []);
  if (missing.length > 0) return { errors: missing };
  const errors: ImportRowError[] = [];
  const person = personCells(raw, today, errors, groupRowError);
  const unitName = raw.unitName ?? '';
  if (unitName.length > MAX_UNIT_NAME) errors.push(groupRowError(raw.rowNumber, 'unitName', 'tooLong', { max: MAX_UNIT_NAME }));
  const group = groupOf(raw, uploadGroup, errors);
  const joinedOn = raw.joinedOn || today;
  const dateIssue = pastDateCell(joinedOn, today);
  if (dateIssue) errors.push(groupRowError(raw.rowNumber, 'joinedOn', dateIssue));
  if (errors.length > 0 || !person || !group) return { errors };
  return {
    entry: { rowNumber: raw.rowNumber, ...person, unitName, group, joinedOn, jurisdictionCode: raw.jurisdictionCode || undefined },
  };
}
