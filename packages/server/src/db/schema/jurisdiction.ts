import { type AnyPgColumn, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { idColumn, timestamps } from './columns.ts';

export const jurisdiction = pgTable(
  'jurisdiction',
  {
    id: idColumn(),
    /** NBS division code (2/4/6/9/12 digits); grids extend their village code. */
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    level: text('level').notNull(),
    parentId: uuid('parent_id').references((): AnyPgColumn => jurisdiction.id),
    /** Materialized path of codes, `/32/3204/320412/`, for prefix queries. */
    path: text('path').notNull().unique(),
    ...timestamps(),
  },
  (t) => [
    index('jurisdiction_parent_idx').on(t.parentId),
    index('jurisdiction_path_prefix_idx').using('btree', t.path.op('text_pattern_ops')),
  ],
);

export const place = pgTable(
  'place',
  {
    id: idColumn(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    /** Stable natural key (e.g. `320412100001-03-2-0501`) that makes seeding and imports idempotent. */
    code: text('code').notNull().unique(),
    parentPlaceId: uuid('parent_place_id').references((): AnyPgColumn => place.id),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdiction.id),
    jurisdictionPath: text('jurisdiction_path').notNull(),
    address: text('address'),
    attributes: jsonb('attributes').$type<Record<string, unknown>>().notNull().default({}),
    ...timestamps(),
  },
  (t) => [
    index('place_parent_idx').on(t.parentPlaceId),
    index('place_kind_path_idx').using('btree', t.kind, t.jurisdictionPath.op('text_pattern_ops')),
    index('place_path_prefix_idx').using('btree', t.jurisdictionPath.op('text_pattern_ops')),
  ],
);
