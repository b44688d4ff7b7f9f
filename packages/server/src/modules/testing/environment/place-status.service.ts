import {
  type EnvironmentRules,
  environmentRulesOf,
  type PlaceSamplingState,
  placeRiskOf,
  placeSamplingState,
  samplingPlanOf,
  shanghaiDate,
} from '@fangkong/core';
import type { AppDeps } from '../../../app-deps.ts';
import type { RequestContext } from '../../../http/context.ts';
import { commonPath } from '../../zones/zone-access.ts';
import { rulesInForce } from '../testing-access.ts';
import { iso, readPaths } from './environment-access.ts';
import { type PlaceStatusRow, placeStatusRows } from './place-status.repository.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

const asDate = (value: Date | string | null) => (value === null ? null : new Date(value));

/** The place's risk flag from its latest positive and negative samples (core decides). */
export function riskOfRow(rules: EnvironmentRules, row: PlaceStatusRow) {
  return placeRiskOf(rules, { lastPositiveSampledAt: asDate(row.last_positive_at), lastNegativeSampledAt: asDate(row.last_negative_at) });
}

const placeOf = (row: PlaceStatusRow) => ({
  placeId: row.id,
  placeName: row.name,
  placeKind: row.kind,
  placeCode: row.code,
  jurisdictionId: row.jurisdiction_id,
  jurisdictionName: row.jurisdiction_name,
  samples: row.samples,
  lastSampledAt: iso(row.last_sampled_at),
});

function riskOf(rules: EnvironmentRules, row: PlaceStatusRow) {
  const risk = riskOfRow(rules, row);
  return {
    risk: risk.decision,
    riskSince: risk.since?.toISOString() ?? null,
    lastNegativeAt: iso(row.last_negative_at),
    because: risk.because,
  };
}

export interface DueQuery {
  jurisdictionId?: string;
  placeKind?: string;
  state?: PlaceSamplingState;
  limit: number;
  offset: number;
}

/**
 * Which places are due for environment sampling (TEST-014: 定期抽样): every place of a kind the
 * edition in force plans for, with its due date from its latest sample; overdue first.
 */
export async function dueForSampling(deps: Deps, context: RequestContext, query: DueQuery) {
  const db = deps.database.db;
  const paths = await readPaths(db, context, query.jurisdictionId);
  const now = deps.clock();
  const today = shanghaiDate(now);
  const { edition, rules } = await rulesInForce(db, now, commonPath(paths));
  const environment = environmentRulesOf(rules);
  const plans = environment.plans.filter((plan) => !query.placeKind || plan.placeKind === query.placeKind);
  const rows = await placeStatusRows(db, { paths, kinds: plans.map((plan) => plan.placeKind) });
  const items = rows.flatMap((row) => {
    const plan = samplingPlanOf(environment, row.kind);
    if (!plan) return [];
    const lastSampledOn = row.last_sampled_at ? shanghaiDate(new Date(row.last_sampled_at)) : null;
    const state = placeSamplingState(plan, { registeredOn: shanghaiDate(new Date(row.created_at)), lastSampledOn }, today);
    return [{ ...placeOf(row), everyDays: plan.everyDays, state: state.decision, dueDate: state.dueDate, ...riskOf(environment, row) }];
  });
  const counts: Record<PlaceSamplingState, number> = { covered: 0, due: 0, overdue: 0 };
  for (const item of items) counts[item.state]++;
  const chosen = items.filter((item) => !query.state || item.state === query.state).sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  return {
    editionId: edition.id,
    date: today,
    plans: plans.map((plan) => ({ placeKind: plan.placeKind, everyDays: plan.everyDays, basis: plan.basis })),
    counts,
    total: chosen.length,
    items: chosen.slice(query.offset, query.offset + query.limit),
  };
}

/** Places with a positive environment or goods sample: at risk until a later sample is negative (or cleared, when asked). */
export async function placeRisks(deps: Deps, context: RequestContext, query: { jurisdictionId?: string; includeCleared?: boolean }) {
  const db = deps.database.db;
  const paths = await readPaths(db, context, query.jurisdictionId);
  const environment = environmentRulesOf((await rulesInForce(db, deps.clock(), commonPath(paths))).rules);
  const rows = await placeStatusRows(db, { paths, positiveOnly: true });
  const items = rows.map((row) => ({ ...placeOf(row), ...riskOf(environment, row) }));
  return { items: items.filter((item) => query.includeCleared || item.risk === 'atRisk') };
}

/** Batch trace (MKT-008 ledgers): every place in scope where goods of the batch were sampled, with their results. */
export async function placesHoldingBatch(deps: Deps, context: RequestContext, batchNumber: string) {
  const db = deps.database.db;
  const paths = await readPaths(db, context, undefined);
  const environment = environmentRulesOf((await rulesInForce(db, deps.clock(), commonPath(paths))).rules);
  const rows = await placeStatusRows(db, { paths, batchNumber: batchNumber.trim() });
  return {
    batchNumber: batchNumber.trim(),
    places: rows.map((row) => ({
      ...placeOf(row),
      batchSamples: row.batch_samples,
      batchPositives: row.batch_positives,
      ...riskOf(environment, row),
    })),
  };
}
