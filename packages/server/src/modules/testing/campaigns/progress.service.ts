import { forbidden, pathInScope } from '@fangkong/core';
import type { AppDeps } from '../../../app-deps.ts';
import { asDate } from '../../../db/query-rows.ts';
import type { RequestContext } from '../../../http/context.ts';
import { findJurisdictionById } from '../../jurisdictions/jurisdiction.repository.ts';
import { scopeOf } from '../testing-access.ts';
import { campaignInScope, campaignSummary } from './campaign.service.ts';
import {
  jurisdictionsByPath,
  pendingByLab,
  positivesOf,
  residentsByCommunity,
  sampledByCommunity,
  tubeTotals,
  unsampledResidents,
} from './progress.repository.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

/** Live progress per community: sampled of expected (registered residents), inside the caller's scope. */
export async function campaignProgress(deps: Deps, context: RequestContext, id: string) {
  const db = deps.database.db;
  const campaign = await campaignInScope(db, context, id, 'testing.read');
  const scope = scopeOf(context, 'testing.read');
  const [expected, sampled] = await Promise.all([
    residentsByCommunity(db, campaign.jurisdictionPath, scope),
    sampledByCommunity(db, id, scope),
  ]);
  const sampledAt = new Map(sampled.map((s) => [s.path, s.n]));
  const names = new Map(
    (
      await jurisdictionsByPath(
        db,
        expected.map((e) => e.path),
      )
    ).map((j) => [j.path, j]),
  );
  const communities = expected
    .map((e) => {
      const where = names.get(e.path);
      const done = sampledAt.get(e.path) ?? 0;
      return { jurisdictionId: where?.id ?? null, code: where?.code ?? null, name: where?.name ?? e.path, expected: e.n, sampled: done };
    })
    .sort((a, b) => (a.code ?? '').localeCompare(b.code ?? ''));
  const total = communities.reduce((sum, c) => ({ expected: sum.expected + c.expected, sampled: sum.sampled + c.sampled }), {
    expected: 0,
    sampled: 0,
  });
  return { campaign: campaignSummary(campaign), ...total, communities };
}

export interface UnsampledQuery {
  jurisdictionId?: string;
  limit: number;
  offset: number;
}

/** Residents not yet sampled, for door-to-door follow-up: one community, or the campaign's part of the caller's scope. */
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
  return {
    total: page.total,
    items: page.items.map((p) => ({
      personId: p.id,
      name: p.name,
      idMasked: p.id_masked,
      phoneMasked: p.phone_masked,
      addressMasked: p.address_masked,
      householdId: p.household_id,
      jurisdictionName: p.jurisdiction_name,
    })),
  };
}

/** The command view of a campaign: progress, tubes in transit, results pending by lab, positives and their follow-up. */
export async function campaignDashboard(deps: Deps, context: RequestContext, id: string) {
  const db = deps.database.db;
  const progress = await campaignProgress(deps, context, id);
  const scope = scopeOf(context, 'testing.read');
  const [tubes, pending, positives] = await Promise.all([
    tubeTotals(db, id, scope),
    pendingByLab(db, id, scope),
    positivesOf(db, id, scope, 200),
  ]);
  return {
    campaign: progress.campaign,
    expected: progress.expected,
    sampled: progress.sampled,
    communities: progress.communities,
    tubes: {
      open: tubes.open,
      inTransit: tubes.in_transit,
      resulted: tubes.resulted,
      oldestInTransitSince: tubes.oldest_in_transit?.toISOString() ?? null,
    },
    pendingByLab: pending,
    positives: positives.map((p) => ({
      tubeId: p.tube_id,
      barcode: p.barcode,
      result: p.result,
      members: p.member_count,
      resultAt: asDate(p.tested_at)?.toISOString() ?? null,
      retests: p.retests,
      retestsNegative: p.retests_negative,
      retestsPositive: p.retests_positive,
      openTasks: p.open_tasks,
      state:
        p.retests_positive > 0
          ? 'case'
          : p.open_tasks === 0
            ? 'cleared'
            : p.retests < p.member_count
              ? 'retesting'
              : 'awaitingRetestResults',
    })),
  };
}
