import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { alert, keyPersonEpisode, person, task } from '../../db/schema/index.ts';
import { underAnyPath } from '../../db/scope-sql.ts';

export type AlertInsert = typeof alert.$inferInsert;
export type TaskInsert = typeof task.$inferInsert;

/** Raising is idempotent by `dedupKey`: the same overdue item raises one alert however often it is checked. */
export async function raiseAlert(db: Db, row: AlertInsert): Promise<boolean> {
  const inserted = await db.insert(alert).values(row).onConflictDoNothing({ target: alert.dedupKey }).returning({ id: alert.id });
  return inserted.length > 0;
}

export async function insertTask(db: Db, row: TaskInsert): Promise<void> {
  await db.insert(task).values(row);
}

export async function openAlerts(db: Db, paths: string[], limit: number, offset: number) {
  const where = and(eq(alert.status, 'open'), underAnyPath(alert.jurisdictionPath, paths));
  const [items, counted] = await Promise.all([
    db
      .select({ alert, personName: person.name })
      .from(alert)
      .leftJoin(keyPersonEpisode, eq(keyPersonEpisode.id, alert.episodeId))
      .leftJoin(person, eq(person.id, keyPersonEpisode.personId))
      .where(where)
      .orderBy(desc(alert.createdAt))
      .limit(limit)
      .offset(offset),
    db.select({ total: sql<number>`count(*)::int` }).from(alert).where(where),
  ]);
  return { items, total: counted[0]?.total ?? 0 };
}

export async function findAlert(db: Db, id: string) {
  const rows = await db.select().from(alert).where(eq(alert.id, id)).limit(1);
  return rows[0];
}

export async function resolveAlertRow(db: Db, id: string, userId: string | null, at: Date): Promise<void> {
  await db.update(alert).set({ status: 'resolved', resolvedAt: at, resolvedBy: userId, updatedAt: at }).where(eq(alert.id, id));
}

export async function openTasks(db: Db, paths: string[], limit: number) {
  return db
    .select()
    .from(task)
    .where(and(eq(task.status, 'open'), underAnyPath(task.jurisdictionPath, paths)))
    .orderBy(desc(task.createdAt))
    .limit(limit);
}

export async function tasksOfEpisode(db: Db, episodeId: string) {
  return db.select().from(task).where(eq(task.episodeId, episodeId)).orderBy(desc(task.createdAt));
}
