import { AppError, invalid, normalizePhone } from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { findUserByUsername } from '../../auth/auth.repository.ts';
import { hashPassword, passwordIsStrong } from '../../auth/passwords.ts';
import type { RequestContext } from '../../http/context.ts';
import type { PersonRow } from '../persons/person.repository.ts';
import { insertRoleAssignment, insertUser } from '../users/user.repository.ts';
import { type IdentityClaim, matchingPerson, phoneMatches } from './identity-check.ts';
import { CODE_TTL_SECONDS, checkOneTimeCode, sendOneTimeCode, spendOneTimeCode } from './one-time-code.service.ts';
import { userOfPerson } from './resident.repository.ts';

type Deps = Pick<AppDeps, 'database' | 'cipher' | 'sms' | 'clock'>;

export interface RegistrationClaim extends IdentityClaim {
  phone: string;
}

export interface Registration extends RegistrationClaim {
  password: string;
  /** The one-time code sent to the registry phone (issue 12 defect 5). */
  code: string;
}

/** One answer for every failed check, so the reply never tells whether an ID number is in the registry. */
export const registrationRefused = () => new AppError('forbidden', 'identityCheckFailed');

/** The registry's person when ID number, name and phone match and nobody holds an account for them yet; refusals audited. */
async function registrablePerson(deps: Deps, context: RequestContext, claim: RegistrationClaim): Promise<PersonRow> {
  const db = deps.database.db;
  const found = await matchingPerson(db, deps.cipher, claim);
  const passed =
    found &&
    phoneMatches(deps.cipher, found, claim.phone) &&
    !(await userOfPerson(db, found.id)) &&
    !(await findUserByUsername(db, normalizePhone(claim.phone)));
  if (found && passed) return found;
  await db.transaction((tx) =>
    recordAudit(tx, context, {
      action: 'resident.register.refused',
      entityType: 'person',
      entityId: found?.id ?? null,
      jurisdictionPath: found?.jurisdictionPath ?? null,
      reason: 'identity check failed',
    }),
  );
  throw registrationRefused();
}

const registrationText = (code: string) =>
  `【防控平台】您正在注册居民账号，验证码 ${code}，${CODE_TTL_SECONDS / 60} 分钟内有效。如非本人操作，请忽略。`;

/**
 * Step 1 of registration: after the registry check, a one-time code goes to the phone the registry holds, so
 * only whoever has that phone can open the account (knowing ID number, name and phone is not enough).
 */
export async function requestRegistrationCode(deps: Deps, context: RequestContext, claim: RegistrationClaim) {
  const found = await registrablePerson(deps, context, claim);
  return sendOneTimeCode(deps, context, {
    subject: { purpose: 'registration', personId: found.id, proxyLinkId: null },
    phone: normalizePhone(claim.phone),
    text: registrationText,
    audit: { action: 'resident.register.code', entityType: 'person', entityId: found.id, jurisdictionPath: found.jurisdictionPath },
  });
}

/**
 * Step 2: a resident opens an account for the person the registry holds (same ID number, name and registry
 * phone) with the code sent to that phone. The account signs in with that phone number.
 */
export async function registerResident(deps: Deps, context: RequestContext, input: Registration) {
  if (!passwordIsStrong(input.password)) throw invalid('password', 'weakPassword');
  const found = await registrablePerson(deps, context, input);
  const codeId = await checkOneTimeCode(deps, context, { purpose: 'registration', personId: found.id, proxyLinkId: null }, input.code);
  const passwordHash = await hashPassword(input.password);
  return deps.database.db.transaction(async (tx) => {
    await spendOneTimeCode(tx, codeId, deps.clock());
    const user = await insertUser(tx, { username: normalizePhone(input.phone), displayName: found.name, passwordHash, personId: found.id });
    await insertRoleAssignment(tx, { userId: user.id, role: 'resident', jurisdictionId: found.jurisdictionId, grantedBy: null });
    await recordAudit(tx, context, {
      action: 'resident.register',
      entityType: 'app_user',
      entityId: user.id,
      jurisdictionPath: found.jurisdictionPath,
      after: { personId: found.id, role: 'resident', phoneProvedBy: 'oneTimeCode' },
    });
    return { username: user.username };
  });
}
