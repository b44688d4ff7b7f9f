import {
  closeOpinion,
  type InformationRules,
  invalid,
  isBlank,
  type OpinionItem,
  type OpinionKind,
  type OpinionOutcome,
  type OpinionSource,
  type OpinionStatus,
  opinionClock,
  respondToOpinion,
} from '@fangkong/core';
import { recordAudit } from '../../audit/audit.service.ts';
import type { RequestContext } from '../../http/context.ts';
import { findOpinion, insertOpinion, jurisdictionNames, type OpinionRow, opinionsUnder, updateOpinion } from './information.repository.ts';
import { type Deps, informationNow, informationRulesOf, inScopeOr404, jurisdictionIn, scopeOf, settled } from './information-access.ts';

/** A row as core's opinion clock sees it. */
export const itemOf = (row: OpinionRow): OpinionItem => ({
  kind: row.kind as OpinionKind,
  status: row.status as OpinionStatus,
  loggedAt: row.loggedAt,
  respondedAt: row.respondedAt,
  closedAt: row.closedAt,
});

function opinionView(row: OpinionRow, jurisdictionName: string, now: Date, rules: InformationRules) {
  const clock = opinionClock(rules, itemOf(row), now);
  return {
    id: row.id,
    jurisdictionId: row.jurisdictionId,
    jurisdictionName,
    kind: row.kind as OpinionKind,
    source: row.source as OpinionSource,
    summary: row.summary,
    location: row.location,
    status: row.status as OpinionStatus,
    loggedAt: row.loggedAt.toISOString(),
    response: row.response,
    respondedAt: row.respondedAt?.toISOString() ?? null,
    outcome: row.outcome as OpinionOutcome | null,
    closedAt: row.closedAt?.toISOString() ?? null,
    respondBy: clock.respondBy.toISOString(),
    closeBy: clock.closeBy.toISOString(),
    responseOverdue: clock.responseOverdue,
    closeOverdue: clock.closeOverdue,
    because: clock.because,
  };
}

async function viewsOf(deps: Deps, rows: OpinionRow[]) {
  const names = await jurisdictionNames(
    deps.database.db,
    rows.map((r) => r.jurisdictionId),
  );
  const now = deps.clock();
  const rulesOf = await informationRulesOf(
    deps.database.db,
    rows.map((r) => r.editionId),
  );
  return rows.map((r) => opinionView(r, names.get(r.jurisdictionId) ?? '', now, rulesOf(r.editionId)));
}

export async function listOpinions(deps: Deps, context: RequestContext, query: { status?: OpinionStatus }) {
  const rows = await opinionsUnder(deps.database.db, scopeOf(context, 'information.read'), query.status);
  return { items: await viewsOf(deps, rows) };
}

export interface OpinionInput {
  jurisdictionId: string;
  kind: OpinionKind;
  source: OpinionSource;
  summary: string;
  location?: string;
}

/** A rumour, complaint or query logged with its source; its response and closure clocks start now (INFO-004). */
export async function logOpinion(deps: Deps, context: RequestContext, input: OpinionInput) {
  const db = deps.database.db;
  const place = await jurisdictionIn(db, context, input.jurisdictionId, 'opinion.write');
  if (isBlank(input.summary)) throw invalid('summary', 'required');
  const now = deps.clock();
  const { editionId, rules } = await informationNow(db, place.path, now);
  return db.transaction(async (tx) => {
    const row = await insertOpinion(tx, {
      jurisdictionId: place.id,
      jurisdictionPath: place.path,
      editionId,
      kind: input.kind,
      source: input.source,
      summary: input.summary.trim(),
      location: input.location?.trim() ?? '',
      loggedBy: context.actor.userId ?? '',
      loggedAt: now,
      status: 'open',
    });
    await recordAudit(tx, context, {
      action: 'opinion.log',
      entityType: 'opinion_item',
      entityId: row.id,
      jurisdictionPath: place.path,
      after: { kind: row.kind, source: row.source },
    });
    return opinionView(row, place.name, now, rules);
  });
}

type Handle = (item: OpinionItem, now: Date) => { item: OpinionItem; changes: Partial<OpinionRow>; audit: Record<string, unknown> };

async function handle(deps: Deps, context: RequestContext, id: string, action: string, apply: Handle) {
  const db = deps.database.db;
  inScopeOr404(await findOpinion(db, id), context, 'opinion.write');
  const now = deps.clock();
  const saved = await db.transaction(async (tx) => {
    const row = inScopeOr404(await findOpinion(tx, id, true), context, 'opinion.write');
    const { item, changes, audit } = apply(itemOf(row), now);
    const updated = await updateOpinion(tx, id, { ...changes, status: item.status });
    await recordAudit(tx, context, {
      action,
      entityType: 'opinion_item',
      entityId: id,
      jurisdictionPath: row.jurisdictionPath,
      before: { status: row.status },
      after: { status: item.status, ...audit },
    });
    return updated;
  });
  const [view] = await viewsOf(deps, [saved]);
  return view as ReturnType<typeof opinionView>;
}

/** The response: a refutation (辟谣) or a reply. */
export function respondOpinion(deps: Deps, context: RequestContext, id: string, response: string) {
  return handle(deps, context, id, 'opinion.respond', (current, now) => ({
    item: settled(respondToOpinion(current, response, now)),
    changes: { response: response.trim(), respondedAt: now, respondedBy: context.actor.userId },
    audit: {},
  }));
}

export function closeOpinionItem(deps: Deps, context: RequestContext, id: string, outcome: OpinionOutcome) {
  return handle(deps, context, id, 'opinion.close', (current, now) => ({
    item: settled(closeOpinion(current, outcome, now)),
    changes: { outcome, closedAt: now, closedBy: context.actor.userId },
    audit: { outcome },
  }));
}
