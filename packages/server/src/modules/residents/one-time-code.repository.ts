import { and, count, desc, eq, gte, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { oneTimeCode } from '../../db/schema/index.ts';

export type OneTimeCodeRow = typeof oneTimeCode.$inferSelect;
export type OneTimeCodePurpose = 'registration' | 'proxy_consent';

export async function insertOneTimeCode(db: Db, row: typeof oneTimeCode.$inferInsert) {
  const rows = await db.insert(oneTimeCode).values(row).returning({ id: oneTimeCode.id });
  return rows[0]?.id ?? '';
}

/** Codes sent to a phone since a moment, and the newest one's time (the per-phone rate limit). */
export async function codesSentTo(db: Db, phoneHash: string, since: Date) {
  const rows = await db
    .select({ n: count(), newest: sql<string | Date | null>`max(${oneTimeCode.createdAt})` })
    .from(oneTimeCode)
    .where(and(eq(oneTimeCode.phoneHash, phoneHash), gte(oneTimeCode.createdAt, since)));
  const newest = rows[0]?.newest;
  return { count: Number(rows[0]?.n ?? 0), newest: newest ? new Date(newest) : null };
}

/** The newest unused code of a person for a purpose (and a proxy request), if any. */
export async function newestOpenCode(db: Db, personId: string, purpose: OneTimeCodePurpose, proxyLinkId: string | null) {
  const rows = await db
    .select()
    .from(oneTimeCode)
    .where(
      and(
        eq(oneTimeCode.personId, personId),
        eq(oneTimeCode.purpose, purpose),
        proxyLinkId ? eq(oneTimeCode.proxyLinkId, proxyLinkId) : isNull(oneTimeCode.proxyLinkId),
        isNull(oneTimeCode.usedAt),
      ),
    )
    .orderBy(desc(oneTimeCode.createdAt))
    .limit(1);
  return rows[0];
}

/** Counts a wrong try; committed on its own so a refused request still uses up an attempt. */
export async function countWrongAttempt(db: Db, id: string) {
  await db
    .update(oneTimeCode)
    .set({ attempts: sql`${oneTimeCode.attempts} + 1`, updatedAt: new Date() })
    .where(eq(oneTimeCode.id, id));
}

/** Uses a code once: nothing when it was used meanwhile or has run out of attempts. */
export async function useOneTimeCode(db: Db, id: string, at: Date, maxAttempts: number) {
  const rows = await db
    .update(oneTimeCode)
    .set({ usedAt: at, updatedAt: at })
    .where(and(eq(oneTimeCode.id, id), isNull(oneTimeCode.usedAt), lt(oneTimeCode.attempts, maxAttempts)))
    .returning({ id: oneTimeCode.id });
  return rows[0];
}
