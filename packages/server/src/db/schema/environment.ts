import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { appUser } from './access.ts';
import { idColumn, timestamps } from './columns.ts';
import { jurisdiction, place } from './jurisdiction.ts';
import { tube } from './testing.ts';

/**
 * An environment or goods sample of a place (TEST-014, MKT-001): a swab of a market's counters, the
 * outer packaging of a cold-chain batch, sewage… It travels in its own tube (one specimen, no people),
 * so the lab import finds and results it by barcode like any person's tube.
 */
export const environmentSample = pgTable(
  'environment_sample',
  {
    id: idColumn(),
    tubeId: uuid('tube_id')
      .notNull()
      .unique()
      .references(() => tube.id),
    placeId: uuid('place_id')
      .notNull()
      .references(() => place.id),
    /** One of ENVIRONMENT_SPECIMEN_KINDS (core). */
    specimenKind: text('specimen_kind').notNull(),
    goodsDescription: text('goods_description'),
    coldChain: boolean('cold_chain').notNull().default(false),
    imported: boolean('imported').notNull().default(false),
    originCountry: text('origin_country'),
    batchNumber: text('batch_number'),
    note: text('note'),
    sampledAt: timestamp('sampled_at', { withTimezone: true }).notNull(),
    sampledBy: uuid('sampled_by').references(() => appUser.id),
    editionId: text('edition_id').notNull(),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdiction.id),
    jurisdictionPath: text('jurisdiction_path').notNull(),
    ...timestamps(),
  },
  (t) => [
    index('environment_sample_place_idx').on(t.placeId, t.sampledAt),
    index('environment_sample_batch_idx').on(t.batchNumber).where(sql`batch_number is not null`),
    index('environment_sample_path_idx').using('btree', t.jurisdictionPath.op('text_pattern_ops')),
  ],
);
