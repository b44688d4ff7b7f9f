import type { SentinelSeries } from '@fangkong/core';

/** The series' names in the task a signal raises (the web has its own dictionary for the page). */
const LABELS: Record<SentinelSeries, { zh: string; en: string }> = {
  fever_clinic_visit: { zh: '发热门诊就诊', en: 'fever-clinic visits' },
  primary_care_visit: { zh: '基层医疗机构发热就诊', en: 'primary-care fever visits' },
  pharmacy_fever_drug_purchase: { zh: '药店退热止咳类药品购买', en: 'pharmacy fever and cough drug purchases' },
  school_illness_absence: { zh: '学校因病缺课', en: 'school absences for illness' },
  ili: { zh: '流感样病例', en: 'influenza-like illness' },
  positive_test: { zh: '核酸阳性检出', en: 'positive nucleic-acid results' },
};

export function seriesLabel(series: string): { zh: string; en: string } {
  return LABELS[series as SentinelSeries] ?? { zh: series, en: series };
}
