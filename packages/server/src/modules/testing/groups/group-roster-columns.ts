import { MANDATORY_TESTING_GROUPS, type MandatoryTestingGroup } from '@fangkong/core';
import type { SheetColumn } from '../../../imports/sheet.ts';

/**
 * The group roster template's columns, in order. A unit (hospital, prison, care home, port, school)
 * hands the district its list; `人群类别` may be left empty when the upload names one group.
 */
export const GROUP_ROSTER_COLUMNS = [
  { key: 'name', header: '姓名', required: true, example: '李四' },
  { key: 'idType', header: '证件类型', required: true, example: '居民身份证' },
  { key: 'idNumber', header: '证件号码', required: true, example: '320412199001011234' },
  { key: 'phone', header: '手机号', required: false, example: '13800000000' },
  { key: 'unitName', header: '所属单位', required: true, example: '武进区人民医院' },
  { key: 'group', header: '人群类别', required: true, example: '医疗机构工作人员' },
  { key: 'joinedOn', header: '加入日期', required: false, example: '2022-07-01' },
  { key: 'jurisdictionCode', header: '所属村社区或网格代码', required: false, example: '320412100001' },
] as const satisfies readonly SheetColumn[];

export type GroupRosterKey = (typeof GROUP_ROSTER_COLUMNS)[number]['key'];

/**
 * The names a list may use for each of the 12 groups of seed 000 §三(三)5 (TEST-001), the name shown
 * first: the seed's own, except group (9) whose seed wording 「入聊返区」 names the source city, so a
 * neutral name leads and the seed's wording is still accepted in files.
 */
export const GROUP_LABELS: Record<MandatoryTestingGroup, string[]> = {
  close_contact: ['密切接触者', '密接'],
  inbound_traveller: ['境外入境人员', '入境人员'],
  fever_clinic_patient: ['发热门诊患者'],
  // Carers (TEST-010) and psychiatric inpatients (TEST-011, seed 000 §三(二)2) are tested on admission.
  new_inpatient_or_carer: ['新住院患者及陪护人员', '新住院患者', '陪护人员', '精神卫生医疗机构住院患者'],
  // Support workers of a hospital are screened with its medical staff (TEST-010, seed 003 item 8).
  medical_staff: ['医疗机构工作人员', '医务人员', '医护人员', '工勤人员'],
  port_border_staff: ['口岸检疫和边防检查人员', '口岸检疫人员', '边防检查人员'],
  prison_staff: ['监所工作人员'],
  welfare_institution_staff: ['社会福利养老机构工作人员', '养老机构工作人员', '福利院工作人员'],
  key_area_arrival: ['重点地区来（返）本地人员', '重点地区来返人员', '重点地区入聊返区人员'],
  school_member_at_risk: ['返校学校师生员工', '学校师生员工'],
  service_staff_with_history: ['有重点地区旅居史的服务人员', '公共场所服务人员'],
  assessed_risk_group: ['经研判具有疫情风险的人群', '风险人群'],
};

export function groupFromLabel(label: string): MandatoryTestingGroup | null {
  const text = label.trim();
  return MANDATORY_TESTING_GROUPS.find((g) => g === text || GROUP_LABELS[g].includes(text)) ?? null;
}
