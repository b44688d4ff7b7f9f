import { exportProfile, type ProfileDocument } from '@fangkong/core';

/**
 * A local profile as a district would write it (the demo's 湖塘镇 profile, and the tests'): under the 9th
 * edition, close contacts of the subtree stay in home isolation medical observation instead of centralized
 * isolation, living alone, as the street plan of seed 004 puts them (§18 V1), with the edition's 7 + 3 days
 * and its tests kept. Every changed value carries its clause.
 */
export function homeObservationProfile(jurisdictionCode: string, id = `home-observation-${jurisdictionCode}`): ProfileDocument {
  return exportProfile({
    id,
    name: '密接居家隔离医学观察（单独居住）',
    jurisdictionCode,
    editionId: 'cn-2022-9th',
    basis: {
      source: 'seed 004',
      clause: 'Part B §二(二)6; Part C §二(二)5',
      says: 'Close contacts: home medical observation living alone, with a daily follow-up visit (§18 V1)',
    },
    overrides: {
      close_contact: {
        phases: [
          {
            type: 'home_quarantine',
            days: 7,
            basis: {
              source: 'seed 004',
              clause: 'Part B §二(二)6',
              says: 'Home isolation medical observation, living alone, for the 7 days of the 9th edition',
            },
          },
          {
            type: 'home_health_monitoring',
            days: 3,
            basis: { source: 'national protocol 9th edition', clause: '四(三)', says: 'then 3 days of home health monitoring' },
          },
        ],
      },
    },
  });
}
