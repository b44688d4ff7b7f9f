import { invalid, notFound, type Permission, pathInScope, roleGrants, scopePaths } from '@fangkong/core';
import { grantsOfUser } from '../../auth/auth.repository.ts';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../http/context.ts';
import { type EpisodeRow, findEpisode } from './episode.repository.ts';

/** An episode inside the caller's scope for the permission, or "not found". */
export async function episodeInScope(db: Db, context: RequestContext, id: string, permission: Permission): Promise<EpisodeRow> {
  const episode = await findEpisode(db, id);
  if (!episode || !pathInScope(episode.jurisdictionPath, scopePaths(context.actor.grants, permission))) throw notFound('id');
  return episode;
}

/** An assigned cadre or medic must be able to sign for the person's jurisdiction. */
export async function checkAssignable(db: Db, userId: string | undefined, path: string, field: string): Promise<void> {
  if (!userId) return;
  const grants = await grantsOfUser(db, userId);
  const canSign = grants.some((g) => roleGrants(g.role, 'keyPerson.sign') && path.startsWith(g.jurisdictionPath));
  if (!canSign) throw invalid(field, 'notAssignable');
}
