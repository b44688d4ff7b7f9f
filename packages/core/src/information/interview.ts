import { AppError, invalid } from '../errors/app-error.ts';
import type { JurisdictionLevel } from '../jurisdiction/levels.ts';
import type { InformationRules } from '../protocols/information-rule-types.ts';
import { isBlank } from '../response/assessment.ts';
import { type Approval, addApproval, approvalChain, type InfoResult, infoFail, infoOk } from './information-rules.ts';

/** A media interview request stays pending until the township headquarters approves (INFO-002, SC-68). */
export const INTERVIEW_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type InterviewStatus = (typeof INTERVIEW_STATUSES)[number];

export interface InterviewRequest {
  status: InterviewStatus;
  requestedBy: string;
  jurisdictionLevel: JurisdictionLevel;
  approvals: Approval[];
  reason: string | null;
}

/** An approval (or a refusal) of an interview by an authority at the chain's level; never by the requester. */
export function decideInterview(
  request: InterviewRequest,
  decision: { approve: boolean; approval: Approval },
  rules: InformationRules,
): InfoResult<InterviewRequest> {
  if (request.status !== 'pending') return infoFail(new AppError('conflict', 'interviewDecided', 'status'));
  const chain = approvalChain(rules, 'interview', request.jurisdictionLevel);
  const added = addApproval(chain, request.approvals, request.requestedBy, decision.approval);
  if (!added.ok) return added;
  if (!decision.approve) {
    if (isBlank(decision.approval.note)) return infoFail(invalid('note', 'reasonRequired'));
    return infoOk({ ...request, status: 'rejected', reason: decision.approval.note });
  }
  return infoOk({ ...request, approvals: added.value, status: added.value.length === chain.length ? 'approved' : 'pending' });
}
