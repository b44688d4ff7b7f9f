import { randomInt } from 'node:crypto';
import { type CalendarDate, conflict, notFound, passUseAllowed, pathInScope, shanghaiDate } from '@fangkong/core';
import type { AppDeps } from '../../../app-deps.ts';
import { recordAudit } from '../../../audit/audit.service.ts';
import type { RequestContext } from '../../../http/context.ts';
import { isUniqueViolation } from '../../testing/testing-access.ts';
import { zoneTypesOfHousehold } from '../../zones/residence-facts.ts';
import { checkpointRules, communityPathOf, placeInScope, scopeOf } from '../closed-management-access.ts';
import { findPass, insertPass, insertPassUse, lockPass, markRevoked, outUsesSince, type PassRow, passesUnder } from './pass.repository.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

const shown = (p: PassRow) => ({
  id: p.id,
  passNumber: p.passNumber,
  householdId: p.householdId,
  status: p.status,
  validFrom: p.validFrom,
  validTo: p.validTo,
  revokedReason: p.revokedReason,
});

/** Short enough to read aloud at the gate, random enough not to be guessed. */
const passNumber = () => `TX${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;

/** One household, one pass (seed 001 §三(五)); a second active pass for the household is refused. */
export async function issuePass(deps: Deps, context: RequestContext, input: { householdId: string; validTo?: CalendarDate }) {
  const db = deps.database.db;
  const household = await placeInScope(db, context, input.householdId, 'pass.manage', 'household', 'householdId');
  const write = db.transaction(async (tx) => {
    const pass = await insertPass(tx, {
      householdId: household.id,
      passNumber: passNumber(),
      validFrom: shanghaiDate(deps.clock()),
      validTo: input.validTo ?? null,
      issuedBy: context.actor.userId,
      jurisdictionPath: household.jurisdictionPath,
    });
    await recordAudit(tx, context, {
      action: 'pass.issue',
      entityType: 'household_pass',
      entityId: pass.id,
      jurisdictionPath: household.jurisdictionPath,
      after: { passNumber: pass.passNumber, householdId: household.id },
    });
    return shown(pass);
  });
  return write.catch((error: unknown) => {
    throw isUniqueViolation(error, 'household_pass_active_idx') ? conflict('householdId', 'passExists') : error;
  });
}

export async function listPasses(deps: Deps, context: RequestContext, status?: string) {
  return { items: await passesUnder(deps.database.db, scopeOf(context, 'pass.manage'), status) };
}

export async function revokePass(deps: Deps, context: RequestContext, id: string, reason: string) {
  const db = deps.database.db;
  const pass = await findPass(db, { id });
  if (!pass || !pathInScope(pass.jurisdictionPath, scopeOf(context, 'pass.manage'))) throw notFound('id');
  return db.transaction(async (tx) => {
    const revoked = await markRevoked(tx, pass.id, context.actor.userId, reason);
    if (!revoked) throw conflict('id', 'passNotActive');
    await recordAudit(tx, context, {
      action: 'pass.revoke',
      entityType: 'household_pass',
      entityId: pass.id,
      jurisdictionPath: pass.jurisdictionPath,
      reason,
    });
    return shown(revoked);
  });
}

type UseInput = { passNumber: string; direction: 'out' | 'in'; personId?: string };

/** The gate checks a household pass: revoked, expired, another community's, or too soon (with the next allowed date). */
export async function usePass(deps: Deps, context: RequestContext, checkpointId: string, input: UseInput) {
  const db = deps.database.db;
  const checkpoint = await placeInScope(db, context, checkpointId, 'checkpoint.operate', 'checkpoint');
  const pass = await findPass(db, { passNumber: input.passNumber.trim().toUpperCase() });
  if (!pass?.jurisdictionPath.startsWith(communityPathOf(checkpoint.jurisdictionPath))) throw notFound('passNumber');
  const now = deps.clock();
  const refused = (rule: string) => ({
    allowed: false,
    passNumber: pass.passNumber,
    status: pass.status,
    because: [{ rule, ...checkpointRules().pass.basis }],
    nextAllowedDate: null,
  });
  if (pass.status !== 'active') return refused('checkpoint.pass.revoked');
  if (pass.validTo && pass.validTo < shanghaiDate(now)) return refused('checkpoint.pass.expired');
  return db.transaction(async (tx) => {
    await lockPass(tx, pass.id);
    const since = new Date(now.getTime() - (checkpointRules().pass.everyDays + 1) * 86_400_000);
    // A household inside a sealed zone does not go out while the zone stands (issue 14, ZONE-008).
    const zones = input.direction === 'in' ? [] : await zoneTypesOfHousehold(tx, pass.householdId);
    const verdict = input.direction === 'in' ? null : passUseAllowed(checkpointRules(), await outUsesSince(tx, pass.id, since), now, zones);
    if (verdict && !verdict.allowed)
      return {
        allowed: false,
        passNumber: pass.passNumber,
        status: pass.status,
        because: verdict.because,
        nextAllowedDate: verdict.nextAllowedDate,
      };
    await insertPassUse(tx, {
      passId: pass.id,
      personId: input.personId ?? null,
      checkpointId: checkpoint.id,
      direction: input.direction,
      usedAt: now,
      jurisdictionPath: pass.jurisdictionPath,
    });
    return { allowed: true, passNumber: pass.passNumber, status: pass.status, because: verdict?.because ?? [], nextAllowedDate: null };
  });
}
