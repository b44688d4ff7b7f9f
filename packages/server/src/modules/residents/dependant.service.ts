import { AppError, conflict, type IdType, notFound } from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import type { RequestContext } from '../../http/context.ts';
import type { PersonRow } from '../persons/person.repository.ts';
import { matchingPerson, phoneMatches } from './identity-check.ts';
import { registrationRefused } from './registration.service.ts';
import { activeProxyLink, countActiveLinks, dependantsOf, insertProxyLink, personRow, revokeProxyLink } from './resident.repository.ts';
import { codeRulesInForce, selfPersonId } from './resident-access.ts';

type Deps = Pick<AppDeps, 'database' | 'cipher' | 'clock'>;

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
async function secondFactor(deps: Deps, selfId: string, found: PersonRow, phone: string | undefined) {
  const self = await personRow(deps.database.db, selfId);
  if (found.householdId && self?.householdId === found.householdId) return 'household' as const;
  return phoneMatches(deps.cipher, found, phone) ? ('phone' as const) : null;
}

/** Refused checks leave a trace (who tried, which person when the ID matched) and answer the same every time. */
async function refuse(deps: Deps, context: RequestContext, personId: string | null, path: string | null, why: string): Promise<never> {
  await recordAudit(deps.database.db, context, {
    action: 'proxy.refused',
    entityType: 'person',
    entityId: personId,
    jurisdictionPath: path,
    reason: why,
  });
  throw registrationRefused();
}

/**
 * A resident adds a dependant (a child, an elderly parent) only after the registry confirms the ID number,
 * the name and a second factor, and only within the proxy limit of the rules in force.
 */
export async function addDependant(deps: Deps, context: RequestContext, claim: DependantClaim) {
  const db = deps.database.db;
  const selfId = await selfPersonId(db, context);
  const userId = context.actor.userId ?? '';
  const limit = codeRulesInForce(deps.clock()).proxyDependantLimit.count;
  if ((await countActiveLinks(db, userId)) >= limit) throw new AppError('conflict', 'proxyLimitReached', 'idNumber', { limit });
  const found = await matchingPerson(db, deps.cipher, claim);
  if (!found || found.id === selfId) return refuse(deps, context, found?.id ?? null, found?.jurisdictionPath ?? null, 'identity');
  const verifiedBy = await secondFactor(deps, selfId, found, claim.phone);
  if (!verifiedBy) return refuse(deps, context, found.id, found.jurisdictionPath, 'second factor');
  if (await activeProxyLink(db, userId, found.id)) throw conflict('idNumber', 'alreadyDependant');
  return db.transaction(async (tx) => {
    const linkId = await insertProxyLink(tx, { proxyUserId: userId, dependantPersonId: found.id, relation: claim.relation, verifiedBy });
    await recordAudit(tx, context, {
      action: 'proxy.add',
      entityType: 'proxy_link',
      entityId: linkId,
      jurisdictionPath: found.jurisdictionPath,
      after: { dependantPersonId: found.id, relation: claim.relation, verifiedBy },
    });
    return { linkId, personId: found.id, name: found.name, idMasked: found.idMasked, relation: claim.relation, verifiedBy };
  });
}

export async function listDependants(deps: Deps, context: RequestContext) {
  const db = deps.database.db;
  await selfPersonId(db, context);
  const rows = await dependantsOf(db, context.actor.userId ?? '');
  return {
    limit: codeRulesInForce(deps.clock()).proxyDependantLimit.count,
    items: rows.map((r) => ({ ...r, relation: r.relation as Relation, since: r.since.toISOString() })),
  };
}

export async function removeDependant(deps: Deps, context: RequestContext, linkId: string) {
  const db = deps.database.db;
  await selfPersonId(db, context);
  return db.transaction(async (tx) => {
    const revoked = await revokeProxyLink(tx, linkId, context.actor.userId ?? '', deps.clock());
    if (!revoked) throw notFound('id');
    await recordAudit(tx, context, {
      action: 'proxy.revoke',
      entityType: 'proxy_link',
      entityId: linkId,
      after: { dependantPersonId: revoked.dependantPersonId },
    });
  });
}
