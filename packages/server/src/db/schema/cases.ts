import { sql } from 'drizzle-orm';
import { type AnyPgColumn, date, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appUser } from './access.ts';
import { idColumn, timestamps } from './columns.ts';
import { jurisdiction, place } from './jurisdiction.ts';
import { keyPersonEpisode } from './key-person.ts';
import { person } from './person.ts';

/**
 * A case (病例): one person and one infection, from discovery to discharge or release (REQUIREMENTS.md
 * §6 CASE-001…015, §4.1–4.3). The deadlines are computed by core from the edition at discovery and
 * stored, so the deadline board and the alert sweep read them with an index.
 */
export const caseReport = pgTable(
  'case_report',
  {
    id: idColumn(),
    /** Human case number, e.g. `320412-2026-0001` (county code, year, sequence). */
    caseNumber: text('case_number').notNull().unique(),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id),
    /** One of CASE_CLASSIFICATIONS (core). */
    classification: text('classification').notNull(),
    /** One of CLINICAL_TYPES (core), for confirmed cases. */
    clinicalType: text('clinical_type'),
    onsetDate: date('onset_date', { mode: 'string' }),
    discoveredAt: timestamp('discovered_at', { withTimezone: true }).notNull(),
    /** The direct network report (网络直报) done. */
    reportedAt: timestamp('reported_at', { withTimezone: true }),
    reportedBy: uuid('reported_by').references(() => appUser.id),
    reportingUnit: text('reporting_unit'),
    reportingDoctor: text('reporting_doctor'),
    reportDueAt: timestamp('report_due_at', { withTimezone: true }).notNull(),
    investigationDueAt: timestamp('investigation_due_at', { withTimezone: true }).notNull(),
    sealingDueAt: timestamp('sealing_due_at', { withTimezone: true }).notNull(),
    /** positive_tube | fever_clinic | asymptomatic_finding | manual, with the id of what opened it (tube, visit…). */
    source: text('source').notNull(),
    sourceId: uuid('source_id'),
    /** The case this one was infected by, for the transmission chain. */
    infectorCaseId: uuid('infector_case_id').references((): AnyPgColumn => caseReport.id),
    /** The key-person episode the case's person is managed under (confirmed, suspected, asymptomatic). */
    episodeId: uuid('episode_id').references(() => keyPersonEpisode.id),
    editionId: text('edition_id').notNull(),
    /** open → closed (discharged or released, excluded, died). */
    status: text('status').notNull().default('open'),
    dischargedAt: timestamp('discharged_at', { withTimezone: true }),
    releasedAt: timestamp('released_at', { withTimezone: true }),
    diedAt: timestamp('died_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    remarks: text('remarks'),
    createdBy: uuid('created_by').references(() => appUser.id),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdiction.id),
    jurisdictionPath: text('jurisdiction_path').notNull(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('case_report_open_person_unique').on(t.personId).where(sql`status = 'open'`),
    index('case_report_path_idx').using('btree', t.jurisdictionPath.op('text_pattern_ops')),
    index('case_report_discovered_idx').on(t.discoveredAt),
    // dashboard (issue 17): a subtree's cases by discovery day
    index('case_report_path_discovered_idx').using('btree', t.jurisdictionPath.op('text_pattern_ops'), t.discoveredAt),
    index('case_report_infector_idx').on(t.infectorCaseId).where(sql`infector_case_id is not null`),
    index('case_report_source_idx').on(t.source, t.sourceId),
  ],
);

/** Every classification a case has had: the first, each change, and corrections (订正, SC-15) that keep the original. */
export const caseClassificationChange = pgTable(
  'case_classification_change',
  {
    id: idColumn(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => caseReport.id),
    fromClassification: text('from_classification'),
    toClassification: text('to_classification').notNull(),
    fromClinicalType: text('from_clinical_type'),
    toClinicalType: text('to_clinical_type'),
    /** initial | change | correction (asymptomatic → confirmed, CASE-006). */
    kind: text('kind').notNull(),
    reason: text('reason'),
    /** The suggestion's reasons (clauses of the case definition) shown when the person confirmed it. */
    because: jsonb('because').$type<Record<string, unknown>[]>().notNull().default([]),
    changedBy: uuid('changed_by').references(() => appUser.id),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull(),
    jurisdictionPath: text('jurisdiction_path').notNull(),
    ...timestamps(),
  },
  (t) => [index('case_classification_change_case_idx').on(t.caseId, t.changedAt)],
);

/** The epidemiological investigation (流调) of a case (CASE-002): assigned to CDC and police investigators. */
export const investigation = pgTable(
  'investigation',
  {
    id: idColumn(),
    caseId: uuid('case_id')
      .notNull()
      .unique()
      .references(() => caseReport.id),
    /** `[{ userId, agency: 'cdc' | 'police' }]`; the first is the lead, answerable on the deadline board. */
    assignees: jsonb('assignees').$type<{ userId: string; agency: string }[]>().notNull().default([]),
    leadUserId: uuid('lead_user_id').references(() => appUser.id),
    /** The structured form (onset, symptoms, exposure history, travel, occupation, vaccination, household). */
    form: jsonb('form').$type<Record<string, unknown>>().notNull().default({}),
    /** open → completed. */
    state: text('state').notNull().default('open'),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    completedBy: uuid('completed_by').references(() => appUser.id),
    /** The outbreak spot's sealing (疫点封控) recorded as done. */
    sealedAt: timestamp('sealed_at', { withTimezone: true }),
    sealedBy: uuid('sealed_by').references(() => appUser.id),
    sealingNote: text('sealing_note'),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdiction.id),
    jurisdictionPath: text('jurisdiction_path').notNull(),
    ...timestamps(),
  },
  (t) => [
    index('investigation_path_idx').using('btree', t.jurisdictionPath.op('text_pattern_ops')),
    index('investigation_assignees_idx').using('gin', t.assignees),
  ],
);

/** Where the case was, from when to when (活动轨迹): a known place or a free-text one. */
export const trajectoryPoint = pgTable(
  'trajectory_point',
  {
    id: idColumn(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => caseReport.id),
    investigationId: uuid('investigation_id').references(() => investigation.id),
    placeId: uuid('place_id').references(() => place.id),
    placeText: text('place_text'),
    fromAt: timestamp('from_at', { withTimezone: true }).notNull(),
    toAt: timestamp('to_at', { withTimezone: true }).notNull(),
    /** interview | venue_scan | checkpoint_scan | manual */
    source: text('source').notNull(),
    note: text('note'),
    recordedBy: uuid('recorded_by').references(() => appUser.id),
    /** Removed points stay for the audit trail. */
    removedAt: timestamp('removed_at', { withTimezone: true }),
    removedBy: uuid('removed_by').references(() => appUser.id),
    /** The place as an outbreak spot (疫点, issue 11 item 5): sealed, disinfected, lifted, each with who. */
    sealedAt: timestamp('sealed_at', { withTimezone: true }),
    sealedBy: uuid('sealed_by').references(() => appUser.id),
    disinfectedAt: timestamp('disinfected_at', { withTimezone: true }),
    disinfectedBy: uuid('disinfected_by').references(() => appUser.id),
    liftedAt: timestamp('lifted_at', { withTimezone: true }),
    liftedBy: uuid('lifted_by').references(() => appUser.id),
    spotNote: text('spot_note'),
    jurisdictionPath: text('jurisdiction_path').notNull(),
    ...timestamps(),
  },
  (t) => [
    index('trajectory_point_case_idx').on(t.caseId, t.fromAt),
    index('trajectory_point_place_idx').on(t.placeId, t.fromAt).where(sql`place_id is not null`),
  ],
);
