import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { queryRows } from '../../../db/query-rows.ts';
import { pathUnder, turnaroundLimitJoin } from '../testing-sql.ts';

/** One Asia/Shanghai day: [from, to). */
export interface Day {
  date: string;
  from: Date;
  to: Date;
}

const within = (column: string, day: Day) =>
  sql`${sql.raw(column)} >= ${day.from.toISOString()}::timestamptz and ${sql.raw(column)} < ${day.to.toISOString()}::timestamptz`;

export async function samplesOfDay(db: Db, day: Day, scope: readonly string[]) {
  return queryRows<{ purpose: string; payer: string; n: number }>(
    db,
    sql`select s.purpose, s.payer, count(*)::int as n from sample s
        where ${within('s.sampled_at', day)} and ${pathUnder(sql`s.jurisdiction_path`, scope)}
        group by 1, 2 order by 1, 2`,
  );
}

export interface TubesOfDay {
  opened: number;
  closed: number;
  in_transit: number;
}

/** Tubes opened and closed (sent to the lab) in the day, and those still without a result at its end. */
export async function tubesOfDay(db: Db, day: Day, scope: readonly string[]): Promise<TubesOfDay> {
  const rows = await queryRows<TubesOfDay>(
    db,
    sql`select count(*) filter (where ${within('t.opened_at', day)})::int as opened,
          count(*) filter (where ${within('t.closed_at', day)})::int as closed,
          count(*) filter (where t.closed_at < ${day.to.toISOString()}::timestamptz
            and (lr.id is null or lr.received_at >= ${day.to.toISOString()}::timestamptz))::int as in_transit
        from tube t left join lab_result lr on lr.id = t.id
        where t.opened_at < ${day.to.toISOString()}::timestamptz and ${pathUnder(sql`t.jurisdiction_path`, scope)}`,
  );
  return rows[0] ?? { opened: 0, closed: 0, in_transit: 0 };
}

export interface ResultsRow {
  result: string;
  retest: boolean;
  pooled: boolean;
  tubes: number;
  persons: number;
}

/** Results of the day by outcome, pools apart from single tubes and retests apart from first tests. */
export async function resultsOfDay(db: Db, day: Day, scope: readonly string[]) {
  return queryRows<ResultsRow>(
    db,
    sql`select lr.result, t.retest_of_tube_id is not null as retest, t.member_count > 1 as pooled,
          count(*)::int as tubes, coalesce(sum(t.member_count), 0)::int as persons
        from lab_result lr join tube t on t.id = lr.id
        where ${within('lr.tested_at', day)} and ${pathUnder(sql`t.jurisdiction_path`, scope)}
        group by 1, 2, 3 order by 1, 2, 3`,
  );
}

/** Episodes of key-person management opened from testing results in the day. */
export async function handedOverOfDay(db: Db, day: Day, scope: readonly string[]): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from key_person_episode e
        where e.source = 'testing' and e.start_date = ${day.date}::date and ${pathUnder(sql`e.jurisdiction_path`, scope)}`,
  );
  return rows[0]?.n ?? 0;
}

export interface TurnaroundOfDay {
  setting: string;
  limit_hours: number | null;
  results: number;
  over_limit: number;
  max_hours: number | null;
}

/** Results of the day per setting: how many took longer than the limit of their tube's edition, from sampling to result. */
export async function turnaroundOfDay(db: Db, day: Day, scope: readonly string[]) {
  return queryRows<TurnaroundOfDay>(
    db,
    sql`select t.setting, lim.hours::float8 as limit_hours, count(*)::int as results,
          count(*) filter (where lr.tested_at > t.opened_at + lim.hours * interval '1 hour')::int as over_limit,
          max(extract(epoch from (lr.tested_at - t.opened_at)) / 3600.0)::float8 as max_hours
        from lab_result lr join tube t on t.id = lr.id
        ${turnaroundLimitJoin()}
        where ${within('lr.tested_at', day)} and ${pathUnder(sql`t.jurisdiction_path`, scope)}
        group by 1, 2 order by 1`,
  );
}
