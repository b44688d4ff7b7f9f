import { notFound, type Permission, pathInScope, SEED_001_CHECKPOINT_RULES, scopePaths } from '@fangkong/core';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { place } from '../../db/schema/index.ts';
import type { RequestContext } from '../../http/context.ts';

export type PlaceRow = typeof place.$inferSelect;

export const scopeOf = (context: RequestContext, permission: Permission) => scopePaths(context.actor.grants, permission);

/**
 * The checkpoint rules in force. Only seed 001 fixes staffing and pass frequency; RULES-001 asks for
 * per-jurisdiction values, which would be chosen here.
 */
export const checkpointRules = () => SEED_001_CHECKPOINT_RULES;

/** A place of a kind inside the caller's scope for a permission, or 404 (no existence leak). */
export async function placeInScope(
  db: Db,
  context: RequestContext,
  id: string,
  permission: Permission,
  kind?: string,
  field = 'id',
): Promise<PlaceRow> {
  const rows = await db
    .select()
    .from(place)
    .where(kind ? and(eq(place.id, id), eq(place.kind, kind)) : eq(place.id, id));
  const found = rows[0];
  if (!found || !pathInScope(found.jurisdictionPath, scopeOf(context, permission))) throw notFound(field);
  return found;
}

/** The community (village, 12-digit NBS code) a path lies in: a checkpoint guards its community's households. */
export function communityPathOf(path: string): string {
  return /^(.*?\/\d{12}\/)/.exec(path)?.[1] ?? path;
}
