import {
  AppError,
  COUNTRY_ROOT,
  conflict,
  forbidden,
  invalid,
  maskName,
  maskUsername,
  notFound,
  pathInScope,
  type Role,
  scopePaths,
} from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { deleteSessionsOfUser, findUserById, findUserByUsername, grantsOfUser } from '../../auth/auth.repository.ts';
import { generatePassword, hashPassword, passwordIsStrong, verifyPassword } from '../../auth/passwords.ts';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../http/context.ts';
import { findJurisdictionById } from '../jurisdictions/jurisdiction.repository.ts';
import {
  deleteRoleAssignment,
  findRoleAssignment,
  insertRoleAssignment,
  insertUser,
  listUsers,
  rolesOfUsers,
  updateUser,
} from './user.repository.ts';

type Deps = Pick<AppDeps, 'database' | 'sessions' | 'config' | 'clock'>;

const oneTimePasswordExpiry = (deps: Deps) => new Date(deps.clock().getTime() + deps.config.oneTimePasswordHours * 3_600_000);

export interface NewUser {
  username: string;
  displayName: string;
  password?: string;
  role: Role;
  jurisdictionId: string;
}

const adminScope = (context: RequestContext) => scopePaths(context.actor.grants, 'user.admin');
/** Accounts with no role belong to no jurisdiction: only an admin of the whole country sees them. */
const isRootAdmin = (context: RequestContext) =>
  context.actor.grants.some((g) => g.role === 'system_admin' && g.jurisdictionPath === COUNTRY_ROOT.path);

async function grantableJurisdiction(db: Db, context: RequestContext | null, jurisdictionId: string) {
  const target = await findJurisdictionById(db, jurisdictionId);
  if (!target) throw invalid('jurisdictionId', 'unknownJurisdiction');
  if (context && !pathInScope(target.path, adminScope(context))) throw forbidden('jurisdictionId');
  return target;
}

/** Creates an account with its first role. `context.actor.userId === null` is the CLI (no scope check). */
export async function createUser(deps: Deps, context: RequestContext, input: NewUser) {
  const db = deps.database.db;
  const checked = context.actor.userId === null ? null : context;
  const target = await grantableJurisdiction(db, checked, input.jurisdictionId);
  const password = input.password ?? generatePassword();
  if (!passwordIsStrong(password)) throw invalid('password', 'weakPassword');
  if (await findUserByUsername(db, input.username)) throw conflict('username', 'duplicateUsername');
  const passwordHash = await hashPassword(password);
  const created = await db.transaction(async (tx) => {
    const user = await insertUser(tx, {
      username: input.username,
      displayName: input.displayName,
      passwordHash,
      mustChangePassword: !input.password,
      oneTimePasswordExpiresAt: input.password ? null : oneTimePasswordExpiry(deps),
    });
    await insertRoleAssignment(tx, { userId: user.id, role: input.role, jurisdictionId: target.id, grantedBy: context.actor.userId });
    await recordAudit(tx, context, {
      action: 'user.create',
      entityType: 'app_user',
      entityId: user.id,
      jurisdictionPath: target.path,
      after: {
        username: user.username,
        displayName: input.role === 'resident' ? maskName(input.displayName) : input.displayName,
        role: input.role,
        jurisdiction: target.code,
      },
    });
    return user;
  });
  return { ...created, oneTimePassword: input.password ? null : password };
}

/** A user the caller administers: holds a role inside the caller's admin scope (or none, for root admins). */
async function administeredUser(deps: Deps, context: RequestContext, userId: string) {
  const user = await findUserById(deps.database.db, userId);
  if (!user) throw notFound('id');
  const grants = await grantsOfUser(deps.database.db, userId);
  const scope = adminScope(context);
  const visible = grants.length === 0 ? isRootAdmin(context) : grants.some((g) => pathInScope(g.jurisdictionPath, scope));
  if (!visible) throw notFound('id');
  return { user, grants };
}

/**
 * A user whose every role lies inside the caller's admin scope: only then may the caller take the account
 * over (reset its password, disable or rename it). issue 12 defect 6: an admin of a town reset a county account's password.
 */
async function whollyAdministeredUser(deps: Deps, context: RequestContext, userId: string) {
  const administered = await administeredUser(deps, context, userId);
  const scope = adminScope(context);
  if (!administered.grants.every((g) => pathInScope(g.jurisdictionPath, scope)))
    throw new AppError('forbidden', 'accountBeyondScope', 'id');
  return administered;
}

type ListedUser = Awaited<ReturnType<typeof listUsers>>['items'][number];
type ListedRole = Awaited<ReturnType<typeof rolesOfUsers>>[number];

/**
 * A list shows personal data masked (issue 12 defect 7): a username that is a phone or ID number, and the
 * name of an account that stands for a resident. Staff names stay readable: admins work with them.
 */
function listedAccount({ personId, ...user }: ListedUser, allRoles: ListedRole[]) {
  const roles = allRoles.filter((r) => r.userId === user.id).map(({ userId: _, jurisdictionPath: __, ...r }) => r);
  const resident = personId !== null || roles.some((r) => r.role === 'resident');
  return {
    ...user,
    username: maskUsername(user.username),
    displayName: resident ? maskName(user.displayName) : user.displayName,
    lockedUntil: user.lockedUntil?.toISOString() ?? null,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    roles,
  };
}

export async function listUsersWithRoles(deps: Deps, context: RequestContext, text: string | undefined, limit: number, offset: number) {
  const db = deps.database.db;
  const page = await listUsers(db, scopePaths(context.actor.grants, 'user.read'), isRootAdmin(context), text, limit, offset);
  const roles = await rolesOfUsers(
    db,
    page.items.map((u) => u.id),
  );
  return { total: page.total, items: page.items.map((u) => listedAccount(u, roles)) };
}

export async function grantRole(deps: Deps, context: RequestContext, userId: string, role: Role, jurisdictionId: string) {
  const db = deps.database.db;
  await administeredUser(deps, context, userId);
  const target = await grantableJurisdiction(db, context, jurisdictionId);
  const granted = await db.transaction(async (tx) => {
    const assignment = await insertRoleAssignment(tx, { userId, role, jurisdictionId: target.id, grantedBy: context.actor.userId });
    await recordAudit(tx, context, {
      action: 'user.grantRole',
      entityType: 'app_user',
      entityId: userId,
      jurisdictionPath: target.path,
      after: { role, jurisdiction: target.code },
    });
    return assignment;
  });
  deps.sessions.clear();
  return granted;
}

export async function revokeRole(deps: Deps, context: RequestContext, userId: string, assignmentId: string) {
  const db = deps.database.db;
  await administeredUser(deps, context, userId);
  const found = await findRoleAssignment(db, assignmentId);
  if (!found || found.assignment.userId !== userId || !pathInScope(found.jurisdictionPath, adminScope(context)))
    throw notFound('assignmentId');
  if (userId === context.actor.userId && found.assignment.role === 'system_admin') throw invalid('assignmentId', 'cannotRemoveOwnAdmin');
  await db.transaction(async (tx) => {
    await deleteRoleAssignment(tx, assignmentId);
    await recordAudit(tx, context, {
      action: 'user.revokeRole',
      entityType: 'app_user',
      entityId: userId,
      jurisdictionPath: found.jurisdictionPath,
      before: { role: found.assignment.role },
    });
  });
  deps.sessions.clear();
}

export async function changeUser(
  deps: Deps,
  context: RequestContext,
  userId: string,
  changes: { displayName?: string; disabled?: boolean },
  reason: string,
) {
  // Disabling or renaming takes an account over as much as a reset does: every role must lie in the caller's scope.
  const { user, grants } = await whollyAdministeredUser(deps, context, userId);
  await deps.database.db.transaction(async (tx) => {
    if (changes.disabled) await deleteSessionsOfUser(tx, userId, null);
    await updateUser(tx, userId, { ...changes, ...(changes.disabled === false ? { lockedUntil: null, failedLogins: 0 } : {}) });
    await recordAudit(tx, context, {
      action: 'user.update',
      entityType: 'app_user',
      entityId: userId,
      jurisdictionPath: grants[0]?.jurisdictionPath ?? null,
      before: { displayName: user.displayName, disabled: user.disabled },
      after: changes,
      reason,
    });
  });
  deps.sessions.clear();
}

/** A one-time password the account must change at its next sign-in (enforced by the auth hook); its sessions end. */
export async function resetPassword(deps: Deps, context: RequestContext, userId: string, reason: string) {
  const { grants } = await whollyAdministeredUser(deps, context, userId);
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  await deps.database.db.transaction(async (tx) => {
    await updateUser(tx, userId, {
      passwordHash,
      mustChangePassword: true,
      oneTimePasswordExpiresAt: oneTimePasswordExpiry(deps),
      failedLogins: 0,
      lockedUntil: null,
    });
    await deleteSessionsOfUser(tx, userId, null);
    await recordAudit(tx, context, {
      action: 'user.resetPassword',
      entityType: 'app_user',
      entityId: userId,
      jurisdictionPath: grants[0]?.jurisdictionPath ?? null,
      reason,
    });
  });
  deps.sessions.forgetUser(userId);
  return { oneTimePassword: password };
}

/** Changes the caller's password; every other session of the account ends, the one that changed it goes on. */
export async function changeOwnPassword(deps: Deps, context: RequestContext, sessionId: string | null, current: string, next: string) {
  const db = deps.database.db;
  const user = context.actor.userId ? await findUserById(db, context.actor.userId) : undefined;
  if (!user) throw new AppError('unauthenticated', 'unauthenticated');
  if (!(await verifyPassword(user.passwordHash, current))) throw invalid('currentPassword', 'badCredentials');
  if (!passwordIsStrong(next)) throw invalid('newPassword', 'weakPassword');
  // A one-time password kept as the new one would stay known to the admin who issued it.
  if (next === current) throw invalid('newPassword', 'samePassword');
  const passwordHash = await hashPassword(next);
  await db.transaction(async (tx) => {
    await updateUser(tx, user.id, { passwordHash, mustChangePassword: false, oneTimePasswordExpiresAt: null });
    await deleteSessionsOfUser(tx, user.id, sessionId);
    await recordAudit(tx, context, { action: 'user.changePassword', entityType: 'app_user', entityId: user.id });
  });
  deps.sessions.forgetUser(user.id);
}
