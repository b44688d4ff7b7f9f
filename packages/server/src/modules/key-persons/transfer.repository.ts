import { and, desc, eq, or } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { episodeTransfer, keyPersonEpisode, person, scheduleItem } from '../../db/schema/index.ts';
import { underAnyPath } from '../../db/scope-sql.ts';

export type TransferRow = typeof episodeTransfer.$inferSelect;

export async function insertTransfer(db: Db, row: typeof episodeTransfer.$inferInsert): Promise<TransferRow> {
  const rows = await db.insert(episodeTransfer).values(row).returning();
  return rows[0] as TransferRow;
}

export async function findTransfer(db: Db, id: string): Promise<TransferRow | undefined> {
  const rows = await db.select().from(episodeTransfer).where(eq(episodeTransfer.id, id)).limit(1);
  return rows[0];
}

export async function findPendingTransfer(db: Db, episodeId: string): Promise<TransferRow | undefined> {
  const rows = await db
    .select()
    .from(episodeTransfer)
    .where(and(eq(episodeTransfer.episodeId, episodeId), eq(episodeTransfer.status, 'pending')))
    .limit(1);
  return rows[0];
}

export async function decideTransfer(db: Db, id: string, changes: Partial<typeof episodeTransfer.$inferInsert>): Promise<void> {
  await db
    .update(episodeTransfer)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(episodeTransfer.id, id));
}

/** Moves the episode and its schedule into the receiving jurisdiction, so the new side sees the work. */
export async function moveEpisode(
  db: Db,
  episodeId: string,
  target: { jurisdictionId: string; jurisdictionPath: string; siteId: string | null; roomId: string | null },
) {
  await db
    .update(keyPersonEpisode)
    .set({ ...target, updatedAt: new Date() })
    .where(eq(keyPersonEpisode.id, episodeId));
  await db
    .update(scheduleItem)
    .set({ jurisdictionPath: target.jurisdictionPath, updatedAt: new Date() })
    .where(eq(scheduleItem.episodeId, episodeId));
}

/** Pending transfers into or out of the caller's scope. */
export async function pendingTransfers(db: Db, paths: string[]) {
  return db
    .select({ transfer: episodeTransfer, personName: person.name, idMasked: person.idMasked, category: keyPersonEpisode.category })
    .from(episodeTransfer)
    .innerJoin(keyPersonEpisode, eq(keyPersonEpisode.id, episodeTransfer.episodeId))
    .innerJoin(person, eq(person.id, keyPersonEpisode.personId))
    .where(
      and(
        eq(episodeTransfer.status, 'pending'),
        or(underAnyPath(episodeTransfer.toJurisdictionPath, paths), underAnyPath(episodeTransfer.fromJurisdictionPath, paths)),
      ),
    )
    .orderBy(desc(episodeTransfer.createdAt));
}
