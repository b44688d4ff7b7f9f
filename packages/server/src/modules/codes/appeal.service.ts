import { AppError, type CodeColour, invalid, notFound, pathInScope, scopePaths } from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import type { RequestContext } from '../../http/context.ts';
import { type AppealListRow, appealsIn, decideAppeal, findAppeal } from './appeal.repository.ts';
import { colourNow, rulesInForce } from './code.service.ts';
import { insertChange } from './code-change.repository.ts';
import { validUntilOf } from './code-change.service.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

export interface AppealDecision {
  decision: 'upheld' | 'rejected';
  reason: string;
  /** Upheld: the colour the person gets, with the appeal itself as the basis. */
  toColour?: CodeColour;
  validHours?: number;
}

export function appealView(row: AppealListRow, now: Date) {
  const a = row.appeal;
  return {
    id: a.id,
    personId: a.personId,
    personName: row.personName,
    idMasked: row.idMasked,
    viaProxy: a.viaProxy,
    colourAppealed: a.colourAppealed,
    reason: a.reason,
    status: a.status,
    filedAt: a.createdAt.toISOString(),
    deadlineAt: a.deadlineAt.toISOString(),
    overdue: a.status === 'open' && a.deadlineAt <= now,
    decidedByName: row.decidedByName,
    decidedAt: a.decidedAt?.toISOString() ?? null,
    decisionReason: a.decisionReason,
    codeChangeId: a.codeChangeId,
  };
}

/** The appeals queue in the caller's scope, nearest deadline first, overdue ones flagged. */
export async function listAppeals(deps: Deps, context: RequestContext, status: string) {
  const rows = await appealsIn(deps.database.db, scopePaths(context.actor.grants, 'code.read'), status);
  const now = deps.clock();
  return { items: rows.map((row) => appealView(row, now)) };
}

/**
 * Decides an appeal with a reason the person sees. Upheld with a colour: a code change whose basis is the
 * appeal (`appeal:<id>`) is requested by the decider and, like every manual change, applies only once a
 * second user holding code.approve approves it (issue 12 defect 8; CODE-004, SC-36).
 */
export async function decideAppealOf(deps: Deps, context: RequestContext, id: string, input: AppealDecision) {
  const db = deps.database.db;
  const found = await findAppeal(db, id);
  if (!found || !pathInScope(found.jurisdictionPath, scopePaths(context.actor.grants, 'appeal.decide'))) throw notFound('id');
  if (found.status !== 'open') throw new AppError('conflict', 'appealDecided', 'id');
  if (input.decision === 'upheld' && !input.toColour) throw invalid('toColour', 'required');
  const now = deps.clock();
  const validUntil =
    input.decision === 'upheld' ? validUntilOf(await rulesInForce(db, now, found.jurisdictionPath), now, input.validHours) : null;
  const userId = context.actor.userId as string; // routes with a permission always have a signed-in user
  return db.transaction(async (tx) => {
    let codeChangeId: string | null = null;
    if (input.decision === 'upheld' && input.toColour) {
      const current = await colourNow(tx, found.personId, now);
      const change = await insertChange(tx, {
        personId: found.personId,
        fromColour: current.colour,
        toColour: input.toColour,
        basisKind: 'record',
        basisRef: `appeal:${id}`,
        basisNote: input.reason,
        requestedBy: userId,
        status: 'pending',
        validUntil,
        jurisdictionPath: found.jurisdictionPath,
      });
      codeChangeId = change.id;
    }
    const decided = { status: input.decision, decidedBy: userId, decidedAt: now, decisionReason: input.reason, codeChangeId };
    if (!(await decideAppeal(tx, id, decided))) throw new AppError('conflict', 'appealDecided', 'id');
    await recordAudit(tx, context, {
      action: 'code.decideAppeal',
      entityType: 'appeal',
      entityId: id,
      jurisdictionPath: found.jurisdictionPath,
      before: { colour: found.colourAppealed },
      after: { decision: input.decision, toColour: input.toColour ?? null, codeChangeId },
      reason: input.reason,
    });
    return { id, status: input.decision, codeChangeId };
  });
}
