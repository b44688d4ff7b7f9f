import { conflict, notFound, pathInScope, type WarningOutcome, type WarningState } from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../http/context.ts';
import { closeSourceTask } from '../command/task.service.ts';
import { warningsOfSignals } from '../information/information.repository.ts';
import { scopeOf } from '../testing/testing-access.ts';
import { jurisdictionInScope } from './dashboard-scope.ts';
import { countSignalsByState, findSignal, listSignalRows, type SignalRow, updateSignal } from './early-warning.repository.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

type Warnings = Awaited<ReturnType<typeof warningsOfSignals>>;

export function signalView(row: SignalRow, warnings: Warnings) {
  return {
    id: row.id,
    jurisdictionId: row.jurisdictionId,
    jurisdictionPath: row.jurisdictionPath,
    series: row.series,
    day: row.day,
    method: row.method,
    count: row.count,
    threshold: row.threshold,
    statistic: row.statistic,
    evidence: row.evidence,
    editionId: row.editionId,
    status: row.status,
    taskId: row.taskId,
    acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
    acknowledgementNote: row.acknowledgementNote,
    closedAt: row.closedAt?.toISOString() ?? null,
    outcome: row.outcome,
    outcomeNote: row.outcomeNote,
    raisedAt: row.createdAt.toISOString(),
    // The warnings drafted from the signal (INFO-007): the release's side holds signalId.
    warnings: (warnings.get(row.id) ?? []).map((w) => ({ id: w.id, title: w.title, status: w.status })),
  };
}

/** Signals as the API shows them, each with the warnings drafted from it that the caller may read. */
async function signalViews(db: Db, context: RequestContext, rows: SignalRow[]) {
  const warnings = await warningsOfSignals(
    db,
    rows.map((r) => r.id),
    scopeOf(context, 'information.read'),
  );
  return rows.map((r) => signalView(r, warnings));
}

export interface SignalQuery {
  jurisdictionId?: string;
  state?: WarningState;
  from?: string;
  to?: string;
}

/** The signals in the caller's scope (or one jurisdiction's subtree), newest day first, with counts by state. */
export async function listSignals(deps: Deps, context: RequestContext, query: SignalQuery, limit: number, offset: number) {
  const db = deps.database.db;
  const paths = query.jurisdictionId
    ? [(await jurisdictionInScope(db, context, 'dashboard.read', query.jurisdictionId)).path]
    : scopeOf(context, 'dashboard.read');
  const filter = { paths, states: query.state ? [query.state] : undefined, from: query.from, to: query.to };
  const [page, counts] = await Promise.all([listSignalRows(db, filter, limit, offset), countSignalsByState(db, paths)]);
  const byState = { open: 0, acknowledged: 0, closed: 0 };
  for (const c of counts) if (c.status in byState) byState[c.status as WarningState] = c.n;
  return { items: await signalViews(db, context, page.items), total: page.total, counts: byState };
}

async function signalToHandle(deps: Deps, context: RequestContext, id: string): Promise<SignalRow> {
  const row = await findSignal(deps.database.db, id);
  if (!row || !pathInScope(row.jurisdictionPath, scopeOf(context, 'warning.handle'))) throw notFound();
  return row;
}

/** The CDC takes a signal on (CASE-007): who and when, with a note; only an open signal. */
export async function acknowledgeSignal(deps: Deps, context: RequestContext, id: string, note: string | undefined) {
  const row = await signalToHandle(deps, context, id);
  if (row.status !== 'open') throw conflict('status', 'signalNotOpen');
  const at = deps.clock();
  const updated = await deps.database.db.transaction(async (tx) => {
    const after = await updateSignal(tx, id, {
      status: 'acknowledged',
      acknowledgedAt: at,
      acknowledgedBy: context.actor.userId,
      acknowledgementNote: note ?? null,
    });
    await recordAudit(tx, context, {
      action: 'earlyWarning.acknowledge',
      entityType: 'early_warning_signal',
      entityId: id,
      jurisdictionPath: row.jurisdictionPath,
      before: { status: row.status },
      after: { status: 'acknowledged', note: note ?? null },
    });
    return after;
  });
  const [view] = await signalViews(deps.database.db, context, [updated ?? row]);
  return view as ReturnType<typeof signalView>;
}

/** The CDC task a signal raised closes with the signal (issue 17 part 3: the verification is the task). */
async function closeSignalTask(
  tx: Db,
  context: RequestContext,
  row: SignalRow,
  input: { outcome: WarningOutcome; note: string },
  at: Date,
) {
  const note = `预警核实结论（${input.outcome}）：${input.note}`;
  await closeSourceTask(tx, context, row.taskId, { note, at, source: { signalId: row.id } });
}

/** The outcome of the verification (CASE-007): a real event, a false alarm, or kept under watch; the signal and its CDC task close. */
export async function closeSignal(deps: Deps, context: RequestContext, id: string, input: { outcome: WarningOutcome; note: string }) {
  const row = await signalToHandle(deps, context, id);
  if (row.status === 'closed') throw conflict('status', 'signalClosed');
  const at = deps.clock();
  const updated = await deps.database.db.transaction(async (tx) => {
    const after = await updateSignal(tx, id, {
      status: 'closed',
      closedAt: at,
      closedBy: context.actor.userId,
      outcome: input.outcome,
      outcomeNote: input.note,
    });
    await recordAudit(tx, context, {
      action: 'earlyWarning.close',
      entityType: 'early_warning_signal',
      entityId: id,
      jurisdictionPath: row.jurisdictionPath,
      before: { status: row.status },
      after: { status: 'closed', outcome: input.outcome, note: input.note },
    });
    await closeSignalTask(tx, context, row, input, at);
    return after;
  });
  const [view] = await signalViews(deps.database.db, context, [updated ?? row]);
  return view as ReturnType<typeof signalView>;
}
