import type { KeyPersonCategory } from '../protocols/protocol-types.ts';
import { categoryRule, findEdition, findProfile } from '../protocols/registry.ts';
import { type EpisodePlan, planEpisode } from './episode-plan.ts';

/** Plans an episode by ids, failing loudly when the edition or category is missing (tests only). */
export function planFor(
  editionId: string,
  category: KeyPersonCategory,
  start: string,
  profileId?: string,
): { plan: EpisodePlan; rule: NonNullable<ReturnType<typeof categoryRule>> } {
  const edition = findEdition(editionId);
  const profile = profileId ? findProfile(profileId) : undefined;
  const rule = edition && categoryRule(edition, category, profile);
  if (!edition || !rule) throw new Error(`no rule for ${editionId}/${category}`);
  return { plan: planEpisode(edition, rule, start, profile), rule };
}

/** An instant at a Shanghai wall-clock time. */
export const shanghai = (date: string, time = '09:00') => new Date(`${date}T${time}:00+08:00`);
