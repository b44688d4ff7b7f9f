import {
  type AlertSeverity,
  type AlertStatus,
  alertSeverity,
  forbidden,
  maskName,
  notFound,
  pathInScope,
  scopePaths,
} from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { asDate } from '../../db/query-rows.ts';
import type { RequestContext } from '../../http/context.ts';
import { findJurisdictionById } from '../jurisdictions/jurisdiction.repository.ts';
import { type AlertListRow, countOpenAlerts, findAlert, listAlertRows, resolveAlertRow } from './alert-list.repository.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

const alertScope = (context: RequestContext) => scopePaths(context.actor.grants, 'alert.read');

export interface AlertQuery {
  kind?: string;
  status?: AlertStatus;
  severity?: AlertSeverity;
  jurisdictionId?: string;
  limit: number;
  offset: number;
}

/** The caller's scope, narrowed to one jurisdiction inside it when asked. */
async function narrowedScope(deps: Deps, context: RequestContext, jurisdictionId?: string): Promise<string[]> {
  const scope = alertScope(context);
  if (!jurisdictionId) return scope;
  const target = await findJurisdictionById(deps.database.db, jurisdictionId);
  if (!target || !pathInScope(target.path, scope)) throw forbidden('jurisdictionId');
  return [target.path];
}

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** The web route of the record an alert is about: the person's episode or record, the site list, the place's samples. */
function linkOf(row: AlertListRow): string | null {
  if (row.person_episode_id) return `/key-persons?episode=${row.person_episode_id}`;
  if (row.person_id) return `/persons?person=${row.person_id}`;
  if (row.site_id) return '/sites';
  if (row.kind === 'environment_positive') return '/environment-sampling';
  if (row.kind === 'stock_low' || row.kind === 'stock_expiry' || row.kind === 'disinfection_overdue') return '/supplies';
  if (row.kind === 'info_daily_due' || row.kind === 'info_daily_late' || row.kind === 'opinion_overdue') return '/information';
  return null;
}

function toItem(row: AlertListRow) {
  return {
    id: row.id,
    kind: row.kind,
    severity: alertSeverity(row.kind),
    status: row.status,
    episodeId: row.person_episode_id,
    siteId: row.site_id,
    personNameMasked: row.person_name ? maskName(row.person_name) : null,
    members: row.members,
    tubeCode: text(row.details.barcode),
    link: linkOf(row),
    details: row.details,
    createdAt: (asDate(row.created_at) ?? new Date(0)).toISOString(),
  };
}

/** Alerts in scope, open first, then most severe, then newest (CASE-007); names masked in the list. */
export async function listAlerts(deps: Deps, context: RequestContext, query: AlertQuery) {
  const paths = await narrowedScope(deps, context, query.jurisdictionId);
  const filter = { paths, kind: query.kind, status: query.status, severity: query.severity };
  const page = await listAlertRows(deps.database.db, filter, query.limit, query.offset);
  return { total: page.total, items: page.items.map(toItem) };
}

/** The number on the bell: open alerts inside the caller's scope. */
export async function alertBadge(deps: Deps, context: RequestContext) {
  return { open: await countOpenAlerts(deps.database.db, alertScope(context)) };
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
