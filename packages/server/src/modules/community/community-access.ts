import {
  COMMUNITY_SEED_001,
  type CommunityRules,
  forbidden,
  invalid,
  notFound,
  type Permission,
  pathInScope,
  scopePaths,
} from '@fangkong/core';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../http/context.ts';
import { findJurisdictionById, type JurisdictionRow } from '../jurisdictions/jurisdiction.repository.ts';
import { findPlaceById } from '../places/place.repository.ts';

export const scopeOf = (context: RequestContext, permission: Permission) => scopePaths(context.actor.grants, permission);

/** The community rules in force: seed 001 is the only edition that fixes them (RULES-001 would choose per jurisdiction here). */
export const communityRules = (): CommunityRules => COMMUNITY_SEED_001;

/** A community (village level) the caller holds the permission over; another jurisdiction's id is refused naming the field. */
export async function communityInScope(db: Db, context: RequestContext, id: string, permission: Permission, field = 'jurisdictionId') {
  const found = await findJurisdictionById(db, id);
  if (!found || !pathInScope(found.path, scopeOf(context, permission))) throw notFound(field);
  if (found.level !== 'village') throw invalid(field, 'notCommunity');
  return found;
}

/** A filter naming a jurisdiction outside the caller's scope is forbidden (403), inside it narrows the scope. */
export async function filterPaths(db: Db, context: RequestContext, permission: Permission, jurisdictionId?: string): Promise<string[]> {
  const scope = scopeOf(context, permission);
  if (!jurisdictionId) return scope;
  const found = await findJurisdictionById(db, jurisdictionId);
  if (!found || !pathInScope(found.path, scope)) throw forbidden('jurisdictionId');
  return [found.path];
}

/** A household in the caller's scope (404 naming the field otherwise), optionally inside one community. */
export async function householdInScope(db: Db, context: RequestContext, id: string, permission: Permission, community?: JurisdictionRow) {
  const found = await findPlaceById(db, id);
  if (found?.kind !== 'household' || !pathInScope(found.jurisdictionPath, scopeOf(context, permission))) throw notFound('householdId');
  if (community && !found.jurisdictionPath.startsWith(community.path)) throw invalid('householdId', 'notInCommunity');
  return found;
}
