import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appUser } from './access.ts';
import { idColumn, timestamps } from './columns.ts';
import { jurisdiction, place } from './jurisdiction.ts';

/** A door-to-door screening round (入户排查, COMM-040) of one community's households. */
export const screeningRound = pgTable(
  'screening_round',
  {
    id: idColumn(),
    name: text('name').notNull(),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    /** open / closed */
    status: text('status').notNull().default('open'),
    rulesVersion: text('rules_version').notNull(),
    startedBy: uuid('started_by').references(() => appUser.id),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdiction.id),
    jurisdictionPath: text('jurisdiction_path').notNull(),
    ...timestamps(),
  },
  (t) => [index('screening_round_path_idx').using('btree', t.jurisdictionPath.op('text_pattern_ops'))],
);

/**
 * One visit to a household in a round: who was home, their travel history and symptoms, and what it opened
 * (`findings`: person, present, symptoms, travel stops with the grade found, category, episode, reasons).
 */
export const screeningVisit = pgTable(
  'screening_visit',
  {
    id: idColumn(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => screeningRound.id),
    householdId: uuid('household_id')
      .notNull()
      .references(() => place.id),
    /** screened / not_home */
    outcome: text('outcome').notNull(),
    visitedAt: timestamp('visited_at', { withTimezone: true }).notNull(),
    visitedBy: uuid('visited_by').references(() => appUser.id),
    findings: jsonb('findings').notNull().default([]),
    note: text('note'),
    jurisdictionPath: text('jurisdiction_path').notNull(),
    ...timestamps(),
  },
  (t) => [index('screening_visit_round_idx').on(t.roundId, t.householdId)],
);

/** The "six ones" ledger (COMM-001…006): one row per community, day and duty. */
export const sixOnesEntry = pgTable(
  'six_ones_entry',
  {
    id: idColumn(),
    dutyDate: date('duty_date', { mode: 'string' }).notNull(),
    duty: text('duty').notNull(),
    done: boolean('done').notNull(),
    note: text('note'),
    recordedBy: uuid('recorded_by').references(() => appUser.id),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdiction.id),
    jurisdictionPath: text('jurisdiction_path').notNull(),
    ...timestamps(),
  },
  (t) => [uniqueIndex('six_ones_entry_day_idx').on(t.jurisdictionId, t.dutyDate, t.duty)],
);

/** A gathering (wedding, funeral, banquet) filed with the community work team and the rules' decision (COMM-031/032). */
export const gathering = pgTable(
  'gathering',
  {
    id: idColumn(),
    kind: text('kind').notNull(),
    eventDate: date('event_date', { mode: 'string' }).notNull(),
    simplified: boolean('simplified').notNull(),
    attendees: integer('attendees').notNull(),
    householdId: uuid('household_id').references(() => place.id),
    organizer: text('organizer').notNull(),
    /** filed / refused */
    decision: text('decision').notNull(),
    reasons: jsonb('reasons').notNull().default([]),
    filedBy: uuid('filed_by').references(() => appUser.id),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdiction.id),
    jurisdictionPath: text('jurisdiction_path').notNull(),
    ...timestamps(),
  },
  (t) => [index('gathering_path_idx').using('btree', t.jurisdictionPath.op('text_pattern_ops'))],
);

/** Necessities bought on behalf of a sealed household and delivered without contact (COMM-022). */
export const supplyRequest = pgTable(
  'supply_request',
  {
    id: idColumn(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => place.id),
    items: text('items').notNull(),
    /** requested / delivered / cancelled */
    status: text('status').notNull().default('requested'),
    requestedBy: uuid('requested_by').references(() => appUser.id),
    closedBy: uuid('closed_by').references(() => appUser.id),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    note: text('note'),
    jurisdictionPath: text('jurisdiction_path').notNull(),
    ...timestamps(),
  },
  (t) => [index('supply_request_path_idx').using('btree', t.jurisdictionPath.op('text_pattern_ops'))],
);

/**
 * The entrance ledger of outsiders and outside vehicles let in (COMM-012, SC-37): mask, temperature, the escort,
 * and the close-out (销号) when they leave; an entry left open past its day is flagged.
 */
export const entryLedger = pgTable(
  'entry_ledger',
  {
    id: idColumn(),
    /** person / vehicle */
    subject: text('subject').notNull(),
    nameMasked: text('name_masked'),
    nameCipher: text('name_cipher'),
    plate: text('plate'),
    purpose: text('purpose').notNull(),
    masked: boolean('masked').notNull(),
    temperatureTenths: integer('temperature_tenths').notNull(),
    escortUserId: uuid('escort_user_id')
      .notNull()
      .references(() => appUser.id),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull(),
    enteredOn: date('entered_on', { mode: 'string' }).notNull(),
    leftAt: timestamp('left_at', { withTimezone: true }),
    recordedBy: uuid('recorded_by').references(() => appUser.id),
    closedBy: uuid('closed_by').references(() => appUser.id),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdiction.id),
    jurisdictionPath: text('jurisdiction_path').notNull(),
    ...timestamps(),
  },
  (t) => [index('entry_ledger_path_idx').using('btree', t.jurisdictionPath.op('text_pattern_ops'), t.enteredOn)],
);

/**
 * What a community is told of (seed 001 §三(二)2–3): an unregistered outsider reported by a resident or staff
 * (SC-38: tracked by the town/street, brought under management once found) or a refusal of a measure (SC-39:
 * referred to the police). Names are kept masked and encrypted.
 */
export const communityReport = pgTable(
  'community_report',
  {
    id: idColumn(),
    /** unregistered_outsider / refused_measure */
    kind: text('kind').notNull(),
    /** open / found / not_found / referred */
    state: text('state').notNull().default('open'),
    description: text('description').notNull(),
    whereabouts: text('whereabouts').notNull(),
    refusedMeasure: text('refused_measure'),
    subjectNameMasked: text('subject_name_masked'),
    subjectNameCipher: text('subject_name_cipher'),
    reportedBy: uuid('reported_by').references(() => appUser.id),
    /** resident / staff: a resident's report comes from their own community */
    reportedAs: text('reported_as').notNull(),
    trackingTaskId: uuid('tracking_task_id'),
    episodeId: uuid('episode_id'),
    policeStation: text('police_station'),
    policeReference: text('police_reference'),
    outcomeNote: text('outcome_note'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by').references(() => appUser.id),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdiction.id),
    jurisdictionPath: text('jurisdiction_path').notNull(),
    ...timestamps(),
  },
  (t) => [index('community_report_path_idx').using('btree', t.jurisdictionPath.op('text_pattern_ops'), t.state)],
);
