import { date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { appUser } from './access.ts';
import { idColumn, timestamps } from './columns.ts';
import { jurisdiction, place } from './jurisdiction.ts';
import { quarantineRoom } from './key-person.ts';
import { person } from './person.ts';

/**
 * A pre-arrival record (LVL-IV-09, SC-13; seed 002 §九(一)9): someone the police's big-data leads say will arrive,
 * identified in advance, with a bed at a centralized quarantine site reserved for them. While `expected`, the bed
 * counts as taken.
 */
export const expectedArrival = pgTable(
  'expected_arrival',
  {
    id: idColumn(),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id),
    /** police_big_data. */
    source: text('source').notNull(),
    feedReference: text('feed_reference').notNull(),
    origin: text('origin').notNull(),
    expectedArrivalDate: date('expected_arrival_date', { mode: 'string' }).notNull(),
    siteId: uuid('site_id')
      .notNull()
      .references(() => place.id),
    roomId: uuid('room_id')
      .notNull()
      .references(() => quarantineRoom.id),
    /** expected | arrived | cancelled. */
    status: text('status').notNull().default('expected'),
    /** The key-person episode opened on arrival, in the reserved bed (SC-13). */
    episodeId: uuid('episode_id'),
    /** Why the reservation was cancelled (the person did not come, was managed elsewhere). */
    cancelReason: text('cancel_reason'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => appUser.id),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdiction.id),
    jurisdictionPath: text('jurisdiction_path').notNull(),
    ...timestamps(),
  },
  (t) => [index('expected_arrival_room_idx').on(t.roomId), index('expected_arrival_path_idx').on(t.jurisdictionPath)],
);
