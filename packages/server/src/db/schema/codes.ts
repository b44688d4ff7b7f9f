import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appUser } from './access.ts';
import { idColumn, timestamps } from './columns.ts';
import { person } from './person.ts';

/** Colour history: every colour a person had, why, under which rules, and whether a manual change set it. */
export const healthCodeState = pgTable(
  'health_code_state',
  {
    id: idColumn(),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id),
    colour: text('colour').notNull(),
    ruleVersion: text('rule_version').notNull(),
    reasons: jsonb('reasons').$type<Record<string, unknown>[]>().notNull().default([]),
    /** `rules` (decided by the colour rules) or `manual` (an approved code change). */
    source: text('source').notNull().default('rules'),
    codeChangeId: uuid('code_change_id'),
    at: timestamp('at', { withTimezone: true }).notNull(),
    jurisdictionPath: text('jurisdiction_path').notNull(),
    ...timestamps(),
  },
  (t) => [
    index('health_code_state_person_idx').on(t.personId, t.at),
    // dashboard (issue 17): the colours of a subtree's people, each person's latest
    index('health_code_state_path_person_idx').using('btree', t.jurisdictionPath.op('text_pattern_ops'), t.personId, t.at),
  ],
);

/**
 * Each person's latest colour (the newest row of their health_code_state), kept beside the history by the one write
 * that appends to it: the dashboard counts a district's colours from here without sorting a year of history (issue 17,
 * dashboard benchmark).
 */
export const healthCodeCurrent = pgTable(
  'health_code_current',
  {
    personId: uuid('person_id')
      .primaryKey()
      .references(() => person.id),
    colour: text('colour').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    jurisdictionPath: text('jurisdiction_path').notNull(),
  },
  (t) => [index('health_code_current_path_colour_idx').using('btree', t.jurisdictionPath.op('text_pattern_ops'), t.colour)],
);

/**
 * A manual colour change: requested with a basis (which record, which rule) by one user and approved by
 * a second one; only then does it apply, and only until `validUntil`.
 */
export const codeChange = pgTable(
  'code_change',
  {
    id: idColumn(),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id),
    fromColour: text('from_colour').notNull(),
    toColour: text('to_colour').notNull(),
    /** `record` (a test result, an episode, a declaration…) or `rule` (a clause of the rule set). */
    basisKind: text('basis_kind').notNull(),
    basisRef: text('basis_ref').notNull(),
    basisNote: text('basis_note').notNull(),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => appUser.id),
    /** pending → approved | rejected; approved changes lapse at `validUntil`. */
    status: text('status').notNull().default('pending'),
    approvedBy: uuid('approved_by').references(() => appUser.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionReason: text('decision_reason'),
    validUntil: timestamp('valid_until', { withTimezone: true }),
    jurisdictionPath: text('jurisdiction_path').notNull(),
    ...timestamps(),
  },
  (t) => [
    index('code_change_person_idx').on(t.personId, t.status),
    index('code_change_path_idx').using('btree', t.status, t.jurisdictionPath.op('text_pattern_ops')),
  ],
);

export const appeal = pgTable(
  'appeal',
  {
    id: idColumn(),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id),
    filedBy: uuid('filed_by').references(() => appUser.id),
    viaProxy: boolean('via_proxy').notNull().default(false),
    colourAppealed: text('colour_appealed').notNull(),
    reason: text('reason').notNull(),
    /** open → upheld | rejected */
    status: text('status').notNull().default('open'),
    deadlineAt: timestamp('deadline_at', { withTimezone: true }).notNull(),
    decidedBy: uuid('decided_by').references(() => appUser.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionReason: text('decision_reason'),
    codeChangeId: uuid('code_change_id'),
    jurisdictionPath: text('jurisdiction_path').notNull(),
    ...timestamps(),
  },
  (t) => [
    index('appeal_queue_idx').using('btree', t.status, t.jurisdictionPath.op('text_pattern_ops')),
    index('appeal_person_idx').on(t.personId),
  ],
);

/** A resident's daily health declaration (for themselves or, as a proxy, for a dependant). */
export const healthDeclaration = pgTable(
  'health_declaration',
  {
    id: idColumn(),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id),
    declaredOn: date('declared_on', { mode: 'string' }).notNull(),
    temperatureTenths: integer('temperature_tenths'),
    symptoms: jsonb('symptoms').$type<string[]>().notNull().default([]),
    /** Places visited in the last 14 days that the person reports (free text, risk level if known). */
    travel: jsonb('travel').$type<Record<string, unknown>[]>().notNull().default([]),
    submittedBy: uuid('submitted_by').references(() => appUser.id),
    viaProxy: boolean('via_proxy').notNull().default(false),
    jurisdictionPath: text('jurisdiction_path').notNull(),
    ...timestamps(),
  },
  (t) => [uniqueIndex('health_declaration_person_day_idx').on(t.personId, t.declaredOn)],
);

/** Arrival report (来区报备): inbound travellers report 3 days ahead (seed 000 §三(三)1); others from risk areas. */
export const arrivalReport = pgTable(
  'arrival_report',
  {
    id: idColumn(),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id),
    inbound: boolean('inbound').notNull().default(false),
    fromPlace: text('from_place').notNull(),
    fromRiskLevel: text('from_risk_level').notNull().default('low'),
    expectedArrival: date('expected_arrival', { mode: 'string' }).notNull(),
    arrivedOn: date('arrived_on', { mode: 'string' }),
    atDestination: boolean('at_destination').notNull().default(false),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull(),
    /** Reported later than the protocol asks (e.g. fewer than 3 days ahead). */
    late: boolean('late').notNull().default(false),
    submittedBy: uuid('submitted_by').references(() => appUser.id),
    jurisdictionPath: text('jurisdiction_path').notNull(),
    ...timestamps(),
  },
  (t) => [index('arrival_report_person_idx').on(t.personId)],
);

/** A family proxy (代办): a resident holds the code of a dependant after an identity check, within a limit. */
export const proxyLink = pgTable(
  'proxy_link',
  {
    id: idColumn(),
    proxyUserId: uuid('proxy_user_id')
      .notNull()
      .references(() => appUser.id),
    dependantPersonId: uuid('dependant_person_id')
      .notNull()
      .references(() => person.id),
    relation: text('relation').notNull(),
    /** Which second factor the registry confirmed: `household` (same household) or `phone`. */
    verifiedBy: text('verified_by').notNull(),
    /** `pending` until an adult dependant consents (issue 12 defect 5), then `active`; `revoked` by either side. */
    status: text('status').notNull().default('active'),
    /** How an adult consented: `account` (signed in as themself) or `code` (the code sent to their registry phone). */
    consentBy: text('consent_by'),
    consentAt: timestamp('consent_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    /** Who revoked: the proxy's own account or the dependant's. */
    revokedBy: uuid('revoked_by').references(() => appUser.id),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('proxy_link_open_idx').on(t.proxyUserId, t.dependantPersonId).where(sql`status in ('active', 'pending')`),
    index('proxy_link_dependant_idx').on(t.dependantPersonId),
  ],
);

/**
 * A one-time code sent by SMS to a person's registry phone: it proves the phone is in the hand of whoever
 * registers (`registration`) or consents to a proxy (`proxy_consent`). Only a keyed hash of the code is kept.
 */
export const oneTimeCode = pgTable(
  'one_time_code',
  {
    id: idColumn(),
    purpose: text('purpose').notNull(),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id),
    /** The proxy request a `proxy_consent` code answers. */
    proxyLinkId: uuid('proxy_link_id').references(() => proxyLink.id),
    /** Keyed hash of the phone the code went to (rate limit per phone). */
    phoneHash: text('phone_hash').notNull(),
    codeHash: text('code_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    usedAt: timestamp('used_at', { withTimezone: true }),
    ...timestamps(),
  },
  (t) => [index('one_time_code_phone_idx').on(t.phoneHash, t.createdAt), index('one_time_code_person_idx').on(t.personId, t.purpose)],
);
