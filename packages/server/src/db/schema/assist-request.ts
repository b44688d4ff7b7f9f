import { date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { appUser } from './access.ts';
import { idColumn, timestamps } from './columns.ts';
import { jurisdiction } from './jurisdiction.ts';
import { keyPersonEpisode } from './key-person.ts';
import { person } from './person.ts';

/** 协查: a person notified by another jurisdiction, routed to the community of the address, accepted or returned. */
export const assistRequest = pgTable(
  'assist_request',
  {
    id: idColumn(),
    sourceOrg: text('source_org').notNull(),
    documentNumber: text('document_number'),
    category: text('category').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    name: text('name').notNull(),
    idType: text('id_type').notNull(),
    idHash: text('id_hash').notNull(),
    idCipher: text('id_cipher').notNull(),
    idMasked: text('id_masked').notNull(),
    phoneCipher: text('phone_cipher'),
    phoneMasked: text('phone_masked'),
    addressCipher: text('address_cipher').notNull(),
    addressMasked: text('address_masked').notNull(),
    /** The part of the address that decided the routing. */
    routedBy: text('routed_by'),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdiction.id),
    jurisdictionPath: text('jurisdiction_path').notNull(),
    /** pending → accepted | returned */
    status: text('status').notNull().default('pending'),
    decidedBy: uuid('decided_by').references(() => appUser.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionReason: text('decision_reason'),
    personId: uuid('person_id').references(() => person.id),
    episodeId: uuid('episode_id').references(() => keyPersonEpisode.id),
    receivedBy: uuid('received_by').references(() => appUser.id),
    ...timestamps(),
  },
  (t) => [index('assist_request_path_idx').using('btree', t.status, t.jurisdictionPath.op('text_pattern_ops'))],
);
