import {
  editionInForce,
  findEdition,
  invalid,
  notFound,
  type Permission,
  type ProtocolEdition,
  pathInScope,
  profileFor,
  type RiskRules,
  riskRulesOf,
  scopePaths,
} from '@fangkong/core';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../http/context.ts';
import { findJurisdictionById, type JurisdictionRow } from '../jurisdictions/jurisdiction.repository.ts';

export const scopeOf = (context: RequestContext, permission: Permission) => scopePaths(context.actor.grants, permission);

/** A jurisdiction inside the caller's scope for the permission, or 404 on the field (another one never learns it exists). */
export async function jurisdictionInScope(
  db: Db,
  context: RequestContext,
  id: string,
  permission: Permission,
  field = 'jurisdictionId',
): Promise<JurisdictionRow> {
  const found = await findJurisdictionById(db, id);
  if (!found || !pathInScope(found.path, scopeOf(context, permission))) throw notFound(field);
  return found;
}

/** The edition asked for, or the one in force on the day. */
export function editionOn(editionId: string | undefined, day: string): ProtocolEdition {
  const edition = editionId ? findEdition(editionId) : editionInForce(day);
  if (!edition) throw invalid('editionId', 'unknownEdition');
  return edition;
}

const codesOf = (path: string) => path.split('/').filter(Boolean);

/** The edition's risk rules for a jurisdiction: the nearest local profile sets the unit and authority (§18 V9). */
export function riskRulesAt(edition: ProtocolEdition, path: string): RiskRules {
  return riskRulesOf(edition, profileFor(codesOf(path), edition.id));
}

/** The first `depth` codes of a path, as a path: the ancestor at that depth. */
export function ancestorPath(path: string, depth: number): string {
  const codes = codesOf(path);
  return codes.length < depth ? '' : `/${codes.slice(0, depth).join('/')}/`;
}

export const depthOf = (path: string) => codesOf(path).length;

/** The deepest path every path lies under (their common ancestor). */
export function commonPath(paths: readonly string[]): string {
  const lists = paths.map(codesOf);
  const first = lists[0] ?? [];
  let depth = 0;
  while (depth < first.length && lists.every((codes) => codes[depth] === first[depth])) depth++;
  return depth === 0 ? '/' : `/${first.slice(0, depth).join('/')}/`;
}
