import { clause } from './clause.ts';
import type { LocalProfile } from './protocol-types.ts';

/**
 * Local variants the seeds themselves disagree on (REQUIREMENTS.md §18), each with its own basis.
 * The jurisdiction codes are where a district chooses to run them; the demo district is 320412.
 */
export const LOCAL_PROFILES: LocalProfile[] = [
  {
    id: 'seed-001-township',
    name: '乡镇方案：密接14天定点集中隔离，无居家健康管理加段',
    jurisdictionCode: '320412',
    editionId: 'seed-2020',
    basis: clause(
      'seed 001',
      '§三(四)1, §三(四)3',
      'Close contacts: designated centralized observation; released after 14 days without symptoms, co-signed (V1, V3)',
    ),
    overrides: {
      close_contact: {
        phases: [
          {
            type: 'centralized_quarantine',
            days: 14,
            basis: clause(
              'seed 001',
              '§三(四)1',
              'Close contacts of confirmed or suspected patients: centralized observation at a designated site',
            ),
          },
        ],
      },
    },
  },
  {
    id: 'seed-004-home',
    name: '街道方案：密接居家医学观察、单独居住',
    jurisdictionCode: '320412001',
    editionId: 'seed-2020',
    basis: clause(
      'seed 004',
      'Part B §二(二)6; Part C §二(二)5',
      'Close contacts: home medical observation living alone, with a daily follow-up visit (V1)',
    ),
    overrides: {
      close_contact: {
        phases: [
          {
            type: 'home_quarantine',
            days: 14,
            basis: clause('seed 004', 'Part B §二(二)6', 'Home medical observation, living alone in isolation'),
          },
          {
            type: 'home_health_monitoring',
            days: 7,
            basis: clause('seed 000', '§三(二)10', 'followed by 7 days of home health management'),
          },
        ],
      },
    },
  },
  // Risk grading by county, assessed by the provincial CDC and published by the provincial health commission (§18 V9).
  {
    id: 'seed-003-county-grading',
    name: '湖北省：以县（市、区）为单元评估风险等级，省卫生健康委公布',
    jurisdictionCode: '42',
    editionId: 'seed-2020',
    basis: clause(
      'seed 003',
      'item 28',
      'The provincial CDC assesses the risk grade with the county as the unit; the provincial health commission publishes and adjusts it',
    ),
    // SC-12 (seed 003 item 15): arrivals in Hubei with a stay abroad within 14 days are all tested; the five
    // categories are handled where they are, everyone else is observed 14 days centralized in the first entry
    // city and enrolled in the local community. The tests and release stay the edition's (2 NAT + antibody).
    overrides: {
      inbound_traveller: {
        phases: [
          {
            type: 'centralized_quarantine',
            days: 14,
            basis: clause(
              'seed 003',
              'item 15',
              'Arrivals in Hubei from abroad (within 14 days), outside the five categories: 14 days of centralized medical observation in the first entry city, enrolled in the local community (village group)',
            ),
          },
        ],
      },
    },
    risk: {
      unit: {
        level: 'county',
        basis: clause('seed 003', 'item 28', 'Risk grades are assessed with the county (县（市、区）) as the unit'),
      },
      authority: {
        assessor: '湖北省疾病预防控制中心',
        publisher: '湖北省卫生健康委员会',
        basis: clause('seed 003', 'item 28', 'The provincial CDC assesses; the provincial health commission publishes and adjusts'),
      },
    },
  },
];
