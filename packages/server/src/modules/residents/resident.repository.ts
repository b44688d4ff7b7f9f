import { and, count, desc, eq, gte } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { appeal, appUser, arrivalReport, healthCodeState, healthDeclaration, person, proxyLink } from '../../db/schema/index.ts';

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

const activeLink = (proxyUserId: string) => and(eq(proxyLink.proxyUserId, proxyUserId), eq(proxyLink.status, 'active'));

export async function activeProxyLink(db: Db, proxyUserId: string, dependantPersonId: string) {
  const rows = await db
    .select()
    .from(proxyLink)
    .where(and(activeLink(proxyUserId), eq(proxyLink.dependantPersonId, dependantPersonId)))
    .limit(1);
  return rows[0];
}

export async function countActiveLinks(db: Db, proxyUserId: string): Promise<number> {
  const rows = await db.select({ n: count() }).from(proxyLink).where(activeLink(proxyUserId));
  return Number(rows[0]?.n ?? 0);
}

/** Dependants held by a proxy, with what a proxy may see of them (name, masked ID). */
export async function dependantsOf(db: Db, proxyUserId: string) {
  return db
    .select({
      linkId: proxyLink.id,
      personId: person.id,
      name: person.name,
      idMasked: person.idMasked,
      relation: proxyLink.relation,
      verifiedBy: proxyLink.verifiedBy,
      since: proxyLink.createdAt,
    })
    .from(proxyLink)
    .innerJoin(person, eq(person.id, proxyLink.dependantPersonId))
    .where(activeLink(proxyUserId))
    .orderBy(proxyLink.createdAt);
}

export async function insertProxyLink(db: Db, row: typeof proxyLink.$inferInsert) {
  const rows = await db.insert(proxyLink).values(row).returning({ id: proxyLink.id });
  return rows[0]?.id ?? '';
}

export async function revokeProxyLink(db: Db, linkId: string, proxyUserId: string, at: Date) {
  const rows = await db
    .update(proxyLink)
    .set({ status: 'revoked', revokedAt: at, updatedAt: at })
    .where(and(eq(proxyLink.id, linkId), activeLink(proxyUserId)))
    .returning({ dependantPersonId: proxyLink.dependantPersonId });
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
