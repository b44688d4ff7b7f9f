import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { queryRows } from '../../../db/query-rows.ts';
import { communityOf, uuidList } from '../testing-sql.ts';

/**
 * For each member of each tube: one task of each kind (set-based: 10 000 positive pools are one
 * statement). Every task says where it came from — the tube, its barcode and result — so a list
 * leads back to it; the member's sample is the pool member of that tube and person. The details are
 * built once per tube, not once per task.
 */
export async function insertMemberTasks(
  db: Db,
  tubeIds: readonly string[],
  kinds: readonly string[],
  now: Date,
  origin: Record<string, string> = {},
): Promise<number> {
  if (tubeIds.length === 0 || kinds.length === 0) return 0;
  const rows = await queryRows<{ n: number }>(
    db,
    sql`with resulted as materialized (
      select t.id, jsonb_build_object('source', 'testing', 'tubeId', t.id, 'barcode', t.barcode, 'result', lr.result) || ${JSON.stringify(origin)}::jsonb as details
      from tube t join lab_result lr on lr.id = t.id
      where t.id in ${uuidList(tubeIds)}
    ), ins as (
      insert into task (kind, status, person_id, due_at, details, jurisdiction_path)
      select k.kind, 'open', pm.person_id, ${now.toISOString()}::timestamptz, r.details, pm.jurisdiction_path
      from unnest(string_to_array(${kinds.join(',')}::text, ',')) as k(kind)
      cross join resulted r
      join pool_member pm on pm.tube_id = r.id
      returning 1
    ) select count(*)::int as n from ins`,
  );
  return rows[0]?.n ?? 0;
}

/**
 * One alert per tube and community its members live in, raised once (dedup key) however often a
 * result is re-sent. The community is worked out once per distinct place of the members, not once
 * per member: the path pattern is the costly part, and the members of a batch's pools share few places.
 */
export async function raiseCommunityAlerts(db: Db, tubeIds: readonly string[], origin: Record<string, string> = {}): Promise<number> {
  if (tubeIds.length === 0) return 0;
  const rows = await queryRows<{ n: number }>(
    db,
    sql`with by_place as (
      select tube_id, jurisdiction_path as path, count(*)::int as members
      from pool_member where tube_id in ${uuidList(tubeIds)}
      group by tube_id, jurisdiction_path
    ), communities as materialized (
      select path, ${communityOf(sql`path`)} as community from (select distinct path from by_place) p
    ), by_community as (
      select b.tube_id, c.community as path, sum(b.members)::int as members
      from by_place b join communities c on c.path = b.path group by 1, 2
    ), ins as (
      insert into alert (kind, status, dedup_key, details, jurisdiction_path)
      select case when t.member_count = 1 then lr.result || '_result' else lr.result || '_pool' end, 'open',
        'testing:' || t.id || ':' || c.path,
        jsonb_build_object('source', 'testing', 'tubeId', t.id, 'barcode', t.barcode, 'result', lr.result, 'members', c.members)
          || ${JSON.stringify(origin)}::jsonb,
        c.path
      from by_community c
      join tube t on t.id = c.tube_id
      join lab_result lr on lr.id = t.id
      on conflict (dedup_key) do nothing
      returning 1
    ) select count(*)::int as n from ins`,
  );
  return rows[0]?.n ?? 0;
}

export interface MemberRow {
  person_id: string;
  jurisdiction_id: string;
  jurisdiction_path: string;
  tube_id: string;
  barcode: string;
}

export async function membersOf(db: Db, tubeIds: readonly string[]): Promise<MemberRow[]> {
  if (tubeIds.length === 0) return [];
  return queryRows<MemberRow>(
    db,
    sql`select pm.person_id, p.jurisdiction_id, p.jurisdiction_path, t.id as tube_id, t.barcode
        from pool_member pm join tube t on t.id = pm.tube_id join person p on p.id = pm.person_id
        where pm.tube_id in ${uuidList(tubeIds)}`,
  );
}

/** A negative single-tube retest closes the member's control and retest tasks of the pool it answers for. */
export async function closeRetestedTasks(db: Db, retestTubeIds: readonly string[], now: Date): Promise<number> {
  if (retestTubeIds.length === 0) return 0;
  const rows = await queryRows<{ n: number }>(
    db,
    sql`with done as (
      update task set status = 'closed', closed_at = ${now.toISOString()}::timestamptz, updated_at = ${now.toISOString()}::timestamptz
      from pool_member pm join tube rt on rt.id = pm.tube_id
      where rt.id in ${uuidList(retestTubeIds)}
        and task.person_id = pm.person_id and task.status = 'open' and task.kind in ('control', 'retest')
        and task.details->>'source' = 'testing' and task.details->>'tubeId' = rt.retest_of_tube_id::text
      returning 1
    ) select count(*)::int as n from done`,
  );
  return rows[0]?.n ?? 0;
}
