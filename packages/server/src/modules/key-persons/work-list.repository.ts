import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { queryRows } from '../../db/query-rows.ts';

export interface WorkListFilter {
  scopePaths: string[];
  today: string;
  yesterday: string;
  /** Only episodes where this user is the assigned cadre or medic. */
  assignedTo?: string;
  siteId?: string;
  limit: number;
}

export interface WorkItem {
  episode_id: string;
  person_id: string;
  person_name: string;
  id_masked: string;
  category: string;
  management_type: string;
  item_id: string | null;
  test_kind: string | null;
  due_date: string | null;
  site_id: string | null;
}

function episodeFilter(filter: WorkListFilter): SQL {
  const scope =
    filter.scopePaths.length > 0
      ? sql.join(
          filter.scopePaths.map((p) => sql`e.jurisdiction_path like ${`${p}%`}`),
          sql` or `,
        )
      : sql`false`;
  const assigned = filter.assignedTo
    ? sql` and (e.assigned_cadre_id = ${filter.assignedTo} or e.assigned_medic_id = ${filter.assignedTo})`
    : sql``;
  const site = filter.siteId ? sql` and e.site_id = ${filter.siteId}` : sql``;
  return sql`e.status = 'active' and (${scope})${assigned}${site}`;
}

const episodeColumns = sql`e.id as episode_id, p.id as person_id, p.name as person_name, p.id_masked, e.category, e.management_type, e.site_id`;

/** Tests or follow-ups still due: on `today` itself, or overdue (before it); each list capped on its own. */
export function openItems(
  db: Db,
  filter: WorkListFilter,
  kind: 'test' | 'follow_up',
  when: 'today' | 'overdue' | 'upToToday',
): Promise<WorkItem[]> {
  const due = {
    today: sql`s.due_date = ${filter.today}`,
    overdue: sql`s.due_date < ${filter.today}`,
    upToToday: sql`s.due_date <= ${filter.today}`,
  }[when];
  return queryRows<WorkItem>(
    db,
    sql`select ${episodeColumns}, s.id as item_id, s.test_kind, s.due_date::text as due_date
        from schedule_item s join key_person_episode e on e.id = s.episode_id join person p on p.id = e.person_id
        where s.status = 'due' and s.kind = ${kind} and ${due} and ${episodeFilter(filter)}
        order by s.due_date, p.name limit ${filter.limit}`,
  );
}

/** Active episodes under monitoring on `date` with no observation recorded that day. */
export function missingChecks(db: Db, filter: WorkListFilter, date: string): Promise<WorkItem[]> {
  return queryRows<WorkItem>(
    db,
    sql`select ${episodeColumns}, null as item_id, null as test_kind, ${date}::text as due_date
        from key_person_episode e join person p on p.id = e.person_id
        where ${episodeFilter(filter)} and e.start_date <= ${date} and (e.planned_end_date is null or e.planned_end_date >= ${date})
          and not exists (select 1 from health_observation o where o.episode_id = e.id and o.observed_date = ${date})
        order by p.name limit ${filter.limit}`,
  );
}

/** Active episodes whose release day has come. */
export function releaseDue(db: Db, filter: WorkListFilter): Promise<WorkItem[]> {
  return queryRows<WorkItem>(
    db,
    sql`select ${episodeColumns}, null as item_id, null as test_kind, e.planned_release_date::text as due_date
        from key_person_episode e join person p on p.id = e.person_id
        where ${episodeFilter(filter)} and e.planned_release_date <= ${filter.today} and e.released_at is null
        order by e.planned_release_date, p.name limit ${filter.limit}`,
  );
}
