import { date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appUser } from './access.ts';
import { idColumn, timestamps } from './columns.ts';
import { jurisdiction, place } from './jurisdiction.ts';

/** Where a row sits in the tree: every supplies and preparedness row is scoped by it. */
const scoped = () => ({
  jurisdictionId: uuid('jurisdiction_id')
    .notNull()
    .references(() => jurisdiction.id),
  jurisdictionPath: text('jurisdiction_path').notNull(),
});

/**
 * A holder's stock of one item (RES-001…RES-013): a town/street, a quarantine site, a hospital, a
 * checkpoint kit or the district store holds so many units, used so many a day, the earliest of them
 * expiring on a date. The balance only changes through `stock_movement`.
 */
export const stockItem = pgTable(
  'stock_item',
  {
    id: idColumn(),
    ...scoped(),
    /** One of STOCK_HOLDER_KINDS (core). */
    holderKind: text('holder_kind').notNull(),
    holderName: text('holder_name').notNull(),
    placeId: uuid('place_id').references(() => place.id),
    /** One of SUPPLY_ITEMS (core). */
    item: text('item').notNull(),
    unit: text('unit').notNull(),
    quantity: integer('quantity').notNull().default(0),
    dailyUse: integer('daily_use'),
    expiresOn: date('expires_on', { mode: 'string' }),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('stock_item_holder_item_uq').on(t.jurisdictionId, t.holderKind, t.holderName, t.item),
    index('stock_item_path_idx').using('btree', t.jurisdictionPath.op('text_pattern_ops')),
  ],
);

/** One movement of a stock item (receive, donation, issue, transfer, adjust) with the balance it left. */
export const stockMovement = pgTable(
  'stock_movement',
  {
    id: idColumn(),
    stockItemId: uuid('stock_item_id')
      .notNull()
      .references(() => stockItem.id),
    kind: text('kind').notNull(),
    /** The signed change to the balance. */
    delta: integer('delta').notNull(),
    balanceAfter: integer('balance_after').notNull(),
    /** The other side of a transfer (the item it went to, or came from). */
    counterpartItemId: uuid('counterpart_item_id').references(() => stockItem.id),
    donor: text('donor'),
    reason: text('reason'),
    movedAt: timestamp('moved_at', { withTimezone: true }).notNull(),
    movedBy: uuid('moved_by').references(() => appUser.id),
    jurisdictionPath: text('jurisdiction_path').notNull(),
    ...timestamps(),
  },
  (t) => [index('stock_movement_item_idx').on(t.stockItemId, t.movedAt)],
);

/** A place disinfected so many times a day or week (ENV-003), from the protocol's frequency for its kind. */
export const disinfectionSchedule = pgTable(
  'disinfection_schedule',
  {
    id: idColumn(),
    ...scoped(),
    /** One of DISINFECTION_PLACE_KINDS (core). */
    placeKind: text('place_kind').notNull(),
    placeName: text('place_name').notNull(),
    placeId: uuid('place_id').references(() => place.id),
    times: integer('times').notNull(),
    per: text('per').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    ...timestamps(),
  },
  (t) => [index('disinfection_schedule_path_idx').using('btree', t.jurisdictionPath.op('text_pattern_ops'))],
);

export const disinfectionRecord = pgTable(
  'disinfection_record',
  {
    id: idColumn(),
    scheduleId: uuid('schedule_id')
      .notNull()
      .references(() => disinfectionSchedule.id),
    doneAt: timestamp('done_at', { withTimezone: true }).notNull(),
    doneBy: uuid('done_by').references(() => appUser.id),
    note: text('note'),
    jurisdictionPath: text('jurisdiction_path').notNull(),
    ...timestamps(),
  },
  (t) => [index('disinfection_record_schedule_idx').on(t.scheduleId, t.doneAt)],
);

/**
 * A facility, resource or preparation item a jurisdiction keeps (RES-002, RES-001, RES-007, PREP-001): a
 * designated hospital, an asymptomatic observation point, a quarantine site with its capacity, a service
 * point, a NAT lab, one of the ten checklist items; an ambulance, driver, doctor, police vehicle (RES-005),
 * the scarce-supply custodian (RES-009), the emergency fund (RES-010), an isolation ward or observation beds
 * (RES-015); counted by readiness once `ready`.
 */
export const preparationItem = pgTable(
  'preparation_item',
  {
    id: idColumn(),
    ...scoped(),
    /** One of PREPARATION_KINDS (core). */
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    capacity: integer('capacity'),
    /** The highest capacity held while ready (1 for a facility without beds): the floor RES-015 / MED-001 keeps; null for other kinds. */
    keptCapacity: integer('kept_capacity'),
    checklistNo: integer('checklist_no'),
    /** One of PREPARATION_STATUSES (core). */
    status: text('status').notNull(),
    note: text('note'),
    ...timestamps(),
  },
  (t) => [index('preparation_item_path_idx').using('btree', t.jurisdictionPath.op('text_pattern_ops'))],
);

/** An emergency plan at a level (PREP-004): issued by whom and when, reviewed by a date. */
export const emergencyPlan = pgTable(
  'emergency_plan',
  {
    id: idColumn(),
    ...scoped(),
    title: text('title').notNull(),
    documentNumber: text('document_number'),
    /** The response level the plan is for (I…IV), or `general`. */
    level: text('level').notNull(),
    issuedBy: text('issued_by').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    reviewDueOn: date('review_due_on', { mode: 'string' }).notNull(),
    ...timestamps(),
  },
  (t) => [index('emergency_plan_path_idx').using('btree', t.jurisdictionPath.op('text_pattern_ops'))],
);

/** A drill or training held (PREP-002, PREP-003) with its attendance and findings. */
export const exercise = pgTable(
  'exercise',
  {
    id: idColumn(),
    ...scoped(),
    /** One of EXERCISE_KINDS (core). */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    planId: uuid('plan_id').references(() => emergencyPlan.id),
    expected: integer('expected').notNull(),
    attended: integer('attended').notNull(),
    findings: text('findings').notNull(),
    followUp: text('follow_up'),
    ...timestamps(),
  },
  (t) => [index('exercise_path_idx').using('btree', t.jurisdictionPath.op('text_pattern_ops'))],
);
