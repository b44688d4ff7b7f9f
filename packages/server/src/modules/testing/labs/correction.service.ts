import { conflict, forbidden, invalid, type LabResult, notFound, pathInScope } from '@fangkong/core';
import type { AppDeps } from '../../../app-deps.ts';
import { recordAudit } from '../../../audit/audit.service.ts';
import { requireSecondUser } from '../../../auth/second-user.ts';
import type { Db } from '../../../db/client.ts';
import type { RequestContext } from '../../../http/context.ts';
import { isUniqueViolation, scopeOf } from '../testing-access.ts';
import {
  applyCorrectedResult,
  type CorrectionListRow,
  type CorrectionRow,
  correctionsIn,
  correctionsOfTube,
  decideCorrection,
  findCorrection,
  insertCorrection,
  pendingCorrectionOf,
  saveFollowUp,
  tubeResultByBarcode,
} from './correction.repository.ts';
import { correctionFollowUp } from './correction-follow-up.service.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

export interface CorrectionRequest {
  barcode: string;
  result: LabResult;
  reason: string;
  labReference?: string;
}

/** Who sees corrections: those who may request them (lab results) and those who decide them (testing managers). */
function readScope(context: RequestContext): string[] {
  const scope = [...scopeOf(context, 'testing.labResult'), ...scopeOf(context, 'testing.manage')];
  if (scope.length === 0) throw forbidden();
  return scope;
}

function requesterScope(context: RequestContext): string[] {
  const scope = scopeOf(context, 'testing.labResult');
  if (scope.length === 0) throw forbidden();
  return scope;
}

export function correctionView(row: CorrectionListRow) {
  const c = row.correction;
  return {
    id: c.id,
    tubeId: c.labResultId,
    barcode: c.barcode,
    previousResult: c.previousResult as LabResult,
    newResult: c.newResult as LabResult,
    reason: c.reason,
    labReference: c.labReference,
    status: c.status,
    requestedBy: c.requestedBy,
    requestedByName: row.requestedByName,
    requestedAt: c.requestedAt.toISOString(),
    decidedByName: row.decidedByName,
    decidedAt: c.decidedAt?.toISOString() ?? null,
    decisionReason: c.decisionReason,
    followUp: c.followUp,
  };
}

/** A tube's result by barcode, with its corrections (the result's history), for the caller's subtrees. */
export async function lookUpResult(deps: Deps, context: RequestContext, barcode: string) {
  const db = deps.database.db;
  const tube = await tubeResultByBarcode(db, barcode, readScope(context));
  if (!tube) throw notFound('barcode');
  return {
    tubeId: tube.tubeId,
    barcode: tube.barcode,
    memberCount: tube.memberCount,
    retest: tube.retestOfTubeId !== null,
    result: (tube.result as LabResult | null) ?? null,
    labName: tube.labName,
    testedAt: tube.testedAt?.toISOString() ?? null,
    receivedAt: tube.receivedAt?.toISOString() ?? null,
    correctedAt: tube.correctedAt?.toISOString() ?? null,
    corrections: (await correctionsOfTube(db, tube.tubeId)).map(correctionView),
  };
}

/** Someone with lab-result rights over the tube asks for another result, saying why; nothing changes until a second user approves. */
export async function requestCorrection(deps: Deps, context: RequestContext, input: CorrectionRequest) {
  const db = deps.database.db;
  const tube = await tubeResultByBarcode(db, input.barcode, requesterScope(context));
  if (!tube) throw notFound('barcode');
  if (!tube.result) throw conflict('barcode', 'resultPending');
  if (tube.result === input.result) throw invalid('result', 'resultUnchanged');
  const reason = input.reason.trim();
  if (reason.length < 2) throw invalid('reason', 'reasonRequired');
  if (await pendingCorrectionOf(db, tube.tubeId)) throw conflict('barcode', 'correctionPending');
  const now = deps.clock();
  const row = {
    labResultId: tube.tubeId,
    barcode: tube.barcode,
    previousResult: tube.result,
    newResult: input.result,
    reason,
    labReference: input.labReference?.trim() || null,
    requestedBy: context.actor.userId as string, // routes with a permission always have a signed-in user
    requestedAt: now,
    jurisdictionPath: tube.jurisdictionPath,
  };
  try {
    const correction = await db.transaction(async (tx) => {
      const inserted = await insertCorrection(tx, row);
      await recordAudit(tx, context, {
        action: 'testing.requestResultCorrection',
        entityType: 'lab_result_correction',
        entityId: inserted.id,
        jurisdictionPath: tube.jurisdictionPath,
        before: { tubeId: tube.tubeId, barcode: tube.barcode, result: tube.result },
        after: { result: input.result, labReference: row.labReference },
        reason,
      });
      return inserted;
    });
    return correctionView({ correction, requestedByName: context.actor.displayName, decidedByName: null });
  } catch (error) {
    // Two requests for one tube at once: the partial unique index lets one through.
    if (isUniqueViolation(error, 'lab_result_correction_one_pending_idx')) throw conflict('barcode', 'correctionPending');
    throw error;
  }
}

/** A pending correction the caller may decide (testing.manage over the tube), and not their own. */
async function decidable(db: Db, context: RequestContext, id: string): Promise<CorrectionRow> {
  const correction = await findCorrection(db, id);
  if (!correction || !pathInScope(correction.jurisdictionPath, scopeOf(context, 'testing.manage'))) throw notFound('id');
  if (correction.status !== 'pending') throw conflict('id', 'correctionDecided');
  requireSecondUser(context, correction.requestedBy, 'ownCorrection');
  return correction;
}

/**
 * A second user approves: in one transaction the result changes (if it is still the one corrected),
 * the follow-up reruns from the protocol's rules, and the correction records what it set off.
 */
export async function approveCorrection(deps: Deps, context: RequestContext, id: string, reason: string | undefined) {
  const db = deps.database.db;
  const correction = await decidable(db, context, id);
  return db.transaction(async (tx) => {
    const now = deps.clock();
    const decided = { status: 'approved', decidedBy: context.actor.userId, decidedAt: now, decisionReason: reason?.trim() || null };
    if (!(await decideCorrection(tx, id, decided))) throw conflict('id', 'correctionDecided');
    const tube = await applyCorrectedResult(tx, correction, now);
    if (!tube) throw conflict('id', 'resultChanged');
    const ref = { correctionId: id, tubeId: tube.tubeId, barcode: tube.barcode, from: correction.previousResult, to: correction.newResult };
    const followUp = await correctionFollowUp(tx, deps, context, tube, ref);
    await saveFollowUp(tx, id, { ...followUp });
    const { because: _, ...counts } = followUp;
    await recordAudit(tx, context, {
      action: 'testing.approveResultCorrection',
      entityType: 'lab_result_correction',
      entityId: id,
      jurisdictionPath: tube.jurisdictionPath,
      before: { tubeId: tube.tubeId, barcode: tube.barcode, result: correction.previousResult },
      after: { result: correction.newResult, ...counts },
      reason: decided.decisionReason,
    });
    return { id, status: 'approved' as const };
  });
}

/** The second user refuses, with a reason the requester sees; the result stays as it is. */
export async function rejectCorrection(deps: Deps, context: RequestContext, id: string, reason: string) {
  const db = deps.database.db;
  const correction = await decidable(db, context, id);
  await db.transaction(async (tx) => {
    const decided = { status: 'rejected', decidedBy: context.actor.userId, decidedAt: deps.clock(), decisionReason: reason.trim() };
    if (!(await decideCorrection(tx, id, decided))) throw conflict('id', 'correctionDecided');
    await recordAudit(tx, context, {
      action: 'testing.rejectResultCorrection',
      entityType: 'lab_result_correction',
      entityId: id,
      jurisdictionPath: correction.jurisdictionPath,
      before: { tubeId: correction.labResultId, barcode: correction.barcode, result: correction.previousResult },
      after: { requested: correction.newResult },
      reason: decided.decisionReason,
    });
  });
  return { id, status: 'rejected' as const };
}

/** Corrections in the caller's subtrees (default: pending, the approvers' queue). */
export async function listCorrections(deps: Deps, context: RequestContext, status: string) {
  const rows = await correctionsIn(deps.database.db, readScope(context), status);
  return { items: rows.map(correctionView) };
}
