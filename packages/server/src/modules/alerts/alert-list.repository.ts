import { ALERT_SEVERITIES, type AlertSeverity, type AlertStatus, kindsOfSeverity } from '@fangkong/core';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { queryRows } from '../../db/query-rows.ts';
import { alert } from '../../db/schema/index.ts';
import { pathUnder } from '../testing/testing-sql.ts';

export interface AlertFilter {
  paths: readonly string[];
  kind?: string;
  status?: AlertStatus;
  severity?: AlertSeverity;
}

export interface AlertListRow {
  id: string;
  kind: string;
  status: string;
  episode_id: string | null;
  site_id: string | null;
  details: Record<string, unknown>;
  created_at: Date | string;
  person_name: string | null;
  person_episode_id: string | null;
  person_id: string | null;
  members: number | null;
}

const kindList = (kinds: readonly string[]) =>
  sql`(${sql.join(
    kinds.map((k) => sql`${k}`),
    sql`, `,
  )})`;

/** The severity rank (0 = critical) of `a.kind` in SQL, from the one core rule; an unknown kind ranks as high. */
function severityRankSql(): SQL {
  const cases = ALERT_SEVERITIES.map((s, rank) => sql`when a.kind in ${kindList(kindsOfSeverity(s))} then ${rank}`);
  return sql`(case ${sql.join(cases, sql` `)} else ${ALERT_SEVERITIES.indexOf('high')} end)`;
}

function whereOf(filter: AlertFilter): SQL {
  const parts: SQL[] = [pathUnder(sql`a.jurisdiction_path`, filter.paths)];
  if (filter.kind) parts.push(sql`a.kind = ${filter.kind}`);
  if (filter.status) parts.push(sql`a.status = ${filter.status}`);
  if (filter.severity) parts.push(sql`${severityRankSql()} = ${ALERT_SEVERITIES.indexOf(filter.severity)}`);
  return sql.join(parts, sql` and `);
}

/**
 * Alerts in scope, open before resolved, then by severity, then newest first. Each carries who it is
 * about: the episode's person, or for a tube alert (pool or single tube) the first member living
 * under the alert's community, with that member's active episode to link to, and the member count.
 */
export async function listAlertRows(db: Db, filter: AlertFilter, limit: number, offset: number) {
  const where = whereOf(filter);
  const [items, counted] = await Promise.all([
    queryRows<AlertListRow>(
      db,
      sql`select a.id, a.kind, a.status, a.episode_id, a.site_id, a.details, a.created_at,
            coalesce(ep.name, m.name) as person_name, coalesce(a.episode_id, m.episode_id) as person_episode_id,
            coalesce(e.person_id, m.person_id) as person_id,
            (select count(*)::int from pool_member c
              where a.details->>'tubeId' is not null and c.tube_id = (a.details->>'tubeId')::uuid
                and c.jurisdiction_path like a.jurisdiction_path || '%') as members
          from alert a
          left join key_person_episode e on e.id = a.episode_id
          left join person ep on ep.id = e.person_id
          left join lateral (
            select p.id as person_id, p.name, (select ke.id from key_person_episode ke where ke.person_id = pm.person_id and ke.status = 'active'
                            order by ke.created_at desc limit 1) as episode_id
            from pool_member pm join person p on p.id = pm.person_id
            where a.episode_id is null and a.details->>'tubeId' is not null and pm.tube_id = (a.details->>'tubeId')::uuid
              and pm.jurisdiction_path like a.jurisdiction_path || '%'
            order by p.name limit 1
          ) m on true
          where ${where}
          order by (a.status = 'open') desc, ${severityRankSql()}, a.created_at desc, a.id
          limit ${limit} offset ${offset}`,
    ),
    queryRows<{ total: number }>(db, sql`select count(*)::int as total from alert a where ${where}`),
  ]);
  return { items, total: counted[0]?.total ?? 0 };
}

export async function countOpenAlerts(db: Db, paths: readonly string[]): Promise<number> {
  const rows = await queryRows<{ total: number }>(
    db,
    sql`select count(*)::int as total from alert a where a.status = 'open' and ${pathUnder(sql`a.jurisdiction_path`, paths)}`,
  );
  return rows[0]?.total ?? 0;
}

export async function findAlert(db: Db, id: string) {
  const rows = await db.select().from(alert).where(eq(alert.id, id)).limit(1);
  return rows[0];
}

export async function resolveAlertRow(db: Db, id: string, userId: string | null, at: Date): Promise<void> {
  await db
    .update(alert)
    .set({ status: 'resolved', resolvedAt: at, resolvedBy: userId, updatedAt: at })
    .where(and(eq(alert.id, id), eq(alert.status, 'open')));
}
