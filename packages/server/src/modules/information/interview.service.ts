import { decideInterview, type InterviewRequest, type InterviewStatus, invalid, isBlank, levelOfPath } from '@fangkong/core';
import { recordAudit } from '../../audit/audit.service.ts';
import type { RequestContext } from '../../http/context.ts';
import {
  findInterview,
  type InterviewRow,
  insertInterview,
  interviewsUnder,
  jurisdictionNames,
  updateInterview,
} from './information.repository.ts';
import {
  approvalBy,
  approvalsOf,
  type Deps,
  informationNow,
  informationRulesOf,
  inScopeOr404,
  jurisdictionIn,
  type StoredApproval,
  scopeOf,
  settled,
  storedApprovals,
} from './information-access.ts';

function interviewView(row: InterviewRow, jurisdictionName: string) {
  return {
    id: row.id,
    jurisdictionId: row.jurisdictionId,
    jurisdictionName,
    outlet: row.outlet,
    topic: row.topic,
    interviewee: row.interviewee,
    scheduledAt: row.scheduledAt?.toISOString() ?? null,
    status: row.status as InterviewStatus,
    requestedBy: row.requestedBy,
    approvals: (row.approvals as StoredApproval[]).map((a) => ({ ...a })),
    reason: row.reason,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function listInterviews(deps: Deps, context: RequestContext) {
  const rows = await interviewsUnder(deps.database.db, scopeOf(context, 'information.read'));
  const names = await jurisdictionNames(
    deps.database.db,
    rows.map((r) => r.jurisdictionId),
  );
  return { items: rows.map((r) => interviewView(r, names.get(r.jurisdictionId) ?? '')) };
}

export interface InterviewInput {
  jurisdictionId: string;
  outlet: string;
  topic: string;
  interviewee: string;
  scheduledAt?: string;
}

/** A media request, pending until the township headquarters approves; no one gives an interview before (INFO-002). */
export async function requestInterview(deps: Deps, context: RequestContext, input: InterviewInput) {
  const db = deps.database.db;
  const place = await jurisdictionIn(db, context, input.jurisdictionId, 'information.publish');
  for (const field of ['outlet', 'topic', 'interviewee'] as const) if (isBlank(input[field])) throw invalid(field, 'required');
  const now = deps.clock();
  const { editionId } = await informationNow(db, place.path, now);
  return db.transaction(async (tx) => {
    const row = await insertInterview(tx, {
      jurisdictionId: place.id,
      jurisdictionPath: place.path,
      editionId,
      outlet: input.outlet.trim(),
      topic: input.topic.trim(),
      interviewee: input.interviewee.trim(),
      scheduledAt: input.scheduledAt ? new Date(input.scheduledAt) : null,
      status: 'pending',
      requestedBy: context.actor.userId ?? '',
    });
    await recordAudit(tx, context, {
      action: 'interview.request',
      entityType: 'interview_request',
      entityId: row.id,
      jurisdictionPath: place.path,
      after: { outlet: row.outlet, topic: row.topic },
    });
    return interviewView(row, place.name);
  });
}

const requestOf = (row: InterviewRow): InterviewRequest => ({
  status: row.status as InterviewStatus,
  requestedBy: row.requestedBy,
  jurisdictionLevel: levelOfPath(row.jurisdictionPath),
  approvals: approvalsOf(row.approvals),
  reason: row.reason,
});

/** The township headquarters' decision (or a higher authority's), never the requester's (INFO-002, SC-68). */
export async function decideInterviewRequest(deps: Deps, context: RequestContext, id: string, input: { approve: boolean; note: string }) {
  const db = deps.database.db;
  inScopeOr404(await findInterview(db, id), context, 'information.approve');
  const now = deps.clock();
  const saved = await db.transaction(async (tx) => {
    const row = inScopeOr404(await findInterview(tx, id, true), context, 'information.approve');
    const approval = approvalBy(context, row.jurisdictionPath, now, input.note);
    const rules = (await informationRulesOf(tx, [row.editionId]))(row.editionId);
    const decided = settled(decideInterview(requestOf(row), { approve: input.approve, approval }, rules));
    const updated = await updateInterview(tx, id, {
      status: decided.status,
      approvals: storedApprovals(decided.approvals, row.approvals, context),
      reason: decided.reason,
    });
    await recordAudit(tx, context, {
      action: input.approve ? 'interview.approve' : 'interview.reject',
      entityType: 'interview_request',
      entityId: id,
      jurisdictionPath: row.jurisdictionPath,
      before: { status: row.status },
      after: { status: decided.status },
      reason: input.note || null,
    });
    return updated;
  });
  const names = await jurisdictionNames(db, [saved.jurisdictionId]);
  return interviewView(saved, names.get(saved.jurisdictionId) ?? '');
}
