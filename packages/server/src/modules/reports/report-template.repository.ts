import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { reportTemplate } from '../../db/schema/index.ts';

export type TemplateRow = typeof reportTemplate.$inferSelect;

/** Writes a version unless it exists (code, place, version): the shipped catalogue is seeded idempotently at start. */
export async function insertTemplateIfAbsent(db: Db, row: typeof reportTemplate.$inferInsert): Promise<void> {
  await db.insert(reportTemplate).values(row).onConflictDoNothing();
}

export async function insertTemplate(db: Db, row: typeof reportTemplate.$inferInsert): Promise<TemplateRow> {
  const rows = await db.insert(reportTemplate).values(row).returning();
  return rows[0] as TemplateRow;
}

export async function findTemplate(db: Db, id: string): Promise<TemplateRow | undefined> {
  const rows = await db.select().from(reportTemplate).where(eq(reportTemplate.id, id)).limit(1);
  return rows[0];
}

/** Every version of every template: a catalogue of a few dozen rows, resolved per unit in memory. */
export async function allTemplates(db: Db): Promise<TemplateRow[]> {
  return db
    .select()
    .from(reportTemplate)
    .orderBy(asc(reportTemplate.code), asc(reportTemplate.jurisdictionPath), asc(reportTemplate.version));
}

/** The highest version of a template published at exactly this jurisdiction (0 when none). */
export async function lastVersionAt(db: Db, code: string, path: string): Promise<number> {
  const rows = await db
    .select({ n: sql<number>`coalesce(max(${reportTemplate.version}), 0)::int` })
    .from(reportTemplate)
    .where(sql`${reportTemplate.code} = ${code} and ${reportTemplate.jurisdictionPath} = ${path}`);
  return rows[0]?.n ?? 0;
}
