import { type RawSheetRow, readSheet, sheetTemplate } from '../../../imports/sheet.ts';
import { CATEGORY_LABELS, ROSTER_COLUMNS, type RosterKey } from './roster-columns.ts';

export type RawRosterRow = RawSheetRow<RosterKey>;

/** Reads the first sheet; the header row (row 1) is matched by header text, so column order may vary. */
export const readRoster = (buffer: Buffer): Promise<RawRosterRow[]> => readSheet(buffer, ROSTER_COLUMNS);

/** The downloadable template: headers, one example row, and the accepted categories on a second sheet. */
export const rosterTemplate = (): Promise<Buffer> =>
  sheetTemplate('重点人员名单', ROSTER_COLUMNS, {
    name: '人员类别',
    headers: ['人员类别（填写任一名称）', '代码'],
    rows: Object.entries(CATEGORY_LABELS).map(([id, labels]) => [labels.join(' / '), id]),
  });
