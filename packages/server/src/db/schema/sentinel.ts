import { date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { jurisdiction } from './jurisdiction.ts';

/**
 * Daily counts of a sentinel series (SENTINEL_SERIES in core: fever-clinic and primary-care
 * visits, pharmacy fever-drug purchases, school illness absences, ILI, positive tests) per
 * jurisdiction and Asia/Shanghai calendar day. The module that keeps the records upserts the
 * count in the same transaction as the record; early warning (EARS) and the dashboard read them.
 */
export const sentinelDailyCount = pgTable(
  'sentinel_daily_count',
  {
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdiction.id),
    jurisdictionPath: text('jurisdiction_path').notNull(),
    /** One of SENTINEL_SERIES (core). */
    series: text('series').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    count: integer('count').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.jurisdictionId, t.series, t.day] }),
    index('sentinel_daily_count_path_idx').using('btree', t.jurisdictionPath.op('text_pattern_ops'), t.series, t.day),
  ],
);

/**
 * The sentinel counts summed under each jurisdiction (its own and every one below it), per series and day: what the
 * dashboard draws for a district or a town without adding up 297 communities × a year on every request (issue 17
 * dashboard benchmark). Kept by the trigger sentinel_daily_rollup_trg on sentinel_daily_count (migration
 * dashboard_at_scale), so every writer of the counts keeps it right.
 */
export const sentinelDailyRollup = pgTable(
  'sentinel_daily_rollup',
  {
    jurisdictionPath: text('jurisdiction_path').notNull(),
    series: text('series').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.jurisdictionPath, t.day, t.series] })],
);
