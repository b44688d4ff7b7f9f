import { type KeyPersonCategory, shanghaiDate } from '@fangkong/core';
import type { AppDeps } from '../../../app-deps.ts';
import type { Db } from '../../../db/client.ts';
import type { RequestContext } from '../../../http/context.ts';
import { convertEpisode } from '../../key-persons/conversion.service.ts';
import { findActiveEpisode } from '../../key-persons/episode.repository.ts';
import { registerEpisode } from '../../key-persons/episode.service.ts';
import { activeCaseEpisode, CASE_CATEGORIES, handOverContext } from '../../key-persons/hand-over.ts';
import type { VisitRow } from './fever-clinic.repository.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

/**
 * KP-K03: isolation observation puts the patient under management as suspected, transfer as confirmed.
 * An active case episode is kept (a positive tube already handed the person over as suspected); a
 * suspected or asymptomatic episode becomes confirmed on transfer (conversion, both in the timeline).
 * The outcome hands the patient over, not the clinic user's own rights (as the lab fan-out does).
 * Answers the episode's id.
 */
export async function handOverFromClinic(
  tx: Db,
  deps: Deps,
  context: RequestContext,
  visit: VisitRow,
  category: KeyPersonCategory,
): Promise<string> {
  const ruled = handOverContext(context, {
    jurisdictionId: visit.person_jurisdiction_id,
    jurisdictionPath: visit.person_jurisdiction_path,
  });
  const startDate = shanghaiDate(deps.clock());
  const reason = `fever clinic visit ${visit.id}`;
  const same = await findActiveEpisode(tx, visit.person_id, category);
  if (same) return same.id;
  const other = await activeCaseEpisode(
    tx,
    visit.person_id,
    CASE_CATEGORIES.filter((c) => c !== category),
  );
  if (other && category !== 'confirmed') return other.id;
  if (other) return (await convertEpisode(deps, ruled, other.id, { category, startDate, reason }, tx)).id;
  const input = { personId: visit.person_id, category, startDate, source: 'fever_clinic', reason };
  return (await registerEpisode(deps, ruled, input, tx)).id;
}
