import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { appUser } from './access.ts';
import { idColumn, timestamps } from './columns.ts';
import { headquarters, rosterMember } from './command.ts';
import { jurisdiction } from './jurisdiction.ts';

/**
 * 请示报备 (SUP-011, ORG-065, A41; seed 004 Part C §三(二)): a principal leader's or a leader in charge's request to
 * leave the area, filed with the superior; only its approval makes the leader "away" for its window (SC-71).
 */
export const leaderTravelRequest = pgTable(
  'leader_travel_request',
  {
    id: idColumn(),
    headquartersId: uuid('headquarters_id')
      .notNull()
      .references(() => headquarters.id),
    rosterMemberId: uuid('roster_member_id')
      .notNull()
      .references(() => rosterMember.id),
    destination: text('destination').notNull(),
    reason: text('reason').notNull(),
    departAt: timestamp('depart_at', { withTimezone: true }).notNull(),
    returnAt: timestamp('return_at', { withTimezone: true }).notNull(),
    /** core TRAVEL_REQUEST_STATES. */
    status: text('status').notNull().default('requested'),
    requestedBy: uuid('requested_by').references(() => appUser.id),
    decidedBy: uuid('decided_by').references(() => appUser.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdiction.id),
    jurisdictionPath: text('jurisdiction_path').notNull(),
    ...timestamps(),
  },
  (t) => [
    index('leader_travel_request_headquarters_idx').on(t.headquartersId),
    index('leader_travel_request_member_idx').on(t.rosterMemberId),
  ],
);
