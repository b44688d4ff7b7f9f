import { sql } from 'drizzle-orm';
import { timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Every table has id, created_at and updated_at (STYLE.md §Data). Ids are time-ordered UUIDs
 * (RFC 9562 version 7, `fk_uuid_v7()` from migration 0009): rows made together sit together in
 * the primary-key index, so bulk writes (a day's tubes, their results, the tasks a positive pool
 * sets off) append to the right edge of the index instead of touching a random page per row.
 */
export const idColumn = () => uuid('id').primaryKey().default(sql`fk_uuid_v7()`);
export const timestamps = () => ({
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
