import type { Permission } from './permissions.ts';

export const ROLES = [
  'system_admin',
  'district_commander',
  'command_office_staff',
  'cdc_epidemiologist',
  'town_cadre',
  'grid_worker',
  'assigned_medic',
  'lab_staff',
  'quarantine_site_staff',
  'checkpoint_staff',
  'institution_reporter',
  'resident',
] as const;
export type Role = (typeof ROLES)[number];

const READ_AREA: Permission[] = ['jurisdiction.read', 'place.read', 'person.read'];
const WORK_WITH_PEOPLE: Permission[] = [...READ_AREA, 'person.readFull', 'person.write'];

/** What each role may do inside the subtree it is granted on. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  system_admin: [...WORK_WITH_PEOPLE, 'jurisdiction.write', 'place.write', 'user.read', 'user.admin', 'audit.read'],
  district_commander: [...WORK_WITH_PEOPLE, 'user.read', 'audit.read'],
  command_office_staff: [...WORK_WITH_PEOPLE, 'place.write', 'user.read', 'audit.read'],
  cdc_epidemiologist: [...WORK_WITH_PEOPLE],
  town_cadre: [...WORK_WITH_PEOPLE, 'place.write', 'user.read', 'audit.read'],
  grid_worker: [...WORK_WITH_PEOPLE, 'place.write', 'audit.read'],
  assigned_medic: [...WORK_WITH_PEOPLE],
  lab_staff: ['jurisdiction.read'],
  quarantine_site_staff: [...READ_AREA, 'person.readFull'],
  checkpoint_staff: ['jurisdiction.read', 'place.read'],
  institution_reporter: ['jurisdiction.read', 'place.read'],
  resident: [],
};

export function roleGrants(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
