/**
 * The command organization's vocabulary and the few decisions made on it (REQUIREMENTS §1 ORG-, §12 SUP-):
 * roles on a roster, where a task comes from, whether it is open, overdue or done, and where a
 * supervision finding's rectification stands. Pure: time is passed in.
 */

/** Jurisdiction levels that set up a headquarters or leading group (ORG-001): district, town/street, community. */
export const HEADQUARTERS_LEVELS = ['county', 'town', 'village'] as const;
export type HeadquartersLevel = (typeof HEADQUARTERS_LEVELS)[number];

/** 指挥部 at district and town level (seed 002 §六(一)); 应急领导小组 in a community (seed 001 §二) or a street (seed 004 Part A). */
export const HEADQUARTERS_KINDS = ['headquarters', 'leading_group'] as const;
export type HeadquartersKind = (typeof HEADQUARTERS_KINDS)[number];

export function defaultHeadquartersKind(level: HeadquartersLevel): HeadquartersKind {
  return level === 'village' ? 'leading_group' : 'headquarters';
}

/** Roles on a roster (ORG-005, ORG-006, ORG-010; Annex C.1). One person may hold several (SC-69). */
export const ROSTER_ROLES = [
  'commander_in_chief',
  'deputy_commander',
  'office_director',
  'office_deputy_director',
  'group_leader',
  'executive_deputy_leader',
  'deputy_leader',
  'member',
  'liaison',
  'info_collection_contact',
  'expert',
] as const;
export type RosterRole = (typeof ROSTER_ROLES)[number];

/** How the seeds write each role (A15, A16), for the exported tables. */
export const ROSTER_ROLE_ZH: Record<RosterRole, string> = {
  commander_in_chief: '总指挥',
  deputy_commander: '副总指挥',
  office_director: '办公室主任',
  office_deputy_director: '办公室副主任',
  group_leader: '组长',
  executive_deputy_leader: '常务副组长',
  deputy_leader: '副组长',
  member: '成员',
  liaison: '联络员',
  info_collection_contact: '信息收集联系人',
  expert: '专家',
};

/** 牵头 / 参与 / 责任落实 (ORG-060): a unit's part in a task. */
export const TASK_UNIT_ROLES = ['lead', 'participating', 'responsible'] as const;
export type TaskUnitRole = (typeof TASK_UNIT_ROLES)[number];

/**
 * Where a command task comes from: by hand, a response level's measure, or a supervision finding's rectification;
 * institutions (issue 16): a pharmacy buyer's follow-up, a school absence's fast-track NAT, an institution incident's step;
 * dashboard (issue 17): an early-warning signal for the CDC to verify.
 */
export const TASK_SOURCES = [
  'manual',
  'level_measure',
  'supervision_finding',
  // Institutions (issue 16)
  'pharmacy_follow_up',
  'school_absence_nat',
  'institution_incident',
  // community (issue 16 §7): a symptomatic person found door to door (COMM-040), for the medical follow-up
  'screening_symptomatic',
  // a hotel guest from a key area, reported to the community (PUB-007)
  'hotel_guest_report',
  // an unregistered outsider reported to the community, tracked by the town/street (SC-38, KP-I02)
  'community_report',
  // dashboard (issue 17): an early-warning signal for the CDC to verify
  'early_warning',
  // the first suspected or confirmed case among a community's residents: its stop-spread work (SC-26, LVL-020)
  'community_mode_switch',
] as const;
export type TaskSource = (typeof TASK_SOURCES)[number];

/** `cancelled`: a level measure's task the level no longer requires (de-escalation, termination; LVL-014, LVL-017). */
export const TASK_STATES = ['open', 'overdue', 'done', 'cancelled'] as const;
export type TaskState = (typeof TASK_STATES)[number];

export interface TaskClock {
  status: string;
  dueAt: Date | null;
  closedAt: Date | null;
}

/** Open until closed; overdue once the deadline has passed while open (SUP-008: problems are followed up); cancelled stays so. */
export function taskState(task: TaskClock, now: Date): { state: TaskState; late: boolean } {
  if (task.status === 'cancelled') return { state: 'cancelled', late: false };
  if (task.status === 'closed') {
    return { state: 'done', late: task.dueAt !== null && task.closedAt !== null && task.closedAt > task.dueAt };
  }
  const overdue = task.dueAt !== null && now > task.dueAt;
  return { state: overdue ? 'overdue' : 'open', late: overdue };
}

/** 双随机一公开 (SUP-001), 暗访 (SUP-006), joint inspections (SUP-009), Internet + Supervision leads (SUP-005), routine. */
export const SUPERVISION_METHODS = ['routine', 'double_random', 'unannounced', 'joint', 'internet_plus_lead'] as const;
export type SupervisionMethod = (typeof SUPERVISION_METHODS)[number];

/** Issue → rectification → re-check → closure (SUP-008, SUP-009). */
export const FINDING_STATES = ['rectifying', 'overdue', 'awaiting_recheck', 'passed'] as const;
export type FindingState = (typeof FINDING_STATES)[number];

/** A finding passes only on a passed re-check; until then it follows its current rectification task. */
export function findingState(finding: { passedAt: Date | null }, rectification: TaskClock | null, now: Date): FindingState {
  if (finding.passedAt) return 'passed';
  if (!rectification) return 'rectifying';
  const { state } = taskState(rectification, now);
  if (state === 'done') return 'awaiting_recheck';
  return state === 'overdue' ? 'overdue' : 'rectifying';
}

/** Commendation and the steps of accountability (SUP-002, SUP-003, SUP-004). */
export const ACCOUNTABILITY_KINDS = ['commendation', 'circulated_criticism', 'admonishment', 'accountability'] as const;
export type AccountabilityKind = (typeof ACCOUNTABILITY_KINDS)[number];

/** 24-hour duty (ORG-065): day and night shifts, or one person for the whole day. */
export const DUTY_SHIFTS = ['day', 'night', 'full_day'] as const;
export type DutyShiftKind = (typeof DUTY_SHIFTS)[number];

/** 带班领导 / 值班员. */
export const DUTY_ROLES = ['leader', 'officer'] as const;
export type DutyRole = (typeof DUTY_ROLES)[number];

/** Two jurisdictions on one line of the tree: one contains the other (a district group may take a town's task, and back). */
export function onOneLine(path: string, other: string): boolean {
  return path.startsWith(other) || other.startsWith(path);
}

/**
 * Days of a period without 24-hour cover (ORG-065: 24小时轮流值班): a day is covered by a whole-day shift,
 * or by both a day and a night shift.
 */
export function daysWithoutCover(days: readonly string[], shifts: readonly { dutyDate: string; shift: string }[]): string[] {
  const on = (day: string, shift: string) => shifts.some((s) => s.dutyDate === day && s.shift === shift);
  return days.filter((day) => !on(day, 'full_day') && !(on(day, 'day') && on(day, 'night')));
}
