import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { appUser } from './access.ts';
import { idColumn, timestamps } from './columns.ts';
import { jurisdiction } from './jurisdiction.ts';

/**
 * One change of a jurisdiction's emergency response level (应急响应, REQUIREMENTS §2, LVL-010/016): proposed
 * with its assessment, confirmed body by body along the chain, approved by the commander, filed upward.
 * `level` is the level the change sets, written `IV`, `III`, `II` or `I` (a contract); a termination keeps
 * the level it ends, with direction `terminate`. The level in force is derived by core from these rows.
 */
export const responseLevel = pgTable(
  'response_level',
  {
    id: idColumn(),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdiction.id),
    jurisdictionPath: text('jurisdiction_path').notNull(),
    editionId: text('edition_id').notNull(),
    /** activate | escalate | deescalate | terminate */
    direction: text('direction').notNull(),
    level: text('level').notNull(),
    fromLevel: text('from_level'),
    /** trigger | other_situations: which confirmation chain the change needs. */
    basis: text('basis').notNull(),
    /** proposed | confirmed | approved | filed | rejected */
    status: text('status').notNull(),
    reason: text('reason').notNull(),
    assessment: jsonb('assessment').notNull(),
    /** Each body's decision in chain order: { body, decision, recordedBy, note, at }. */
    confirmations: jsonb('confirmations').notNull().default([]),
    proposedBy: uuid('proposed_by')
      .notNull()
      .references(() => appUser.id),
    proposedAt: timestamp('proposed_at', { withTimezone: true }).notNull(),
    approvedBy: uuid('approved_by').references(() => appUser.id),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    /** A termination approved before its criteria held: { reason, unmet }. */
    override: jsonb('override'),
    filedBy: uuid('filed_by').references(() => appUser.id),
    filedAt: timestamp('filed_at', { withTimezone: true }),
    filingReference: text('filing_reference'),
    rejectedBy: uuid('rejected_by').references(() => appUser.id),
    rejectedAt: timestamp('rejected_at', { withTimezone: true }),
    rejectionReason: text('rejection_reason'),
    ...timestamps(),
  },
  (t) => [
    index('response_level_jurisdiction_idx').on(t.jurisdictionId, t.proposedAt),
    index('response_level_path_idx').using('btree', t.jurisdictionPath.op('text_pattern_ops')),
  ],
);

/**
 * LVL-011: an expert re-assessment of the level in force (seed 002 §八(二): the trend and the effect of the
 * measures, assessed in good time): the assessment form, the conclusion (`maintain` | `propose_change`) and who
 * recorded it. A change itself still goes through a proposal.
 */
export const responseReassessment = pgTable(
  'response_reassessment',
  {
    id: idColumn(),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdiction.id),
    jurisdictionPath: text('jurisdiction_path').notNull(),
    /** The approved change whose level was re-assessed. */
    levelChangeId: uuid('level_change_id')
      .notNull()
      .references(() => responseLevel.id),
    editionId: text('edition_id').notNull(),
    level: text('level').notNull(),
    conclusion: text('conclusion').notNull(),
    assessment: jsonb('assessment').notNull(),
    note: text('note').notNull(),
    assessedBy: uuid('assessed_by')
      .notNull()
      .references(() => appUser.id),
    assessedAt: timestamp('assessed_at', { withTimezone: true }).notNull(),
    ...timestamps(),
  },
  (t) => [
    index('response_reassessment_jurisdiction_idx').on(t.jurisdictionId, t.assessedAt),
    index('response_reassessment_path_idx').using('btree', t.jurisdictionPath.op('text_pattern_ops')),
  ],
);
