import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { importJob } from '../db/schema/index.ts';

export type ImportJobRow = typeof importJob.$inferSelect;

export async function insertImportJob(db: Db, row: typeof importJob.$inferInsert): Promise<ImportJobRow> {
  const rows = await db.insert(importJob).values(row).returning();
  return rows[0] as ImportJobRow;
}

export async function findImportJob(db: Db, id: string): Promise<ImportJobRow | undefined> {
  const rows = await db.select().from(importJob).where(eq(importJob.id, id)).limit(1);
  return rows[0];
}

/** The unfinished job of the same file by the same user, to resume instead of starting over. */
export async function findResumableJob(db: Db, kind: string, fileHash: string, userId: string | null): Promise<ImportJobRow | undefined> {
  const rows = await db
    .select()
    .from(importJob)
    .where(
      and(
        eq(importJob.kind, kind),
        eq(importJob.fileHash, fileHash),
        eq(importJob.status, 'running'),
        userId ? eq(importJob.createdBy, userId) : undefined,
      ),
    )
    .orderBy(desc(importJob.createdAt))
    .limit(1);
  return rows[0];
}

export async function updateImportJob(db: Db, id: string, changes: Partial<typeof importJob.$inferInsert>): Promise<void> {
  await db
    .update(importJob)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(importJob.id, id));
}
