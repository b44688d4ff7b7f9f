import { date, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { idColumn, timestamps } from './columns.ts';
import { jurisdiction } from './jurisdiction.ts';

/**
 * A daily situation report (疫情日报; DAILY-007, INFO-006) of a county for one day, compiled at the protocol's
 * time: the figures as they stood then (the dashboard's answer for the day), from which its PDF is printed,
 * so a report reads the same whenever it is downloaded.
 */
export const situationReport = pgTable(
  'situation_report',
  {
    id: idColumn(),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdiction.id),
    jurisdictionPath: text('jurisdiction_path').notNull(),
    forDate: date('for_date', { mode: 'string' }).notNull(),
    compiledAt: timestamp('compiled_at', { withTimezone: true }).notNull(),
    figures: jsonb('figures').$type<Record<string, unknown>>().notNull(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('situation_report_day_uq').on(t.jurisdictionId, t.forDate),
    index('situation_report_path_idx').using('btree', t.jurisdictionPath.op('text_pattern_ops')),
  ],
);
