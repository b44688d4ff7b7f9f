import type { KeyPersonCategory, ManagementType } from '@fangkong/core';

/** zh-CN labels for printed documents (the glossary's terms). */
export const CATEGORY_ZH: Record<KeyPersonCategory, string> = {
  confirmed: '确诊病例',
  suspected: '疑似病例',
  asymptomatic: '无症状感染者',
  close_contact: '密切接触者',
  secondary_contact: '密接的密接',
  inbound_traveller: '入境人员',
  risk_area_arrival: '中高风险地区来返人员',
  discharged_patient: '出院患者',
  fever_patient: '发热患者',
  returning_outsider: '外来返乡人员',
};

export const MANAGEMENT_ZH: Record<ManagementType, string> = {
  centralized_quarantine: '集中隔离医学观察',
  home_quarantine: '居家隔离医学观察',
  home_health_monitoring: '居家健康监测',
  hospital_care: '住院治疗',
};

export const RESULT_ZH: Record<string, string> = { negative: '阴性', positive: '阳性', pending: '待出结果', indeterminate: '不确定' };
export const TEST_ZH: Record<string, string> = { nucleic_acid: '核酸检测', antibody: '抗体检测' };

export const zhCategory = (category: string) => CATEGORY_ZH[category as KeyPersonCategory] ?? category;
export const zhManagement = (type: string) => MANAGEMENT_ZH[type as ManagementType] ?? type;
