import { and, desc, eq, gte } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { appeal, appUser, arrivalReport, healthCodeState, healthDeclaration, person } from '../../db/schema/index.ts';

export type DeclarationInsert = typeof healthDeclaration.$inferInsert;
export type ArrivalInsert = typeof arrivalReport.$inferInsert;
export type AppealInsert = typeof appeal.$inferInsert;

/** The person an account stands for, if any. */
export async function personIdOfUser(db: Db, userId: string): Promise<string | null> {
  const rows = await db.select({ personId: appUser.personId }).from(appUser).where(eq(appUser.id, userId)).limit(1);
  return rows[0]?.personId ?? null;
}

export async function userOfPerson(db: Db, personId: string): Promise<string | null> {
  const rows = await db.select({ id: appUser.id }).from(appUser).where(eq(appUser.personId, personId)).limit(1);
  return rows[0]?.id ?? null;
}

export async function setUserPerson(db: Db, userId: string, personId: string) {
  await db.update(appUser).set({ personId, updatedAt: new Date() }).where(eq(appUser.id, userId));
}

export async function personRow(db: Db, personId: string) {
  const rows = await db.select().from(person).where(eq(person.id, personId)).limit(1);
  return rows[0];
}

/** Inserts or replaces the declaration of that day (one per person and day). */
export async function upsertDeclaration(db: Db, row: DeclarationInsert) {
  const { personId: _p, declaredOn: _d, ...changes } = row;
  const rows = await db
    .insert(healthDeclaration)
    .values(row)
    .onConflictDoUpdate({ target: [healthDeclaration.personId, healthDeclaration.declaredOn], set: { ...changes, updatedAt: new Date() } })
    .returning();
  return rows[0] as typeof healthDeclaration.$inferSelect;
}

export async function declarationsOf(db: Db, personId: string, since: string) {
  return db
    .select()
    .from(healthDeclaration)
    .where(and(eq(healthDeclaration.personId, personId), gte(healthDeclaration.declaredOn, since)))
    .orderBy(desc(healthDeclaration.declaredOn));
}

export async function insertArrival(db: Db, row: ArrivalInsert) {
  const rows = await db.insert(arrivalReport).values(row).returning();
  return rows[0] as typeof arrivalReport.$inferSelect;
}

export async function arrivalsOf(db: Db, personId: string, limit: number) {
  return db.select().from(arrivalReport).where(eq(arrivalReport.personId, personId)).orderBy(desc(arrivalReport.reportedAt)).limit(limit);
}

export async function insertAppeal(db: Db, row: AppealInsert) {
  const rows = await db.insert(appeal).values(row).returning();
  return rows[0] as typeof appeal.$inferSelect;
}

export async function appealsOf(db: Db, personId: string, limit: number) {
  return db.select().from(appeal).where(eq(appeal.personId, personId)).orderBy(desc(appeal.createdAt)).limit(limit);
}

export async function codeHistoryOf(db: Db, personId: string, limit: number) {
  return db
    .select({ colour: healthCodeState.colour, at: healthCodeState.at, source: healthCodeState.source, reasons: healthCodeState.reasons })
    .from(healthCodeState)
    .where(eq(healthCodeState.personId, personId))
    .orderBy(desc(healthCodeState.at))
    .limit(limit);
}

/** Marks an open report of this person as arrived; nothing when it is another's or already arrived. */
export async function markArrived(db: Db, arrivalId: string, personId: string, arrivedOn: string) {
  const rows = await db
    .update(arrivalReport)
    .set({ arrivedOn, atDestination: true, updatedAt: new Date() })
    .where(and(eq(arrivalReport.id, arrivalId), eq(arrivalReport.personId, personId), eq(arrivalReport.atDestination, false)))
    .returning();
  return rows[0];
}
