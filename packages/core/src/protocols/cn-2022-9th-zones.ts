import { clause } from './clause.ts';
import { SEED_DELINEATION } from './seed-2020-zones.ts';
import type { RiskRules, ZoneRules } from './zone-types.ts';

/**
 * Risk areas under the 9th edition (June 2022), as far as we read it: the residence of an infection is a
 * high-risk area, graded by residential compound or village; it becomes medium after 7 days without a new
 * infection and low after 3 more. An area graded from case residences alone cannot see the medium-risk
 * places a case only stayed at: those are drawn by hand from the trajectory (configured).
 */
const P9 = 'national protocol 9th edition';
const P9_AREAS = '五(二) 风险区域划定';

export const NINTH_RISK: RiskRules = {
  grading: {
    kind: 'days_since_last_case',
    highDays: 7,
    mediumDays: 3,
    counts: ['confirmed', 'asymptomatic'],
    basis: {
      high: clause(P9, P9_AREAS, 'High risk: the residence of an infection; it becomes medium after 7 days without a new infection'),
      medium: clause(
        P9,
        P9_AREAS,
        'Medium risk: a high-risk area 7 days without a new infection, until 3 more days pass without one (places a case stayed at are drawn by hand, configured)',
        true,
      ),
      low: clause(P9, P9_AREAS, 'Low risk: the rest of the county, and areas with no new infection for the periods above'),
    },
  },
  unit: {
    level: 'village',
    basis: clause(P9, P9_AREAS, 'High-risk areas are drawn with the residential compound or village (小区（村）) as the unit'),
  },
  authority: {
    assessor: '县级疫情防控指挥部专家组',
    publisher: '县级疫情防控指挥部',
    basis: clause(P9, P9_AREAS, 'The county-level joint prevention and control mechanism draws and publishes the risk areas', true),
  },
};

export const NINTH_ZONES: ZoneRules = {
  delineation: SEED_DELINEATION.map((rule) => ({
    ...rule,
    basis: { ...rule.basis, says: `${rule.basis.says} (carried over: the 9th edition does not restate it)`, configured: true },
  })),
  lifting: [
    {
      zoneType: 'sealed_zone',
      quietDays: 7,
      quietBasis: clause(P9, P9_AREAS, 'A high-risk (sealed) area is downgraded after 7 consecutive days without a new infection'),
      contactsNegative: clause(P9, P9_AREAS, 'Close contacts of the area’s cases have all tested negative (configured)', true),
      areaScreening: clause(P9, P9_AREAS, 'The residents’ nucleic acid screening on the last day is all negative'),
    },
    {
      zoneType: 'controlled_zone',
      quietDays: 3,
      quietBasis: clause(P9, P9_AREAS, 'A medium-risk (controlled) area is downgraded after 3 consecutive days without a new infection'),
      contactsNegative: null,
      areaScreening: null,
    },
    {
      zoneType: 'precaution_zone',
      quietDays: 0,
      quietBasis: clause(P9, P9_AREAS, 'Precaution areas keep ordinary measures: no waiting period (configured)', true),
      contactsNegative: null,
      areaScreening: null,
    },
  ],
  basis: clause(P9, P9_AREAS, 'Risk areas are drawn from the investigation: residence, workplaces and places of activity'),
};
