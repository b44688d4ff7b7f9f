import {
  AppError,
  conflict,
  type IdType,
  maskName,
  normalizeIdNumber,
  notFound,
  proxyNeedsConsent,
  residentIdFacts,
  shanghaiDate,
} from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import type { RequestContext } from '../../http/context.ts';
import type { PersonRow } from '../persons/person.repository.ts';
import { matchingPerson, phoneMatches } from './identity-check.ts';
import { sendConsentCode } from './proxy-consent.service.ts';
import { countOpenLinks, dependantsOf, insertProxyLink, openProxyLink, revokeProxyLink } from './proxy-link.repository.ts';
import { registrationRefused } from './registration.service.ts';
import { personRow } from './resident.repository.ts';
import { codeRulesInForce, selfPersonId } from './resident-access.ts';

type Deps = Pick<AppDeps, 'database' | 'cipher' | 'clock' | 'sms'>;

export const RELATIONS = ['child', 'parent', 'grandparent', 'spouse', 'other'] as const;
export type Relation = (typeof RELATIONS)[number];

export interface DependantClaim {
  idType: IdType;
  idNumber: string;
  name: string;
  relation: Relation;
  /** The dependant's phone as the registry holds it; not needed when both live in the same household. */
  phone?: string;
}

/** The registry's second factor: the same household as the proxy's own person, or the dependant's phone on record. */
function secondFactor(deps: Deps, self: PersonRow | undefined, found: PersonRow, phone: string | undefined) {
  if (found.householdId && self?.householdId === found.householdId) return 'household' as const;
  return phoneMatches(deps.cipher, found, phone) ? ('phone' as const) : null;
}

/** Refused checks leave a trace (who tried, which person when the ID matched) and answer the same every time. */
async function refuse(deps: Deps, context: RequestContext, personId: string | null, path: string | null, why: string): Promise<never> {
  await deps.database.db.transaction((tx) =>
    recordAudit(tx, context, { action: 'proxy.refused', entityType: 'person', entityId: personId, jurisdictionPath: path, reason: why }),
  );
  throw registrationRefused();
}

/** The birth date the registry holds, else the one inside a resident ID number; unknown for other documents. */
function birthDateOf(found: PersonRow, claim: DependantClaim): string | null {
  if (found.birthDate) return found.birthDate;
  return claim.idType === 'resident_id' ? residentIdFacts(normalizeIdNumber(claim)).birthDate : null;
}

/** The registry's person behind the claim, after the identity check and the second factor (refusals audited). */
async function checkedDependant(deps: Deps, context: RequestContext, self: PersonRow | undefined, claim: DependantClaim) {
  const found = await matchingPerson(deps.database.db, deps.cipher, claim);
  if (!found || found.id === self?.id) return refuse(deps, context, found?.id ?? null, found?.jurisdictionPath ?? null, 'identity');
  const verifiedBy = secondFactor(deps, self, found, claim.phone);
  if (!verifiedBy) return refuse(deps, context, found.id, found.jurisdictionPath, 'second factor');
  return { found, verifiedBy };
}

/**
 * A resident adds a dependant only after the registry confirms the ID number, the name and a second factor, and
 * only within the proxy limit of the rules in force. A child is held at once; an adult must consent first (their
 * own account, or the code sent to their registry phone), so knowing someone's ID and name is not enough
 * (issue 12 defect 5).
 */
export async function addDependant(deps: Deps, context: RequestContext, claim: DependantClaim) {
  const db = deps.database.db;
  const self = await personRow(db, await selfPersonId(db, context));
  const userId = context.actor.userId ?? '';
  const now = deps.clock();
  const rules = await codeRulesInForce(db, now, self);
  const limit = rules.proxyDependantLimit.count;
  if ((await countOpenLinks(db, userId)) >= limit) throw new AppError('conflict', 'proxyLimitReached', 'idNumber', { limit });
  const { found, verifiedBy } = await checkedDependant(deps, context, self, claim);
  if (await openProxyLink(db, userId, found.id)) throw conflict('idNumber', 'alreadyDependant');
  const status: 'pending' | 'active' = proxyNeedsConsent(rules, birthDateOf(found, claim), shanghaiDate(now)) ? 'pending' : 'active';
  const linkId = await db.transaction(async (tx) => {
    const id = await insertProxyLink(tx, {
      proxyUserId: userId,
      dependantPersonId: found.id,
      relation: claim.relation,
      verifiedBy,
      status,
    });
    await recordAudit(tx, context, {
      action: status === 'active' ? 'proxy.add' : 'proxy.request',
      entityType: 'proxy_link',
      entityId: id,
      jurisdictionPath: found.jurisdictionPath,
      after: { dependantPersonId: found.id, relation: claim.relation, verifiedBy, status },
    });
    return id;
  });
  const consentCodeSent = status === 'pending' && (await sendConsentCode(deps, context, found, linkId, maskName(self?.name ?? '')));
  return {
    linkId,
    personId: found.id,
    name: found.name,
    idMasked: found.idMasked,
    relation: claim.relation,
    verifiedBy,
    status,
    consentCodeSent,
  };
}

export async function listDependants(deps: Deps, context: RequestContext) {
  const db = deps.database.db;
  const self = await personRow(db, await selfPersonId(db, context));
  const rows = await dependantsOf(db, context.actor.userId ?? '');
  return {
    limit: (await codeRulesInForce(db, deps.clock(), self)).proxyDependantLimit.count,
    items: rows.map((r) => ({
      ...r,
      relation: r.relation as Relation,
      status: r.status as 'pending' | 'active',
      since: r.since.toISOString(),
    })),
  };
}

/** The proxy stops holding a dependant, or withdraws a request still waiting for consent. */
export async function removeDependant(deps: Deps, context: RequestContext, linkId: string) {
  const db = deps.database.db;
  await selfPersonId(db, context);
  const userId = context.actor.userId ?? '';
  return db.transaction(async (tx) => {
    const revoked = await revokeProxyLink(tx, linkId, { proxyUserId: userId }, userId, deps.clock());
    if (!revoked) throw notFound('id');
    await recordAudit(tx, context, {
      action: 'proxy.revoke',
      entityType: 'proxy_link',
      entityId: linkId,
      after: { dependantPersonId: revoked.dependantPersonId, by: 'proxy' },
    });
  });
}
