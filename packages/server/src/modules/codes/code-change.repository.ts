import { aliasedTable, and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { queryRows } from '../../db/query-rows.ts';
import { appUser, codeChange, person } from '../../db/schema/index.ts';
import { underAnyPath } from '../../db/scope-sql.ts';

export type CodeChangeRow = typeof codeChange.$inferSelect;

export async function insertChange(db: Db, row: typeof codeChange.$inferInsert): Promise<CodeChangeRow> {
  const rows = await db.insert(codeChange).values(row).returning();
  return rows[0] as CodeChangeRow;
}

export async function findChange(db: Db, id: string): Promise<CodeChangeRow | undefined> {
  const rows = await db.select().from(codeChange).where(eq(codeChange.id, id)).limit(1);
  return rows[0];
}

/** Decides a pending change; false when someone else decided it first. */
export async function decideChange(db: Db, id: string, changes: Partial<typeof codeChange.$inferInsert>): Promise<boolean> {
  const rows = await db
    .update(codeChange)
    .set({ ...changes, updatedAt: new Date() })
    .where(and(eq(codeChange.id, id), eq(codeChange.status, 'pending')))
    .returning({ id: codeChange.id });
  return rows.length === 1;
}

const requester = aliasedTable(appUser, 'requester');
const approver = aliasedTable(appUser, 'approver');

const changeColumns = {
  change: codeChange,
  personName: person.name,
  idMasked: person.idMasked,
  requestedByName: requester.displayName,
  approvedByName: approver.displayName,
};

/** Changes in the caller's subtrees with one status, newest first. */
export function changesIn(db: Db, paths: readonly string[], status: string, limit = 200): Promise<ChangeListRow[]> {
  return db
    .select(changeColumns)
    .from(codeChange)
    .innerJoin(person, eq(person.id, codeChange.personId))
    .innerJoin(requester, eq(requester.id, codeChange.requestedBy))
    .leftJoin(approver, eq(approver.id, codeChange.approvedBy))
    .where(and(eq(codeChange.status, status), underAnyPath(codeChange.jurisdictionPath, paths)))
    .orderBy(desc(codeChange.createdAt))
    .limit(limit);
}

export function changesOfPerson(db: Db, personId: string, limit = 100): Promise<ChangeListRow[]> {
  return db
    .select(changeColumns)
    .from(codeChange)
    .innerJoin(person, eq(person.id, codeChange.personId))
    .innerJoin(requester, eq(requester.id, codeChange.requestedBy))
    .leftJoin(approver, eq(approver.id, codeChange.approvedBy))
    .where(eq(codeChange.personId, personId))
    .orderBy(desc(codeChange.createdAt))
    .limit(limit);
}

export interface ChangeListRow {
  change: CodeChangeRow;
  personName: string;
  idMasked: string;
  requestedByName: string | null;
  approvedByName: string | null;
}

/** The records a change may cite, each with how to find it for one person. */
const RECORD_QUERIES = {
  episode: (id: string, personId: string) => sql`select 1 from key_person_episode where id = ${id} and person_id = ${personId}`,
  schedule_item: (id: string, personId: string) =>
    sql`select 1 from schedule_item s join key_person_episode e on e.id = s.episode_id where s.id = ${id} and e.person_id = ${personId}`,
  sample: (id: string, personId: string) => sql`select 1 from sample where id = ${id} and person_id = ${personId}`,
  lab_result: (id: string, personId: string) =>
    sql`select 1 from lab_result lr join pool_member pm on pm.tube_id = lr.id join sample s on s.id = pm.sample_id
        where lr.id = ${id} and s.person_id = ${personId}`,
  declaration: (id: string, personId: string) => sql`select 1 from health_declaration where id = ${id} and person_id = ${personId}`,
  arrival: (id: string, personId: string) => sql`select 1 from arrival_report where id = ${id} and person_id = ${personId}`,
  appeal: (id: string, personId: string) => sql`select 1 from appeal where id = ${id} and person_id = ${personId}`,
} as const;

export type BasisRecordKind = keyof typeof RECORD_QUERIES;
export const BASIS_RECORD_KINDS = Object.keys(RECORD_QUERIES) as BasisRecordKind[];

/** Does the cited record exist, and is it this person's? */
export async function basisRecordExists(db: Db, kind: BasisRecordKind, id: string, personId: string): Promise<boolean> {
  return (await queryRows(db, sql`${RECORD_QUERIES[kind](id, personId)} limit 1`)).length > 0;
}
