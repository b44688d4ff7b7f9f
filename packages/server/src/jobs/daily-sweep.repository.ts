import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { queryRows } from '../db/query-rows.ts';

const count = async (db: Db, query: ReturnType<typeof sql>) => (await queryRows<{ id: string }>(db, query)).length;

/** One alert per test still due after its day (idempotent by dedup key). */
export function raiseOverdueTestAlerts(db: Db, today: string): Promise<number> {
  return count(
    db,
    sql`insert into alert (kind, episode_id, dedup_key, details, jurisdiction_path)
        select 'overdue_test', s.episode_id, 'overdue_test:' || s.id,
               jsonb_build_object('itemId', s.id, 'dueDate', s.due_date, 'testKind', s.test_kind), s.jurisdiction_path
        from schedule_item s join key_person_episode e on e.id = s.episode_id
        where s.status = 'due' and s.kind = 'test' and s.due_date < ${today} and e.status = 'active'
        on conflict (dedup_key) do nothing returning id`,
  );
}

/** One alert per active episode with no health observation on `day` (SC-05: one record per calendar day). */
export function raiseMissingCheckAlerts(db: Db, day: string): Promise<number> {
  return count(
    db,
    sql`insert into alert (kind, episode_id, dedup_key, details, jurisdiction_path)
        select 'overdue_check', e.id, 'overdue_check:' || e.id || ':' || ${day}, jsonb_build_object('date', ${day}::text), e.jurisdiction_path
        from key_person_episode e
        where e.status = 'active' and e.start_date <= ${day} and (e.planned_end_date is null or e.planned_end_date >= ${day})
          and not exists (select 1 from health_observation o where o.episode_id = e.id and o.observed_date = ${day})
        on conflict (dedup_key) do nothing returning id`,
  );
}

/**
 * Episodes whose last phase is over end: released ones after their home health monitoring, and
 * monitoring-only ones (no release to sign) when their period ends. Open-ended care never ends here.
 */
export function endFinishedEpisodes(db: Db, today: string): Promise<number> {
  return count(
    db,
    sql`update key_person_episode set status = 'ended', ended_reason = 'plannedEnd', updated_at = now()
        where status = 'active' and planned_end_date < ${today} and (released_at is not null or planned_release_date is null) returning id`,
  );
}
