import { and, asc, desc, eq, gte, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { disinfectionRecord, disinfectionSchedule, emergencyPlan, exercise, preparationItem } from '../../db/schema/index.ts';
import { underAnyPath } from '../../db/scope-sql.ts';

export type ScheduleRow = typeof disinfectionSchedule.$inferSelect;
export type PreparationRow = typeof preparationItem.$inferSelect;
export type PlanRow = typeof emergencyPlan.$inferSelect;
export type ExerciseRow = typeof exercise.$inferSelect;

export async function insertSchedule(db: Db, row: typeof disinfectionSchedule.$inferInsert): Promise<ScheduleRow> {
  return (await db.insert(disinfectionSchedule).values(row).returning())[0] as ScheduleRow;
}

export async function findSchedule(db: Db, id: string): Promise<ScheduleRow | undefined> {
  return (await db.select().from(disinfectionSchedule).where(eq(disinfectionSchedule.id, id)).limit(1))[0];
}

export async function schedulesUnder(db: Db, paths: readonly string[]): Promise<ScheduleRow[]> {
  return db
    .select()
    .from(disinfectionSchedule)
    .where(underAnyPath(disinfectionSchedule.jurisdictionPath, paths))
    .orderBy(asc(disinfectionSchedule.jurisdictionPath), asc(disinfectionSchedule.placeName));
}

export async function insertDisinfectionRecord(db: Db, row: typeof disinfectionRecord.$inferInsert) {
  return (await db.insert(disinfectionRecord).values(row).returning())[0] as typeof disinfectionRecord.$inferSelect;
}

/** The times each schedule was done since an instant (enough for this period and the one before). */
export async function recordTimesSince(db: Db, scheduleIds: readonly string[], since: Date): Promise<Map<string, Date[]>> {
  const times = new Map<string, Date[]>();
  if (scheduleIds.length === 0) return times;
  const rows = await db
    .select({ scheduleId: disinfectionRecord.scheduleId, doneAt: disinfectionRecord.doneAt })
    .from(disinfectionRecord)
    .where(and(inArray(disinfectionRecord.scheduleId, [...scheduleIds]), gte(disinfectionRecord.doneAt, since)));
  for (const row of rows) times.set(row.scheduleId, [...(times.get(row.scheduleId) ?? []), row.doneAt]);
  return times;
}

export async function insertPreparation(db: Db, row: typeof preparationItem.$inferInsert): Promise<PreparationRow> {
  return (await db.insert(preparationItem).values(row).returning())[0] as PreparationRow;
}

export async function findPreparation(db: Db, id: string): Promise<PreparationRow | undefined> {
  return (await db.select().from(preparationItem).where(eq(preparationItem.id, id)).limit(1))[0];
}

export async function updatePreparation(db: Db, id: string, changes: Partial<typeof preparationItem.$inferInsert>) {
  await db
    .update(preparationItem)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(preparationItem.id, id));
}

export async function preparationsUnder(db: Db, paths: readonly string[]): Promise<PreparationRow[]> {
  return db
    .select()
    .from(preparationItem)
    .where(underAnyPath(preparationItem.jurisdictionPath, paths))
    .orderBy(asc(preparationItem.kind), asc(preparationItem.checklistNo), asc(preparationItem.name));
}

export async function insertPlan(db: Db, row: typeof emergencyPlan.$inferInsert): Promise<PlanRow> {
  return (await db.insert(emergencyPlan).values(row).returning())[0] as PlanRow;
}

export async function findPlan(db: Db, id: string): Promise<PlanRow | undefined> {
  return (await db.select().from(emergencyPlan).where(eq(emergencyPlan.id, id)).limit(1))[0];
}

export async function plansUnder(db: Db, paths: readonly string[]): Promise<PlanRow[]> {
  return db.select().from(emergencyPlan).where(underAnyPath(emergencyPlan.jurisdictionPath, paths)).orderBy(asc(emergencyPlan.reviewDueOn));
}

export async function insertExercise(db: Db, row: typeof exercise.$inferInsert): Promise<ExerciseRow> {
  return (await db.insert(exercise).values(row).returning())[0] as ExerciseRow;
}

export async function exercisesUnder(db: Db, paths: readonly string[]): Promise<ExerciseRow[]> {
  return db.select().from(exercise).where(underAnyPath(exercise.jurisdictionPath, paths)).orderBy(desc(exercise.heldOn));
}
