import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { asDate, queryRows } from '../../../db/query-rows.ts';
import { testingGroupMember } from '../../../db/schema/index.ts';
import { pathUnder } from '../testing-sql.ts';

export type GroupMemberRow = typeof testingGroupMember.$inferSelect;

export async function insertMember(db: Db, row: typeof testingGroupMember.$inferInsert): Promise<GroupMemberRow> {
  const rows = await db.insert(testingGroupMember).values(row).returning();
  return rows[0] as GroupMemberRow;
}

export async function findMember(db: Db, id: string): Promise<GroupMemberRow | undefined> {
  const rows = await db.select().from(testingGroupMember).where(eq(testingGroupMember.id, id)).limit(1);
  return rows[0];
}

export async function activeMembership(db: Db, group: string, personId: string): Promise<GroupMemberRow | undefined> {
  const rows = await db
    .select()
    .from(testingGroupMember)
    .where(and(eq(testingGroupMember.group, group), eq(testingGroupMember.personId, personId), isNull(testingGroupMember.leftOn)))
    .limit(1);
  return rows[0];
}

export async function leaveMembership(db: Db, id: string, on: string, reason: string): Promise<void> {
  await db.update(testingGroupMember).set({ leftOn: on, leftReason: reason, updatedAt: new Date() }).where(eq(testingGroupMember.id, id));
}

export interface RosterRow {
  id: string;
  group: string;
  personId: string;
  name: string;
  idMasked: string;
  phoneMasked: string | null;
  unitName: string | null;
  joinedOn: string;
  jurisdictionPath: string;
  jurisdictionName: string;
  lastSampledAt: Date | null;
  /** The result of the latest sample's tube (a pooled result when the tube held several), null while pending. */
  lastResult: string | null;
  /** The latest sample went into a pooled tube: a positive result then waits for the single-tube retest. */
  lastPooled: boolean;
  /** The member comes from key-person management (an active episode), not from a roster: it leaves when the episode ends. */
  fromKeyPersons: boolean;
}

interface Raw {
  id: string;
  group_code: string;
  person_id: string;
  name: string;
  id_masked: string;
  phone_masked: string | null;
  unit_name: string | null;
  joined_on: string;
  jurisdiction_path: string;
  jurisdiction_name: string;
  last_sampled_at: Date | string | null;
  last_result: string | null;
  last_pooled: boolean | null;
}

const LAST_SAMPLE = sql`left join lateral (
          select s.sampled_at, lr.result, (t.pool_size > 1 or t.member_count > 1) as pooled from sample s
          left join pool_member pm on pm.sample_id = s.id
          left join tube t on t.id = pm.tube_id
          left join lab_result lr on lr.id = t.id
          where s.person_id = p.id order by s.sampled_at desc limit 1
        ) last on true`;

/**
 * Active key-person episodes of the categories under the paths, as roster rows of `group` (the
 * episode's id, its start as the joining day, its jurisdiction), each with the latest sample.
 */
export async function episodeMembersIn(
  db: Db,
  paths: readonly string[],
  group: string,
  categories: readonly string[],
): Promise<RosterRow[]> {
  if (categories.length === 0) return [];
  const rows = await queryRows<Raw>(
    db,
    sql`select e.id, ${group} as group_code, e.person_id, p.name, p.id_masked, p.phone_masked, null as unit_name,
          e.start_date::text as joined_on, e.jurisdiction_path, j.name as jurisdiction_name, last.sampled_at as last_sampled_at,
          last.result as last_result, coalesce(last.pooled, false) as last_pooled
        from key_person_episode e
        join person p on p.id = e.person_id
        join jurisdiction j on j.id = e.jurisdiction_id
        ${LAST_SAMPLE}
        where e.status = 'active' and e.category in (${sql.join(
          categories.map((c) => sql`${c}`),
          sql`, `,
        )}) and ${pathUnder(sql`e.jurisdiction_path`, paths)}
        order by e.jurisdiction_path, p.name, e.id`,
  );
  return rows.map((r) => shapeRoster(r, true));
}

/** Active members under the paths (one group or all), each with their latest sample and its tube's result. */
export async function rosterIn(db: Db, paths: readonly string[], group: string | null): Promise<RosterRow[]> {
  const ofGroup = group ? sql` and m.group_code = ${group}` : sql``;
  const rows = await queryRows<Raw>(
    db,
    sql`select m.id, m.group_code, m.person_id, p.name, p.id_masked, p.phone_masked, m.unit_name, m.joined_on::text as joined_on,
          m.jurisdiction_path, j.name as jurisdiction_name, last.sampled_at as last_sampled_at, last.result as last_result,
          coalesce(last.pooled, false) as last_pooled
        from testing_group_member m
        join person p on p.id = m.person_id
        join jurisdiction j on j.id = m.jurisdiction_id
        left join lateral (
          select s.sampled_at, lr.result, (t.pool_size > 1 or t.member_count > 1) as pooled from sample s
          left join pool_member pm on pm.sample_id = s.id
          left join tube t on t.id = pm.tube_id
          left join lab_result lr on lr.id = t.id
          where s.person_id = m.person_id order by s.sampled_at desc limit 1
        ) last on true
        where m.left_on is null and ${pathUnder(sql`m.jurisdiction_path`, paths)}${ofGroup}
        order by m.jurisdiction_path, p.name, m.id`,
  );
  return rows.map((r) => shapeRoster(r, false));
}

function shapeRoster(r: Raw, fromKeyPersons: boolean): RosterRow {
  return {
    id: r.id,
    group: r.group_code,
    personId: r.person_id,
    name: r.name,
    idMasked: r.id_masked,
    phoneMasked: r.phone_masked,
    unitName: r.unit_name,
    joinedOn: r.joined_on,
    jurisdictionPath: r.jurisdiction_path,
    jurisdictionName: r.jurisdiction_name,
    lastSampledAt: asDate(r.last_sampled_at),
    lastResult: r.last_result,
    lastPooled: r.last_pooled === true,
    fromKeyPersons,
  };
}
