// Whether a case is imported (输入病例) or locally acquired, asked by every module that counts cases by origin (the
// response rules, the dashboard's Rt): one SQL answer. A case is imported when it was found while its person was
// under inbound-traveller management (the episode started on or before the Shanghai day of discovery).
import { type SQL, sql } from 'drizzle-orm';

/** A boolean SQL expression over the case_report row aliased `alias`: true for an imported case. */
export function importedCase(alias: string): SQL {
  const c = sql.raw(alias);
  return sql`exists (select 1 from key_person_episode imp where imp.person_id = ${c}.person_id and imp.category = 'inbound_traveller'
    and imp.start_date <= (${c}.discovered_at at time zone 'Asia/Shanghai')::date)`;
}
