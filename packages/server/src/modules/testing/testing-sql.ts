import { turnaroundLimits } from '@fangkong/core';
import { type SQL, sql } from 'drizzle-orm';

/** `<expr> LIKE '<path>%'` for any of the paths, for raw SQL over aliased tables; no path means no rows. */
export function pathUnder(expression: SQL, paths: readonly string[]): SQL {
  if (paths.length === 0) return sql`false`;
  return sql`(${sql.join(
    paths.map((path) => sql`${expression} like ${`${path}%`}`),
    sql` or `,
  )})`;
}

/** A list of uuids as one JSON parameter (same SQL on PGlite and pg, no parameter ceiling). */
export function uuidList(ids: readonly string[]): SQL {
  return sql`(select value::uuid from json_array_elements_text(${JSON.stringify(ids)}::json))`;
}

/** SQL for the community path of a path column (see communityPathOf). */
export function communityOf(expression: SQL): SQL {
  return sql`coalesce(substring(${expression} from '^(.*?/[0-9]{12}/)'), ${expression})`;
}

/** Joins `lim.hours` to tube `t`: the turnaround limit of the tube's own edition and setting (null when it has none). */
export function turnaroundLimitJoin(): SQL {
  return sql`left join json_to_recordset(${JSON.stringify(turnaroundLimits())}::json) as lim("editionId" text, setting text, hours float8)
    on lim."editionId" = t.edition_id and lim.setting = t.setting`;
}
