import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { alert, task } from '../../db/schema/index.ts';
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
