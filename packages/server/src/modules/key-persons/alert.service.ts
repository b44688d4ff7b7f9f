import { notFound, pathInScope, scopePaths } from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import type { RequestContext } from '../../http/context.ts';
import { findAlert, openAlerts, resolveAlertRow } from './alert.repository.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

const alertScope = (context: RequestContext) => scopePaths(context.actor.grants, 'alert.read');

export async function listAlerts(deps: Deps, context: RequestContext, limit: number, offset: number) {
  const page = await openAlerts(deps.database.db, alertScope(context), limit, offset);
  return {
    total: page.total,
    items: page.items.map(({ alert: a, personName }) => ({
      id: a.id,
      personName,
      kind: a.kind,
      status: a.status,
      episodeId: a.episodeId,
      siteId: a.siteId,
      details: a.details,
      createdAt: a.createdAt.toISOString(),
    })),
  };
}

/** The number on the bell: open alerts inside the caller's scope. */
export async function alertBadge(deps: Deps, context: RequestContext) {
  const page = await openAlerts(deps.database.db, alertScope(context), 0, 0);
  return { open: page.total };
}

export async function resolveAlert(deps: Deps, context: RequestContext, id: string, reason: string) {
  const db = deps.database.db;
  const found = await findAlert(db, id);
  if (!found || !pathInScope(found.jurisdictionPath, alertScope(context))) throw notFound('id');
  const now = deps.clock();
  await db.transaction(async (tx) => {
    await resolveAlertRow(tx, id, context.actor.userId, now);
    await recordAudit(tx, context, {
      action: 'alert.resolve',
      entityType: 'alert',
      entityId: id,
      jurisdictionPath: found.jurisdictionPath,
      before: { status: found.status },
      after: { status: 'resolved' },
      reason,
    });
  });
}
