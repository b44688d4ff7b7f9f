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
const KEY_PERSON_WORK: Permission[] = ['keyPerson.read', 'keyPerson.write', 'keyPerson.sign', 'site.read', 'alert.read'];
const OVERSIGHT: Permission[] = ['keyPerson.read', 'site.read', 'alert.read'];
/** Testing (REQUIREMENTS §5): read results and campaigns; take samples; import lab results; run campaigns and rosters. */
const TESTING_ALL: Permission[] = ['testing.read', 'testing.sample', 'testing.labResult', 'testing.manage'];
const SAMPLING: Permission[] = ['testing.read', 'testing.sample'];

/** What each role may do inside the subtree it is granted on. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  system_admin: [
    ...WORK_WITH_PEOPLE,
    ...KEY_PERSON_WORK,
    'jurisdiction.write',
    'place.write',
    'site.manage',
    'user.read',
    'user.admin',
    'audit.read',
    ...TESTING_ALL,
  ],
  district_commander: [...WORK_WITH_PEOPLE, ...OVERSIGHT, 'user.read', 'audit.read', 'testing.read'],
  command_office_staff: [
    ...WORK_WITH_PEOPLE,
    ...OVERSIGHT,
    'site.manage',
    'place.write',
    'user.read',
    'audit.read',
    'testing.read',
    'testing.manage',
  ],
  cdc_epidemiologist: [...WORK_WITH_PEOPLE, ...OVERSIGHT, 'keyPerson.write', 'testing.read', 'testing.manage'],
  town_cadre: [...WORK_WITH_PEOPLE, ...KEY_PERSON_WORK, 'place.write', 'user.read', 'audit.read', ...SAMPLING, 'testing.manage'],
  grid_worker: [...WORK_WITH_PEOPLE, ...KEY_PERSON_WORK, 'place.write', 'audit.read', ...SAMPLING],
  assigned_medic: [...WORK_WITH_PEOPLE, ...KEY_PERSON_WORK, ...SAMPLING],
  lab_staff: ['jurisdiction.read', 'testing.labResult'],
  quarantine_site_staff: [
    ...READ_AREA,
    'person.readFull',
    'keyPerson.read',
    'keyPerson.write',
    'site.read',
    'site.manage',
    'alert.read',
    ...SAMPLING,
  ],
  checkpoint_staff: ['jurisdiction.read', 'place.read'],
  institution_reporter: ['jurisdiction.read', 'place.read'],
  resident: [],
};

export function roleGrants(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
