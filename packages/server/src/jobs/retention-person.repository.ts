import type { CalendarDate, OpenRecordKind } from '@fangkong/core';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { asDate, queryRows } from '../db/query-rows.ts';

const list = (ids: readonly string[]) =>
  sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );

export interface RetentionCandidate {
  id: string;
  jurisdictionPath: string;
  birthDate: CalendarDate | null;
}

/**
 * People not yet anonymised who have an episode or a case that closed before `closedBefore` (the latest
 * cut-off of any scope), in id order after `after`. Episodes are closed when no longer active; their
 * `updated_at` is the closure (nothing changes a closed episode), never earlier than it.
 */
export async function retentionCandidates(db: Db, closedBefore: Date, after: string | null, limit: number): Promise<RetentionCandidate[]> {
  const rows = await queryRows<{ id: string; jurisdiction_path: string; birth_date: string | null }>(
    db,
    sql`select p.id, p.jurisdiction_path, p.birth_date::text as birth_date
        from person p
        where p.anonymised_at is null ${after === null ? sql`` : sql`and p.id > ${after}::uuid`}
          and p.id in (
            select person_id from key_person_episode where status <> 'active' and updated_at < ${closedBefore.toISOString()}::timestamptz
            union
            select person_id from case_report where status <> 'open' and closed_at < ${closedBefore.toISOString()}::timestamptz)
        order by p.id limit ${limit}`,
  );
  return rows.map((r) => ({ id: r.id, jurisdictionPath: r.jurisdiction_path, birthDate: r.birth_date }));
}

/** Holds the rows until the batch commits: an episode or case opened meanwhile for one of them waits (FK key-share lock). */
export async function lockPersons(db: Db, ids: readonly string[]): Promise<void> {
  if (ids.length > 0) await queryRows(db, sql`select id from person where id in (${list(ids)}) for update`);
}

/** The open records of each kind (core OPEN_RECORD_KINDS) that point to the people. */
const OPEN_RECORDS: Record<OpenRecordKind, (ids: SQL) => SQL> = {
  episode: (ids) => sql`select person_id from key_person_episode where status = 'active' and person_id in (${ids})`,
  case: (ids) => sql`select person_id from case_report where status = 'open' and person_id in (${ids})`,
  investigation: (ids) =>
    sql`select c.person_id from investigation i join case_report c on c.id = i.case_id where i.state = 'open' and c.person_id in (${ids})`,
  feverClinicVisit: (ids) => sql`select person_id from fever_clinic_visit where closed_at is null and person_id in (${ids})`,
  exposure: (ids) => sql`select person_id from exposure where status = 'proposed' and person_id in (${ids})`,
  testingGroup: (ids) => sql`select person_id from testing_group_member where left_on is null and person_id in (${ids})`,
  appeal: (ids) => sql`select person_id from appeal where status = 'open' and person_id in (${ids})`,
  codeChange: (ids) => sql`select person_id from code_change where status = 'pending' and person_id in (${ids})`,
  proxyLink: (ids) =>
    sql`select dependant_person_id as person_id from proxy_link where status in ('active', 'pending') and dependant_person_id in (${ids})`,
  assistRequest: (ids) => sql`select person_id from assist_request where status = 'pending' and person_id in (${ids})`,
};

export async function openRecordsOf(db: Db, ids: readonly string[]): Promise<Map<string, OpenRecordKind[]>> {
  const found = new Map<string, OpenRecordKind[]>();
  if (ids.length === 0) return found;
  const parts = Object.entries(OPEN_RECORDS).map(([kind, query]) => sql`select ${kind} as kind, person_id from (${query(list(ids))}) q`);
  const rows = await queryRows<{ kind: OpenRecordKind; person_id: string }>(db, sql.join(parts, sql` union `));
  for (const row of rows) found.set(row.person_id, [...(found.get(row.person_id) ?? []), row.kind]);
  return found;
}

export interface RetentionDates {
  residentAccount: boolean;
  lastClosedAt: Date | null;
  lastUsedAt: Date | null;
  lastDueDate: CalendarDate | null;
}

interface DatesRow {
  id: string;
  account: boolean;
  episode_closed: Date | string | null;
  case_closed: Date | string | null;
  last_used: Date | string | null;
  last_due: string | null;
}

/** The dates the decision reads: the last closure, the last use of the record, the last follow-up still due. */
export async function retentionDatesOf(db: Db, ids: readonly string[]): Promise<Map<string, RetentionDates>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<DatesRow>(
    db,
    sql`select p.id,
          exists (select 1 from app_user u where u.person_id = p.id) as account,
          (select max(e.updated_at) from key_person_episode e where e.person_id = p.id and e.status <> 'active') as episode_closed,
          c.case_closed,
          greatest(
            (select max(s.scanned_at) from scan s where s.person_id = p.id),
            (select max(s.sampled_at) from sample s where s.person_id = p.id),
            (select max(d.created_at) from health_declaration d where d.person_id = p.id),
            (select max(a.reported_at) from arrival_report a where a.person_id = p.id)) as last_used,
          (select max(i.due_date)::text from schedule_item i join key_person_episode e on e.id = i.episode_id
            where e.person_id = p.id and i.status = 'due') as last_due
        from person p
        left join (select person_id, max(closed_at) as case_closed from case_report where person_id in (${list(ids)}) group by person_id) c
          on c.person_id = p.id
        where p.id in (${list(ids)})`,
  );
  const latest = (a: Date | null, b: Date | null) => (a && b ? (a > b ? a : b) : (a ?? b));
  return new Map(
    rows.map((r) => [
      r.id,
      {
        residentAccount: r.account,
        lastClosedAt: latest(asDate(r.episode_closed), asDate(r.case_closed)),
        lastUsedAt: asDate(r.last_used),
        lastDueDate: r.last_due,
      },
    ]),
  );
}
