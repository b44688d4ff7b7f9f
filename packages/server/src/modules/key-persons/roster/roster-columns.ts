import { KEY_PERSON_CATEGORIES, type KeyPersonCategory } from '@fangkong/core';
import type { SheetColumn } from '../../../imports/sheet.ts';

/** The roster template's columns, in order: the header is what people see, the key what code uses. */
export const ROSTER_COLUMNS = [
  { key: 'name', header: '姓名', required: true, example: '张三' },
  { key: 'idType', header: '证件类型', required: true, example: '居民身份证' },
  { key: 'idNumber', header: '证件号码', required: true, example: '320412199001011234' },
  { key: 'phone', header: '手机号', required: false, example: '13800000000' },
  { key: 'address', header: '现住址', required: false, example: '湖塘镇某社区3幢2单元501室' },
  { key: 'jurisdictionCode', header: '所属村社区或网格代码', required: false, example: '320412100001' },
  { key: 'category', header: '人员类别', required: true, example: '密切接触者' },
  { key: 'startDate', header: '起算日期', required: true, example: '2020-03-01' },
  { key: 'note', header: '备注', required: false, example: '' },
] as const satisfies readonly SheetColumn[];

export type RosterKey = (typeof ROSTER_COLUMNS)[number]['key'];

export const CATEGORY_LABELS: Record<KeyPersonCategory, string[]> = {
  confirmed: ['确诊病例', '确诊'],
  suspected: ['疑似病例', '疑似'],
  asymptomatic: ['无症状感染者', '无症状'],
  close_contact: ['密切接触者', '密接'],
  secondary_contact: ['密接的密接', '次密接'],
  inbound_traveller: ['入境人员'],
  risk_area_arrival: ['中高风险地区来返人员', '中高风险地区来返'],
  discharged_patient: ['出院患者', '解除隔离的无症状感染者'],
  fever_patient: ['发热患者'],
  returning_outsider: ['外来返乡人员', '外来人员', '返乡人员'],
};

export function categoryFromLabel(label: string): KeyPersonCategory | null {
  const text = label.trim();
  return KEY_PERSON_CATEGORIES.find((c) => c === text || CATEGORY_LABELS[c].includes(text)) ?? null;
}
