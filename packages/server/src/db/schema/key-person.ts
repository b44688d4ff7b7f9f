import { sql } from 'drizzle-orm';
import { type AnyPgColumn, boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appUser } from './access.ts';
import { idColumn, timestamps } from './columns.ts';
import { headquarters, workingGroup } from './command.ts';
import { jurisdiction, place } from './jurisdiction.ts';
import { person } from './person.ts';

/** Rooms of a quarantine site (the site itself is a `place` of kind quarantine_site). */
export const quarantineRoom = pgTable(
  'quarantine_room',
  {
    id: idColumn(),
    siteId: uuid('site_id')
      .notNull()
      .references(() => place.id),
    code: text('code').notNull(),
    beds: integer('beds').notNull(),
    ...timestamps(),
  },
  (t) => [uniqueIndex('quarantine_room_site_code_idx').on(t.siteId, t.code)],
);

/** One period of management of one person in one category, under the protocol edition it started with. */
export const keyPersonEpisode = pgTable(
  'key_person_episode',
  {
    id: idColumn(),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id),
    category: text('category').notNull(),
    editionId: text('edition_id').notNull(),
    profileId: text('profile_id'),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    /** active → released | ended | converted (to another category) | transferred (to another jurisdiction). */
    status: text('status').notNull().default('active'),
    managementType: text('management_type').notNull(),
    plannedReleaseDate: date('planned_release_date', { mode: 'string' }),
    plannedEndDate: date('planned_end_date', { mode: 'string' }),
    siteId: uuid('site_id').references(() => place.id),
    roomId: uuid('room_id').references(() => quarantineRoom.id),
    householdId: uuid('household_id').references(() => place.id),
    /** Door sensor / seal record for home quarantine. */
    homeSeal: text('home_seal'),
    assignedCadreId: uuid('assigned_cadre_id').references(() => appUser.id),
    assignedMedicId: uuid('assigned_medic_id').references(() => appUser.id),
    symptomsReported: boolean('symptoms_reported').notNull().default(false),
    previousEpisodeId: uuid('previous_episode_id'),
    source: text('source').notNull().default('registration'),
    releasedAt: timestamp('released_at', { withTimezone: true }),
    endedReason: text('ended_reason'),
    /** The plan as computed at registration (phases, tests, follow-ups, reasons). */
    plan: jsonb('plan').$type<Record<string, unknown>>().notNull(),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdiction.id),
    jurisdictionPath: text('jurisdiction_path').notNull(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('key_person_episode_one_active_idx').on(t.personId, t.category).where(sql`status = 'active'`),
    index('key_person_episode_path_idx').using('btree', t.jurisdictionPath.op('text_pattern_ops')),
    // dashboard (issue 17): a subtree's people under management by category
    index('key_person_episode_status_path_idx').using('btree', t.status, t.jurisdictionPath.op('text_pattern_ops')),
    // the dashboard's counts by category as an index-only scan, and the testing report's day of positives sent to
    // management without reading every episode (issue 17 dashboard benchmark: 500 k episodes)
    index('key_person_episode_active_category_idx')
      .using('btree', t.jurisdictionPath.op('text_pattern_ops'), t.category, t.managementType)
      .where(sql`status = 'active'`),
    index('key_person_episode_testing_start_idx')
      .using('btree', t.startDate, t.jurisdictionPath.op('text_pattern_ops'))
      .where(sql`source = 'testing'`),
    index('key_person_episode_active_release_idx').on(t.status, t.plannedReleaseDate),
    index('key_person_episode_room_idx').on(t.roomId),
    index('key_person_episode_person_idx').on(t.personId),
  ],
);

/** A dated test or follow-up of an episode. Daily monitoring is checked against `health_observation`. */
export const scheduleItem = pgTable(
  'schedule_item',
  {
    id: idColumn(),
    episodeId: uuid('episode_id')
      .notNull()
      .references(() => keyPersonEpisode.id),
    kind: text('kind').notNull(),
    testKind: text('test_kind'),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    /** due → done | cancelled */
    status: text('status').notNull().default('due'),
    sampledAt: timestamp('sampled_at', { withTimezone: true }),
    result: text('result'),
    resultAt: timestamp('result_at', { withTimezone: true }),
    recordedBy: uuid('recorded_by').references(() => appUser.id),
    jurisdictionPath: text('jurisdiction_path').notNull(),
    ...timestamps(),
  },
  (t) => [
    index('schedule_item_episode_idx').on(t.episodeId),
    index('schedule_item_due_idx').using('btree', t.status, t.dueDate, t.jurisdictionPath.op('text_pattern_ops')),
  ],
);

export const healthObservation = pgTable(
  'health_observation',
  {
    id: idColumn(),
    episodeId: uuid('episode_id')
      .notNull()
      .references(() => keyPersonEpisode.id),
    observedAt: timestamp('observed_at', { withTimezone: true }).notNull(),
    /** Asia/Shanghai calendar date of the observation, for "one record per day" checks. */
    observedDate: date('observed_date', { mode: 'string' }).notNull(),
    /** Tenths of a degree Celsius (373 = 37.3 °C): exact, no floating point. */
    temperatureTenths: integer('temperature_tenths'),
    /** Why the temperature could not be measured (无法测量); null when it was measured (KP-D03). */
    notMeasuredReason: text('not_measured_reason'),
    symptoms: jsonb('symptoms').$type<string[]>().notNull().default([]),
    recordedBy: uuid('recorded_by').references(() => appUser.id),
    jurisdictionPath: text('jurisdiction_path').notNull(),
    ...timestamps(),
  },
  (t) => [index('health_observation_episode_date_idx').on(t.episodeId, t.observedDate)],
);

export const releaseSignature = pgTable(
  'release_signature',
  {
    id: idColumn(),
    episodeId: uuid('episode_id')
      .notNull()
      .references(() => keyPersonEpisode.id),
    role: text('role').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => appUser.id),
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull(),
    ...timestamps(),
  },
  (t) => [uniqueIndex('release_signature_episode_role_idx').on(t.episodeId, t.role)],
);

/** Everything that happens to an episode, for the person timeline. */
export const episodeEvent = pgTable(
  'episode_event',
  {
    id: idColumn(),
    episodeId: uuid('episode_id')
      .notNull()
      .references(() => keyPersonEpisode.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
    kind: text('kind').notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    actorUserId: uuid('actor_user_id'),
    ...timestamps(),
  },
  (t) => [index('episode_event_person_idx').on(t.personId, t.at)],
);

/** Alerts raised by rules (fever, symptoms, overdue items, capacity); a badge per user counts the open ones in scope. */
export const alert = pgTable(
  'alert',
  {
    id: idColumn(),
    kind: text('kind').notNull(),
    status: text('status').notNull().default('open'),
    episodeId: uuid('episode_id').references(() => keyPersonEpisode.id),
    siteId: uuid('site_id').references(() => place.id),
    /** Natural key that makes raising idempotent (e.g. `overdue_test:<item id>`). */
    dedupKey: text('dedup_key').notNull().unique(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    jurisdictionPath: text('jurisdiction_path').notNull(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedBy: uuid('resolved_by').references(() => appUser.id),
    ...timestamps(),
  },
  (t) => [index('alert_open_path_idx').using('btree', t.status, t.jurisdictionPath.op('text_pattern_ops'))],
);

/**
 * Work handed to someone: the rules' follow-ups (fever-clinic transfer, case candidate, retest…; source
 * `follow_up`) and the command's tasks (issue 13, ORG-060: source manual, level measure or supervision
 * finding, assigned to a group, units and a person, closed with evidence).
 */
export const task = pgTable(
  'task',
  {
    id: idColumn(),
    kind: text('kind').notNull(),
    status: text('status').notNull().default('open'),
    episodeId: uuid('episode_id').references(() => keyPersonEpisode.id),
    personId: uuid('person_id').references(() => person.id),
    dueAt: timestamp('due_at', { withTimezone: true }),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    jurisdictionPath: text('jurisdiction_path').notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** follow_up (the rules' own) | manual | level_measure | supervision_finding (core TASK_SOURCES), and what it came from. */
    sourceKind: text('source_kind').notNull().default('follow_up'),
    /** A record's id, or a level measure's id (`LVL-IV-01`): text, not uuid. */
    sourceId: text('source_id'),
    title: text('title'),
    description: text('description'),
    headquartersId: uuid('headquarters_id').references((): AnyPgColumn => headquarters.id),
    workingGroupId: uuid('working_group_id').references((): AnyPgColumn => workingGroup.id),
    assigneeUserId: uuid('assignee_user_id').references(() => appUser.id),
    jurisdictionId: uuid('jurisdiction_id').references(() => jurisdiction.id),
    createdBy: uuid('created_by').references(() => appUser.id),
    closedBy: uuid('closed_by').references(() => appUser.id),
    closingNote: text('closing_note'),
    ...timestamps(),
  },
  (t) => [
    index('task_open_path_idx').using('btree', t.status, t.jurisdictionPath.op('text_pattern_ops')),
    index('task_command_path_idx').using('btree', t.jurisdictionPath.op('text_pattern_ops')).where(sql`source_kind <> 'follow_up'`),
    index('task_source_idx').on(t.sourceKind, t.sourceId).where(sql`source_id is not null`),
    // A response's measure is one live task per jurisdiction (issue 13): approving or re-issuing never duplicates it.
    uniqueIndex('task_level_measure_idx')
      .on(t.jurisdictionId, t.sourceId, sql`(${t.details}->>'responseId')`)
      .where(sql`source_kind = 'level_measure' and status <> 'cancelled'`),
    index('task_group_idx').on(t.workingGroupId).where(sql`working_group_id is not null`),
    index('task_assignee_idx').on(t.assigneeUserId).where(sql`assignee_user_id is not null`),
    // A tube's or a sample's follow-up is found by the origin in its details: a lookup, not a scan of
    // every task (a day of positive pools writes hundreds of thousands).
    index('task_testing_tube_idx').on(sql`(${t.details}->>'tubeId')`).where(sql`${t.details}->>'source' = 'testing'`),
    index('task_environment_sample_idx').on(sql`(${t.details}->>'sampleId')`).where(sql`${t.details}->>'source' = 'environment'`),
  ],
);

/** A hand-over of an episode to another jurisdiction or site; the sender keeps the person until it is accepted. */
export const episodeTransfer = pgTable(
  'episode_transfer',
  {
    id: idColumn(),
    episodeId: uuid('episode_id')
      .notNull()
      .references(() => keyPersonEpisode.id),
    fromJurisdictionPath: text('from_jurisdiction_path').notNull(),
    toJurisdictionId: uuid('to_jurisdiction_id')
      .notNull()
      .references(() => jurisdiction.id),
    toJurisdictionPath: text('to_jurisdiction_path').notNull(),
    toSiteId: uuid('to_site_id').references(() => place.id),
    toRoomId: uuid('to_room_id').references(() => quarantineRoom.id),
    /** pending → accepted | returned */
    status: text('status').notNull().default('pending'),
    reason: text('reason').notNull(),
    requestedBy: uuid('requested_by').references(() => appUser.id),
    decidedBy: uuid('decided_by').references(() => appUser.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionReason: text('decision_reason'),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('episode_transfer_one_pending_idx').on(t.episodeId).where(sql`status = 'pending'`),
    index('episode_transfer_to_path_idx').using('btree', t.toJurisdictionPath.op('text_pattern_ops')),
  ],
);
