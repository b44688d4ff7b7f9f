import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appUser } from './access.ts';
import { idColumn, timestamps } from './columns.ts';
import { jurisdiction, place } from './jurisdiction.ts';
import { keyPersonEpisode } from './key-person.ts';
import { person } from './person.ts';
import { tube } from './testing.ts';

/**
 * A fever patient's visit to a fever clinic (TEST-009, KP-K03, MED-003): reception, the four rapid
 * tests, and the outcome. Filed under the clinic's jurisdiction; one open visit per person.
 */
export const feverClinicVisit = pgTable(
  'fever_clinic_visit',
  {
    id: idColumn(),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id),
    /** The fever clinic (a `place` of kind fever_clinic). */
    placeId: uuid('place_id')
      .notNull()
      .references(() => place.id),
    arrivedAt: timestamp('arrived_at', { withTimezone: true }).notNull(),
    /** Tenths of a degree Celsius, as health observations store it. */
    temperatureTenths: integer('temperature_tenths'),
    editionId: text('edition_id').notNull(),
    /** One of FEVER_CLINIC_DISPOSITIONS (core) once closed. */
    disposition: text('disposition'),
    /** The key-person episode the outcome opened or found (suspected, confirmed). */
    episodeId: uuid('episode_id').references(() => keyPersonEpisode.id),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by').references(() => appUser.id),
    registeredBy: uuid('registered_by').references(() => appUser.id),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdiction.id),
    jurisdictionPath: text('jurisdiction_path').notNull(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('fever_clinic_visit_open_person_unique').on(t.personId).where(sql`closed_at is null`),
    index('fever_clinic_visit_path_idx').using('btree', t.jurisdictionPath.op('text_pattern_ops')),
    index('fever_clinic_visit_place_idx').on(t.placeId, t.arrivedAt),
  ],
);

/** One of the four items ordered at registration (FEVER_CLINIC_ITEMS); the nucleic acid order carries its single tube. */
export const feverClinicOrder = pgTable(
  'fever_clinic_order',
  {
    id: idColumn(),
    visitId: uuid('visit_id')
      .notNull()
      .references(() => feverClinicVisit.id),
    item: text('item').notNull(),
    tubeId: uuid('tube_id').references(() => tube.id),
    /** Recorded by hand at the clinic; the nucleic acid result may instead come from the tube's lab result. */
    result: text('result'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }),
    recordedBy: uuid('recorded_by').references(() => appUser.id),
    jurisdictionPath: text('jurisdiction_path').notNull(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('fever_clinic_order_visit_item_unique').on(t.visitId, t.item),
    index('fever_clinic_order_tube_idx').on(t.tubeId).where(sql`tube_id is not null`),
  ],
);
