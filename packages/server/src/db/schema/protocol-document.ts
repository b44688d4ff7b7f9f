import type { ProtocolDocument } from '@fangkong/core';
import { sql } from 'drizzle-orm';
import { date, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appUser } from './access.ts';
import { idColumn, timestamps } from './columns.ts';
import { jurisdiction } from './jurisdiction.ts';

/**
 * A protocol edition or local profile held as data (issue 14 part 3, RULES-001): drafted from a file or the web
 * page, approved by someone other than the drafter with its legal basis, then active from a date. A profile
 * applies to its jurisdiction's subtree; activating one supersedes the active profile of the same jurisdiction
 * and edition. Episodes keep the profile they started under (by its `key`, which names one version for good).
 */
export const protocolDocument = pgTable(
  'protocol_document',
  {
    id: idColumn(),
    /** `edition` or `profile`. */
    kind: text('kind').notNull(),
    /** The edition's or the profile's own id inside the document; unique, and never one of the shipped ids. */
    key: text('key').notNull(),
    /** The edition a profile overlays (an edition's own id for an edition). */
    editionId: text('edition_id').notNull(),
    name: text('name').notNull(),
    /** The jurisdiction whose subtree the document is for (a profile's `jurisdictionCode`). */
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdiction.id),
    jurisdictionPath: text('jurisdiction_path').notNull(),
    document: jsonb('document').$type<ProtocolDocument>().notNull(),
    /** draft → approved → active → superseded. */
    status: text('status').notNull().default('draft'),
    draftedBy: uuid('drafted_by').references(() => appUser.id),
    draftedAt: timestamp('drafted_at', { withTimezone: true }).notNull(),
    approvedBy: uuid('approved_by').references(() => appUser.id),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    /** The approval's legal basis: the decision or notice that adopts the document (文号、会议纪要). */
    approvalBasis: text('approval_basis'),
    activatedBy: uuid('activated_by').references(() => appUser.id),
    activatedAt: timestamp('activated_at', { withTimezone: true }),
    /** Episodes registered from this day on run under the document. */
    effectiveFrom: date('effective_from', { mode: 'string' }),
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('protocol_document_key_unique').on(t.key),
    index('protocol_document_path_idx').using('btree', t.jurisdictionPath.op('text_pattern_ops')),
    /** One active profile per jurisdiction and edition: activating another supersedes it. */
    uniqueIndex('protocol_document_active_unique').on(t.jurisdictionId, t.editionId, t.kind).where(sql`status = 'active'`),
  ],
);
