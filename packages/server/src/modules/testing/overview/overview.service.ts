import { addDays, POOL_FOLLOW_UP_STATES, type PoolFollowUpState, shanghaiDate, shanghaiDayStart } from '@fangkong/core';
import type { AppDeps } from '../../../app-deps.ts';
import type { Db } from '../../../db/client.ts';
import type { RequestContext } from '../../../http/context.ts';
import { type CampaignRow, campaignsMeeting } from '../campaigns/campaign.repository.ts';
import { campaignSummary } from '../campaigns/campaign.service.ts';
import { jurisdictionsByPath } from '../campaigns/progress.repository.ts';
import { type CommunityProgress, followUpBoard, progressCounts, totalOf, withNames } from '../campaigns/progress.service.ts';
import { narrowScope, townPathOf } from '../testing-access.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

/** How many campaigns the overview lists at most (the newest first); `campaignsTotal` says how many there are. */
const CAMPAIGNS_SHOWN = 100;
/** Today's positives read for the list and the counts by state. */
const POSITIVES_SHOWN = 1000;

export interface OverviewQuery {
  jurisdictionId?: string;
  closedWithinDays: number;
}

/** Community rows added up per town (street). */
function perTown(communities: readonly CommunityProgress[]): CommunityProgress[] {
  const towns = new Map<string, CommunityProgress>();
  for (const c of communities) {
    const path = townPathOf(c.path);
    const town = towns.get(path) ?? { path, expected: 0, sampled: 0 };
    towns.set(path, { path, expected: town.expected + c.expected, sampled: town.sampled + c.sampled });
  }
  return [...towns.values()];
}

async function campaignProgress(db: Db, row: { campaign: CampaignRow; jurisdictionName: string }, scope: readonly string[]) {
  const towns = perTown(await progressCounts(db, row.campaign, scope));
  return { ...campaignSummary(row.campaign), jurisdictionName: row.jurisdictionName, ...totalOf(towns), towns: await withNames(db, towns) };
}

function countByState(positives: readonly { state: PoolFollowUpState }[]) {
  const counts = Object.fromEntries(POOL_FOLLOW_UP_STATES.map((s) => [s, 0])) as Record<PoolFollowUpState, number>;
  for (const p of positives) counts[p.state] += 1;
  return counts;
}

/**
 * The command view across campaigns, for the caller's scope or one jurisdiction in it: open campaigns
 * (and those closed in the last days) with progress per town, tubes open / in transit / resulted,
 * results pending by lab against the turnaround limit, and today's positives with their follow-up.
 */
export async function testingOverview(deps: Deps, context: RequestContext, query: OverviewQuery) {
  const db = deps.database.db;
  const now = deps.clock();
  const { scope, jurisdiction } = await narrowScope(db, context, 'testing.read', query.jurisdictionId);
  const today = shanghaiDate(now);
  const since = shanghaiDayStart(addDays(today, -query.closedWithinDays));
  const listed = await campaignsMeeting(db, scope, CAMPAIGNS_SHOWN, 0, since);
  const [campaigns, board, roots] = await Promise.all([
    Promise.all(listed.items.map((row) => campaignProgress(db, row, scope))),
    followUpBoard(db, { campaignIds: listed.items.map((r) => r.campaign.id), singlesSince: since }, scope, now, {
      limit: POSITIVES_SHOWN,
      resultedSince: shanghaiDayStart(today),
    }),
    jurisdiction ? [jurisdiction] : jurisdictionsByPath(db, scope),
  ]);
  return {
    asOf: now.toISOString(),
    since: since.toISOString(),
    jurisdictions: roots.map((j) => ({ id: j.id, code: j.code, name: j.name })),
    campaignsTotal: listed.total,
    campaigns,
    ...board,
    positivesByState: countByState(board.positives),
  };
}
