import {
  INSTITUTION_PROTOCOL_SEED_2020,
  type InstitutionKind,
  type InstitutionProtocol,
  SPECIAL_INSTITUTION_TYPES,
  VENUE_TYPES,
} from '../protocols/institution-duties-seed.ts';
import type { Clause } from '../protocols/protocol-types.ts';

/** A kind's profile (SCH-010, ENT-003/004, MED-007, INST-001, PHAR-003, MKT-005, PUB-001, TRN-): counts and flags, all optional. */
export interface InstitutionProfile {
  students?: number;
  classes?: number;
  staff?: number;
  healthWorkers?: number;
  employees?: number;
  resumptionPlan?: boolean;
  isolationArea?: boolean;
  feverClinic?: boolean;
  sentinel?: boolean;
  residents?: number;
  specialType?: string;
  nearCommunity?: boolean;
  livePoultry?: boolean;
  coldChain?: boolean;
  venueType?: string;
  transportType?: string;
  /** ORG-070: the unit's prevention teams and trained prevention instructors (疫情防控指导员). */
  preventionTeams?: number;
  preventionInstructors?: number;
}

export interface ProfileProblem {
  field: string;
  reason: string;
}

/** The profile's head counts: whole numbers, 0 or more (checked here; read as numbers by the registry import). */
export const PROFILE_COUNT_FIELDS = [
  'students',
  'classes',
  'staff',
  'healthWorkers',
  'employees',
  'residents',
  'preventionTeams',
  'preventionInstructors',
] as const;
const SCHOOL_KINDS: readonly InstitutionKind[] = ['school', 'kindergarten'];
export const TRANSPORT_TYPES = ['station', 'port', 'road_checkpoint', 'service_area'] as const;

/** Bad input a profile may not be saved with (issue 16: a school with more classes than students). */
export function profileProblems(kind: InstitutionKind, p: InstitutionProfile): ProfileProblem[] {
  const problems: ProfileProblem[] = PROFILE_COUNT_FIELDS.filter(
    (k) => p[k] !== undefined && !(Number.isInteger(p[k]) && (p[k] ?? 0) >= 0),
  ).map((k) => ({
    field: `profile.${k}`,
    reason: 'notNonNegativeInteger',
  }));
  if (SCHOOL_KINDS.includes(kind)) {
    if (p.students === undefined) problems.push({ field: 'profile.students', reason: 'required' });
    if (p.classes !== undefined && p.students !== undefined && p.classes > p.students) {
      problems.push({ field: 'profile.classes', reason: 'moreClassesThanStudents' });
    }
  }
  if (kind === 'special_institution' && !(SPECIAL_INSTITUTION_TYPES as readonly string[]).includes(p.specialType ?? '')) {
    problems.push({ field: 'profile.specialType', reason: 'unknownType' });
  }
  if (kind === 'public_place' && p.venueType !== undefined && !(VENUE_TYPES as readonly string[]).includes(p.venueType)) {
    problems.push({ field: 'profile.venueType', reason: 'unknownType' });
  }
  if (kind === 'transport' && p.transportType !== undefined && !(TRANSPORT_TYPES as readonly string[]).includes(p.transportType)) {
    problems.push({ field: 'profile.transportType', reason: 'unknownType' });
  }
  return problems;
}

/** A profile checked against the protocol's rules: what fails and why (shown on the registry, not refused). */
export interface ProfileFinding {
  code: string;
  requirement: string;
  params: Record<string, number>;
  clause: Clause;
}

/** SCH-010 / SC-48: ceil(students / 600) professional health workers, and at least one per school. */
export function healthWorkersNeeded(students: number, protocol: InstitutionProtocol = INSTITUTION_PROTOCOL_SEED_2020): number {
  return Math.max(1, Math.ceil(students / protocol.studentsPerHealthWorker.value));
}

function schoolFindings(p: InstitutionProfile, protocol: InstitutionProtocol): ProfileFinding[] {
  const needed = healthWorkersNeeded(p.students ?? 0, protocol);
  const have = p.healthWorkers ?? 0;
  if (have >= needed) return [];
  return [
    { code: 'healthWorkersShort', requirement: 'SCH-010', params: { needed, have }, clause: protocol.studentsPerHealthWorker.clause },
  ];
}

const enterprise = (says: string) => ({ source: 'seed 000', clause: '§三(二)8', says });

function enterpriseFindings(p: InstitutionProfile): ProfileFinding[] {
  const findings: ProfileFinding[] = [];
  if (p.isolationArea !== true) {
    findings.push({
      code: 'noIsolationArea',
      requirement: 'ENT-003',
      params: {},
      clause: enterprise('Each enterprise has an isolation observation area.'),
    });
  }
  if (p.resumptionPlan !== true) {
    findings.push({
      code: 'noResumptionPlan',
      requirement: 'ENT-004',
      params: {},
      clause: { source: 'seed 002', clause: '§六(一)6', says: 'An enterprise draws up its response plan before resuming work.' },
    });
  }
  return findings;
}

/** ORG-070: every unit, whatever its kind, has the protocol's prevention team and instructor; unstated counts as none. */
function preventionFindings(p: InstitutionProfile, protocol: InstitutionProtocol): ProfileFinding[] {
  const rule = protocol.unitPrevention;
  const short = [
    { code: 'preventionTeamShort', needed: rule.teams, have: p.preventionTeams ?? 0 },
    { code: 'preventionInstructorShort', needed: rule.instructors, have: p.preventionInstructors ?? 0 },
  ].filter((s) => s.have < s.needed);
  return short.map((s) => ({ code: s.code, requirement: 'ORG-070', params: { needed: s.needed, have: s.have }, clause: rule.clause }));
}

function kindFindings(kind: InstitutionKind, p: InstitutionProfile, protocol: InstitutionProtocol): ProfileFinding[] {
  if (SCHOOL_KINDS.includes(kind)) return schoolFindings(p, protocol);
  if (kind === 'enterprise') return enterpriseFindings(p);
  return [];
}

export function profileFindings(
  kind: InstitutionKind,
  p: InstitutionProfile,
  protocol: InstitutionProtocol = INSTITUTION_PROTOCOL_SEED_2020,
): ProfileFinding[] {
  return [...kindFindings(kind, p, protocol), ...preventionFindings(p, protocol)];
}

export const isSchoolKind = (kind: InstitutionKind) => SCHOOL_KINDS.includes(kind);
