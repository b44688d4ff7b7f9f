import { and, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { task } from '../../db/schema/index.ts';

export interface MeasureTaskRow {
  id: string;
  measureId: string;
  status: string;
  responseId: string | null;
  dueAt: Date | null;
  closedAt: Date | null;
  workingGroupId: string | null;
}

/** A jurisdiction's level-measure tasks that still stand (open or done, not cancelled). */
export function liveMeasureTasks(db: Db, jurisdictionId: string): Promise<MeasureTaskRow[]> {
  return db
    .select({
      id: task.id,
      measureId: sql<string>`${task.sourceId}`,
      status: task.status,
      responseId: sql<string | null>`${task.details}->>'responseId'`,
      dueAt: task.dueAt,
      closedAt: task.closedAt,
      workingGroupId: task.workingGroupId,
    })
    .from(task)
    .where(and(eq(task.jurisdictionId, jurisdictionId), eq(task.sourceKind, 'level_measure'), ne(task.status, 'cancelled')));
}

export async function cancelTask(db: Db, id: string, now: Date, note: string): Promise<void> {
  await db.update(task).set({ status: 'cancelled', closedAt: now, closingNote: note, updatedAt: now }).where(eq(task.id, id));
}
