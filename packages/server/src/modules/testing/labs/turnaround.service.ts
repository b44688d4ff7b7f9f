import { forbidden, judgeTurnaround, TURNAROUND_SETTINGS, type TurnaroundSetting, turnaroundRuleOf } from '@fangkong/core';
import { sql } from 'drizzle-orm';
import type { AppDeps } from '../../../app-deps.ts';
import { queryRows } from '../../../db/query-rows.ts';
import type { RequestContext } from '../../../http/context.ts';
import { commonPath } from '../../zones/zone-access.ts';
import { rulesInForce, scopeOf } from '../testing-access.ts';
import { pathUnder } from '../testing-sql.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

interface Row {
  lab_name: string;
  point_id: string | null;
  point_name: string | null;
  setting: TurnaroundSetting;
  results: number;
  average_hours: number | null;
  p90_hours: number | null;
  max_hours: number | null;
  over_limit: number;
}

export interface TurnaroundQuery {
  campaignId?: string;
  from?: string;
  to?: string;
}

const round1 = (value: number | null) => (value === null ? null : Math.round(Number(value) * 10) / 10);

/** Hours from sampling (the tube's first sample) to the lab's result, per lab, collection point and setting, in SQL. */
async function turnaroundRows(deps: Deps, scope: readonly string[], limits: Record<string, number>, query: TurnaroundQuery) {
  const campaign = query.campaignId ? sql` and t.campaign_id = ${query.campaignId}` : sql``;
  const from = query.from ? sql` and lr.tested_at >= ${query.from}::timestamptz` : sql``;
  const to = query.to ? sql` and lr.tested_at < ${query.to}::timestamptz` : sql``;
  return queryRows<Row>(
    deps.database.db,
    sql`select lr.lab_name, t.collection_point_id as point_id, cp.name as point_name, t.setting, count(*)::int as results,
          avg(h.hours)::float8 as average_hours, percentile_cont(0.9) within group (order by h.hours)::float8 as p90_hours,
          max(h.hours)::float8 as max_hours,
          count(*) filter (where h.hours > (${JSON.stringify(limits)}::jsonb ->> t.setting)::float8)::int as over_limit
        from lab_result lr join tube t on t.id = lr.id left join collection_point cp on cp.id = t.collection_point_id
        cross join lateral (select extract(epoch from (lr.tested_at - t.opened_at)) / 3600.0 as hours) h
        where ${pathUnder(sql`lr.jurisdiction_path`, scope)}${campaign}${from}${to}
        group by lr.lab_name, t.collection_point_id, cp.name, t.setting
        order by lr.lab_name, cp.name nulls last, t.setting`,
  );
}

/**
 * Turnaround against the protocol's limits (TEST-016: the seeds give none; the editions mark their
 * values configured, fever clinics 6 h among them).
 */
export async function turnaround(deps: Deps, context: RequestContext, query: TurnaroundQuery) {
  const scope = scopeOf(context, 'testing.read');
  if (scope.length === 0) throw forbidden();
  const { edition, rules } = await rulesInForce(deps.database.db, deps.clock(), commonPath(scope));
  const limits = Object.fromEntries(TURNAROUND_SETTINGS.map((s) => [s, turnaroundRuleOf(rules, s).hours]));
  const rows = await turnaroundRows(deps, scope, limits, query);
  return {
    editionId: edition.id,
    rows: rows.map((r) => ({
      labName: r.lab_name,
      pointId: r.point_id,
      pointName: r.point_name,
      setting: r.setting,
      ...judgeTurnaround(
        {
          results: r.results,
          averageHours: round1(r.average_hours),
          p90Hours: round1(r.p90_hours),
          maxHours: round1(r.max_hours),
          overLimit: r.over_limit,
        },
        turnaroundRuleOf(rules, r.setting),
      ),
    })),
  };
}
