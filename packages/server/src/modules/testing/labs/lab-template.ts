import { LAB_RESULT_LABELS } from '@fangkong/core';
import { type SheetColumn, sheetTemplate } from '../../../imports/sheet.ts';
import { LAB_COLUMNS, type LabColumn } from './lab-file.ts';

const EXAMPLES: Record<LabColumn, string> = {
  barcode: 'WJ2026120500001',
  result: '阴性',
  testedAt: '2026-12-05 14:30',
  lab: '武进区疾控中心',
};

/** The lab file template: one column per column the import reads (its first header name), in the import's order. */
export const LAB_TEMPLATE_COLUMNS: readonly SheetColumn<LabColumn>[] = (Object.keys(LAB_COLUMNS) as LabColumn[]).map((key) => ({
  key,
  header: LAB_COLUMNS[key][0],
  required: key !== 'lab',
  example: EXAMPLES[key],
}));

/** The downloadable lab result template (.xlsx), with the result words the import accepts on a second sheet. */
export const labResultTemplate = (): Promise<Buffer> =>
  sheetTemplate('检测结果', LAB_TEMPLATE_COLUMNS, {
    name: '结果写法',
    headers: ['结果（填写任一写法）', '代码'],
    rows: Object.entries(LAB_RESULT_LABELS).map(([id, labels]) => [labels.join(' / '), id]),
  });
