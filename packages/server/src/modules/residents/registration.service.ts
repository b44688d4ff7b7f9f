import { AppError, invalid, normalizePhone } from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { findUserByUsername } from '../../auth/auth.repository.ts';
import { hashPassword, passwordIsStrong } from '../../auth/passwords.ts';
import type { RequestContext } from '../../http/context.ts';
import { insertRoleAssignment, insertUser } from '../users/user.repository.ts';
import { type IdentityClaim, matchingPerson, phoneMatches } from './identity-check.ts';
import { userOfPerson } from './resident.repository.ts';

type Deps = Pick<AppDeps, 'database' | 'cipher'>;

export interface Registration extends IdentityClaim {
  phone: string;
  password: string;
}

/** One answer for every failed check, so the reply never tells whether an ID number is in the registry. */
export const registrationRefused = () => new AppError('forbidden', 'identityCheckFailed');

/**
 * A resident opens an account for the person the registry holds: same ID number, same name, and the
 * phone the registry has on record. The account signs in with that phone number.
 */
export async function registerResident(deps: Deps, context: RequestContext, input: Registration) {
  if (!passwordIsStrong(input.password)) throw invalid('password', 'weakPassword');
  const db = deps.database.db;
  const username = normalizePhone(input.phone);
  const found = await matchingPerson(db, deps.cipher, input);
  const passed =
    found &&
    phoneMatches(deps.cipher, found, input.phone) &&
    !(await userOfPerson(db, found.id)) &&
    !(await findUserByUsername(db, username));
  if (!found || !passed) {
    await recordAudit(db, context, {
      action: 'resident.register.refused',
      entityType: 'person',
      entityId: found?.id ?? null,
      jurisdictionPath: found?.jurisdictionPath ?? null,
      reason: 'identity check failed',
    });
    throw registrationRefused();
  }
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const user = await insertUser(tx, { username, displayName: found.name, passwordHash, personId: found.id });
    await insertRoleAssignment(tx, { userId: user.id, role: 'resident', jurisdictionId: found.jurisdictionId, grantedBy: null });
    await recordAudit(tx, context, {
      action: 'resident.register',
      entityType: 'app_user',
      entityId: user.id,
      jurisdictionPath: found.jurisdictionPath,
      after: { personId: found.id, role: 'resident' },
    });
    return { username: user.username };
  });
}
