import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '@fangkong/core';
import { recordAudit } from '../audit/audit.service.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import type { Actor, RequestContext } from '../http/context.ts';
import {
  deleteSession,
  findLiveSession,
  findUserByUsername,
  grantsOfUser,
  insertSession,
  recordLoginFailure,
  recordLoginSuccess,
} from './auth.repository.ts';
import { verifyPassword } from './passwords.ts';
import type { SessionCache } from './session-cache.ts';

export interface LoginResult {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export interface ResolvedSession {
  sessionId: string;
  csrfToken: string;
  actor: Actor;
  mustChangePassword: boolean;
}

export const sessionIdOf = (token: string) => createHash('sha256').update(token).digest('base64url');

type LoginConfig = Pick<Config, 'loginMaxFailures' | 'loginLockMinutes' | 'sessionHours'>;

/** A one-time password not changed in time opens nothing: an admin must issue a new one. */
const oneTimePasswordExpired = (user: { mustChangePassword: boolean; oneTimePasswordExpiresAt: Date | null }, now: Date) =>
  user.mustChangePassword && user.oneTimePasswordExpiresAt !== null && user.oneTimePasswordExpiresAt <= now;

async function refuseLogin(db: Db, context: RequestContext, code: string, userId: string | null) {
  await recordAudit(db, context, { action: 'auth.loginRefused', entityType: 'app_user', entityId: userId, reason: code });
}

/** Checks the password, applies lock-out, opens a session. Failures are audited too. */
export async function login(
  db: Db,
  config: LoginConfig,
  context: RequestContext,
  username: string,
  password: string,
  now: Date,
): Promise<LoginResult> {
  const user = await findUserByUsername(db, username);
  if (!user) {
    await refuseLogin(db, context, 'badCredentials', null);
    throw new AppError('unauthenticated', 'badCredentials', 'password');
  }
  if (user.disabled) {
    await refuseLogin(db, context, 'accountDisabled', user.id);
    throw new AppError('forbidden', 'accountDisabled', 'username');
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    const minutes = Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 60_000);
    await refuseLogin(db, context, 'accountLocked', user.id);
    throw new AppError('locked', 'accountLocked', 'username', { minutes });
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    const failures = user.failedLogins + 1;
    const lock = failures >= config.loginMaxFailures ? new Date(now.getTime() + config.loginLockMinutes * 60_000) : null;
    await db.transaction(async (tx) => {
      await recordLoginFailure(tx, user.id, lock ? 0 : failures, lock);
      await refuseLogin(tx, context, lock ? 'accountLocked' : 'badCredentials', user.id);
    });
    throw new AppError('unauthenticated', 'badCredentials', 'password');
  }
  if (oneTimePasswordExpired(user, now)) {
    await refuseLogin(db, context, 'oneTimePasswordExpired', user.id);
    throw new AppError('unauthenticated', 'oneTimePasswordExpired', 'password');
  }
  return openSession(db, config, { ...context, actor: { ...context.actor, userId: user.id, username: user.username } }, user.id, now);
}

async function openSession(db: Db, config: LoginConfig, context: RequestContext, userId: string, now: Date): Promise<LoginResult> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + config.sessionHours * 3_600_000);
  await db.transaction(async (tx) => {
    await insertSession(tx, { id: sessionIdOf(token), userId, csrfToken, clientIp: context.clientIp, expiresAt });
    await recordLoginSuccess(tx, userId, now);
    await recordAudit(tx, context, { action: 'auth.login', entityType: 'app_user', entityId: userId });
  });
  return { token, csrfToken, expiresAt };
}

export async function logout(db: Db, cache: SessionCache, context: RequestContext, sessionId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await deleteSession(tx, sessionId);
    await recordAudit(tx, context, { action: 'auth.logout', entityType: 'app_user', entityId: context.actor.userId });
  });
  cache.forget(sessionId);
}

/** Looks a cookie token up (briefly cached, see SessionCache) and loads the user's role grants. */
export async function resolveSession(db: Db, cache: SessionCache, token: string, now: Date): Promise<ResolvedSession | null> {
  const sessionId = sessionIdOf(token);
  const cached = cache.get(sessionId, now.getTime());
  if (cached !== undefined) return cached;
  const found = await findLiveSession(db, sessionId, now);
  const resolved =
    found && !found.user.disabled
      ? {
          sessionId,
          csrfToken: found.session.csrfToken,
          mustChangePassword: found.user.mustChangePassword,
          actor: {
            userId: found.user.id,
            username: found.user.username,
            displayName: found.user.displayName,
            grants: await grantsOfUser(db, found.user.id),
          },
        }
      : null;
  cache.set(sessionId, resolved, now.getTime(), found?.session.expiresAt.getTime());
  return resolved;
}
