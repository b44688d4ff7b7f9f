import { invalid } from '../errors/app-error.ts';
import type { RosterRole } from './command-rules.ts';

/**
 * Leader travel (SUP-011, ORG-065; seed 004 Part C §三(二)): "主要领导和分管领导原则上不得外出, 特殊情况须向上级
 * 机关请示报备". A principal leader (总指挥) or a leader in charge (副总指挥, a group's 组长) who must leave files a
 * request with the superior; only the superior's approval lets the leader's status become "away" (SC-71).
 */
export const LEADER_TRAVEL_CLAUSE = 'seed 004 Part C §三(二)';

/** The roles bound to stay: the principal leader and the leaders in charge. */
export const LEADERS_BOUND_TO_STAY: readonly RosterRole[] = ['commander_in_chief', 'deputy_commander', 'group_leader'];

export const isLeaderBoundToStay = (role: string): boolean => (LEADERS_BOUND_TO_STAY as readonly string[]).includes(role);

/** 已请示报备 → 批准 | 不批准; a request not yet decided may be withdrawn. */
export const TRAVEL_REQUEST_STATES = ['requested', 'approved', 'rejected', 'withdrawn'] as const;
export type TravelRequestState = (typeof TRAVEL_REQUEST_STATES)[number];

export type LeaderPresence = 'present' | 'away';

export interface TravelWindow {
  status: string;
  departAt: Date;
  returnAt: Date;
}

/** A request is well formed: a leader bound to stay, a departure not yet past, a return after it. */
export function checkTravelRequest(role: string, window: Pick<TravelWindow, 'departAt' | 'returnAt'>, now: Date): void {
  if (!isLeaderBoundToStay(role)) throw invalid('rosterMemberId', 'travel.notLeader');
  if (window.departAt.getTime() < now.getTime() - 60_000) throw invalid('departAt', 'travel.departurePast');
  if (window.returnAt <= window.departAt) throw invalid('returnAt', 'travel.returnBeforeDeparture');
}

/** Only an undecided request is decided or withdrawn (a decision is not taken twice). */
export function checkTravelDecision(status: string): void {
  if (status !== 'requested') throw invalid('status', 'travel.alreadyDecided');
}

/**
 * The superior (上级机关) of a headquarters: someone whose grant lies strictly above the headquarters' jurisdiction.
 * Those of the headquarters itself file the request; they do not approve it.
 */
export function isSuperiorOf(callerScope: readonly string[], headquartersPath: string): boolean {
  return callerScope.some((root) => headquartersPath.startsWith(root) && root !== headquartersPath);
}

/** "Away" only while an approved request covers the moment (SC-71); a request, rejected or withdrawn one leaves the leader present. */
export function leaderPresence(requests: readonly TravelWindow[], now: Date): { presence: LeaderPresence; until: Date | null } {
  const covering = requests.find((r) => r.status === 'approved' && r.departAt <= now && now < r.returnAt);
  return covering ? { presence: 'away', until: covering.returnAt } : { presence: 'present', until: null };
}
