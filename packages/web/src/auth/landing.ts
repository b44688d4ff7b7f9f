import type { Role } from '@fangkong/core';

/**
 * The page each role lands on after sign-in (issue 18 item 10): its own daily work, not 辖区浏览.
 * One table, asked by the sign-in page and the app's index route. Roles are listed in the order
 * they win when an account holds several; a role not listed lands on 辖区浏览.
 */
export const LANDING_BY_ROLE: readonly (readonly [Role, string])[] = [
  ['system_admin', '/users'],
  ['district_commander', '/dashboard'],
  ['command_office_staff', '/testing-overview'],
  ['cdc_epidemiologist', '/testing-overview'],
  ['town_cadre', '/testing-overview'],
  ['lab_staff', '/lab-results'],
  ['checkpoint_staff', '/checkpoint'],
  ['grid_worker', '/work-list'],
  ['assigned_medic', '/work-list'],
  ['quarantine_site_staff', '/sites'],
  ['community_secretary', '/reports'],
  // Institutions (issue 16): schools and pharmacies land on their institutions.
  ['institution_reporter', '/institutions'],
  ['pharmacy_staff', '/institutions'],
  ['resident', '/h5'],
];

export const DEFAULT_LANDING = '/jurisdictions';

/** The landing page of an account holding these roles. */
export function landingPath(roles: readonly { role: string }[]): string {
  const held = new Set(roles.map((r) => r.role));
  return LANDING_BY_ROLE.find(([role]) => held.has(role))?.[1] ?? DEFAULT_LANDING;
}
