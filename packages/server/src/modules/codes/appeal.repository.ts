import { aliasedTable, and, asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { appeal, appUser, person } from '../../db/schema/index.ts';
import { underAnyPath } from '../../db/scope-sql.ts';

export type AppealRow = typeof appeal.$inferSelect;

export async function findAppeal(db: Db, id: string): Promise<AppealRow | undefined> {
  const rows = await db.select().from(appeal).where(eq(appeal.id, id)).limit(1);
  return rows[0];
}

/** Decides an open appeal; false when someone else decided it first. */
export async function decideAppeal(db: Db, id: string, changes: Partial<typeof appeal.$inferInsert>): Promise<boolean> {
  const rows = await db
    .update(appeal)
    .set({ ...changes, updatedAt: new Date() })
    .where(and(eq(appeal.id, id), eq(appeal.status, 'open')))
    .returning({ id: appeal.id });
  return rows.length === 1;
}

const decider = aliasedTable(appUser, 'decider');
const columns = { appeal, personName: person.name, idMasked: person.idMasked, decidedByName: decider.displayName };

/** The queue: appeals in the caller's subtrees with one status, the nearest deadline first. */
export function appealsIn(db: Db, paths: readonly string[], status: string, limit = 200): Promise<AppealListRow[]> {
  return db
    .select(columns)
    .from(appeal)
    .innerJoin(person, eq(person.id, appeal.personId))
    .leftJoin(decider, eq(decider.id, appeal.decidedBy))
    .where(and(eq(appeal.status, status), underAnyPath(appeal.jurisdictionPath, paths)))
    .orderBy(asc(appeal.deadlineAt))
    .limit(limit);
}

export function appealsOfPerson(db: Db, personId: string, limit = 100): Promise<AppealListRow[]> {
  return db
    .select(columns)
    .from(appeal)
    .innerJoin(person, eq(person.id, appeal.personId))
    .leftJoin(decider, eq(decider.id, appeal.decidedBy))
    .where(eq(appeal.personId, personId))
    .orderBy(desc(appeal.createdAt))
    .limit(limit);
}

export interface AppealListRow {
  appeal: AppealRow;
  personName: string;
  idMasked: string;
  decidedByName: string | null;
}
