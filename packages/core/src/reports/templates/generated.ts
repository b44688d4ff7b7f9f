import { clause } from '../../protocols/clause.ts';
import type { GeneratedTemplate } from '../report-types.ts';

/** 核酸检测日报 (TEST-007): the platform makes it from its own samples and results; listed with the others, not filled in. */
export const TESTING_DAILY: GeneratedTemplate = {
  kind: 'generated',
  code: 'testing_daily',
  version: 1,
  name: '核酸检测日报',
  nameEn: 'Daily testing report',
  requirements: ['TEST-007'],
  basis: clause('seed 003', 'items 20, 30', 'Nucleic acid and serology results are collected and reported promptly'),
  frequency: 'daily',
  platformExport: { path: '/api/testing/reports/daily.xlsx', permission: 'testing.read' },
};
