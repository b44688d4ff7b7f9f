import { sql } from 'drizzle-orm';
import { bigint, date, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appUser } from './access.ts';
import { idColumn, timestamps } from './columns.ts';
import { place } from './jurisdiction.ts';

/** A printable place code (场所码) for a venue, community gate or checkpoint. */
export const placeCode = pgTable(
  'place_code',
  {
    id: idColumn(),
    placeId: uuid('place_id')
      .notNull()
      .references(() => place.id),
    /** Random, unguessable: what the poster's QR carries. */
    code: text('code').notNull().unique(),
    status: text('status').notNull().default('active'),
    jurisdictionPath: text('jurisdiction_path').notNull(),
    ...timestamps(),
  },
  (t) => [index('place_code_place_idx').on(t.placeId)],
);

/** A registered scanning device (checkpoint tablet); it authenticates with a key whose hash is kept. */
export const checkpointDevice = pgTable(
  'checkpoint_device',
  {
    id: idColumn(),
    placeId: uuid('place_id')
      .notNull()
      .references(() => place.id),
    name: text('name').notNull(),
    keyHash: text('key_hash').notNull().unique(),
    /** Highest sequence number ingested: offline batches are idempotent by (device, sequence). */
    lastSequence: bigint('last_sequence', { mode: 'number' }).notNull().default(0),
    status: text('status').notNull().default('active'),
    jurisdictionPath: text('jurisdiction_path').notNull(),
    ...timestamps(),
  },
  (t) => [index('checkpoint_device_place_idx').on(t.placeId)],
);

/** A scan at a place (append-only, large: no foreign keys so it can be partitioned by time). */
export const scan = pgTable(
  'scan',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    personId: uuid('person_id'),
    placeId: uuid('place_id').notNull(),
    deviceId: uuid('device_id'),
    deviceSequence: bigint('device_sequence', { mode: 'number' }),
    scannedAt: timestamp('scanned_at', { withTimezone: true }).notNull(),
    colourSeen: text('colour_seen'),
    /** allow | deny | register (outsider registration) */
    decision: text('decision').notNull(),
    reason: text('reason'),
    jurisdictionPath: text('jurisdiction_path').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('scan_device_sequence_idx').on(t.deviceId, t.deviceSequence),
    index('scan_person_time_idx').on(t.personId, t.scannedAt),
    index('scan_place_time_idx').on(t.placeId, t.scannedAt),
  ],
);

/** Who is on duty at a checkpoint per shift (seed 001 §三(二)1: day ≥ 4, night ≥ 2). */
export const dutyShift = pgTable(
  'duty_shift',
  {
    id: idColumn(),
    placeId: uuid('place_id')
      .notNull()
      .references(() => place.id),
    shiftDate: date('shift_date', { mode: 'string' }).notNull(),
    /** day | night */
    shift: text('shift').notNull(),
    staff: jsonb('staff').$type<{ name: string; userId?: string; phone?: string }[]>().notNull().default([]),
    jurisdictionPath: text('jurisdiction_path').notNull(),
    ...timestamps(),
  },
  (t) => [uniqueIndex('duty_shift_place_day_idx').on(t.placeId, t.shiftDate, t.shift)],
);

/** One household, one pass (一户一证) while a community is under closed management. */
export const householdPass = pgTable(
  'household_pass',
  {
    id: idColumn(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => place.id),
    passNumber: text('pass_number').notNull().unique(),
    status: text('status').notNull().default('active'),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    issuedBy: uuid('issued_by').references(() => appUser.id),
    revokedBy: uuid('revoked_by').references(() => appUser.id),
    revokedReason: text('revoked_reason'),
    jurisdictionPath: text('jurisdiction_path').notNull(),
    ...timestamps(),
  },
  (t) => [uniqueIndex('household_pass_active_idx').on(t.householdId).where(sql`status = 'active'`)],
);

export const passUse = pgTable(
  'pass_use',
  {
    id: idColumn(),
    passId: uuid('pass_id')
      .notNull()
      .references(() => householdPass.id),
    personId: uuid('person_id'),
    checkpointId: uuid('checkpoint_id')
      .notNull()
      .references(() => place.id),
    /** out | in */
    direction: text('direction').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }).notNull(),
    jurisdictionPath: text('jurisdiction_path').notNull(),
    ...timestamps(),
  },
  (t) => [index('pass_use_pass_time_idx').on(t.passId, t.usedAt)],
);

/** An outsider registered at a checkpoint (seed 001 §三(二)2), with the home-observation follow-up it created. */
export const outsiderRegistration = pgTable(
  'outsider_registration',
  {
    id: idColumn(),
    checkpointId: uuid('checkpoint_id')
      .notNull()
      .references(() => place.id),
    personId: uuid('person_id'),
    name: text('name').notNull(),
    idHash: text('id_hash').notNull(),
    idMasked: text('id_masked').notNull(),
    phoneMasked: text('phone_masked'),
    fromPlace: text('from_place').notNull(),
    reason: text('reason').notNull(),
    destinationHouseholdId: uuid('destination_household_id').references(() => place.id),
    episodeId: uuid('episode_id'),
    registeredBy: uuid('registered_by').references(() => appUser.id),
    registeredAt: timestamp('registered_at', { withTimezone: true }).notNull(),
    jurisdictionPath: text('jurisdiction_path').notNull(),
    ...timestamps(),
  },
  (t) => [index('outsider_registration_path_idx').using('btree', t.jurisdictionPath.op('text_pattern_ops'))],
);
