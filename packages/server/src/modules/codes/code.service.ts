import { codeRulesFor, decideColour, editionInForce, notFound, pathInScope, scopePaths, shanghaiDate } from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { signCode, verifyCode } from '../../codes/code-token.ts';
import type { RequestContext } from '../../http/context.ts';
import { findPersonById } from '../persons/person.repository.ts';
import { healthFactsOf } from './health-facts.repository.ts';

type Deps = Pick<AppDeps, 'database' | 'clock' | 'codeKeys' | 'config'>;

/** The colour rules of the edition in force today. */
function rulesInForce(now: Date) {
  const edition = editionInForce(shanghaiDate(now));
  const rules = edition ? codeRulesFor(edition.id) : undefined;
  if (!rules) throw new Error(`no code rules for the edition in force on ${shanghaiDate(now)}`);
  return rules;
}

/** A person's colour now, with every reason and the rule version, and a signed token for the QR. */
export async function currentCode(deps: Deps, context: RequestContext, personId: string, ttlSeconds = deps.config.codeTtlSeconds) {
  const db = deps.database.db;
  const found = await findPersonById(db, personId);
  if (!found || !pathInScope(found.person.jurisdictionPath, scopePaths(context.actor.grants, 'person.read'))) throw notFound('id');
  const now = deps.clock();
  const decision = decideColour(rulesInForce(now), await healthFactsOf(db, personId, now), now);
  const token = await signCode(
    { sub: personId, c: decision.colour, v: decision.ruleVersion },
    await deps.codeKeys.current(),
    now,
    ttlSeconds,
  );
  await recordAudit(db, context, {
    action: 'code.view',
    entityType: 'person',
    entityId: personId,
    jurisdictionPath: found.person.jurisdictionPath,
    after: { colour: decision.colour },
  });
  return {
    personId,
    colour: decision.colour,
    ruleVersion: decision.ruleVersion,
    because: decision.because,
    token,
    expiresAt: new Date(now.getTime() + ttlSeconds * 1000).toISOString(),
  };
}

/** The server verifies like a device does: signature, key id, expiry. */
export function verifyToken(deps: Pick<AppDeps, 'codeKeys' | 'clock'>, token: string) {
  return verifyCode(token, deps.codeKeys.publicKeys().keys, deps.clock());
}
