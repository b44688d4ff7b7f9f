import {
  type CodeRuleSet,
  type ColourDecision,
  codeRulesOf,
  decideColour,
  notFound,
  type Permission,
  pathInScope,
  resultsStandingAgainst,
  scopePaths,
  shanghaiDate,
} from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { personOfSubject, sealSubject } from '../../codes/code-subject.ts';
import { signCode, verifyCode } from '../../codes/code-token.ts';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../http/context.ts';
import { findPersonById } from '../persons/person.repository.ts';
import { protocolInForce } from '../protocols/protocol-in-force.ts';
import { insertState, lastStateOf } from './code-history.repository.ts';
import { healthFactsOf } from './health-facts.repository.ts';

type Deps = Pick<AppDeps, 'database' | 'clock' | 'codeKeys' | 'config' | 'cipher'>;

/**
 * The colour rules at a place now, as `protocolInForce` answers (issue 14 part 3, RULES-001): the edition in force
 * with the nearest local profile's colour rules laid on top. Every colour, appeal and manual change asks here.
 */
export async function rulesInForce(db: Db, now: Date, jurisdictionPath: string): Promise<CodeRuleSet> {
  const { edition, profile } = await protocolInForce(db, { jurisdictionPath, at: now });
  const rules = codeRulesOf(edition, profile);
  if (!rules) throw new Error(`no code rules for the edition in force on ${shanghaiDate(now)}`);
  return rules;
}

/** The colour rules for a person: those in force where they live. */
export async function rulesForPerson(db: Db, personId: string, now: Date): Promise<CodeRuleSet> {
  const found = await findPersonById(db, personId);
  return rulesInForce(db, now, found?.person.jurisdictionPath ?? '/');
}

/** The person, if the caller holds `permission` over their jurisdiction; otherwise 404 (no existence leak). */
export async function personInScope(db: Db, context: RequestContext, personId: string, permission: Permission) {
  const found = await findPersonById(db, personId);
  if (!found || !pathInScope(found.person.jurisdictionPath, scopePaths(context.actor.grants, permission))) throw notFound('id');
  return found.person;
}

/**
 * The test results that stand against the person now, with their clauses, exactly as the colour
 * sees them: the release decision asks here (issue 18 item 1, one fact, one answer).
 */
export async function resultsStandingNow(db: Db, personId: string, now: Date) {
  const facts = await healthFactsOf(db, personId, now);
  return resultsStandingAgainst(await rulesForPerson(db, personId, now), facts.tests, now);
}

export interface ColourNow extends ColourDecision {
  manualChangeId: string | null;
}

/** The colour the rules (or an approved manual change in force) give the person now. */
export async function colourNow(db: Db, personId: string, now: Date): Promise<ColourNow> {
  const facts = await healthFactsOf(db, personId, now);
  const decision = decideColour(await rulesForPerson(db, personId, now), facts, now);
  const manual = decision.because[0]?.rule.startsWith('code.manual.') ?? false;
  return { ...decision, manualChangeId: manual ? facts.manualChangeId : null };
}

/** Colour history: one row whenever the colour (or the manual change setting it) differs from the last one. */
export async function recordColourIfChanged(tx: Db, personId: string, jurisdictionPath: string, decision: ColourNow, at: Date) {
  const last = await lastStateOf(tx, personId);
  if (last && last.colour === decision.colour && last.codeChangeId === decision.manualChangeId) return false;
  await insertState(tx, {
    personId,
    colour: decision.colour,
    ruleVersion: decision.ruleVersion,
    reasons: decision.because.map((r) => ({ ...r })),
    source: decision.manualChangeId ? 'manual' : 'rules',
    codeChangeId: decision.manualChangeId,
    at,
    jurisdictionPath,
  });
  return true;
}

/** Decides the colour, keeps the history, audits the showing and signs a token valid for `ttlSeconds`. */
export async function issueCode(
  deps: Deps,
  context: RequestContext,
  person: { id: string; jurisdictionPath: string },
  ttlSeconds: number,
  audit: { action: string; reason?: string },
) {
  const db = deps.database.db;
  const now = deps.clock();
  const decision = await colourNow(db, person.id, now);
  const token = await signCode(
    { sub: sealSubject(deps.cipher, person.id), c: decision.colour, v: decision.ruleVersion },
    await deps.codeKeys.current(),
    now,
    ttlSeconds,
  );
  await db.transaction(async (tx) => {
    await recordColourIfChanged(tx, person.id, person.jurisdictionPath, decision, now);
    await recordAudit(tx, context, {
      action: audit.action,
      entityType: 'person',
      entityId: person.id,
      jurisdictionPath: person.jurisdictionPath,
      after: { colour: decision.colour, validSeconds: ttlSeconds },
      reason: audit.reason ?? null,
    });
  });
  return { decision, token, issuedAt: now, expiresAt: new Date(now.getTime() + ttlSeconds * 1000) };
}

/** A person's colour now, with every reason and the rule version, and a signed token for the QR. */
export async function currentCode(deps: Deps, context: RequestContext, personId: string, ttlSeconds = deps.config.codeTtlSeconds) {
  const person = await personInScope(deps.database.db, context, personId, 'person.read');
  const { decision, token, expiresAt } = await issueCode(deps, context, person, ttlSeconds, { action: 'code.view' });
  return {
    personId,
    colour: decision.colour,
    ruleVersion: decision.ruleVersion,
    because: decision.because,
    token,
    expiresAt: expiresAt.toISOString(),
  };
}

/**
 * The server verifies like a device does (signature, key id, expiry), and, being online, also asks the
 * colour now of a long-lived token (a paper or screenshot code): a person who turned yellow or red since
 * it was printed is shown with the colour now, beside the colour at issue (issue 12 defect 4, SC-67).
 * A short-lived token (the live code, at most the configured code lifetime) is answered from the token.
 */
export async function verifyToken(deps: Deps, token: string) {
  const now = deps.clock();
  const result = await verifyCode(token, deps.codeKeys.publicKeys().keys, now);
  if (!result.valid) return result;
  const checked = { ...result, colourAtIssue: result.colour };
  if (!isLongLived(result, deps.config.codeTtlSeconds)) return checked;
  const personId = personOfSubject(deps.cipher, result.subject);
  if (!personId) return { valid: false as const, reason: 'unknownSubject' as const, kid: result.kid, expiresAt: result.expiresAt };
  const current = await colourNow(deps.database.db, personId, now);
  return { ...checked, colour: current.colour, colourCheckedAt: now.toISOString(), changedSinceIssue: current.colour !== result.colour };
}

/** Longer than the live code's lifetime (with a minute's slack): printed or saved to be shown later. */
function isLongLived(token: { issuedAt: string; expiresAt: string }, liveSeconds: number) {
  const issued = Date.parse(token.issuedAt);
  if (Number.isNaN(issued)) return true;
  return Date.parse(token.expiresAt) - issued > (liveSeconds + 60) * 1000;
}
