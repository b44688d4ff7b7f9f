import { notFound, type SpotAction, spotActionProblem } from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import type { RequestContext } from '../../http/context.ts';
import { findLiveTrajectoryPoint, type TrajectoryRow, updateTrajectoryPoint } from './case.repository.ts';
import { caseInScope } from './case-access.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

function changesFor(action: SpotAction, userId: string | null, now: Date): Partial<TrajectoryRow> {
  if (action === 'sealed') return { sealedAt: now, sealedBy: userId };
  if (action === 'disinfected') return { disinfectedAt: now, disinfectedBy: userId };
  return { liftedAt: now, liftedBy: userId };
}

/**
 * A place of the trajectory handled as an outbreak spot (issue 11 item 5, CASE-002, CASE-011): sealed,
 * disinfected, then lifted (core decides the order); each step recorded with who and when, audited.
 */
export async function recordSpotAction(
  deps: Deps,
  context: RequestContext,
  caseId: string,
  pointId: string,
  input: { action: SpotAction; note?: string },
) {
  const db = deps.database.db;
  const row = await caseInScope(db, context, caseId, 'investigation.write');
  const point = await findLiveTrajectoryPoint(db, row.id, pointId);
  if (!point) throw notFound('pointId');
  const problem = spotActionProblem(point, input.action);
  if (problem) throw problem;
  const now = deps.clock();
  const changes = {
    ...changesFor(input.action, context.actor.userId, now),
    ...(input.note ? { spotNote: input.note } : {}),
    updatedAt: now,
  };
  return db.transaction(async (tx) => {
    await updateTrajectoryPoint(tx, point.id, changes);
    await recordAudit(tx, context, {
      action: `case.spot.${input.action}`,
      entityType: 'trajectory_point',
      entityId: point.id,
      jurisdictionPath: row.jurisdictionPath,
      after: { caseId: row.id, placeId: point.placeId, placeText: point.placeText, at: now.toISOString() },
      reason: input.note ?? null,
    });
    return { id: point.id, action: input.action, at: now.toISOString() };
  });
}
