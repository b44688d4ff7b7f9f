import type { KeyPersonCategory } from '@fangkong/core';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../http/context.ts';
import { findActiveEpisode } from './episode.repository.ts';

/** The case categories a person may already be managed under. */
export const CASE_CATEGORIES: readonly KeyPersonCategory[] = ['confirmed', 'suspected', 'asymptomatic'];

/**
 * When a protocol hands a person to key-person management (a positive tube, a fever-clinic outcome),
 * the protocol acts, not the user's own rights: the user is granted the person's jurisdiction for this
 * one call, and the audit still names the user.
 */
export function handOverContext(context: RequestContext, person: { jurisdictionId: string; jurisdictionPath: string }): RequestContext {
  const grant = { role: 'cdc_epidemiologist' as const, jurisdictionId: person.jurisdictionId, jurisdictionPath: person.jurisdictionPath };
  return { ...context, actor: { ...context.actor, grants: [...context.actor.grants, grant] } };
}

/** The person's active episode under the first of these categories that has one. */
export async function activeCaseEpisode(tx: Db, personId: string, categories: readonly KeyPersonCategory[] = CASE_CATEGORIES) {
  for (const category of categories) {
    const episode = await findActiveEpisode(tx, personId, category);
    if (episode) return episode;
  }
  return undefined;
}
