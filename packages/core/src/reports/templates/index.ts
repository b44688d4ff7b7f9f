import type { ReportTemplateDefinition } from '../report-types.ts';
import { COMMUNITY_DAILY_SUMMARY } from './community-daily.ts';
import { TESTING_DAILY } from './generated.ts';
import { HOME_ISOLATION_MONITORING, SEALED_BUILDING_TEMPERATURE } from './monitoring.ts';
import { SCHOOL_DAILY } from './school-daily.ts';
import { RELEASE_FROM_ISOLATION, RETURNEE_HEALTH_MONITORING, RETURNEE_SCREENING } from './triple-1300.ts';

/** The templates the platform ships (seeded into `report_template` at start); a change ships as a new version. */
export const REPORT_TEMPLATES: readonly ReportTemplateDefinition[] = [
  RETURNEE_SCREENING,
  RETURNEE_HEALTH_MONITORING,
  RELEASE_FROM_ISOLATION,
  COMMUNITY_DAILY_SUMMARY,
  HOME_ISOLATION_MONITORING,
  SEALED_BUILDING_TEMPERATURE,
  SCHOOL_DAILY,
  TESTING_DAILY,
];

export {
  COMMUNITY_DAILY_SUMMARY,
  HOME_ISOLATION_MONITORING,
  RELEASE_FROM_ISOLATION,
  RETURNEE_HEALTH_MONITORING,
  RETURNEE_SCREENING,
  SCHOOL_DAILY,
  SEALED_BUILDING_TEMPERATURE,
  TESTING_DAILY,
};
