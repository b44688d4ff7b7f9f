import { conflict, invalid } from '../errors/app-error.ts';
import type { CaseRules } from '../protocols/protocol-types.ts';
import { type ClockView, clockState } from './deadline-clocks.ts';

/**
 * A place the case went (a trajectory point) is handled as an outbreak spot (疫点, issue 11 item 5): sealed and
 * disinfected within the sealing deadline of the edition (seed 003 item 17: 24 hours from discovery), sampled
 * through environment sampling, and lifted only once sealed and disinfected.
 */
export const SPOT_ACTIONS = ['sealed', 'disinfected', 'lifted'] as const;
export type SpotAction = (typeof SPOT_ACTIONS)[number];

export interface SpotState {
  sealedAt: Date | null;
  disinfectedAt: Date | null;
  liftedAt: Date | null;
}

const DONE_AT: Record<SpotAction, keyof SpotState> = { sealed: 'sealedAt', disinfected: 'disinfectedAt', lifted: 'liftedAt' };

/** Why the action cannot be recorded now (field `action`), or null. */
export function spotActionProblem(state: SpotState, action: SpotAction) {
  if (state[DONE_AT[action]]) return conflict('action', 'spotActionDone');
  if (state.liftedAt) return conflict('action', 'spotLifted');
  if (action === 'lifted' && !state.sealedAt) return invalid('action', 'spotNotSealed');
  if (action === 'lifted' && !state.disinfectedAt) return invalid('action', 'spotNotDisinfected');
  return null;
}

/** The spot's two clocks (sealing, disinfection), both due at the case's sealing deadline. */
export function spotClocks(state: SpotState, dueAt: Date, rules: CaseRules, now: Date): ClockView[] {
  return [
    clockState('sealing', dueAt, state.sealedAt, now, rules.sealing.dueSoonMinutes),
    clockState('disinfection', dueAt, state.disinfectedAt, now, rules.sealing.dueSoonMinutes),
  ];
}
