import { clause } from './clause.ts';
import type { DelineationRule, RiskRules, ZoneRules } from './zone-types.ts';

/**
 * Risk areas and control zones under the seed documents (REQUIREMENTS §3). The seeds name the grades
 * (seed 000 §三(二)10, seed 003 item 28) but not how they are computed: the thresholds are the national
 * rule of the period (国务院联防联控机制《关于科学防治精准施策分区分级做好新冠肺炎疫情防控工作的指导意见》,
 * 17 February 2020), cited per value. The seeds give no lifting criteria for a spot or zone (ZONE-017):
 * those values are configured and marked so.
 */
const NATIONAL_2020 = 'national guidance 联防联控机制 分区分级指导意见 (2020-02-17)';

export const SEED_RISK: RiskRules = {
  grading: {
    kind: 'cumulative_cases',
    windowDays: 14,
    cumulativeThreshold: 50,
    counts: ['confirmed'],
    basis: {
      low: clause(NATIONAL_2020, '一', 'Low risk: no confirmed case, or no new confirmed case for 14 consecutive days'),
      medium: clause(
        NATIONAL_2020,
        '一',
        'Medium risk: new confirmed cases within 14 days and a cumulative total of at most 50, or more than 50 without a cluster within 14 days',
      ),
      high: clause(NATIONAL_2020, '一', 'High risk: a cumulative total of more than 50 confirmed cases and a cluster within 14 days'),
    },
  },
  unit: {
    level: 'town',
    basis: clause(
      'seed 000',
      '§三(二)10',
      'Low, medium and high-risk areas are graded with the town or street as the unit (以镇、街为单位)',
    ),
  },
  authority: {
    assessor: '区疾病预防控制中心',
    publisher: '区新冠肺炎疫情防控指挥部',
    basis: clause(
      'seed 000',
      '§三(二)10',
      'The district grades its towns and streets (实施分区分级管理); the seeds do not name the publishing body: the district headquarters is configured',
      true,
    ),
  },
};

const S003_18 = (says: string) => clause('seed 003', 'item 18', says);

/** ZONE-004: the outbreak type decides the spot or zone. Our compound (小区) is the grid, the community the village. */
export const SEED_DELINEATION: DelineationRule[] = [
  {
    outbreakType: 'sporadic',
    kind: 'outbreak_spot',
    unit: 'building',
    zoneType: 'sealed_zone',
    basis: S003_18('Sporadic cases: the building (楼栋) or hospital ward of the case is the outbreak spot, under strict sealing'),
  },
  {
    outbreakType: 'cluster',
    kind: 'outbreak_spot',
    unit: 'grid',
    zoneType: 'sealed_zone',
    mayUpgradeTo: 'outbreak_zone',
    basis: S003_18(
      'Clusters: the residential compound (小区) or natural village of the cases is the outbreak spot; a large area may be an outbreak zone',
    ),
  },
  {
    outbreakType: 'transmission',
    kind: 'outbreak_zone',
    unit: 'village',
    zoneType: 'sealed_zone',
    basis: S003_18('Transmission: the community (社区) or administrative village of the cases is the outbreak zone'),
  },
];

const gap = (says: string) => clause('seed 000', '§三(二)7', `${says} (the seeds give no lifting criteria, ZONE-017: configured)`, true);

export const SEED_ZONES: ZoneRules = {
  delineation: SEED_DELINEATION,
  lifting: [
    {
      zoneType: 'sealed_zone',
      quietDays: 14,
      quietBasis: gap('No new case among the residents for 14 days, one longest incubation period'),
      contactsNegative: gap('The last test of every close contact of the zone’s cases is negative'),
      areaScreening: gap('An area-wide screening of the residents after the last case, every one negative'),
    },
    {
      zoneType: 'controlled_zone',
      quietDays: 14,
      quietBasis: gap('No new case among the residents for 14 days'),
      contactsNegative: gap('The last test of every close contact of the zone’s cases is negative'),
      areaScreening: null,
    },
    {
      zoneType: 'precaution_zone',
      quietDays: 14,
      quietBasis: gap('No new case among the residents for 14 days'),
      contactsNegative: null,
      areaScreening: null,
    },
  ],
  basis: clause(
    'seed 000',
    '§三(二)10',
    'Control areas are drawn at the minimum control unit from the trajectories of cases and the range of their close contacts',
  ),
};
