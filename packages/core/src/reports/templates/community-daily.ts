import { clause } from '../../protocols/clause.ts';
import type { SubmittedTemplate } from '../report-types.ts';

/**
 * 社区（村组）疫情联防联控信息每日汇总 (seed 001 §四(二), DAILY-001, Annex A A08): every community sums up its
 * joint prevention each day for the township leading group, with a zero report when there is no case.
 * The counts the platform already holds (people under management, tests, releases) are pre-filled.
 */
const S001 = 'seed 001';

export const COMMUNITY_DAILY_SUMMARY: SubmittedTemplate = {
  kind: 'submitted',
  code: 'community_daily_summary',
  version: 1,
  name: '社区疫情联防联控信息每日汇总',
  nameEn: 'Community daily joint-prevention summary',
  annex: 'A08',
  requirements: ['DAILY-001'],
  basis: clause(
    S001,
    '§四(二)',
    'Every community sums up its joint-prevention information daily for the township leading group; zero report when there is no case',
  ),
  frequency: 'daily',
  reporter: { kind: 'jurisdiction', level: 'village' },
  receiver: 'town',
  deadline: {
    time: '17:00',
    remindMinutesBefore: 60,
    basis: clause(S001, '§四(二)', 'Daily; the seed gives no hour, 17:00 is configured', true),
  },
  zeroReport: { allowed: true, basis: clause(S001, '§四(二)', 'A zero report when there is no case (无病例零报告)') },
  signature: { required: false, seal: false, basis: clause(S001, '§四(二)', 'The seed asks for no signature on the summary') },
  columns: [],
  figures: [
    {
      key: 'newKeyPersons',
      label: '新增重点人员',
      labelEn: 'New key persons',
      from: { kind: 'entered' },
      aggregate: 'sum',
      onZeroReport: 'zero',
      required: true,
    },
    {
      key: 'symptomatic',
      label: '有症状人员',
      labelEn: 'Persons with symptoms',
      from: { kind: 'entered' },
      aggregate: 'sum',
      onZeroReport: 'zero',
      required: true,
    },
    {
      key: 'newCases',
      label: '新增病例',
      labelEn: 'New cases',
      from: { kind: 'entered' },
      aggregate: 'sum',
      onZeroReport: 'zero',
      required: true,
    },
    {
      key: 'underManagement',
      label: '在管重点人员',
      labelEn: 'Key persons under management',
      from: { kind: 'platform', platform: { of: 'keyPersons' } },
      aggregate: 'sum',
      onZeroReport: 'kept',
      required: false,
    },
    {
      key: 'samplesToday',
      label: '当日核酸采样人次',
      labelEn: 'Nucleic acid samples today',
      from: { kind: 'platform', platform: { of: 'samples' } },
      aggregate: 'sum',
      onZeroReport: 'kept',
      required: false,
    },
    {
      key: 'releasedToday',
      label: '当日解除隔离',
      labelEn: 'Released today',
      from: { kind: 'platform', platform: { of: 'releases' } },
      aggregate: 'sum',
      onZeroReport: 'kept',
      required: false,
    },
  ],
};
