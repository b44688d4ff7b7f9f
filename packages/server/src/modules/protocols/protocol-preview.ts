import {
  categoryRule,
  diffDocuments,
  type EpisodePlan,
  jurisdictionCodesOfPath,
  KEY_PERSON_CATEGORIES,
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
import {
  findProtocolDocument,
  openCampaignsUnder,
  openEpisodesUnder,
  type ProtocolDocumentRow,
  protocolDocumentsUnder,
} from './protocol-document.repository.ts';
import { changesOf } from './protocol-document.service.ts';
import { editionById, protocolInForce } from './protocol-in-force.ts';

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
    if (profileFor(jurisdictionCodesOfPath(episode.jurisdictionPath), edition.id, candidates) !== profile) continue;
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
  const now = deps.clock();
  const today = shanghaiDate(now);
  if (row.document.kind === 'edition') return { ...(await editionPreview(db, row, row.document.edition, now)), asOf: today };
  const changes = await changesOf(db, row.document, today);
  const edition = await editionById(db, row.editionId);
  const profile = row.document.profile;
  const episodes = edition ? await episodesChanged(db, edition, profile, row.jurisdictionPath) : { total: 0, byCategory: {} };
  const campaigns = edition && profile.testing?.pooling.length ? await openCampaignsUnder(db, row.jurisdictionPath, edition.id) : [];
  return {
    id: row.id,
    kind: row.kind,
    key: row.key,
    editionId: row.editionId,
    asOf: today,
    changes,
    episodes,
    campaigns: campaigns.map(campaignOf),
  };
}

const campaignOf = (c: { id: string; name: string }) => ({ id: c.id, name: c.name });

/**
 * An edition against the one in force where it would apply: the rules it changes, the people under management whose
 * category rule changes (they keep their plan; the next ones registered take the new one) and the open campaigns
 * whose pool sizes it changes (they keep theirs).
 */
async function editionPreview(db: Db, row: ProtocolDocumentRow, next: ProtocolEdition, now: Date) {
  const { edition: current } = await protocolInForce(db, { jurisdictionPath: row.jurisdictionPath, at: now });
  const changes = [{ category: null, changes: diffDocuments(current, next) }];
  const categories = KEY_PERSON_CATEGORIES.filter(
    (category) => diffDocuments(current.categories[category], next.categories[category]).length > 0,
  );
  const byCategory: Record<string, number> = {};
  for (const episode of await openEpisodesUnder(db, row.jurisdictionPath, current.id, categories)) {
    byCategory[episode.category] = (byCategory[episode.category] ?? 0) + 1;
  }
  const poolsChange = diffDocuments(current.testing?.pooling, next.testing?.pooling).length > 0;
  const campaigns = poolsChange ? await openCampaignsUnder(db, row.jurisdictionPath, current.id) : [];
  return {
    id: row.id,
    kind: row.kind,
    key: row.key,
    editionId: row.editionId,
    against: current.id,
    changes,
    episodes: { total: Object.values(byCategory).reduce((a, b) => a + b, 0), byCategory },
    campaigns: campaigns.map(campaignOf),
  };
}
