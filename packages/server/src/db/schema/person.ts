import { date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { idColumn, timestamps } from './columns.ts';
import { jurisdiction, place } from './jurisdiction.ts';

export const person = pgTable(
  'person',
  {
    id: idColumn(),
    idType: text('id_type').notNull(),
    /** Keyed hash (HMAC-SHA256) of the normalized ID number: the lookup key. */
    idHash: text('id_hash').notNull().unique(),
    idCipher: text('id_cipher').notNull(),
    idMasked: text('id_masked').notNull(),
    name: text('name').notNull(),
    gender: text('gender'),
    birthDate: date('birth_date', { mode: 'string' }),
    phoneCipher: text('phone_cipher'),
    phoneMasked: text('phone_masked'),
    /** Keyed hash of the normalized phone, so a phone can be searched without decrypting. */
    phoneHash: text('phone_hash'),
    addressCipher: text('address_cipher'),
    addressMasked: text('address_masked'),
    householdId: uuid('household_id').references(() => place.id),
    /** head / spouse / child / parent / other, relative to the household head. */
    householdRole: text('household_role'),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdiction.id),
    jurisdictionPath: text('jurisdiction_path').notNull(),
    /**
     * Set by the retention job (issue 12): name, ID, phone, address and household were cleared, the birth date
     * kept to its year; the row stays for counts and for the records that point to it.
     */
    anonymisedAt: timestamp('anonymised_at', { withTimezone: true }),
    ...timestamps(),
  },
  (t) => [
    index('person_path_prefix_idx').using('btree', t.jurisdictionPath.op('text_pattern_ops')),
    index('person_name_prefix_idx').using('btree', t.name.op('text_pattern_ops')),
    index('person_phone_hash_idx').on(t.phoneHash),
    index('person_household_idx').on(t.householdId),
  ],
);
