import { fullViewScope, pathInScope } from '@fangkong/core';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../http/context.ts';
import { placedAtSiteUnder } from './person.repository.ts';

/**
 * May the caller see this person's full ID number, phone and address? Quarantine-site staff only for a
 * person placed at a site in their scope (issue 12 defect 7); other roles anywhere they hold person.readFull.
 */
export async function fullViewAllowed(db: Db, context: RequestContext, person: { id: string; jurisdictionPath: string }) {
  const scope = fullViewScope(context.actor.grants);
  if (pathInScope(person.jurisdictionPath, scope.paths)) return true;
  return placedAtSiteUnder(db, person.id, scope.sitePaths);
}
