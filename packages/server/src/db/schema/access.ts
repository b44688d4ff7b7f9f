import { boolean, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { idColumn, timestamps } from './columns.ts';
import { jurisdiction } from './jurisdiction.ts';
import { person } from './person.ts';

export const appUser = pgTable('app_user', {
  id: idColumn(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  disabled: boolean('disabled').notNull().default(false),
  mustChangePassword: boolean('must_change_password').notNull().default(false),
  /** A one-time password (reset or generated at creation) stops working at this time if it was not changed (ASVS V2.3.1). */
  oneTimePasswordExpiresAt: timestamp('one_time_password_expires_at', { withTimezone: true }),
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
  personId: uuid('person_id').references(() => person.id),
  ...timestamps(),
});

export const roleAssignment = pgTable(
  'role_assignment',
  {
    id: idColumn(),
    userId: uuid('user_id')
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdiction.id),
    grantedBy: uuid('granted_by').references(() => appUser.id),
    ...timestamps(),
  },
  (t) => [index('role_assignment_user_idx').on(t.userId)],
);

export const session = pgTable(
  'session',
  {
    /** SHA-256 of the cookie token; the token itself is never stored. */
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    clientIp: text('client_ip'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ...timestamps(),
  },
  (t) => [index('session_user_idx').on(t.userId)],
);
