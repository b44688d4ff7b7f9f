// The dashboard's own counts: the questions no other module answers yet (cases per day and classification,
// people under management per category, the colours people hold, the sentinel series per day), each a single
// GROUP BY over a subtree on an index made for it (migration early_warning).
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { queryRows } from '../../db/query-rows.ts';
import { importedCase } from '../cases/case-origin.repository.ts';

export interface DayRange {
  from: string;
  to: string;
}

const under = (column: SQL, path: string) => sql`${column} like ${`${path}%`}`;
const dayOf = (column: SQL) => sql`(${column} at time zone 'Asia/Shanghai')::date::text`;

export interface DayClassCount {
  day: string;
  classification: string;
  n: number;
}

/** Cases of the subtree by the day they were discovered (reported to the platform), Asia/Shanghai days. */
export function casesByReportDay(db: Db, path: string, range: DayRange) {
  return queryRows<DayClassCount>(
    db,
    sql`select ${dayOf(sql`discovered_at`)} as day, classification, count(*)::int as n from case_report
        where ${under(sql`jurisdiction_path`, path)}
          and discovered_at >= (${range.from}::date::timestamp at time zone 'Asia/Shanghai')
          and discovered_at < ((${range.to}::date + 1)::timestamp at time zone 'Asia/Shanghai')
        group by 1, 2 order by 1, 2`,
  );
}

export interface OnsetDayCount extends DayClassCount {
  /** Of `n`, the imported cases (the cases module's rule): Rt counts them as infectors only. */
  imported: number;
}

/** Cases of the subtree by onset date (cases without an onset date are not in it), with how many were imported. */
export function casesByOnsetDay(db: Db, path: string, range: DayRange) {
  return queryRows<OnsetDayCount>(
    db,
    sql`select c.onset_date::text as day, c.classification, count(*)::int as n,
          (count(*) filter (where ${importedCase('c')}))::int as imported
        from case_report c
        where ${under(sql`c.jurisdiction_path`, path)} and c.onset_date between ${range.from}::date and ${range.to}::date
        group by 1, 2 order by 1, 2`,
  );
}

/** Cases discovered in the range under each child of the jurisdiction (the map's and the drill-down's counts). */
export function casesByChild(db: Db, parentPath: string, range: DayRange) {
  return queryRows<{ child: string; n: number }>(
    db,
    // the child's path is the parent's and the next segment: split_part, not a regular expression per row (the county's year of cases)
    sql`select ${parentPath} || split_part(substr(jurisdiction_path, ${parentPath.length + 1}), '/', 1) || '/' as child, count(*)::int as n from case_report
        where ${under(sql`jurisdiction_path`, parentPath)} and jurisdiction_path <> ${parentPath}
          and classification <> 'excluded'
          and discovered_at >= (${range.from}::date::timestamp at time zone 'Asia/Shanghai')
          and discovered_at < ((${range.to}::date + 1)::timestamp at time zone 'Asia/Shanghai')
        group by 1`,
  );
}

/** People under management now (active episodes) by category and management type. */
export function activeEpisodesByCategory(db: Db, path: string) {
  return queryRows<{ category: string; management_type: string; n: number }>(
    db,
    sql`select category, management_type, count(*)::int as n from key_person_episode
        where status = 'active' and ${under(sql`jurisdiction_path`, path)}
        group by 1, 2 order by 1, 2`,
  );
}

/** Each person's latest recorded colour in the subtree (health_code_current), counted by colour; people never coloured are not in it. */
export function latestColours(db: Db, path: string) {
  return queryRows<{ colour: string; n: number }>(
    db,
    sql`select colour, count(*)::int as n from health_code_current
        where ${under(sql`jurisdiction_path`, path)} group by 1 order by 1`,
  );
}

/** The sentinel series of the subtree added up per series and day (sentinel_daily_rollup: the sums kept under each jurisdiction). */
export function sentinelByDay(db: Db, path: string, range: DayRange) {
  return queryRows<{ series: string; day: string; n: number }>(
    db,
    sql`select series, day::text as day, count as n from sentinel_daily_rollup
        where jurisdiction_path = ${path} and day between ${range.from}::date and ${range.to}::date and count <> 0
        order by series, day`,
  );
}
