import { COUNTRY_ROOT, maskUsername, scopePaths } from '@fangkong/core';
import type { Db } from '../db/client.ts';
import type { RequestContext } from '../http/context.ts';
import { type AuditFilter, type AuditRow, anonymisedPersonIds, insertAuditEvent, listAuditEvents } from './audit.repository.ts';
import { maskNameField, maskPersonalFields } from './personal-fields.ts';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  jurisdictionPath?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  reason?: string | null;
}

/**
 * A staff read of a person's sensitive record (results, colour history, management timeline, a masked identity
 * shown in full with its purpose in `after`) is recorded like a write (issue 12 defect 8, ASVS V7.2): who looked
 * at whose record, when, why. Own transaction: a read has none.
 */
export async function recordRead(
  db: Db,
  context: RequestContext,
  entry: Pick<AuditEntry, 'action' | 'entityType' | 'entityId' | 'jurisdictionPath' | 'after'>,
) {
  await db.transaction((tx) => recordAudit(tx, context, entry));
}

/** Call inside the transaction of the write it describes, so both land or neither does. */
export async function recordAudit(tx: Db, context: RequestContext, entry: AuditEntry): Promise<void> {
  await insertAuditEvent(tx, {
    actorUserId: context.actor.userId,
    actorName: context.actor.username,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    jurisdictionPath: entry.jurisdictionPath ?? null,
    before: maskPersonalFields(entry.before),
    after: maskPersonalFields(entry.after),
    reason: entry.reason ?? null,
    requestId: context.requestId,
    clientIp: context.clientIp,
  });
}

export type AuditQuery = Omit<AuditFilter, 'scopePaths' | 'includeUnscoped'>;

/** Events in the caller's scope; a resident actor signs in with a phone, shown masked (issue 12 defect 7). */
export async function searchAudit(db: Db, context: RequestContext, query: AuditQuery) {
  const grants = context.actor.grants;
  const page = await listAuditEvents(db, {
    ...query,
    scopePaths: scopePaths(grants, 'audit.read'),
    // Only an admin of the whole country: a town's admin must not see every sign-in in the land.
    includeUnscoped: grants.some((g) => g.role === 'system_admin' && g.jurisdictionPath === COUNTRY_ROOT.path),
  });
  // Masked again on the way out: rows written before the username was masked still hold it in full.
  const anonymised = await anonymisedPersonIds(
    db,
    page.items.map(personOf).filter((id): id is string => id !== null),
  );
  const masked = page.items.map((e) => {
    const hideName = anonymised.has(personOf(e) ?? '') ? maskNameField : (values: Record<string, unknown> | null) => values;
    return {
      ...e,
      actorName: maskUsername(e.actorName),
      before: hideName(maskPersonalFields(e.before)),
      after: hideName(maskPersonalFields(e.after)),
    };
  });
  return { ...page, items: masked };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The person an event is about: the entity itself, or the `personId` its values name. */
function personOf(event: AuditRow): string | null {
  const named = event.entityType === 'person' ? event.entityId : (event.after?.personId ?? event.before?.personId);
  return typeof named === 'string' && UUID.test(named) ? named : null;
}
