import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { queryRows } from '../../db/query-rows.ts';
import { type ControlUnitRecord, controlZone } from '../../db/schema/index.ts';
import { underAnyPath } from '../../db/scope-sql.ts';
import { uuidList } from '../testing/testing-sql.ts';

export type ControlZoneRow = typeof controlZone.$inferSelect;

export async function insertZone(db: Db, row: typeof controlZone.$inferInsert): Promise<ControlZoneRow> {
  const rows = await db.insert(controlZone).values(row).returning();
  return rows[0] as ControlZoneRow;
}

export async function findZone(db: Db, id: string): Promise<ControlZoneRow | undefined> {
  const rows = await db.select().from(controlZone).where(eq(controlZone.id, id)).limit(1);
  return rows[0];
}

/** Lifts an active zone; false when it was lifted meanwhile (the status check is the lock). */
export async function markLifted(db: Db, id: string, changes: Partial<typeof controlZone.$inferInsert>): Promise<boolean> {
  const rows = await db
    .update(controlZone)
    .set({ ...changes, status: 'lifted', updatedAt: new Date() })
    .where(and(eq(controlZone.id, id), eq(controlZone.status, 'active')))
    .returning({ id: controlZone.id });
  return rows.length > 0;
}

export async function zonesUnder(db: Db, paths: readonly string[], status: string | undefined, limit: number) {
  return db
    .select()
    .from(controlZone)
    .where(and(underAnyPath(controlZone.jurisdictionPath, [...paths]), status ? eq(controlZone.status, status) : undefined))
    .orderBy(desc(controlZone.startAt))
    .limit(limit);
}

const ids = (units: readonly ControlUnitRecord[], kinds: readonly string[]) => units.filter((u) => kinds.includes(u.kind)).map((u) => u.id);

/**
 * The ids of the zone's residents: registered under a jurisdiction or grid unit, or whose household lies
 * in a unit (单元) or building (楼栋) of the zone. Each branch uses an index (path prefix, place parent).
 */
export function residentsSql(units: readonly ControlUnitRecord[]): SQL {
  const paths = units.filter((u) => u.kind === 'jurisdiction' || u.kind === 'grid').map((u) => u.path);
  const unitIds = ids(units, ['unit']);
  const buildingIds = ids(units, ['building']);
  const byPath =
    paths.length > 0
      ? sql`select p.id from person p where ${sql.join(
          paths.map((path) => sql`p.jurisdiction_path like ${`${path}%`}`),
          sql` or `,
        )}`
      : sql`select null::uuid as id where false`;
  return sql`${byPath}
    union
    select p.id from person p join place h on h.id = p.household_id
    where h.parent_place_id in ${uuidList([...unitIds, ...buildingIds])}
       or h.parent_place_id in (select u.id from place u where u.parent_place_id in ${uuidList(buildingIds)})`;
}

export async function residentCount(db: Db, units: readonly ControlUnitRecord[]): Promise<number> {
  const rows = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from (${residentsSql(units)}) r`);
  return rows[0]?.n ?? 0;
}

/** The last report day (Asia/Shanghai) of a counted case among the residents, if any. */
export async function lastCaseDateOf(db: Db, units: readonly ControlUnitRecord[], counted: readonly string[]): Promise<string | null> {
  const rows = await queryRows<{ d: string | null }>(
    db,
    sql`select max((coalesce(c.reported_at, c.discovered_at) at time zone 'Asia/Shanghai')::date)::text as d
      from case_report c where c.person_id in (${residentsSql(units)})
      and c.classification in (select value from json_array_elements_text(${JSON.stringify(counted)}::json))`,
  );
  return rows[0]?.d ?? null;
}

/** Each person's latest test with a result: key-person schedule tests and lab results of samples alike. */
const LATEST_RESULTS = sql`latest as (
    select distinct on (person_id) person_id, result, sampled_at from (
      select e.person_id, s.result, s.sampled_at from schedule_item s join key_person_episode e on e.id = s.episode_id
        where s.result is not null and s.sampled_at is not null
      union all
      select sm.person_id, lr.result, sm.sampled_at from sample sm join pool_member pm on pm.sample_id = sm.id join lab_result lr on lr.id = pm.tube_id
    ) t where person_id in (select id from subjects) order by person_id, sampled_at desc
  )`;

/** The confirmed close contacts of the residents' cases, and how many have a negative latest test. */
export async function contactsOfZone(db: Db, units: readonly ControlUnitRecord[]) {
  const rows = await queryRows<{ total: number; negative: number }>(
    db,
    sql`with subjects as (
        select distinct x.person_id as id from exposure x join case_report c on c.id = x.case_id
        where x.status = 'confirmed' and c.person_id in (${residentsSql(units)})
      ), ${LATEST_RESULTS}
      select (select count(*) from subjects)::int as total, (select count(*) from latest where result = 'negative')::int as negative`,
  );
  return { total: rows[0]?.total ?? 0, lastNegative: rows[0]?.negative ?? 0 };
}

/** The residents, and how many tested negative / positive (any test with a result) on or after a day. */
export async function screeningOfZone(db: Db, units: readonly ControlUnitRecord[], fromDay: string) {
  const from = sql`(${fromDay}::date::timestamp at time zone 'Asia/Shanghai')`;
  const rows = await queryRows<{ residents: number; negative: number; positive: number }>(
    db,
    sql`with subjects as (${residentsSql(units)}), tested as (
        select sm.person_id, lr.result from sample sm join pool_member pm on pm.sample_id = sm.id join lab_result lr on lr.id = pm.tube_id
        where sm.sampled_at >= ${from} and sm.person_id in (select id from subjects)
      )
      select (select count(*) from subjects)::int as residents,
        (select count(distinct person_id) from tested where result = 'negative')::int as negative,
        (select count(distinct person_id) from tested where result = 'positive')::int as positive`,
  );
  return { residents: rows[0]?.residents ?? 0, negative: rows[0]?.negative ?? 0, positive: rows[0]?.positive ?? 0 };
}

/** SC-24: the symptoms door-to-door screening found on the zone's residents, per person and visit day (Asia/Shanghai). */
export async function symptomReportsOfZone(db: Db, units: readonly ControlUnitRecord[]) {
  return queryRows<{ person_id: string; day: string; symptoms: string[] }>(
    db,
    sql`select f->>'personId' as person_id, (v.visited_at at time zone 'Asia/Shanghai')::date::text as day, f->'symptoms' as symptoms
      from screening_visit v cross join lateral jsonb_array_elements(v.findings) f
      where jsonb_array_length(f->'symptoms') > 0 and (f->>'personId')::uuid in (${residentsSql(units)})`,
  );
}

/** The types of the active zones over a person's home (jurisdiction units by path, place units by household). */
export async function activeZoneTypesOfPerson(db: Db, personId: string): Promise<string[]> {
  const rows = await queryRows<{ zone_type: string }>(
    db,
    sql`select distinct z.zone_type from control_zone z, person p
      left join place h on h.id = p.household_id left join place u on u.id = h.parent_place_id
      where p.id = ${personId} and z.status = 'active' and exists (
        select 1 from jsonb_array_elements(z.units) e where
          (e->>'kind' in ('jurisdiction', 'grid') and p.jurisdiction_path like (e->>'path') || '%')
          or (e->>'kind' in ('unit', 'building') and e->>'id' in (h.parent_place_id::text, u.parent_place_id::text)))`,
  );
  return rows.map((r) => r.zone_type);
}

/** The types of the active zones over a household (its unit or building, or its jurisdiction). */
export async function activeZoneTypesOfHousehold(db: Db, householdId: string): Promise<string[]> {
  const rows = await queryRows<{ zone_type: string }>(
    db,
    sql`select distinct z.zone_type from control_zone z, place h left join place u on u.id = h.parent_place_id
      where h.id = ${householdId} and z.status = 'active' and exists (
        select 1 from jsonb_array_elements(z.units) e where
          (e->>'kind' in ('jurisdiction', 'grid') and h.jurisdiction_path like (e->>'path') || '%')
          or (e->>'kind' in ('unit', 'building') and e->>'id' in (h.parent_place_id::text, u.parent_place_id::text)))`,
  );
  return rows.map((r) => r.zone_type);
}
