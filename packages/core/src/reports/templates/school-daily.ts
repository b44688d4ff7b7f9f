import { clause } from '../../protocols/clause.ts';
import type { SubmittedTemplate } from '../report-types.ts';

/**
 * 教职工和学生健康日报表 / 零报表 (seed 000 §三(二)3 "日报表、零报表"; seed 003 item 14 "日报告、零报告";
 * DAILY-004, Annex A A19, SC-47): every school reports its staff's and students' health each day, a
 * zero report when nobody is ill; a school without a report that day is listed as missing.
 */
export const SCHOOL_DAILY: SubmittedTemplate = {
  kind: 'submitted',
  code: 'school_daily',
  version: 1,
  name: '教职工和学生健康日报表',
  nameEn: 'School staff and student daily health report',
  annex: 'A19',
  requirements: ['DAILY-004', 'SCH-004'],
  basis: clause(
    'seed 000',
    '§三(二)3',
    'Schools keep the daily report and zero report of staff and student health (also seed 003 item 14)',
  ),
  frequency: 'daily',
  reporter: { kind: 'place', placeKind: 'school' },
  receiver: 'county',
  deadline: {
    time: '10:00',
    remindMinutesBefore: 60,
    basis: clause('seed 000', '§三(二)3', 'Daily; the seeds give no hour, 10:00 (after the morning check) is configured', true),
  },
  zeroReport: { allowed: true, basis: clause('seed 003', 'item 14', 'Schools run the daily report and the zero report (日报告、零报告)') },
  signature: { required: false, seal: false, basis: clause('seed 000', '§三(二)3', 'The seeds ask for no signature on the school report') },
  columns: [],
  figures: [
    {
      key: 'studentsEnrolled',
      label: '在册学生',
      labelEn: 'Students enrolled',
      from: { kind: 'entered' },
      aggregate: 'sum',
      onZeroReport: 'kept',
      required: true,
    },
    {
      key: 'staffEnrolled',
      label: '在册教职工',
      labelEn: 'Staff on the roll',
      from: { kind: 'entered' },
      aggregate: 'sum',
      onZeroReport: 'kept',
      required: true,
    },
    {
      key: 'studentsAbsentIll',
      label: '因病缺课学生',
      labelEn: 'Students absent ill',
      from: { kind: 'entered' },
      aggregate: 'sum',
      onZeroReport: 'zero',
      required: true,
      atMost: 'studentsEnrolled',
    },
    {
      key: 'staffAbsentIll',
      label: '因病缺勤教职工',
      labelEn: 'Staff absent ill',
      from: { kind: 'entered' },
      aggregate: 'sum',
      onZeroReport: 'zero',
      required: true,
      atMost: 'staffEnrolled',
    },
    {
      key: 'fever',
      label: '发热人数',
      labelEn: 'With fever',
      from: { kind: 'entered' },
      aggregate: 'sum',
      onZeroReport: 'zero',
      required: true,
    },
    {
      key: 'keyPersons',
      label: '重点人员（密接等）',
      labelEn: 'Key persons (contacts etc.)',
      from: { kind: 'entered' },
      aggregate: 'sum',
      onZeroReport: 'zero',
      required: true,
    },
  ],
};
