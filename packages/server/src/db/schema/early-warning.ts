import type { SentinelSeries, WarningOutcome, WarningState } from '@fangkong/core';
import { date, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appUser } from './access.ts';
import { idColumn, timestamps } from './columns.ts';
import { jurisdiction } from './jurisdiction.ts';
import { task } from './key-person.ts';

/**
 * An early-warning signal (CASE-007, CASE-008): a day on which a sentinel series of a jurisdiction alarmed by
 * the EARS method its protocol names, with the figures that raised it; open → acknowledged → closed with an
 * outcome. The hourly job raises each (jurisdiction, series, day) once, with the CDC's verification task.
 */
export const earlyWarningSignal = pgTable(
  'early_warning_signal',
  {
    id: idColumn(),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdiction.id),
    jurisdictionPath: text('jurisdiction_path').notNull(),
    /** One of SENTINEL_SERIES (core). */
    series: text('series').$type<SentinelSeries>().notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    /** EARS C1, C2 or C3. */
    method: text('method').notNull(),
    count: integer('count').notNull(),
    threshold: doublePrecision('threshold').notNull(),
    statistic: doublePrecision('statistic'),
    /** The baseline days and counts the method compared the day with, the edition and the clause. */
    evidence: jsonb('evidence').$type<Record<string, unknown>>().notNull(),
    editionId: text('edition_id').notNull(),
    /** open → acknowledged → closed. */
    status: text('status').$type<WarningState>().notNull().default('open'),
    taskId: uuid('task_id').references(() => task.id),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    acknowledgedBy: uuid('acknowledged_by').references(() => appUser.id),
    acknowledgementNote: text('acknowledgement_note'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by').references(() => appUser.id),
    /** confirmed_event | false_alarm | under_watch (core WARNING_OUTCOMES). */
    outcome: text('outcome').$type<WarningOutcome>(),
    outcomeNote: text('outcome_note'),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('early_warning_signal_day_unique').on(t.jurisdictionId, t.series, t.day),
    index('early_warning_signal_status_path_idx').using('btree', t.status, t.jurisdictionPath.op('text_pattern_ops')),
    index('early_warning_signal_path_day_idx').using('btree', t.jurisdictionPath.op('text_pattern_ops'), t.day),
  ],
);
