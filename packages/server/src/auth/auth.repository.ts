import type { Role, RoleGrant } from '@fangkong/core';
import { and, eq, gt, lt, ne } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { appUser, jurisdiction, roleAssignment, session } from '../db/schema/index.ts';

export type UserRow = typeof appUser.$inferSelect;

export async function findUserByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  const rows = await db.select().from(appUser).where(eq(appUser.username, username)).limit(1);
  return rows[0];
}

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  const rows = await db.select().from(appUser).where(eq(appUser.id, id)).limit(1);
  return rows[0];
}

export async function grantsOfUser(db: Db, userId: string): Promise<(RoleGrant & { assignmentId: string; jurisdictionName: string })[]> {
  const rows = await db
    .select({
      assignmentId: roleAssignment.id,
      role: roleAssignment.role,
      jurisdictionId: roleAssignment.jurisdictionId,
      jurisdictionPath: jurisdiction.path,
      jurisdictionName: jurisdiction.name,
    })
    .from(roleAssignment)
    .innerJoin(jurisdiction, eq(jurisdiction.id, roleAssignment.jurisdictionId))
    .where(eq(roleAssignment.userId, userId));
  return rows.map((row) => ({ ...row, role: row.role as Role }));
}

export async function recordLoginFailure(db: Db, userId: string, failures: number, lockedUntil: Date | null) {
  await db.update(appUser).set({ failedLogins: failures, lockedUntil, updatedAt: new Date() }).where(eq(appUser.id, userId));
}

export async function recordLoginSuccess(db: Db, userId: string, at: Date) {
  await db.update(appUser).set({ failedLogins: 0, lockedUntil: null, lastLoginAt: at, updatedAt: at }).where(eq(appUser.id, userId));
}

export async function insertSession(db: Db, row: typeof session.$inferInsert) {
  await db.insert(session).values(row);
}

export async function findLiveSession(db: Db, sessionId: string, now: Date) {
  const rows = await db
    .select({ session, user: appUser })
    .from(session)
    .innerJoin(appUser, eq(appUser.id, session.userId))
    .where(and(eq(session.id, sessionId), gt(session.expiresAt, now)))
    .limit(1);
  return rows[0];
}

export async function deleteSession(db: Db, sessionId: string) {
  await db.delete(session).where(eq(session.id, sessionId));
}

/** Ends every session of an account, except the one given (the session that changed the password). */
export async function deleteSessionsOfUser(db: Db, userId: string, keepSessionId: string | null) {
  await db.delete(session).where(and(eq(session.userId, userId), keepSessionId ? ne(session.id, keepSessionId) : undefined));
}

export async function deleteExpiredSessions(db: Db, now: Date) {
  await db.delete(session).where(lt(session.expiresAt, now));
}
