import type { LabResult } from '@fangkong/core';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { asDate, queryRows } from '../../../db/query-rows.ts';
import { communityOf, pathUnder, turnaroundLimitJoin, uuidList } from '../testing-sql.ts';

export interface CommunityCount {
  path: string;
  n: number;
}

/**
 * Residents and campaign samples counted per community in one pass each (grouped by the community
 * part of the path), so a district of 1.6 M people is two index range scans, not one per community.
 */
export async function residentsByCommunity(db: Db, campaignPath: string, scope: readonly string[]): Promise<CommunityCount[]> {
  return queryRows<CommunityCount>(
    db,
    sql`select ${communityOf(sql`p.jurisdiction_path`)} as path, count(*)::int as n from person p
        where p.jurisdiction_path like ${`${campaignPath}%`} and ${pathUnder(sql`p.jurisdiction_path`, scope)} group by 1`,
  );
}

export async function sampledByCommunity(db: Db, campaignId: string, scope: readonly string[]): Promise<CommunityCount[]> {
  return queryRows<CommunityCount>(
    db,
    sql`select ${communityOf(sql`s.jurisdiction_path`)} as path, count(*)::int as n from sample s
        where s.campaign_id = ${campaignId} and s.purpose = 'campaign' and ${pathUnder(sql`s.jurisdiction_path`, scope)} group by 1`,
  );
}

export async function jurisdictionsByPath(db: Db, paths: readonly string[]) {
  if (paths.length === 0) return [];
  return queryRows<{ id: string; code: string; name: string; path: string }>(
    db,
    sql`select id, code, name, path from jurisdiction where path in (select value from json_array_elements_text(${JSON.stringify(paths)}::json))`,
  );
}

export interface UnsampledRow {
  id: string;
  name: string;
  id_masked: string;
  phone_masked: string | null;
  address_masked: string | null;
  household_id: string | null;
  jurisdiction_name: string;
  jurisdiction_path: string;
  /** Building, unit and room of the household (3幢 2单元 501室), from the place tree. */
  door: string | null;
}

/** Residents under the path not yet sampled in the campaign: the door-to-door list. */
export async function unsampledResidents(
  db: Db,
  campaignId: string,
  path: string,
  scope: readonly string[],
  limit: number,
  offset: number,
) {
  const where = sql`p.jurisdiction_path like ${`${path}%`} and ${pathUnder(sql`p.jurisdiction_path`, scope)}
    and not exists (select 1 from sample s where s.campaign_id = ${campaignId} and s.person_id = p.id and s.purpose = 'campaign')`;
  const [items, counted] = await Promise.all([
    queryRows<UnsampledRow>(
      db,
      sql`select p.id, p.name, p.id_masked, p.phone_masked, p.address_masked, p.household_id, j.name as jurisdiction_name,
            p.jurisdiction_path, nullif(concat_ws(' ', b.name, u.name, h.name), '') as door
          from person p join jurisdiction j on j.id = p.jurisdiction_id
          left join place h on h.id = p.household_id
          left join place u on u.id = h.parent_place_id
          left join place b on b.id = u.parent_place_id
          where ${where}
          order by p.jurisdiction_path, p.household_id nulls last, p.name, p.id limit ${limit} offset ${offset}`,
    ),
    queryRows<{ n: number }>(db, sql`select count(*)::int as n from person p where ${where}`),
  ]);
  return { items, total: counted[0]?.n ?? 0 };
}

/**
 * Which tubes a dashboard counts: one campaign's, or the overview's — the campaigns it lists and the
 * single tubes (fever clinic, groups, retests) opened since a time or still awaiting their result.
 * The SQL reads tube `t` left-joined to its `lab_result lr`.
 */
export type TubeSelection = { campaignId: string } | { campaignIds: readonly string[]; singlesSince: Date };

function selected(selection: TubeSelection, scope: readonly string[]): SQL {
  const where =
    'campaignId' in selection
      ? sql`t.campaign_id = ${selection.campaignId}`
      : sql`(t.campaign_id in ${uuidList(selection.campaignIds)} or (t.campaign_id is null
          and (t.opened_at >= ${selection.singlesSince.toISOString()}::timestamptz or (t.status = 'closed' and lr.id is null))))`;
  return sql`${where} and ${pathUnder(sql`t.jurisdiction_path`, scope)}`;
}

export interface TubeTotals {
  open: number;
  in_transit: number;
  resulted: number;
  oldest_in_transit: Date | null;
}

export async function tubeTotals(db: Db, selection: TubeSelection, scope: readonly string[]): Promise<TubeTotals> {
  const rows = await queryRows<TubeTotals & { oldest_in_transit: Date | string | null }>(
    db,
    sql`select count(*) filter (where t.status = 'open')::int as open,
          count(*) filter (where t.status = 'closed' and lr.id is null)::int as in_transit,
          count(lr.id)::int as resulted,
          min(t.closed_at) filter (where t.status = 'closed' and lr.id is null) as oldest_in_transit
        from tube t left join lab_result lr on lr.id = t.id
        where ${selected(selection, scope)}`,
  );
  const row = rows[0];
  return {
    open: row?.open ?? 0,
    in_transit: row?.in_transit ?? 0,
    resulted: row?.resulted ?? 0,
    oldest_in_transit: asDate(row?.oldest_in_transit ?? null),
  };
}

/**
 * Closed tubes without a result, per lab and turnaround limit: each tube is held to the limit of its
 * edition and setting (core `turnaroundLimits`), counted over it once longer than that since sampling.
 */
export async function pendingByLab(db: Db, selection: TubeSelection, scope: readonly string[], now: Date) {
  const rows = await queryRows<{
    lab: string | null;
    setting: string;
    limit_hours: number | null;
    tubes: number;
    over: number;
    oldest: Date | string | null;
  }>(
    db,
    sql`select t.lab_name as lab, t.setting, lim.hours::float8 as limit_hours, count(*)::int as tubes,
          count(*) filter (where t.opened_at + lim.hours * interval '1 hour' < ${now.toISOString()}::timestamptz)::int as over,
          min(t.closed_at) as oldest
        from tube t left join lab_result lr on lr.id = t.id
        ${turnaroundLimitJoin()}
        where t.status = 'closed' and lr.id is null and ${selected(selection, scope)}
        group by t.lab_name, t.setting, lim.hours order by 4 desc, 1 nulls last`,
  );
  return rows.map((r) => ({
    labName: r.lab,
    setting: r.setting,
    limitHours: r.limit_hours,
    tubes: r.tubes,
    overLimit: r.over,
    oldestClosedAt: asDate(r.oldest)?.toISOString() ?? null,
  }));
}

export interface PositiveRow {
  tube_id: string;
  barcode: string;
  campaign_id: string | null;
  edition_id: string;
  result: LabResult;
  member_count: number;
  tested_at: Date | string;
  retests: number;
  retests_negative: number;
  retests_positive: number;
  open_tasks: number;
}

/**
 * Positive and indeterminate tubes (not retests: those show on their pool) with their follow-up:
 * retests taken and resulted, tasks still open; `resultedSince` keeps those resulted since then.
 */
export async function positivesOf(
  db: Db,
  selection: TubeSelection,
  scope: readonly string[],
  limit: number,
  resultedSince?: Date,
): Promise<PositiveRow[]> {
  const since = resultedSince ? sql` and lr.tested_at >= ${resultedSince.toISOString()}::timestamptz` : sql``;
  return queryRows<PositiveRow>(
    db,
    sql`with pos as (
          select t.id, t.barcode, t.campaign_id, t.edition_id, lr.result, t.member_count, lr.tested_at
          from tube t join lab_result lr on lr.id = t.id
          where ${selected(selection, scope)} and lr.result <> 'negative' and t.retest_of_tube_id is null${since}
          order by lr.tested_at desc limit ${limit}
        ), retest as (
          select rt.retest_of_tube_id as id, count(*)::int as n,
            count(*) filter (where rr.result = 'negative')::int as neg, count(*) filter (where rr.result = 'positive')::int as posv
          from tube rt left join lab_result rr on rr.id = rt.id where rt.retest_of_tube_id in (select id from pos) group by 1
        ), open_task as (
          select (k.details->>'tubeId')::uuid as id, count(*)::int as n from task k
          where k.status = 'open' and k.details->>'source' = 'testing' and k.details->>'tubeId' in (select id::text from pos) group by 1
        )
        select pos.id as tube_id, pos.barcode, pos.campaign_id, pos.edition_id, pos.result, pos.member_count, pos.tested_at,
          coalesce(r.n, 0) as retests, coalesce(r.neg, 0) as retests_negative, coalesce(r.posv, 0) as retests_positive,
          coalesce(o.n, 0) as open_tasks
        from pos left join retest r on r.id = pos.id left join open_task o on o.id = pos.id order by pos.tested_at desc`,
  );
}
