import type { EpisodePlan } from '@fangkong/core';
import ExcelJS from 'exceljs';
import { zhCategory, zhManagement } from './labels.ts';
import type { ReleaseRecordRow } from './release-record.repository.ts';

export interface ReleaseTableRow {
  record: ReleaseRecordRow;
  idNumber: string;
  negativeTests: number;
}

const COLUMNS = [
  { header: '序号', key: 'n', width: 6 },
  { header: '姓名', key: 'name', width: 10 },
  { header: '性别', key: 'gender', width: 6 },
  { header: '证件号码', key: 'idNumber', width: 22 },
  { header: '人员类别', key: 'category', width: 14 },
  { header: '隔离方式', key: 'management', width: 18 },
  { header: '隔离地点', key: 'place', width: 20 },
  { header: '开始日期', key: 'start', width: 12 },
  { header: '解除日期', key: 'released', width: 12 },
  { header: '阴性检测次数', key: 'negatives', width: 12 },
  { header: '包保干部', key: 'cadre', width: 10 },
  { header: '包保医务人员', key: 'medic', width: 12 },
  { header: '所属辖区', key: 'jurisdiction', width: 16 },
];

/** 人员解除隔离表 (seed 004 Part B §二(一)4; DAILY-003): one row per release of the day. */
export async function releaseTableXlsx(day: string, rows: ReleaseTableRow[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('人员解除隔离表');
  sheet.columns = COLUMNS;
  sheet.spliceRows(1, 0, [`人员解除隔离表（${day}）`]);
  sheet.mergeCells(1, 1, 1, COLUMNS.length);
  sheet.getRow(1).font = { bold: true, size: 14 };
  sheet.getRow(2).font = { bold: true };
  rows.forEach(({ record, idNumber, negativeTests }, i) => {
    const plan = record.plan as unknown as EpisodePlan;
    sheet.addRow({
      n: i + 1,
      name: record.person_name,
      gender: record.gender === 'male' ? '男' : record.gender === 'female' ? '女' : '',
      idNumber,
      category: zhCategory(record.category),
      management: zhManagement(plan.phases[0]?.type ?? ''),
      place: record.site_name ? `${record.site_name} ${record.room_code ?? ''}`.trim() : '居家',
      start: record.start_date,
      released: day,
      negatives: negativeTests,
      cadre: record.cadre_name ?? '',
      medic: record.medic_name ?? '',
      jurisdiction: record.jurisdiction_name,
    });
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}
