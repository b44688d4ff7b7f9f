import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appUser } from './access.ts';
import { idColumn, timestamps } from './columns.ts';
import { jurisdiction } from './jurisdiction.ts';
import { person } from './person.ts';

/**
 * Testing (REQUIREMENTS §5). `sample`, `pool_member` and `lab_result` grow with every person tested:
 * they carry no foreign keys and no cross-row uniqueness beyond their own natural keys, so they can be
 * partitioned by time on PostgreSQL later (see docs/testing.md).
 */

/** A person on the roster of one of the 12 mandatory-testing groups (TEST-001); leaving ends the membership. */
export const testingGroupMember = pgTable(
  'testing_group_member',
  {
    id: idColumn(),
    group: text('group_code').notNull(),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id),
    /** The unit that keeps the roster (hospital, prison, care home…), for the payer and the list. */
    unitName: text('unit_name'),
    joinedOn: date('joined_on', { mode: 'string' }).notNull(),
    leftOn: date('left_on', { mode: 'string' }),
    leftReason: text('left_reason'),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdiction.id),
    jurisdictionPath: text('jurisdiction_path').notNull(),
    createdBy: uuid('created_by').references(() => appUser.id),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('testing_group_member_active_idx').on(t.group, t.personId).where(sql`left_on is null`),
    index('testing_group_member_path_idx').using('btree', t.jurisdictionPath.op('text_pattern_ops')),
    index('testing_group_member_person_idx').on(t.personId),
  ],
);

/** A mass-testing campaign (全员/区域核酸) over a jurisdiction subtree, under the edition in force when it opened. */
export const testCampaign = pgTable(
  'test_campaign',
  {
    id: idColumn(),
    name: text('name').notNull(),
    editionId: text('edition_id').notNull(),
    /** The local profile in force where and when the campaign opened (shipped or the district's); it keeps it (RULES-001). */
    profileId: text('profile_id'),
    /** open → closed; nothing is sampled into a closed campaign. */
    status: text('status').notNull().default('open'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** The zone type and pool outside every zone of the campaign. */
    defaultZoneType: text('default_zone_type').notNull().default('general'),
    defaultPoolSize: integer('default_pool_size').notNull(),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdiction.id),
    jurisdictionPath: text('jurisdiction_path').notNull(),
    createdBy: uuid('created_by').references(() => appUser.id),
    ...timestamps(),
  },
  (t) => [index('test_campaign_path_idx').using('btree', t.jurisdictionPath.op('text_pattern_ops'))],
);

/** A sealed, controlled or precaution zone inside a campaign, with the pool chosen for it. */
export const campaignZone = pgTable(
  'campaign_zone',
  {
    id: idColumn(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => testCampaign.id),
    zoneType: text('zone_type').notNull(),
    poolSize: integer('pool_size').notNull(),
    household: boolean('household').notNull().default(false),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdiction.id),
    jurisdictionPath: text('jurisdiction_path').notNull(),
    ...timestamps(),
  },
  (t) => [uniqueIndex('campaign_zone_campaign_jurisdiction_idx').on(t.campaignId, t.jurisdictionId)],
);

/** 采样点: where a campaign samples, with opening hours, staff and the residents it expects. */
export const collectionPoint = pgTable(
  'collection_point',
  {
    id: idColumn(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => testCampaign.id),
    name: text('name').notNull(),
    address: text('address'),
    /** Opening hours, Asia/Shanghai wall clock `HH:MM`. */
    opensAt: text('opens_at').notNull(),
    closesAt: text('closes_at').notNull(),
    staff: integer('staff').notNull().default(0),
    expectedResidents: integer('expected_residents').notNull().default(0),
    /** The lab its tubes go to, for "pending by lab". */
    labName: text('lab_name'),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdiction.id),
    jurisdictionPath: text('jurisdiction_path').notNull(),
    ...timestamps(),
  },
  (t) => [index('collection_point_campaign_idx').on(t.campaignId)],
);

/** 采样管: a barcode holding one sample or a pool; open while it fills, closed when full or closed by hand. */
export const tube = pgTable(
  'tube',
  {
    id: idColumn(),
    barcode: text('barcode').notNull().unique(),
    campaignId: uuid('campaign_id'),
    collectionPointId: uuid('collection_point_id'),
    poolSize: integer('pool_size').notNull(),
    household: boolean('household').notNull().default(false),
    householdId: uuid('household_id'),
    zoneType: text('zone_type').notNull(),
    /** campaign | fever_clinic | routine: which turnaround limit applies. */
    setting: text('setting').notNull(),
    /** open → closed */
    status: text('status').notNull().default('open'),
    memberCount: integer('member_count').notNull().default(0),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    labName: text('lab_name'),
    /** The positive pool a single-tube retest answers for. */
    retestOfTubeId: uuid('retest_of_tube_id'),
    editionId: text('edition_id').notNull(),
    jurisdictionPath: text('jurisdiction_path').notNull(),
    createdBy: uuid('created_by'),
    ...timestamps(),
  },
  (t) => [
    index('tube_campaign_status_idx').on(t.campaignId, t.status),
    index('tube_path_idx').using('btree', t.jurisdictionPath.op('text_pattern_ops')),
    index('tube_retest_of_idx').on(t.retestOfTubeId),
  ],
);

/** One person's specimen: who, when, why and who pays (TEST-002). Its result is its tube's. */
export const sample = pgTable(
  'sample',
  {
    id: idColumn(),
    personId: uuid('person_id').notNull(),
    campaignId: uuid('campaign_id'),
    collectionPointId: uuid('collection_point_id'),
    /** campaign | mandatory | voluntary | retest */
    purpose: text('purpose').notNull(),
    payer: text('payer').notNull(),
    /** Mandatory groups the person was on at sampling time. */
    groups: jsonb('groups').$type<string[]>().notNull().default([]),
    sampledAt: timestamp('sampled_at', { withTimezone: true }).notNull(),
    sampledBy: uuid('sampled_by'),
    jurisdictionPath: text('jurisdiction_path').notNull(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('sample_campaign_person_idx').on(t.campaignId, t.personId).where(sql`purpose = 'campaign'`),
    index('sample_person_idx').on(t.personId, t.sampledAt),
    index('sample_campaign_path_idx').using('btree', t.campaignId, t.jurisdictionPath.op('text_pattern_ops')),
  ],
);

/** A sample's place in a tube. */
export const poolMember = pgTable(
  'pool_member',
  {
    id: idColumn(),
    tubeId: uuid('tube_id').notNull(),
    sampleId: uuid('sample_id').notNull().unique(),
    personId: uuid('person_id').notNull(),
    position: integer('position').notNull(),
    jurisdictionPath: text('jurisdiction_path').notNull(),
    ...timestamps(),
  },
  (t) => [uniqueIndex('pool_member_tube_position_idx').on(t.tubeId, t.position)],
);

/**
 * A lab's result for a tube, as received (file or API). One per tube: its id is the tube's id, so the
 * primary key is the idempotence key (the same result again changes nothing) and the only index a
 * million-row import has to maintain.
 */
export const labResult = pgTable('lab_result', {
  /** The tube's id. */
  id: uuid('id').primaryKey(),
  barcode: text('barcode').notNull(),
  result: text('result').notNull(),
  labName: text('lab_name').notNull(),
  testedAt: timestamp('tested_at', { withTimezone: true }).notNull(),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
  /** csv | xlsx | api */
  source: text('source').notNull(),
  importJobId: uuid('import_job_id'),
  reportedBy: uuid('reported_by'),
  jurisdictionPath: text('jurisdiction_path').notNull(),
  /** The approved correction that set the current result; null while it is as the lab first reported it. */
  correctionId: uuid('correction_id'),
  correctedAt: timestamp('corrected_at', { withTimezone: true }),
  ...timestamps(),
});

/**
 * 结果更正: a change to a tube's result (mislabelled tube, the lab's retest of the same tube, a
 * reporting error), requested by one user and approved or rejected by a second. The result keeps its
 * current value and points at the approved correction; these rows are its history. At most one is
 * pending per tube. No foreign key to `lab_result`, which may be partitioned.
 */
export const labResultCorrection = pgTable(
  'lab_result_correction',
  {
    id: idColumn(),
    /** The lab result's (and so the tube's) id. */
    labResultId: uuid('lab_result_id').notNull(),
    barcode: text('barcode').notNull(),
    previousResult: text('previous_result').notNull(),
    newResult: text('new_result').notNull(),
    reason: text('reason').notNull(),
    /** The lab's reference or document number for the corrected report, if any. */
    labReference: text('lab_reference'),
    /** pending → approved | rejected */
    status: text('status').notNull().default('pending'),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => appUser.id),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    decidedBy: uuid('decided_by').references(() => appUser.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionReason: text('decision_reason'),
    /** What the approval set off (tasks opened and closed, alerts, hand-overs), each row of which names this correction. */
    followUp: jsonb('follow_up').$type<Record<string, unknown>>(),
    jurisdictionPath: text('jurisdiction_path').notNull(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('lab_result_correction_one_pending_idx').on(t.labResultId).where(sql`status = 'pending'`),
    index('lab_result_correction_result_idx').on(t.labResultId, t.requestedAt),
    index('lab_result_correction_path_idx').using('btree', t.status, t.jurisdictionPath.op('text_pattern_ops')),
  ],
);

/** 检测证明: issued for a sample; the public verification finds it by the hash of a random token. */
export const testCertificate = pgTable(
  'test_certificate',
  {
    id: idColumn(),
    sampleId: uuid('sample_id').notNull(),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id),
    tokenHash: text('token_hash').notNull().unique(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    issuedBy: uuid('issued_by').references(() => appUser.id),
    jurisdictionPath: text('jurisdiction_path').notNull(),
    ...timestamps(),
  },
  (t) => [index('test_certificate_sample_idx').on(t.sampleId)],
);
