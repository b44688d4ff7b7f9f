import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { queryRows } from '../../db/query-rows.ts';
import { pathUnder, uuidList } from '../testing/testing-sql.ts';

export interface ChainNodeRow {
  id: string;
  root_id: string;
  infector_case_id: string | null;
  depth: number;
  case_number: string;
  classification: string;
  onset_date: string | null;
  name: string;
  jurisdiction_path: string;
  contacts: number;
}

export interface ChainFilter {
  paths: readonly string[];
  from?: string;
  to?: string;
}

function rootWhere(filter: ChainFilter): SQL {
  const from = filter.from ? sql` and c.discovered_at >= ${filter.from}::date` : sql``;
  const to = filter.to ? sql` and c.discovered_at < (${filter.to}::date + 1)` : sql``;
  return sql`c.infector_case_id is null and ${pathUnder(sql`c.jurisdiction_path`, filter.paths)}${from}${to}`;
}

/** One page of chain roots (cases with no known infector), newest first, and how many there are. */
export async function chainRoots(db: Db, filter: ChainFilter, limit: number, offset: number) {
  const where = rootWhere(filter);
  const [ids, count] = await Promise.all([
    queryRows<{ id: string }>(
      db,
      sql`select c.id from case_report c where ${where} order by c.discovered_at desc, c.id limit ${limit} offset ${offset}`,
    ),
    queryRows<{ n: number }>(db, sql`select count(*)::int as n from case_report c where ${where}`),
  ]);
  return { rootIds: ids.map((r) => r.id), total: count[0]?.n ?? 0 };
}

const tree = (rootIds: readonly string[], maxDepth: number) => sql`with recursive tree as (
      select c.id, c.id as root_id, c.infector_case_id, 0 as depth from case_report c where c.id in ${uuidList(rootIds)}
      union all
      select c.id, t.root_id, c.infector_case_id, t.depth + 1 from case_report c join tree t on c.infector_case_id = t.id
      where t.depth < ${maxDepth}
    )`;

export interface ChainSummaryRow {
  root_id: string;
  size: number;
  depth: number;
  contacts: number;
}

/** Size, generations and confirmed contacts of each chain under the roots: aggregated in SQL, no node leaves the database. */
export function chainSummaries(db: Db, rootIds: readonly string[], paths: readonly string[], maxDepth = 50): Promise<ChainSummaryRow[]> {
  if (rootIds.length === 0) return Promise.resolve([]);
  return queryRows<ChainSummaryRow>(
    db,
    sql`${tree(rootIds, maxDepth)}
    select t.root_id, count(*)::int as size, max(t.depth)::int as depth, coalesce(sum(x.n), 0)::int as contacts
    from tree t join case_report c on c.id = t.id
    left join lateral (select count(*)::int as n from exposure e where e.case_id = t.id and e.status = 'confirmed') x on true
    where ${pathUnder(sql`c.jurisdiction_path`, paths)}
    group by t.root_id`,
  );
}

/**
 * Every case of one chain (recursive over the infector index), in the caller's scope, with its confirmed
 * contacts counted: fetched when the chain is opened, at most `limit` cases (nearest generations first).
 */
export function chainNodes(db: Db, rootId: string, paths: readonly string[], limit: number, maxDepth = 50): Promise<ChainNodeRow[]> {
  return queryRows<ChainNodeRow>(
    db,
    sql`${tree([rootId], maxDepth)}
    select t.id, t.root_id, t.infector_case_id, t.depth, c.case_number, c.classification, c.onset_date::text as onset_date,
      p.name, c.jurisdiction_path,
      (select count(*)::int from exposure e where e.case_id = t.id and e.status = 'confirmed') as contacts
    from tree t join case_report c on c.id = t.id join person p on p.id = c.person_id
    where ${pathUnder(sql`c.jurisdiction_path`, paths)}
    order by t.depth, c.discovered_at, t.id
    limit ${limit}`,
  );
}

export function caseNumbers(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([] as { id: string; case_number: string }[]);
  return queryRows<{ id: string; case_number: string }>(db, sql`select id, case_number from case_report where id in ${uuidList(ids)}`);
}

export interface PairRow {
  infector_case_id: string;
  infectee_case_id: string;
  infector_onset: string | null;
  infectee_onset: string | null;
}

/** Infector → infectee pairs where both cases are in scope, with onset dates (the serial interval's input). */
export function transmissionPairs(db: Db, paths: readonly string[]): Promise<PairRow[]> {
  return queryRows<PairRow>(
    db,
    sql`select a.id as infector_case_id, b.id as infectee_case_id, a.onset_date::text as infector_onset, b.onset_date::text as infectee_onset
    from case_report b join case_report a on a.id = b.infector_case_id
    where ${pathUnder(sql`b.jurisdiction_path`, paths)} and ${pathUnder(sql`a.jurisdiction_path`, paths)}
    order by b.discovered_at`,
  );
}

export interface ClusterInputRow {
  id: string;
  date: string;
  area_key: string | null;
  infector_case_id: string | null;
  /** The day the case was reported (network report, else discovery), Asia/Shanghai: risk grading counts it (issue 14). */
  report_date: string;
  classification: string;
}

/** Cases in scope with their date (onset, else discovery day) and small area (the person's community path). */
export function clusterInput(db: Db, paths: readonly string[]): Promise<ClusterInputRow[]> {
  return queryRows<ClusterInputRow>(
    db,
    sql`select c.id, coalesce(c.onset_date, (c.discovered_at at time zone 'Asia/Shanghai')::date)::text as date,
      c.jurisdiction_path as area_key, c.infector_case_id,
      (coalesce(c.reported_at, c.discovered_at) at time zone 'Asia/Shanghai')::date::text as report_date, c.classification
    from case_report c where ${pathUnder(sql`c.jurisdiction_path`, paths)} and c.classification <> 'excluded'`,
  );
}

export interface FollowUpRow {
  investigator_id: string | null;
  investigator: string | null;
  under_follow_up: number;
  checks_due: number;
  checks_done: number;
  lost: number;
  became_cases: number;
}

/** Per investigator (who confirmed the contact): contacts under follow-up, checks done against due, lost (an active contact with a check overdue), turned cases. */
export function followUpByInvestigator(db: Db, paths: readonly string[], today: string): Promise<FollowUpRow[]> {
  return queryRows<FollowUpRow>(
    db,
    sql`select e.decided_by as investigator_id, u.display_name as investigator,
      count(*) filter (where k.status = 'active')::int as under_follow_up,
      coalesce(sum((select count(*) from schedule_item s where s.episode_id = k.id and s.due_date <= ${today}::date)), 0)::int as checks_due,
      coalesce(sum((select count(*) from schedule_item s where s.episode_id = k.id and s.due_date <= ${today}::date and s.status = 'done')), 0)::int as checks_done,
      count(*) filter (where k.status = 'active' and exists (select 1 from schedule_item s where s.episode_id = k.id and s.status = 'due' and s.due_date < ${today}::date))::int as lost,
      count(*) filter (where exists (select 1 from case_report c where c.person_id = e.person_id and c.id <> e.case_id and c.classification <> 'excluded'))::int as became_cases
    from exposure e left join key_person_episode k on k.id = e.episode_id left join app_user u on u.id = e.decided_by
    where e.status = 'confirmed' and ${pathUnder(sql`e.jurisdiction_path`, paths)}
    group by e.decided_by, u.display_name order by u.display_name`,
  );
}
