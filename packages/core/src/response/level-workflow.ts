import { AppError, conflict, invalid } from '../errors/app-error.ts';
import type { ProtocolEdition } from '../protocols/protocol-types.ts';
import type { ChangeDirection, LevelBasis, ResponseLevel } from '../protocols/response-rule-types.ts';
import { assessmentProblem, isBlank, type LevelAssessment } from './assessment.ts';
import { type ChainKey, confirmationChain, type ExpertConfirmation, nextConfirmation } from './confirmation-chain.ts';
import { type ChecklistChange, checklistChange } from './measures.ts';
import { isHigherLevel, responseRules } from './response-rules.ts';
import type { TerminationCheck, TerminationGap } from './termination.ts';

/**
 * A level change and its workflow (LVL-010, LVL-016, SC-27): proposed by the health bureau → confirmed
 * by the chain's expert bodies → approved by the commander (the level is in force from here) → filed with
 * the municipal health commission. A confirmation body or the approver may reject it instead.
 */
export const LEVEL_CHANGE_STATUSES = ['proposed', 'confirmed', 'approved', 'filed', 'rejected'] as const;
export type LevelChangeStatus = (typeof LEVEL_CHANGE_STATUSES)[number];

export interface LevelChange extends ChainKey {
  from: ResponseLevel | null;
  status: LevelChangeStatus;
  proposedBy: string;
  proposedAt: Date;
  reason: string;
  assessment: LevelAssessment;
  confirmations: ExpertConfirmation[];
  approval: { by: string; at: Date } | null;
  /** A termination approved before its criteria held: the commander's reason and what was unmet, for the audit. */
  override: { reason: string; unmet: TerminationGap[] } | null;
  filing: { by: string; at: Date; reference: string } | null;
  rejection: { by: string; at: Date; reason: string } | null;
}

/** none: no response yet; active: a level in force; terminated: the last response ended (normalized measures, LVL-017). */
export type ResponsePhase = 'none' | 'active' | 'terminated';

export interface ResponseState {
  level: ResponseLevel | null;
  phase: ResponsePhase;
  /** The change under way (proposed or confirmed): one at a time. */
  open: LevelChange | null;
}

export type LevelResult<T> = { ok: true; value: T } | { ok: false; problem: AppError };
const ok = <T>(value: T): LevelResult<T> => ({ ok: true, value });
const fail = <T>(problem: AppError): LevelResult<T> => ({ ok: false, problem });
const inForce = (change: LevelChange) => change.status === 'approved' || change.status === 'filed';

/** The jurisdiction's state from its changes: the level only ever comes from an approved change. */
export function responseStateOf(history: readonly LevelChange[]): ResponseState {
  const approved = history.filter(inForce).sort((a, b) => (a.approval?.at.getTime() ?? 0) - (b.approval?.at.getTime() ?? 0));
  const last = approved.at(-1);
  const open = history.filter((c) => c.status === 'proposed' || c.status === 'confirmed').at(-1) ?? null;
  if (!last) return { level: null, phase: 'none', open };
  return { level: last.to, phase: last.to === null ? 'terminated' : 'active', open };
}

/** activate from no response, escalate or de-escalate by rank (step by step or skipping, LVL-012/014), terminate to none. */
export function directionOf(from: ResponseLevel | null, to: ResponseLevel | null): ChangeDirection | null {
  if (from === to) return null;
  if (to === null) return 'terminate';
  if (from === null) return 'activate';
  return isHigherLevel(to, from) ? 'escalate' : 'deescalate';
}

export interface LevelProposal {
  /** The level proposed; null proposes to end the response. */
  to: ResponseLevel | null;
  basis: LevelBasis;
  proposedBy: string;
  reason: string;
  assessment: LevelAssessment;
}

/**
 * A proposal (the only way a level change starts). Any level may be started or reached directly,
 * Level I included (LVL-013, SC-28); lowering needs the effect evaluation too (LVL-014, SC-30).
 */
export function proposeLevelChange(
  state: ResponseState,
  proposal: LevelProposal,
  now: Date,
  edition: ProtocolEdition,
): LevelResult<LevelChange> {
  const rules = responseRules(edition);
  if (state.open) return fail(conflict('to', 'changeInProgress'));
  const direction = directionOf(state.level, proposal.to);
  if (!direction) return fail(invalid('to', state.level === null ? 'noResponseToTerminate' : 'sameLevel'));
  if (isBlank(proposal.reason)) return fail(invalid('reason', 'reasonRequired'));
  const problem = assessmentProblem(proposal.assessment, direction, rules);
  if (problem) return fail(problem);
  return ok({
    direction,
    from: state.level,
    to: proposal.to,
    basis: direction === 'terminate' ? 'trigger' : proposal.basis,
    status: 'proposed',
    proposedBy: proposal.proposedBy,
    proposedAt: now,
    reason: proposal.reason.trim(),
    assessment: proposal.assessment,
    confirmations: [],
    approval: null,
    override: null,
    filing: null,
    rejection: null,
  });
}

const closed = (change: LevelChange) => new AppError('conflict', 'changeClosed', 'changeId', { status: change.status });

/** A body's confirmation (or rejection), strictly in chain order: no body may confirm before the one below it (LVL-002). */
export function confirmLevelChange(
  change: LevelChange | null,
  confirmation: Omit<ExpertConfirmation, 'at'>,
  now: Date,
  edition: ProtocolEdition,
): LevelResult<LevelChange> {
  const rules = responseRules(edition);
  if (!change) return fail(invalid('changeId', 'noProposal'));
  if (change.status === 'confirmed') return fail(conflict('body', 'chainComplete'));
  if (change.status !== 'proposed') return fail(closed(change));
  const { chain } = confirmationChain(change, rules);
  if (!chain.includes(confirmation.body))
    return fail(invalid('body', 'bodyNotInChain', { body: confirmation.body, chain: chain.join(',') }));
  const expected = nextConfirmation(change, rules);
  if (expected !== confirmation.body) {
    const done = change.confirmations.some((c) => c.body === confirmation.body && c.decision === 'confirmed');
    if (done) return fail(conflict('body', 'alreadyConfirmed'));
    return fail(invalid('body', 'chainSkipped', { body: confirmation.body, expected: expected ?? '' }));
  }
  if (confirmation.decision === 'rejected' && isBlank(confirmation.note)) return fail(invalid('note', 'reasonRequired'));
  const confirmations = [...change.confirmations, { ...confirmation, at: now }];
  if (confirmation.decision === 'rejected') {
    return ok({
      ...change,
      confirmations,
      status: 'rejected',
      rejection: { by: confirmation.recordedBy, at: now, reason: confirmation.note },
    });
  }
  const complete = nextConfirmation({ ...change, confirmations }, rules) === null;
  return ok({ ...change, confirmations, status: complete ? 'confirmed' : 'proposed' });
}

export interface LevelApproval {
  approvedBy: string;
  /** Only to end a response before its criteria hold: the commander's reason, kept and audited. */
  overrideReason?: string | null;
}

export interface ApprovedChange {
  change: LevelChange;
  state: ResponseState;
  /** The tasks the new level brings, keeps and ends (LVL-018). */
  checklist: ChecklistChange;
}

function overrideFor(
  change: LevelChange,
  approval: LevelApproval,
  termination: TerminationCheck | undefined,
): LevelResult<LevelChange['override']> {
  if (change.direction !== 'terminate') {
    return isBlank(approval.overrideReason) ? ok(null) : fail(invalid('overrideReason', 'overrideNotNeeded'));
  }
  if (!termination) return fail(invalid('termination', 'terminationFactsRequired'));
  if (termination.eligible) return isBlank(approval.overrideReason) ? ok(null) : fail(invalid('overrideReason', 'overrideNotNeeded'));
  if (isBlank(approval.overrideReason)) {
    const params = { eligibleFrom: termination.eligibleFrom ?? '', unmet: termination.unmet.join(',') };
    return fail(invalid('overrideReason', 'terminationCriteriaNotMet', params));
  }
  return ok({ reason: (approval.overrideReason ?? '').trim(), unmet: termination.unmet });
}

/**
 * The commander's approval: the chain complete, someone other than the proposer, the level unchanged
 * since the proposal, and — to end a response — the termination criteria met (LVL-015) or an override
 * with a reason. From here the level is in force and its checklist applies; filing follows (SC-27).
 */
export function approveLevelChange(
  state: ResponseState,
  change: LevelChange | null,
  approval: LevelApproval,
  now: Date,
  edition: ProtocolEdition,
  termination?: TerminationCheck,
): LevelResult<ApprovedChange> {
  const rules = responseRules(edition);
  if (!change) return fail(invalid('changeId', 'noProposal'));
  if (change.status === 'proposed') {
    return fail(new AppError('conflict', 'chainIncomplete', 'confirmations', { next: nextConfirmation(change, rules) ?? '' }));
  }
  if (change.status !== 'confirmed') return fail(closed(change));
  if (change.from !== state.level) return fail(conflict('changeId', 'levelChangedSinceProposal'));
  if (approval.approvedBy === change.proposedBy) return fail(new AppError('forbidden', 'approverIsProposer', 'approvedBy'));
  const override = overrideFor(change, approval, termination);
  if (!override.ok) return fail(override.problem);
  const approved: LevelChange = { ...change, status: 'approved', approval: { by: approval.approvedBy, at: now }, override: override.value };
  return ok({
    change: approved,
    state: { level: change.to, phase: change.to === null ? 'terminated' : 'active', open: null },
    checklist: checklistChange(change.from, change.to, edition),
  });
}

/** The filing with the municipal health commission (备案), after approval (LVL-010, SC-27). */
export function fileLevelChange(
  change: LevelChange | null,
  filing: { filedBy: string; reference: string },
  now: Date,
): LevelResult<LevelChange> {
  if (!change) return fail(invalid('changeId', 'noProposal'));
  if (change.status === 'filed') return fail(conflict('changeId', 'alreadyFiled'));
  if (change.status !== 'approved') return fail(conflict('changeId', 'notApproved'));
  if (isBlank(filing.reference)) return fail(invalid('reference', 'required'));
  return ok({ ...change, status: 'filed', filing: { by: filing.filedBy, at: now, reference: filing.reference.trim() } });
}

/** The approver (or the proposer, withdrawing) turns a change down before approval, with a reason. */
export function rejectLevelChange(
  change: LevelChange | null,
  rejection: { rejectedBy: string; reason: string },
  now: Date,
): LevelResult<LevelChange> {
  if (!change) return fail(invalid('changeId', 'noProposal'));
  if (change.status !== 'proposed' && change.status !== 'confirmed') return fail(closed(change));
  if (isBlank(rejection.reason)) return fail(invalid('reason', 'reasonRequired'));
  return ok({ ...change, status: 'rejected', rejection: { by: rejection.rejectedBy, at: now, reason: rejection.reason.trim() } });
}
