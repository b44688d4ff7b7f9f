import type { LiftingChecklist } from '@fangkong/core';
import { sql } from 'drizzle-orm';
import { boolean, date, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appUser } from './access.ts';
import { caseReport } from './cases.ts';
import { idColumn, timestamps } from './columns.ts';
import { jurisdiction } from './jurisdiction.ts';

/** A reason as stored with a grade: the rule, its clause and the numbers it rests on. */
export interface StoredReason {
  rule: string;
  source: string;
  clause: string;
  says: string;
  configured?: boolean;
  facts?: Record<string, unknown>;
}

/**
 * A risk grade of an area (风险等级, REQUIREMENTS ZONE-001): computed under an edition with its reasons,
 * proposed by a person, confirmed and published by a person holding the issuing authority, with the
 * publication record. A published grade stays until the next one for the area supersedes it.
 */
export const riskArea = pgTable(
  'risk_area',
  {
    id: idColumn(),
    /** The graded unit (a town under seed 000, a county under seed 003, a compound or village under the 9th edition). */
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdiction.id),
    jurisdictionPath: text('jurisdiction_path').notNull(),
    editionId: text('edition_id').notNull(),
    /** The day the grade was computed for. */
    asOf: date('as_of', { mode: 'string' }).notNull(),
    /** What the rules gave, with the clauses and numbers (`because`). */
    computedLevel: text('computed_level').notNull(),
    reasons: jsonb('reasons').$type<StoredReason[]>().notNull(),
    /** The grade as confirmed (the computed one unless the person confirming chose another, with a note). */
    level: text('level').notNull(),
    /** proposed → confirmed → published → superseded. */
    status: text('status').notNull().default('proposed'),
    proposedBy: uuid('proposed_by').references(() => appUser.id),
    proposedAt: timestamp('proposed_at', { withTimezone: true }).notNull(),
    confirmedBy: uuid('confirmed_by').references(() => appUser.id),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    confirmNote: text('confirm_note'),
    /** The body that issues the grade (e.g. 区新冠肺炎疫情防控指挥部, 省卫生健康委员会). */
    issuingAuthority: text('issuing_authority'),
    /** The publication record: the notice's number or where it was published. */
    publicationRef: text('publication_ref'),
    publishedBy: uuid('published_by').references(() => appUser.id),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    effectiveFrom: date('effective_from', { mode: 'string' }),
    /** Set when a later grade of the area is published. */
    effectiveTo: date('effective_to', { mode: 'string' }),
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
    ...timestamps(),
  },
  (t) => [
    index('risk_area_path_idx').using('btree', t.jurisdictionPath.op('text_pattern_ops')),
    uniqueIndex('risk_area_published_unique').on(t.jurisdictionId).where(sql`status = 'published'`),
    uniqueIndex('risk_area_pending_unique').on(t.jurisdictionId).where(sql`status in ('proposed', 'confirmed')`),
  ],
);

/** A minimum control unit a zone is drawn over: a jurisdiction (town, village), a grid, a building or a unit. */
export interface ControlUnitRecord {
  kind: 'jurisdiction' | 'grid' | 'building' | 'unit';
  id: string;
  name: string;
  /** The jurisdiction path of the unit (a place's: its grid's). */
  path: string;
}

/**
 * A control zone (封控区 / 管控区 / 防范区; 疫点 / 疫区, ZONE-002…017) drawn over minimum control units,
 * with its basis, start, lifting checklist and who lifted it (an override before the checklist holds
 * keeps its reason). Its jurisdiction is the deepest one holding every unit: who may see and lift it.
 */
export const controlZone = pgTable(
  'control_zone',
  {
    id: idColumn(),
    name: text('name').notNull(),
    /** outbreak_spot | outbreak_zone | control_area (ZONE_KINDS). */
    kind: text('kind').notNull(),
    /** sealed_zone | controlled_zone | precaution_zone (CONTROL_ZONE_TYPES). */
    zoneType: text('zone_type').notNull(),
    /** sporadic | cluster | transmission, when drawn for an outbreak (ZONE-004). */
    outbreakType: text('outbreak_type'),
    editionId: text('edition_id').notNull(),
    /** case | cluster | decision: what the zone rests on, with its reference and a note. */
    basisKind: text('basis_kind').notNull(),
    basisRef: text('basis_ref').notNull(),
    basisNote: text('basis_note').notNull(),
    caseId: uuid('case_id').references(() => caseReport.id),
    units: jsonb('units').$type<ControlUnitRecord[]>().notNull(),
    startAt: timestamp('start_at', { withTimezone: true }).notNull(),
    /** active → lifted. */
    status: text('status').notNull().default('active'),
    /** The checklist as it stood when the zone was lifted. */
    liftingChecklist: jsonb('lifting_checklist').$type<LiftingChecklist>(),
    liftedBy: uuid('lifted_by').references(() => appUser.id),
    liftedAt: timestamp('lifted_at', { withTimezone: true }),
    liftOverride: boolean('lift_override').notNull().default(false),
    overrideReason: text('override_reason'),
    createdBy: uuid('created_by').references(() => appUser.id),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdiction.id),
    jurisdictionPath: text('jurisdiction_path').notNull(),
    ...timestamps(),
  },
  (t) => [
    index('control_zone_path_idx').using('btree', t.jurisdictionPath.op('text_pattern_ops')),
    index('control_zone_active_idx').on(t.status).where(sql`status = 'active'`),
    index('control_zone_units_idx').using('gin', t.units),
  ],
);
