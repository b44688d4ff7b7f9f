import { date, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { appUser } from './access.ts';
import { idColumn, timestamps } from './columns.ts';
import { earlyWarningSignal } from './early-warning.ts';
import { jurisdiction } from './jurisdiction.ts';

const scoped = () => ({
  jurisdictionId: uuid('jurisdiction_id')
    .notNull()
    .references(() => jurisdiction.id),
  jurisdictionPath: text('jurisdiction_path').notNull(),
  /** The protocol edition whose chain and deadlines the item follows (kept for its life). */
  editionId: text('edition_id').notNull(),
});

/**
 * A notice, a day's outbreak information or a warning (REQUIREMENTS §13, DAILY-007, COMM-043): drafted for a
 * jurisdiction, reported upward, approved step by step along the chain of its kind (INFO-001…003), then
 * published (and perhaps withdrawn). Only published rows with audience `public` leave the platform.
 */
export const infoRelease = pgTable(
  'info_release',
  {
    id: idColumn(),
    ...scoped(),
    /** notice | daily_outbreak | warning */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** The interpretation (解读) that goes with the daily information (INFO-006). */
    interpretation: text('interpretation').notNull().default(''),
    /** public | residents | internal */
    audience: text('audience').notNull(),
    channels: jsonb('channels').$type<string[]>().notNull(),
    /** The day a daily outbreak information is for. */
    forDate: date('for_date', { mode: 'string' }),
    /** The platform's figures the draft was pre-filled from, as they stood then. */
    figures: jsonb('figures').$type<Record<string, number>>(),
    /** The early-warning signal a warning was drafted from (INFO-007, CASE-007); the signal lists its warnings by it. */
    signalId: uuid('signal_id').references(() => earlyWarningSignal.id),
    /** draft | submitted | approved | published | withdrawn | rejected */
    status: text('status').notNull(),
    draftedBy: uuid('drafted_by')
      .notNull()
      .references(() => appUser.id),
    /** The approvals in chain order: { by, level, at, note }. */
    approvals: jsonb('approvals').notNull().default([]),
    publishedBy: uuid('published_by').references(() => appUser.id),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    /** The last rejection or withdrawal reason. */
    reason: text('reason'),
    ...timestamps(),
  },
  (t) => [
    index('info_release_path_idx').using('btree', t.jurisdictionPath.op('text_pattern_ops')),
    index('info_release_published_idx').on(t.status, t.publishedAt),
    index('info_release_signal_idx').on(t.signalId),
  ],
);

/** A news outlet's request to interview a member of staff: pending until the township headquarters approves (INFO-002). */
export const interviewRequest = pgTable(
  'interview_request',
  {
    id: idColumn(),
    ...scoped(),
    outlet: text('outlet').notNull(),
    topic: text('topic').notNull(),
    /** Who would be interviewed (staff, by name and post). */
    interviewee: text('interviewee').notNull(),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }),
    /** pending | approved | rejected */
    status: text('status').notNull(),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => appUser.id),
    approvals: jsonb('approvals').notNull().default([]),
    reason: text('reason'),
    ...timestamps(),
  },
  (t) => [index('interview_request_path_idx').using('btree', t.jurisdictionPath.op('text_pattern_ops'))],
);

/** A rumour, complaint or query from the public (INFO-004): logged with its source, responded to, closed with an outcome. */
export const opinionItem = pgTable(
  'opinion_item',
  {
    id: idColumn(),
    ...scoped(),
    /** rumour | complaint | query */
    kind: text('kind').notNull(),
    /** online | hotline | wechat | media | grid | other */
    source: text('source').notNull(),
    summary: text('summary').notNull(),
    /** Where it was seen (a link or a group's name). */
    location: text('location').notNull().default(''),
    loggedBy: uuid('logged_by')
      .notNull()
      .references(() => appUser.id),
    loggedAt: timestamp('logged_at', { withTimezone: true }).notNull(),
    /** open | responded | closed */
    status: text('status').notNull(),
    response: text('response'),
    respondedBy: uuid('responded_by').references(() => appUser.id),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    /** clarified | resolved | referred | unfounded */
    outcome: text('outcome'),
    closedBy: uuid('closed_by').references(() => appUser.id),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    ...timestamps(),
  },
  (t) => [index('opinion_item_path_idx').using('btree', t.jurisdictionPath.op('text_pattern_ops'))],
);
