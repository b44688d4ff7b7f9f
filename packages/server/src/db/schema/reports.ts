import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appUser } from './access.ts';
import { idColumn, timestamps } from './columns.ts';
import { jurisdiction, place } from './jurisdiction.ts';

/**
 * A version of a report template (REQUIREMENTS §10, Annex A): the definition as core writes it (fields,
 * reporter, frequency, deadline in Asia/Shanghai, zero report, signature, aggregation, basis). The
 * shipped templates stand at the country root; a jurisdiction may publish its own version for its
 * subtree (RULES-001). A version never changes once written: submissions point at the one they used.
 */
export const reportTemplate = pgTable(
  'report_template',
  {
    id: idColumn(),
    code: text('code').notNull(),
    version: integer('version').notNull(),
    name: text('name').notNull(),
    /** `submitted` (filled in by units) or `generated` (made by the platform itself). */
    kind: text('kind').notNull(),
    /** The whole definition (core `ReportTemplateDefinition`). */
    definition: jsonb('definition').$type<Record<string, unknown>>().notNull(),
    /** Where the version applies: the country root for the shipped ones, or a district or town for a local one. */
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdiction.id),
    jurisdictionPath: text('jurisdiction_path').notNull(),
    publishedBy: uuid('published_by').references(() => appUser.id),
    reason: text('reason'),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('report_template_version_idx').on(t.code, t.jurisdictionPath, t.version),
    index('report_template_path_idx').using('btree', t.jurisdictionPath.op('text_pattern_ops')),
  ],
);

/**
 * One unit's report for one day on one template (DAILY-001…006): a community (jurisdiction) or an
 * institution (place). A correction is a new row that supersedes the one before (`previous_id`), so the
 * history stays. Rows of a table hold personal data and are stored encrypted; figures are plain counts.
 */
export const reportSubmission = pgTable(
  'report_submission',
  {
    id: idColumn(),
    templateId: uuid('template_id')
      .notNull()
      .references(() => reportTemplate.id),
    templateCode: text('template_code').notNull(),
    /** The day reported (Asia/Shanghai). */
    period: date('period', { mode: 'string' }).notNull(),
    /** The reporting unit: a jurisdiction id (`unit_kind` = jurisdiction) or a place id (`place`). */
    unitKind: text('unit_kind').notNull(),
    unitJurisdictionId: uuid('unit_jurisdiction_id').references(() => jurisdiction.id),
    unitPlaceId: uuid('unit_place_id').references(() => place.id),
    /** draft (awaiting the responsible person's signature) → submitted; superseded once corrected. */
    status: text('status').notNull(),
    zero: boolean('zero').notNull().default(false),
    /** Every figure of the template version (null: a standing count left out of a zero report). */
    figures: jsonb('figures').$type<Record<string, number | null>>().notNull(),
    /** What the platform held when the report was made (pre-filled figures, offered rows), to show where figures came from. */
    platform: jsonb('platform').$type<Record<string, number>>().notNull().default({}),
    /** The table's rows as encrypted JSON (personal data), or null for a form of figures only. */
    rowsCipher: text('rows_cipher'),
    rowCount: integer('row_count').notNull().default(0),
    notes: text('notes'),
    /** form | zero | upload */
    source: text('source').notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    /** When this revision became a report (signed where a signature is needed). */
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    /** When the unit first reported this day, carried through corrections: punctuality is judged on it. */
    firstSubmittedAt: timestamp('first_submitted_at', { withTimezone: true }),
    late: boolean('late').notNull().default(false),
    createdBy: uuid('created_by').references(() => appUser.id),
    signedBy: uuid('signed_by').references(() => appUser.id),
    signerName: text('signer_name'),
    signedAt: timestamp('signed_at', { withTimezone: true }),
    /** Who holds the unit's seal and stamped the table (印章保管人). */
    sealHolder: text('seal_holder'),
    revision: integer('revision').notNull().default(1),
    previousId: uuid('previous_id'),
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
    correctionReason: text('correction_reason'),
    /** The unit's jurisdiction (a place's own jurisdiction for an institution). */
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdiction.id),
    jurisdictionPath: text('jurisdiction_path').notNull(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('report_submission_current_idx')
      .on(t.templateCode, t.unitKind, sql`coalesce(${t.unitPlaceId}, ${t.unitJurisdictionId})`, t.period)
      .where(sql`status <> 'superseded'`),
    index('report_submission_period_path_idx').using('btree', t.period, t.templateCode, t.jurisdictionPath.op('text_pattern_ops')),
    index('report_submission_unit_idx').on(t.unitJurisdictionId, t.unitPlaceId, t.period),
  ],
);
