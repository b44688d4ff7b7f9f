import { timestamp, uuid } from 'drizzle-orm/pg-core';

/** Every table has id, created_at and updated_at (STYLE.md §Data). */
export const idColumn = () => uuid('id').primaryKey().defaultRandom();
export const timestamps = () => ({
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
