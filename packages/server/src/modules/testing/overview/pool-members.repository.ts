import type { LabResult } from '@fangkong/core';
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { asDate, queryRows } from '../../../db/query-rows.ts';
import { communityOf, pathUnder } from '../testing-sql.ts';

export interface TubeHead {
  id: string;
  barcode: string;
  member_count: number;
  opened_at: Date | string;
  jurisdiction_path: string;
  result: LabResult | null;
  tested_at: Date | string | null;
}

export async function findTubeWithResult(db: Db, tubeId: string): Promise<TubeHead | undefined> {
  const rows = await queryRows<TubeHead>(
    db,
    sql`select t.id, t.barcode, t.member_count, t.opened_at, t.jurisdiction_path, lr.result, lr.tested_at
        from tube t left join lab_result lr on lr.id = t.id where t.id = ${tubeId}`,
  );
  return rows[0];
}

export interface MemberFollowUpRow {
  person_id: string;
  name: string;
  id_masked: string;
  community_id: string | null;
  community_name: string | null;
  control_task: string | null;
  retest_task: string | null;
  open_tasks: number;
  case_candidate: boolean;
  retest_barcode: string | null;
  retest_sampled_at: Date | string | null;
  retest_result: LabResult | null;
  retest_result_at: Date | string | null;
  episode_id: string | null;
  episode_category: string | null;
  episode_status: string | null;
}

/**
 * Every member of a tube with their follow-up: the control and retest tasks the tube set off, their
 * latest single-tube retest and its result, a case-candidate task (from the tube or the retest), and
 * an episode opened from testing from the day the tube was sampled on. Only the members inside the scope are read.
 */
export async function membersWithFollowUp(db: Db, tube: TubeHead, scope: readonly string[]): Promise<MemberFollowUpRow[]> {
  return queryRows<MemberFollowUpRow>(
    db,
    sql`with m as (
          select pm.person_id, pm.position from pool_member pm
          where pm.tube_id = ${tube.id} and ${pathUnder(sql`pm.jurisdiction_path`, scope)}
        ), rt as (
          select distinct on (rpm.person_id) rpm.person_id, r.id, r.barcode, r.opened_at
          from tube r join pool_member rpm on rpm.tube_id = r.id
          where r.retest_of_tube_id = ${tube.id} order by rpm.person_id, r.opened_at desc
        ), tk as (
          select k.person_id,
            (array_agg(k.status order by k.created_at desc) filter (where k.kind = 'control' and k.details->>'tubeId' = ${tube.id}::text))[1] as control_task,
            (array_agg(k.status order by k.created_at desc) filter (where k.kind = 'retest' and k.details->>'tubeId' = ${tube.id}::text))[1] as retest_task,
            count(*) filter (where k.status = 'open' and k.details->>'tubeId' = ${tube.id}::text)::int as open_tasks,
            bool_or(k.kind = 'case_candidate') as case_candidate
          from task k
          where k.details->>'source' = 'testing'
            and k.details->>'tubeId' in (select ${tube.id}::text union all select id::text from rt)
          group by k.person_id
        )
        select p.id as person_id, p.name, p.id_masked, c.id as community_id, c.name as community_name,
          tk.control_task, tk.retest_task, coalesce(tk.open_tasks, 0) as open_tasks, coalesce(tk.case_candidate, false) as case_candidate,
          rt.barcode as retest_barcode, rt.opened_at as retest_sampled_at, rr.result as retest_result, rr.tested_at as retest_result_at,
          ep.id as episode_id, ep.category as episode_category, ep.status as episode_status
        from m join person p on p.id = m.person_id
        left join jurisdiction c on c.path = ${communityOf(sql`p.jurisdiction_path`)}
        left join tk on tk.person_id = m.person_id
        left join rt on rt.person_id = m.person_id
        left join lab_result rr on rr.id = rt.id
        left join lateral (
          select e.id, e.category, e.status from key_person_episode e
          where e.person_id = m.person_id and e.source = 'testing'
            and e.start_date >= (${asDate(tube.opened_at)?.toISOString()}::timestamptz at time zone 'Asia/Shanghai')::date
          order by e.start_date desc, e.created_at desc limit 1
        ) ep on true
        order by m.position`,
  );
}
