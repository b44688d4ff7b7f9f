import { forbidden, pathInScope, poolFollowUpState, scopePaths, type TestingRules } from '@fangkong/core';
import type { AppDeps } from '../../../app-deps.ts';
import { recordAudit } from '../../../audit/audit.service.ts';
import type { Db } from '../../../db/client.ts';
import { asDate } from '../../../db/query-rows.ts';
import type { RequestContext } from '../../../http/context.ts';
import { findJurisdictionById } from '../../jurisdictions/jurisdiction.repository.ts';
import { jurisdictionLabels } from '../../jurisdictions/jurisdiction-label.ts';
import { rulesOfEditions, scopeOf } from '../testing-access.ts';
import type { CampaignRow } from './campaign.repository.ts';
import { campaignInScope, campaignSummary } from './campaign.service.ts';
import {
  jurisdictionsByPath,
  type PositiveRow,
  pendingByLab,
  positivesOf,
  residentsByCommunity,
  sampledByCommunity,
  type TubeSelection,
  tubeTotals,
  unsampledResidents,
} from './progress.repository.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

export interface CommunityProgress {
  path: string;
  expected: number;
  sampled: number;
}

/** Sampled of expected (registered residents) per community of a campaign, inside the scope. */
export async function progressCounts(db: Db, campaign: CampaignRow, scope: readonly string[]): Promise<CommunityProgress[]> {
  const [expected, sampled] = await Promise.all([
    residentsByCommunity(db, campaign.jurisdictionPath, scope),
    sampledByCommunity(db, campaign.id, scope),
  ]);
  const sampledAt = new Map(sampled.map((s) => [s.path, s.n]));
  return expected.map((e) => ({ path: e.path, expected: e.n, sampled: sampledAt.get(e.path) ?? 0 }));
}

/** Progress rows with their jurisdiction's id, code and name, in code order. */
export async function withNames(db: Db, rows: readonly CommunityProgress[]) {
  const names = new Map((await jurisdictionsByPath(db, [...new Set(rows.map((r) => r.path))])).map((j) => [j.path, j]));
  return rows
    .map((r) => {
      const where = names.get(r.path);
      return {
        jurisdictionId: where?.id ?? null,
        code: where?.code ?? null,
        name: where?.name ?? r.path,
        expected: r.expected,
        sampled: r.sampled,
      };
    })
    .sort((a, b) => (a.code ?? '').localeCompare(b.code ?? ''));
}

export const totalOf = (rows: readonly { expected: number; sampled: number }[]) =>
  rows.reduce((sum, r) => ({ expected: sum.expected + r.expected, sampled: sum.sampled + r.sampled }), { expected: 0, sampled: 0 });

/** Live progress per community: sampled of expected (registered residents), inside the caller's scope. */
export async function campaignProgress(deps: Deps, context: RequestContext, id: string) {
  const db = deps.database.db;
  const campaign = await campaignInScope(db, context, id, 'testing.read');
  const communities = await withNames(db, await progressCounts(db, campaign, scopeOf(context, 'testing.read')));
  return { campaign: campaignSummary(campaign), ...totalOf(communities), communities };
}

export interface UnsampledQuery {
  jurisdictionId?: string;
  limit: number;
  offset: number;
}

/**
 * Residents not yet sampled, for door-to-door follow-up: one community, or the campaign's part of
 * the caller's scope. Staff who may see people in full get the door (building, unit, room) of
 * those in their own scope, and the view is audited with its purpose, 入户补采 (issue 18 item 5);
 * anyone else keeps the masked address.
 */
export async function unsampled(deps: Deps, context: RequestContext, id: string, query: UnsampledQuery) {
  const db = deps.database.db;
  const campaign = await campaignInScope(db, context, id, 'testing.read');
  const scope = scopeOf(context, 'testing.read');
  let path = campaign.jurisdictionPath;
  if (query.jurisdictionId) {
    const where = await findJurisdictionById(db, query.jurisdictionId);
    if (!where || !pathInScope(where.path, scope) || !where.path.startsWith(campaign.jurisdictionPath)) throw forbidden('jurisdictionId');
    path = where.path;
  }
  const page = await unsampledResidents(db, id, path, scope, query.limit, query.offset);
  const doorScope = scopePaths(context.actor.grants, 'person.readFull');
  const labels = await jurisdictionLabels(
    db,
    page.items.map((p) => p.jurisdiction_path),
    scope,
  );
  const items = page.items.map((p) => {
    const atTheDoor = pathInScope(p.jurisdiction_path, doorScope);
    return {
      personId: p.id,
      name: p.name,
      idMasked: p.id_masked,
      phoneMasked: p.phone_masked,
      addressMasked: p.address_masked,
      door: atTheDoor ? p.door : null,
      householdId: p.household_id,
      jurisdictionName: p.jurisdiction_name,
      jurisdictionLabel: labels.get(p.jurisdiction_path) ?? p.jurisdiction_name,
    };
  });
  const doorsShown = items.filter((item) => item.door !== null).length;
  if (doorsShown > 0) {
    await recordAudit(db, context, {
      action: 'testing.viewUnsampled',
      entityType: 'testing_campaign',
      entityId: campaign.id,
      jurisdictionPath: path,
      reason: UNSAMPLED_PURPOSE,
      after: { doorsShown, offset: query.offset },
    });
  }
  return { total: page.total, items };
}

/** Why the door-to-door list shows doors: the purpose recorded with each view. */
export const UNSAMPLED_PURPOSE = '入户补采';

export function positiveSummary(p: PositiveRow, rulesOf: (editionId: string) => TestingRules) {
  return {
    tubeId: p.tube_id,
    barcode: p.barcode,
    campaignId: p.campaign_id,
    result: p.result,
    members: p.member_count,
    resultAt: asDate(p.tested_at)?.toISOString() ?? null,
    retests: p.retests,
    retestsNegative: p.retests_negative,
    retestsPositive: p.retests_positive,
    openTasks: p.open_tasks,
    state: poolFollowUpState(rulesOf(p.edition_id), {
      memberCount: p.member_count,
      result: p.result,
      retests: p.retests,
      retestsPositive: p.retests_positive,
      openTasks: p.open_tasks,
    }),
  };
}

/**
 * Tubes open, in transit and resulted, results pending by lab against the turnaround limit, and the
 * positives with their follow-up: the part of the command view the campaign dashboard and the
 * cross-campaign overview share.
 */
export async function followUpBoard(
  db: Db,
  selection: TubeSelection,
  scope: readonly string[],
  now: Date,
  positives: { limit: number; resultedSince?: Date },
) {
  const [tubes, pending, rows] = await Promise.all([
    tubeTotals(db, selection, scope),
    pendingByLab(db, selection, scope, now),
    positivesOf(db, selection, scope, positives.limit, positives.resultedSince),
  ]);
  const rulesOf = await rulesOfEditions(
    db,
    rows.map((r) => r.edition_id),
  );
  return {
    tubes: {
      open: tubes.open,
      inTransit: tubes.in_transit,
      resulted: tubes.resulted,
      oldestInTransitSince: tubes.oldest_in_transit?.toISOString() ?? null,
    },
    pendingByLab: pending,
    positives: rows.map((row) => positiveSummary(row, rulesOf)),
  };
}

/** The command view of a campaign: progress, tubes in transit, results pending by lab, positives and their follow-up. */
export async function campaignDashboard(deps: Deps, context: RequestContext, id: string) {
  const progress = await campaignProgress(deps, context, id);
  const board = await followUpBoard(deps.database.db, { campaignId: id }, scopeOf(context, 'testing.read'), deps.clock(), { limit: 200 });
  return { ...progress, ...board };
}
