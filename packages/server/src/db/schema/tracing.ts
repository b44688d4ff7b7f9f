import { date, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appUser } from './access.ts';
import { assistRequest } from './assist-request.ts';
import { caseReport } from './cases.ts';
import { idColumn, timestamps } from './columns.ts';
import { place } from './jurisdiction.ts';
import { keyPersonEpisode } from './key-person.ts';
import { person } from './person.ts';

/**
 * Contact tracing (REQUIREMENTS §4.4 KP-D05/D06, §6 CASE-003/009). An exposure links a case to a person
 * it may have infected: how it was found (kind), why (reason, in both languages), when, and what the
 * investigator decided. A person is linked to a case once (rejections stay, so they are not proposed again).
 */
export const exposure = pgTable(
  'exposure',
  {
    id: idColumn(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => caseReport.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id),
    /** household | workplace | school | co_location | event | manual (EXPOSURE_KINDS, core). */
    kind: text('kind').notNull(),
    /** The facts behind the reason: place, stay and scan times, unit, event. */
    context: jsonb('context').$type<Record<string, unknown>>().notNull().default({}),
    reason: jsonb('reason').$type<{ zh: string; en: string }>().notNull(),
    placeId: uuid('place_id').references(() => place.id),
    exposedFrom: timestamp('exposed_from', { withTimezone: true }),
    /** The last exposure: day 0 of the contact's plan (countsFrom `last_exposure`). */
    exposedTo: timestamp('exposed_to', { withTimezone: true }).notNull(),
    /** proposed | confirmed | rejected */
    status: text('status').notNull(),
    /** close_contact | secondary_contact, once confirmed. */
    category: text('category'),
    episodeId: uuid('episode_id').references(() => keyPersonEpisode.id),
    /** Set when the person lives outside the investigator's jurisdiction: 协查 to theirs. */
    assistRequestId: uuid('assist_request_id').references(() => assistRequest.id),
    decidedBy: uuid('decided_by').references(() => appUser.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
    /** The case's jurisdiction: who may see the exposure. */
    jurisdictionPath: text('jurisdiction_path').notNull(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('exposure_case_person_unique').on(t.caseId, t.personId),
    index('exposure_person_idx').on(t.personId),
    index('exposure_path_idx').using('btree', t.jurisdictionPath.op('text_pattern_ops')),
  ],
);

/** A transmission event (a gathering, a workplace day, a market day) with its participants: each is a candidate. */
export const transmissionEvent = pgTable(
  'transmission_event',
  {
    id: idColumn(),
    name: text('name').notNull(),
    /** gathering | workplace | market_day | other */
    kind: text('kind').notNull(),
    placeId: uuid('place_id').references(() => place.id),
    placeText: text('place_text'),
    fromAt: timestamp('from_at', { withTimezone: true }).notNull(),
    toAt: timestamp('to_at', { withTimezone: true }).notNull(),
    /** Person ids of the participants (GIN-indexed: the events a case took part in). */
    participantIds: jsonb('participant_ids').$type<string[]>().notNull().default([]),
    createdBy: uuid('created_by').references(() => appUser.id),
    jurisdictionPath: text('jurisdiction_path').notNull(),
    ...timestamps(),
  },
  (t) => [
    index('transmission_event_participants_idx').using('gin', t.participantIds),
    index('transmission_event_path_idx').using('btree', t.jurisdictionPath.op('text_pattern_ops')),
  ],
);

/** A cluster (聚集性疫情) detected by the edition's rule and named; kept so it can be followed and reported. */
export const caseCluster = pgTable(
  'case_cluster',
  {
    id: idColumn(),
    name: text('name').notNull(),
    nameEn: text('name_en').notNull(),
    /** The rule that found it (min cases, window, grouping) and its clause. */
    rule: jsonb('rule').$type<Record<string, unknown>>().notNull(),
    editionId: text('edition_id').notNull(),
    /** The area key (jurisdiction or place) or, for linked clusters, the first case. */
    areaKey: text('area_key').notNull(),
    memberCaseIds: jsonb('member_case_ids').$type<string[]>().notNull(),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    toDate: date('to_date', { mode: 'string' }).notNull(),
    detectedAt: timestamp('detected_at', { withTimezone: true }).notNull(),
    jurisdictionPath: text('jurisdiction_path').notNull(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('case_cluster_area_from_unique').on(t.areaKey, t.fromDate),
    index('case_cluster_path_idx').using('btree', t.jurisdictionPath.op('text_pattern_ops')),
  ],
);
