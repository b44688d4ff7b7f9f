import { sql } from 'drizzle-orm';
import { boolean, customType, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appUser } from './access.ts';
import { idColumn, timestamps } from './columns.ts';
import { jurisdiction } from './jurisdiction.ts';
import { task } from './key-person.ts';

/**
 * The command organization (REQUIREMENTS §1, ORG-): a headquarters per district, town/street and community,
 * its working groups (from the seeds' templates, versioned), the units they are made of, rosters with
 * encrypted phones, duty schedules and expert groups; and supervision (§12, SUP-): inspections, findings
 * whose rectification is a task, re-checks, and the accountability record of each unit.
 */

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

const scope = () => ({
  jurisdictionId: uuid('jurisdiction_id')
    .notNull()
    .references(() => jurisdiction.id),
  jurisdictionPath: text('jurisdiction_path').notNull(),
});

/** 指挥部 / 领导小组: one per jurisdiction (ORG-001, ORG-003, ORG-006). */
export const headquarters = pgTable(
  'headquarters',
  {
    id: idColumn(),
    /** county | town | village (core HEADQUARTERS_LEVELS). */
    level: text('level').notNull(),
    /** headquarters | leading_group. */
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    /** Where the office sits (seed 001: 卫生院; seed 004 A: 党政综合办) and its office line (not a personal phone). */
    officeLocation: text('office_location'),
    officePhone: text('office_phone'),
    /** The template set the groups came from, if any (core GROUP_TEMPLATE_SETS). */
    templateSet: text('template_set'),
    /** Raised by every change to the organization under it. */
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => appUser.id),
    ...scope(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('headquarters_jurisdiction_idx').on(t.jurisdictionId),
    index('headquarters_path_idx').using('btree', t.jurisdictionPath.op('text_pattern_ops')),
  ],
);

/** A lead, member or responsible unit (牵头/成员/责任单位) of a jurisdiction, with the other spellings it answers to (ORG-060). */
export const orgUnit = pgTable(
  'org_unit',
  {
    id: idColumn(),
    name: text('name').notNull(),
    aliases: jsonb('aliases').$type<string[]>().notNull().default([]),
    /** department | town | institution | other. */
    kind: text('kind').notNull().default('department'),
    ...scope(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('org_unit_name_idx').on(t.jurisdictionId, t.name),
    index('org_unit_path_idx').using('btree', t.jurisdictionPath.op('text_pattern_ops')),
  ],
);

/** 工作组 / 专班 of a headquarters (ORG-010): the contract names this table; its rows are the groups. */
export const workingGroup = pgTable(
  'working_group',
  {
    id: idColumn(),
    headquartersId: uuid('headquarters_id')
      .notNull()
      .references(() => headquarters.id),
    /** The core template it was made from (e.g. `district.epidemic_medical`), null for a group made by hand. */
    templateKey: text('template_key'),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    /** 牵头领导 (seed 002) as a title. */
    leadOfficial: text('lead_official'),
    duties: jsonb('duties').$type<string[]>().notNull().default([]),
    clause: text('clause'),
    sortOrder: integer('sort_order').notNull().default(0),
    /** active | dissolved. */
    status: text('status').notNull().default('active'),
    version: integer('version').notNull().default(1),
    ...scope(),
    ...timestamps(),
  },
  (t) => [
    index('working_group_headquarters_idx').on(t.headquartersId, t.sortOrder),
    index('working_group_path_idx').using('btree', t.jurisdictionPath.op('text_pattern_ops')),
  ],
);

/** The units of a group: lead (牵头) or member (成员). */
export const workingGroupUnit = pgTable(
  'working_group_unit',
  {
    id: idColumn(),
    workingGroupId: uuid('working_group_id')
      .notNull()
      .references(() => workingGroup.id),
    orgUnitId: uuid('org_unit_id')
      .notNull()
      .references(() => orgUnit.id),
    /** lead | member. */
    role: text('role').notNull(),
    /** The order the seed (or the editor) lists the units in. */
    position: integer('position').notNull().default(0),
    jurisdictionPath: text('jurisdiction_path').notNull(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('working_group_unit_idx').on(t.workingGroupId, t.orgUnitId, t.role),
    index('working_group_unit_unit_idx').on(t.orgUnitId),
  ],
);

/** Each earlier version of a group as it stood (names, units, duties, roster with masked phones). */
export const workingGroupRevision = pgTable(
  'working_group_revision',
  {
    id: idColumn(),
    workingGroupId: uuid('working_group_id')
      .notNull()
      .references(() => workingGroup.id),
    version: integer('version').notNull(),
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
    reason: text('reason').notNull(),
    changedBy: uuid('changed_by').references(() => appUser.id),
    jurisdictionPath: text('jurisdiction_path').notNull(),
    ...timestamps(),
  },
  (t) => [uniqueIndex('working_group_revision_idx').on(t.workingGroupId, t.version)],
);

/** 专家组 (ORG-050, ORG-051): the district's own groups, and the city/province/national reviewers as outside bodies. */
export const expertGroup = pgTable(
  'expert_group',
  {
    id: idColumn(),
    headquartersId: uuid('headquarters_id')
      .notNull()
      .references(() => headquarters.id),
    templateKey: text('template_key'),
    /** core EXPERT_GROUP_KINDS. */
    kind: text('kind').notNull(),
    /** district | town | city | province | national. */
    level: text('level').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    /** "目前未成立" is recorded, not implied (ORG-050). */
    established: boolean('established').notNull().default(true),
    recommendedBy: text('recommended_by'),
    duties: jsonb('duties').$type<string[]>().notNull().default([]),
    clause: text('clause'),
    ...scope(),
    ...timestamps(),
  },
  (t) => [index('expert_group_headquarters_idx').on(t.headquartersId)],
);

/**
 * One role of one person on a roster (ORG-005, ORG-010, SC-69): the headquarters' leadership (no group),
 * a working group's, or an expert group's. A person with several roles has several rows, recognized as
 * one by the account or the phone's keyed hash. Phones are sealed like person phones.
 */
export const rosterMember = pgTable(
  'roster_member',
  {
    id: idColumn(),
    headquartersId: uuid('headquarters_id')
      .notNull()
      .references(() => headquarters.id),
    workingGroupId: uuid('working_group_id').references(() => workingGroup.id),
    expertGroupId: uuid('expert_group_id').references(() => expertGroup.id),
    userId: uuid('user_id').references(() => appUser.id),
    name: text('name').notNull(),
    /** 职务 / 单位 as written on the roster (e.g. 区卫健局局长). */
    title: text('title'),
    orgUnitId: uuid('org_unit_id').references(() => orgUnit.id),
    /** core ROSTER_ROLES. */
    role: text('role').notNull(),
    phoneCipher: text('phone_cipher'),
    phoneMasked: text('phone_masked'),
    phoneHash: text('phone_hash'),
    sortOrder: integer('sort_order').notNull().default(0),
    ...scope(),
    ...timestamps(),
  },
  (t) => [
    index('roster_member_headquarters_idx').on(t.headquartersId),
    index('roster_member_group_idx').on(t.workingGroupId),
    index('roster_member_user_idx').on(t.userId).where(sql`user_id is not null`),
    index('roster_member_unit_idx').on(t.orgUnitId).where(sql`org_unit_id is not null`),
  ],
);

/** 值班值守 (ORG-065): who is on duty at the headquarters on a day and shift, as leader (带班领导) or officer (值班员). */
export const headquartersDuty = pgTable(
  'headquarters_duty',
  {
    id: idColumn(),
    headquartersId: uuid('headquarters_id')
      .notNull()
      .references(() => headquarters.id),
    dutyDate: date('duty_date', { mode: 'string' }).notNull(),
    /** day | night | full_day. */
    shift: text('shift').notNull(),
    rosterMemberId: uuid('roster_member_id')
      .notNull()
      .references(() => rosterMember.id),
    /** leader | officer. */
    dutyRole: text('duty_role').notNull(),
    jurisdictionPath: text('jurisdiction_path').notNull(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('headquarters_duty_idx').on(t.headquartersId, t.dutyDate, t.shift, t.rosterMemberId),
    index('headquarters_duty_day_idx').on(t.headquartersId, t.dutyDate),
  ],
);

/** The units of a task with their part in it (ORG-060): lead, participating, responsible. */
export const taskUnit = pgTable(
  'task_unit',
  {
    id: idColumn(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => task.id),
    orgUnitId: uuid('org_unit_id')
      .notNull()
      .references(() => orgUnit.id),
    /** core TASK_UNIT_ROLES. */
    role: text('role').notNull(),
    position: integer('position').notNull().default(0),
    jurisdictionPath: text('jurisdiction_path').notNull(),
    ...timestamps(),
  },
  (t) => [uniqueIndex('task_unit_idx').on(t.taskId, t.orgUnitId, t.role), index('task_unit_unit_idx').on(t.orgUnitId)],
);

/** A photo or file proving a task done; bytes kept in the database, size capped by the upload route's body limit. */
export const taskEvidence = pgTable(
  'task_evidence',
  {
    id: idColumn(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => task.id),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => appUser.id),
    jurisdictionPath: text('jurisdiction_path').notNull(),
    ...timestamps(),
  },
  (t) => [index('task_evidence_task_idx').on(t.taskId)],
);

/** 督查 (SUP-001, SUP-004…009): one inspection of an area or unit by a headquarters. */
export const supervision = pgTable(
  'supervision',
  {
    id: idColumn(),
    headquartersId: uuid('headquarters_id')
      .notNull()
      .references(() => headquarters.id),
    /** The inspecting group (督查检查组 / 综合督查组), if named. */
    workingGroupId: uuid('working_group_id').references(() => workingGroup.id),
    inspectedUnitId: uuid('inspected_unit_id').references(() => orgUnit.id),
    /** core SUPERVISION_METHODS. */
    method: text('method').notNull(),
    subject: text('subject').notNull(),
    inspectedAt: timestamp('inspected_at', { withTimezone: true }).notNull(),
    inspectors: text('inspectors'),
    summary: text('summary'),
    createdBy: uuid('created_by').references(() => appUser.id),
    ...scope(),
    ...timestamps(),
  },
  (t) => [
    index('supervision_path_idx').using('btree', t.jurisdictionPath.op('text_pattern_ops')),
    index('supervision_inspected_idx').on(t.inspectedAt),
  ],
);

/** A problem found, the unit to rectify it by a deadline (its rectification is a task), closed by a passed re-check. */
export const supervisionFinding = pgTable(
  'supervision_finding',
  {
    id: idColumn(),
    supervisionId: uuid('supervision_id')
      .notNull()
      .references(() => supervision.id),
    description: text('description').notNull(),
    responsibleUnitId: uuid('responsible_unit_id').references(() => orgUnit.id),
    /** The current rectification task (a failed re-check gives a new one with a new deadline). */
    taskId: uuid('task_id').references(() => task.id),
    passedAt: timestamp('passed_at', { withTimezone: true }),
    jurisdictionPath: text('jurisdiction_path').notNull(),
    ...timestamps(),
  },
  (t) => [index('supervision_finding_supervision_idx').on(t.supervisionId)],
);

/** 复查: a re-check of a finding's rectification, passed or not. */
export const supervisionRecheck = pgTable(
  'supervision_recheck',
  {
    id: idColumn(),
    findingId: uuid('finding_id')
      .notNull()
      .references(() => supervisionFinding.id),
    passed: boolean('passed').notNull(),
    note: text('note').notNull(),
    checkedAt: timestamp('checked_at', { withTimezone: true }).notNull(),
    checkedBy: uuid('checked_by').references(() => appUser.id),
    /** The rectification task this re-check looked at. */
    taskId: uuid('task_id').references(() => task.id),
    jurisdictionPath: text('jurisdiction_path').notNull(),
    ...timestamps(),
  },
  (t) => [index('supervision_recheck_finding_idx').on(t.findingId, t.checkedAt)],
);

/** A unit's accountability record (SUP-002…004): commendations and each step of accountability, with their basis. */
export const accountabilityRecord = pgTable(
  'accountability_record',
  {
    id: idColumn(),
    orgUnitId: uuid('org_unit_id')
      .notNull()
      .references(() => orgUnit.id),
    /** core ACCOUNTABILITY_KINDS. */
    kind: text('kind').notNull(),
    basis: text('basis').notNull(),
    findingId: uuid('finding_id').references(() => supervisionFinding.id),
    /** Who decided (e.g. 区纪委监委) and when. */
    decidedBy: text('decided_by').notNull(),
    decidedOn: date('decided_on', { mode: 'string' }).notNull(),
    createdBy: uuid('created_by').references(() => appUser.id),
    ...scope(),
    ...timestamps(),
  },
  (t) => [
    index('accountability_record_unit_idx').on(t.orgUnitId, t.decidedOn),
    index('accountability_record_path_idx').using('btree', t.jurisdictionPath.op('text_pattern_ops')),
  ],
);
