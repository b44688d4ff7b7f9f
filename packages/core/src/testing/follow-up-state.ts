import type { TestingRules } from '../protocols/protocol-types.ts';
import { followUpOf, type LabResult } from './pool-follow-up.ts';

/** Where the follow-up of a positive or indeterminate tube stands, for dashboards. */
export const POOL_FOLLOW_UP_STATES = ['retesting', 'awaitingRetestResults', 'cleared', 'case'] as const;
export type PoolFollowUpState = (typeof POOL_FOLLOW_UP_STATES)[number];

export interface PoolFollowUp {
  memberCount: number;
  result: LabResult;
  /** Single-tube retests taken for its members, and how many of them came back positive. */
  retests: number;
  retestsPositive: number;
  /** The tube's testing tasks (control, retest, case candidate) still open. */
  openTasks: number;
}

/**
 * case: the tube itself set off the case pathway (a positive single tube) or a member's retest is
 * positive; cleared: no task of the tube is open; otherwise members are still to be retested, or
 * every retest is taken and some results are still awaited.
 */
export function poolFollowUpState(rules: TestingRules, pool: PoolFollowUp): PoolFollowUpState {
  const setOff = followUpOf(rules, { memberCount: pool.memberCount, result: pool.result, isRetest: false }).decision;
  if (pool.retestsPositive > 0 || setOff.includes('caseCandidate')) return 'case';
  if (pool.openTasks === 0) return 'cleared';
  return pool.retests < pool.memberCount ? 'retesting' : 'awaitingRetestResults';
}

export const MEMBER_FOLLOW_UP_STATES = ['retesting', 'awaitingResult', 'cleared', 'case'] as const;
export type MemberFollowUpState = (typeof MEMBER_FOLLOW_UP_STATES)[number];

export interface MemberFollowUp {
  /** The member's tasks from this tube still open. */
  openTasks: number;
  /** The member's single-tube retest: undefined when none was taken, null while its result is awaited. */
  retestResult: LabResult | null | undefined;
  /** A case-candidate task for the member (from the tube or from the retest). */
  caseCandidate: boolean;
  /** An episode of key-person management opened from testing. */
  handedOver: boolean;
}

/** One member of a positive or indeterminate tube: case, cleared, awaiting the retest's result, or still to be retested. */
export function memberFollowUpState(member: MemberFollowUp): MemberFollowUpState {
  if (member.handedOver || member.caseCandidate || member.retestResult === 'positive') return 'case';
  if (member.openTasks === 0) return 'cleared';
  return member.retestResult === null ? 'awaitingResult' : 'retesting';
}
