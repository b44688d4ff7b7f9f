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
  /** 村（社区）党组织书记: the community's responsible person, who signs its daily tables (DAILY-003). */
  'community_secretary',
  'resident',
  /** Institutions (issue 16): a pharmacy's staff, who register real-name sales of fever and cough drugs (PHAR-001). */
  'pharmacy_staff',
] as const;
export type Role = (typeof ROLES)[number];

const READ_AREA: Permission[] = ['jurisdiction.read', 'place.read', 'person.read'];
const WORK_WITH_PEOPLE: Permission[] = [...READ_AREA, 'person.readFull', 'person.write'];
const KEY_PERSON_WORK: Permission[] = ['keyPerson.read', 'keyPerson.write', 'keyPerson.sign', 'site.read', 'alert.read'];
const OVERSIGHT: Permission[] = ['keyPerson.read', 'site.read', 'alert.read'];
/** Testing (REQUIREMENTS §5): read results and campaigns; take samples; import lab results; run campaigns and rosters. */
const TESTING_ALL: Permission[] = ['testing.read', 'testing.sample', 'testing.labResult', 'testing.manage'];
const SAMPLING: Permission[] = ['testing.read', 'testing.sample'];
/** Health codes (issue 6): grid workers request changes and print paper codes; CDC and the command office approve and decide appeals. */
const CODE_REQUEST: Permission[] = ['code.read', 'code.change'];
const CODE_DECIDE: Permission[] = ['code.read', 'code.approve', 'appeal.decide'];
/** A resident's own code, results, declarations and family proxy (never anyone else's record). */
const SELF: Permission[] = ['self.read', 'self.write'];

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
    // Self routes only ever reach the caller's own person (app_user.person_id) and proxy dependants.
    ...SELF,
    ...CODE_REQUEST,
    'code.approve',
    'appeal.decide',
  ],
  district_commander: [...WORK_WITH_PEOPLE, ...OVERSIGHT, 'user.read', 'audit.read', 'testing.read', 'code.read'],
  command_office_staff: [
    ...WORK_WITH_PEOPLE,
    ...OVERSIGHT,
    'site.manage',
    'place.write',
    'user.read',
    'audit.read',
    'testing.read',
    'testing.manage',
    ...CODE_DECIDE,
  ],
  cdc_epidemiologist: [...WORK_WITH_PEOPLE, ...OVERSIGHT, 'keyPerson.write', 'testing.read', 'testing.manage', ...CODE_DECIDE],
  town_cadre: [
    ...WORK_WITH_PEOPLE,
    ...KEY_PERSON_WORK,
    'place.write',
    'user.read',
    'audit.read',
    ...SAMPLING,
    'testing.manage',
    ...CODE_REQUEST,
  ],
  grid_worker: [...WORK_WITH_PEOPLE, ...KEY_PERSON_WORK, 'place.write', 'audit.read', ...SAMPLING, ...CODE_REQUEST],
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
  community_secretary: [...READ_AREA, 'person.readFull', 'keyPerson.read', 'alert.read'],
  resident: [...SELF],
  pharmacy_staff: ['jurisdiction.read'],
};

export function roleGrants(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** Closed management (REQUIREMENTS §7): checkpoint staff operate the gate; cadres and grid workers run codes, rosters, devices and passes. */
const CLOSED_MANAGEMENT: Permission[] = ['place.code', 'checkpoint.operate', 'checkpoint.manage', 'pass.manage'];
for (const role of ['system_admin', 'command_office_staff', 'town_cadre', 'grid_worker'] as const) {
  ROLE_PERMISSIONS[role] = [...ROLE_PERMISSIONS[role], ...CLOSED_MANAGEMENT];
}
ROLE_PERMISSIONS.checkpoint_staff = [...ROLE_PERMISSIONS.checkpoint_staff, 'checkpoint.operate'];

/** Cases (issue 11): the CDC opens, classifies, reports and investigates; the command office follows and reports; the commander reads. */
ROLE_PERMISSIONS.cdc_epidemiologist = [...ROLE_PERMISSIONS.cdc_epidemiologist, 'case.read', 'case.write', 'investigation.write'];
ROLE_PERMISSIONS.command_office_staff = [...ROLE_PERMISSIONS.command_office_staff, 'case.read', 'case.write'];
ROLE_PERMISSIONS.district_commander = [...ROLE_PERMISSIONS.district_commander, 'case.read'];
ROLE_PERMISSIONS.system_admin = [...ROLE_PERMISSIONS.system_admin, 'case.read', 'case.write', 'investigation.write'];

/**
 * Response levels (issue 13, LVL-010): the health bureau (CDC) and the command office propose and record the
 * expert bodies' decisions; the office files upward; only the commander approves; towns read theirs.
 */
ROLE_PERMISSIONS.cdc_epidemiologist = [...ROLE_PERMISSIONS.cdc_epidemiologist, 'response.read', 'response.propose', 'response.confirm'];
ROLE_PERMISSIONS.command_office_staff = [
  ...ROLE_PERMISSIONS.command_office_staff,
  'response.read',
  'response.propose',
  'response.confirm',
  'response.file',
];
ROLE_PERMISSIONS.district_commander = [...ROLE_PERMISSIONS.district_commander, 'response.read', 'response.approve'];
ROLE_PERMISSIONS.town_cadre = [...ROLE_PERMISSIONS.town_cadre, 'response.read'];
ROLE_PERMISSIONS.system_admin = [
  ...ROLE_PERMISSIONS.system_admin,
  'response.read',
  'response.propose',
  'response.confirm',
  'response.approve',
  'response.file',
];

/**
 * Risk areas and control zones (issue 14): the commander and the command office (holding the issuing
 * authority) confirm and publish grades and approve lifting; only the commander lifts before the checklist
 * holds (an audited override); the CDC proposes grades and draws zones with the town.
 */
const ZONE_GRANTS: Partial<Record<Role, Permission[]>> = {
  system_admin: ['zone.read', 'risk.propose', 'risk.publish', 'zone.write', 'zone.lift', 'zone.override'],
  district_commander: ['zone.read', 'risk.propose', 'risk.publish', 'zone.write', 'zone.lift', 'zone.override'],
  command_office_staff: ['zone.read', 'risk.propose', 'risk.publish', 'zone.write', 'zone.lift'],
  cdc_epidemiologist: ['zone.read', 'risk.propose', 'zone.write'],
  town_cadre: ['zone.read', 'zone.write'],
  grid_worker: ['zone.read'],
};
for (const [role, permissions] of Object.entries(ZONE_GRANTS) as [Role, Permission[]][]) {
  ROLE_PERMISSIONS[role] = [...ROLE_PERMISSIONS[role], ...permissions];
}

/**
 * Daily and zero reports (issue 15, REQUIREMENTS §10): communities, institutions and towns fill in and send; the
 * community secretary alone signs a community's tables (DAILY-003); the town, the command office and the commander
 * watch the board; the command office and towns may publish a local template version (a changed deadline).
 */
const REPORT_WORK: Permission[] = ['report.read', 'report.submit'];
for (const role of ['grid_worker', 'institution_reporter', 'community_secretary', 'town_cadre', 'system_admin'] as const) {
  ROLE_PERMISSIONS[role] = [...ROLE_PERMISSIONS[role], ...REPORT_WORK];
}
// The system administrator holds every permission (access/scope.test.ts), signing included.
for (const role of ['community_secretary', 'system_admin'] as const) ROLE_PERMISSIONS[role] = [...ROLE_PERMISSIONS[role], 'report.sign'];
for (const role of ['district_commander', 'command_office_staff'] as const)
  ROLE_PERMISSIONS[role] = [...ROLE_PERMISSIONS[role], 'report.read'];
for (const role of ['command_office_staff', 'town_cadre', 'system_admin'] as const)
  ROLE_PERMISSIONS[role] = [...ROLE_PERMISSIONS[role], 'report.manage'];

/**
 * Command (issue 13): the office maintains the organization and issues tasks; the commander reads it, issues
 * tasks and supervises; a town cadre does all of that for the town's headquarters (the grant is the town);
 * grid workers and epidemiologists work the tasks given to them ("my tasks").
 */
const COMMAND_ALL: Permission[] = ['command.read', 'command.write', 'task.write', 'task.work', 'supervision.write'];
ROLE_PERMISSIONS.system_admin = [...ROLE_PERMISSIONS.system_admin, ...COMMAND_ALL];
ROLE_PERMISSIONS.command_office_staff = [...ROLE_PERMISSIONS.command_office_staff, ...COMMAND_ALL];
ROLE_PERMISSIONS.town_cadre = [...ROLE_PERMISSIONS.town_cadre, ...COMMAND_ALL];
ROLE_PERMISSIONS.district_commander = [
  ...ROLE_PERMISSIONS.district_commander,
  'command.read',
  'task.write',
  'task.work',
  'supervision.write',
];
for (const role of ['grid_worker', 'cdc_epidemiologist', 'assigned_medic'] as const) {
  ROLE_PERMISSIONS[role] = [...ROLE_PERMISSIONS[role], 'task.work'];
}

/**
 * Protocols as data (issue 14 part 3, RULES-001): the command office and the CDC draft editions and local
 * profiles; the commander and the command office approve (someone other than the drafter) and activate them.
 */
const PROTOCOL_GRANTS: Partial<Record<Role, Permission[]>> = {
  system_admin: ['protocol.read', 'protocol.draft', 'protocol.approve'],
  district_commander: ['protocol.read', 'protocol.draft', 'protocol.approve'],
  command_office_staff: ['protocol.read', 'protocol.draft', 'protocol.approve'],
  cdc_epidemiologist: ['protocol.read', 'protocol.draft'],
};
for (const [role, permissions] of Object.entries(PROTOCOL_GRANTS) as [Role, Permission[]][]) {
  ROLE_PERMISSIONS[role] = [...ROLE_PERMISSIONS[role], ...permissions];
}

/**
 * Information release and public opinion (issue 15 part 5, INFO-001…004): communities, towns, the CDC and the office
 * draft; the town (township headquarters) and the district (the office, the commander) approve per the chain; the
 * office, towns and grid workers log rumours and complaints.
 */
const INFORMATION_GRANTS: Partial<Record<Role, Permission[]>> = {
  system_admin: ['information.read', 'information.publish', 'information.approve', 'opinion.write'],
  district_commander: ['information.read', 'information.approve', 'opinion.write'],
  command_office_staff: ['information.read', 'information.publish', 'information.approve', 'opinion.write'],
  town_cadre: ['information.read', 'information.publish', 'information.approve', 'opinion.write'],
  cdc_epidemiologist: ['information.read', 'information.publish'],
  grid_worker: ['information.read', 'information.publish', 'opinion.write'],
  community_secretary: ['information.read', 'information.publish'],
};
for (const [role, permissions] of Object.entries(INFORMATION_GRANTS) as [Role, Permission[]][]) {
  ROLE_PERMISSIONS[role] = [...ROLE_PERMISSIONS[role], ...permissions];
}

/**
 * Institutions (issue 16): schools and pharmacies report their duties, checks, absences and sales; towns and the
 * command office keep the registry and record incidents; the CDC records incidents; grid workers and the
 * commander read (grid workers follow up buyers and absences through their tasks).
 */
const INSTITUTION_GRANTS: Partial<Record<Role, Permission[]>> = {
  system_admin: ['institution.read', 'institution.manage', 'institution.report', 'institution.incident'],
  command_office_staff: ['institution.read', 'institution.manage', 'institution.incident'],
  town_cadre: ['institution.read', 'institution.manage', 'institution.report', 'institution.incident'],
  cdc_epidemiologist: ['institution.read', 'institution.incident'],
  district_commander: ['institution.read'],
  grid_worker: ['institution.read'],
  assigned_medic: ['institution.read'],
  institution_reporter: ['institution.read', 'institution.report'],
  pharmacy_staff: ['institution.read', 'institution.report'],
};
for (const [role, permissions] of Object.entries(INSTITUTION_GRANTS) as [Role, Permission[]][]) {
  ROLE_PERMISSIONS[role] = [...ROLE_PERMISSIONS[role], ...permissions];
}

/**
 * Supplies and preparedness (issue 15 parts 4 and 6): the command office and the towns keep stock, movements,
 * disinfection, facilities, plans and drills; quarantine sites keep their own stock; the commander and the CDC read.
 */
for (const role of ['system_admin', 'command_office_staff', 'town_cadre', 'quarantine_site_staff'] as const) {
  ROLE_PERMISSIONS[role] = [...ROLE_PERMISSIONS[role], 'supply.read', 'supply.write'];
}
for (const role of ['district_commander', 'cdc_epidemiologist'] as const)
  ROLE_PERMISSIONS[role] = [...ROLE_PERMISSIONS[role], 'supply.read'];

/**
 * Community daily work (issue 16 §7): the grid worker screens door to door and keeps the ledgers; the community
 * secretary and the town cadre read and write them for their community or town.
 */
for (const role of ['grid_worker', 'community_secretary', 'town_cadre', 'system_admin'] as const) {
  ROLE_PERMISSIONS[role] = [...ROLE_PERMISSIONS[role], 'community.read', 'community.write'];
}

/**
 * Dashboard and early warning (issue 17): the commander, the command office, the CDC and towns read the dashboard
 * and the signals; the CDC verifies a signal (acknowledges it, records the outcome), as does the command office.
 */
for (const role of ['district_commander', 'command_office_staff', 'cdc_epidemiologist', 'town_cadre', 'system_admin'] as const)
  ROLE_PERMISSIONS[role] = [...ROLE_PERMISSIONS[role], 'dashboard.read'];
for (const role of ['district_commander', 'command_office_staff', 'cdc_epidemiologist', 'system_admin'] as const)
  ROLE_PERMISSIONS[role] = [...ROLE_PERMISSIONS[role], 'warning.handle'];
