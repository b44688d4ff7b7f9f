import { and, desc, eq, gte, inArray, isNotNull, isNull, like, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { auditEvent, person } from '../db/schema/index.ts';

export type AuditInsert = typeof auditEvent.$inferInsert;
export type AuditRow = typeof auditEvent.$inferSelect;

export interface AuditFilter {
  scopePaths: string[];
  /** Events with no jurisdiction (logins, system actions) are shown to system admins only. */
  includeUnscoped: boolean;
  actor?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

export async function insertAuditEvent(db: Db, event: AuditInsert): Promise<void> {
  await db.insert(auditEvent).values(event);
}

function filterConditions(filter: AuditFilter): SQL | undefined {
  const scope = filter.scopePaths.map((path) => like(auditEvent.jurisdictionPath, `${path}%`));
  if (filter.includeUnscoped) scope.push(isNull(auditEvent.jurisdictionPath));
  return and(
    scope.length > 0 ? or(...scope) : sql`false`,
    filter.actor ? eq(auditEvent.actorName, filter.actor) : undefined,
    filter.action ? like(auditEvent.action, `${filter.action}%`) : undefined,
    filter.entityType ? eq(auditEvent.entityType, filter.entityType) : undefined,
    filter.entityId ? eq(auditEvent.entityId, filter.entityId) : undefined,
    filter.from ? gte(auditEvent.at, new Date(filter.from)) : undefined,
    filter.to ? lte(auditEvent.at, new Date(filter.to)) : undefined,
  );
}

export async function listAuditEvents(db: Db, filter: AuditFilter): Promise<{ items: AuditRow[]; total: number }> {
  const where = filterConditions(filter);
  const [items, counted] = await Promise.all([
    db.select().from(auditEvent).where(where).orderBy(desc(auditEvent.id)).limit(filter.limit).offset(filter.offset),
    db.select({ total: sql<number>`count(*)::int` }).from(auditEvent).where(where),
  ]);
  return { items, total: counted[0]?.total ?? 0 };
}

/** Which of these people the retention job has anonymised. */
export async function anonymisedPersonIds(db: Db, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: person.id })
    .from(person)
    .where(and(inArray(person.id, [...ids]), isNotNull(person.anonymisedAt)));
  return new Set(rows.map((r) => r.id));
}
