import { AppError, invalid } from '../errors/app-error.ts';
import { because, type Reason } from '../key-persons/reason.ts';
import type { InformationRules, OpinionKind } from '../protocols/information-rule-types.ts';
import { isBlank } from '../response/assessment.ts';
import { type InfoResult, infoFail, infoOk } from './information-rules.ts';

/** How an item ends (INFO-004): a rumour refuted, a matter resolved, passed to the body responsible, or found baseless. */
export const OPINION_OUTCOMES = ['clarified', 'resolved', 'referred', 'unfounded'] as const;
export type OpinionOutcome = (typeof OPINION_OUTCOMES)[number];

export const OPINION_STATUSES = ['open', 'responded', 'closed'] as const;
export type OpinionStatus = (typeof OPINION_STATUSES)[number];

export interface OpinionItem {
  kind: OpinionKind;
  status: OpinionStatus;
  loggedAt: Date;
  respondedAt: Date | null;
  closedAt: Date | null;
}

const HOUR_MS = 3_600_000;

/** The response and closure deadlines of an item from when it was logged (INFO-004, configured hours). */
export function opinionDeadlines(rules: InformationRules, kind: OpinionKind, loggedAt: Date) {
  const rule = rules.opinion[kind];
  return {
    respondBy: new Date(loggedAt.getTime() + rule.respondWithinHours * HOUR_MS),
    closeBy: new Date(loggedAt.getTime() + rule.closeWithinHours * HOUR_MS),
    basis: rule.basis,
  };
}

/** Where an item stands now: which deadline is running or missed, with the clause. */
export function opinionClock(rules: InformationRules, item: OpinionItem, now: Date) {
  const { respondBy, closeBy, basis } = opinionDeadlines(rules, item.kind, item.loggedAt);
  const responseLate = (item.respondedAt ?? now).getTime() > respondBy.getTime();
  const closeLate = (item.closedAt ?? now).getTime() > closeBy.getTime();
  const reasons: Reason[] = [];
  if (responseLate) reasons.push(because('opinionResponseLate', basis));
  if (closeLate) reasons.push(because('opinionCloseLate', basis));
  return { respondBy, closeBy, responseOverdue: responseLate, closeOverdue: closeLate, because: reasons };
}

/** The first response (辟谣, a reply to the complainant) with its text. */
export function respondToOpinion(item: OpinionItem, response: string, now: Date): InfoResult<OpinionItem> {
  if (item.status !== 'open') return infoFail(new AppError('conflict', 'opinionNotOpen', 'status'));
  if (isBlank(response)) return infoFail(invalid('response', 'required'));
  return infoOk({ ...item, status: 'responded', respondedAt: now });
}

/** Closure with an outcome, only after a response: nothing is closed unanswered. */
export function closeOpinion(item: OpinionItem, outcome: OpinionOutcome, now: Date): InfoResult<OpinionItem> {
  if (item.status === 'open') return infoFail(new AppError('conflict', 'opinionNotResponded', 'status'));
  if (item.status === 'closed') return infoFail(new AppError('conflict', 'opinionClosed', 'status'));
  if (!OPINION_OUTCOMES.includes(outcome)) return infoFail(invalid('outcome', 'invalidValue', { detail: outcome }));
  return infoOk({ ...item, status: 'closed', closedAt: now });
}
