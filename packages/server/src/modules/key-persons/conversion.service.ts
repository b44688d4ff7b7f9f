import { AppError, type CalendarDate, type KeyPersonCategory } from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../http/context.ts';
import { cancelOpenItems, insertEvent, updateEpisode } from './episode.repository.ts';
import { registerEpisode } from './episode.service.ts';
import { episodeInScope } from './episode-access.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

export interface Conversion {
  category: KeyPersonCategory;
  startDate: CalendarDate;
  reason: string;
}

/**
 * A person moves between categories (close contact → confirmed, asymptomatic → confirmed, …): the old
 * episode closes as `converted`, the new one starts under the protocol in force, and both stay in the timeline.
 */
export async function convertEpisode(deps: Deps, context: RequestContext, episodeId: string, input: Conversion, db: Db = deps.database.db) {
  // Inside a caller's transaction (`db` a transaction) the conversion runs in a savepoint of it.
  const episode = await episodeInScope(db, context, episodeId, 'keyPerson.write');
  if (episode.status !== 'active') throw new AppError('conflict', 'episodeNotActive', 'id');
  if (episode.category === input.category) throw new AppError('invalid', 'sameCategory', 'category');
  return db.transaction(async (tx) => {
    const now = deps.clock();
    await updateEpisode(tx, episode.id, { status: 'converted', endedReason: `convertedTo:${input.category}` });
    await cancelOpenItems(tx, episode.id);
    await insertEvent(tx, {
      episodeId: episode.id,
      personId: episode.personId,
      at: now,
      kind: 'converted',
      actorUserId: context.actor.userId,
      details: { to: input.category, reason: input.reason },
    });
    await recordAudit(tx, context, {
      action: 'keyPerson.convert',
      entityType: 'key_person_episode',
      entityId: episode.id,
      jurisdictionPath: episode.jurisdictionPath,
      before: { category: episode.category },
      after: { category: input.category },
      reason: input.reason,
    });
    return registerEpisode(
      deps,
      context,
      {
        personId: episode.personId,
        category: input.category,
        startDate: input.startDate,
        siteId: episode.siteId ?? undefined,
        assignedCadreId: episode.assignedCadreId ?? undefined,
        assignedMedicId: episode.assignedMedicId ?? undefined,
        previousEpisodeId: episode.id,
        source: 'conversion',
        reason: input.reason,
      },
      tx,
    );
  });
}
