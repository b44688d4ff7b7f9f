import {
  categoryRule,
  type EpisodePlan,
  findEdition,
  type KeyPersonCategory,
  LOCAL_PROFILES,
  type LocalProfile,
  notFound,
  type ProtocolEdition,
  pathInScope,
  planEpisode,
  profileFor,
  scopePaths,
  shanghaiDate,
} from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../http/context.ts';
import { findProtocolDocument, openEpisodesUnder, protocolDocumentsUnder } from './protocol-document.repository.ts';
import { changesOf } from './protocol-document.service.ts';
import { codesOfPath } from './protocol-in-force.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

/** What a plan is to the person under it: where and how long, the tests, the release and the follow-ups. */
const planShape = (plan: EpisodePlan) =>
  JSON.stringify({
    phases: plan.phases.map(({ type, from, to }) => ({ type, from, to })),
    tests: plan.tests.map(({ date, kind }) => ({ date, kind })),
    releaseDate: plan.releaseDate,
    managementEndDate: plan.managementEndDate,
    followUps: plan.followUps,
  });

/** The other active district profiles of the edition (a deeper one keeps its subtree), beside the shipped ones. */
async function otherProfiles(db: Db, editionId: string, exceptKey: string): Promise<LocalProfile[]> {
  const rows = await protocolDocumentsUnder(db, ['/'], ['active']);
  return rows.flatMap((row) =>
    row.document.kind === 'profile' && row.editionId === editionId && row.key !== exceptKey ? [row.document.profile] : [],
  );
}

async function episodesChanged(db: Db, edition: ProtocolEdition, profile: LocalProfile, path: string) {
  const categories = Object.keys(profile.overrides);
  const episodes = await openEpisodesUnder(db, path, edition.id, categories);
  const candidates = [profile, ...(await otherProfiles(db, edition.id, profile.id)), ...LOCAL_PROFILES];
  const byCategory: Record<string, number> = {};
  for (const episode of episodes) {
    if (profileFor(codesOfPath(episode.jurisdictionPath), edition.id, candidates) !== profile) continue;
    const rule = categoryRule(edition, episode.category as KeyPersonCategory, profile);
    if (!rule) continue;
    const stored = episode.plan as unknown as EpisodePlan;
    if (planShape(planEpisode(edition, rule, episode.startDate, profile)) === planShape(stored)) continue;
    byCategory[episode.category] = (byCategory[episode.category] ?? 0) + 1;
  }
  return { total: Object.values(byCategory).reduce((a, b) => a + b, 0), byCategory };
}

/**
 * What a document would change (issue 14 part 3 Tests: "a local profile's preview counts the people it would
 * change"): the rules, and how many open key-person episodes in its subtree would have another plan under it
 * (running episodes keep theirs; the count says how many people the next such decision concerns).
 */
export async function previewProtocolDocument(deps: Deps, context: RequestContext, id: string) {
  const db = deps.database.db;
  const row = await findProtocolDocument(db, id);
  if (!row || !pathInScope(row.jurisdictionPath, scopePaths(context.actor.grants, 'protocol.read'))) throw notFound('id');
  const today = shanghaiDate(deps.clock());
  const changes = changesOf(row.document, today);
  const edition = findEdition(row.editionId);
  const episodes =
    row.document.kind === 'profile' && edition
      ? await episodesChanged(db, edition, row.document.profile, row.jurisdictionPath)
      : { total: 0, byCategory: {} };
  return { id: row.id, kind: row.kind, key: row.key, editionId: row.editionId, asOf: today, changes, episodes };
}
