import type { CalendarDate } from '../calendar/calendar-date.ts';
import { type AppError, invalid } from '../errors/app-error.ts';
import { because, type Reason } from '../key-persons/reason.ts';
import {
  type CommunityRules,
  type GatheringDecision,
  type GatheringKind,
  SIX_ONES_DUTIES,
  type SixOnesDuty,
} from '../protocols/community-seed-001.ts';

export interface SixOnesEntry {
  duty: SixOnesDuty;
  done: boolean;
}

export interface SixOnesReadiness {
  ready: boolean;
  missing: { duty: SixOnesDuty; requirement: string; reason: Reason }[];
}

/** The "six ones" ledger of a community for a day (COMM-001…006): ready when every duty is checked done. */
export function sixOnesReadiness(rules: CommunityRules, entries: readonly SixOnesEntry[]): SixOnesReadiness {
  const done = new Set(entries.filter((e) => e.done).map((e) => e.duty));
  const missing = SIX_ONES_DUTIES.filter((duty) => !done.has(duty)).map((duty) => ({
    duty,
    requirement: rules.sixOnes[duty].requirement,
    reason: because(`sixOnes.${duty}`, rules.sixOnes[duty].basis),
  }));
  return { ready: missing.length === 0, missing };
}

export interface GatheringFiling {
  kind: GatheringKind;
  eventDate: CalendarDate;
  simplified: boolean;
}

/** Bad input of a filing: an event in the past cannot be filed in advance (seed 001 §三(八)). */
export function gatheringProblem(rules: CommunityRules, filing: GatheringFiling, today: CalendarDate): AppError | null {
  if (rules.gatherings[filing.kind].beforeEvent && filing.eventDate < today) return invalid('eventDate', 'pastDate');
  return null;
}

/** COMM-031, SC-44: a wedding is refused (suspended); a funeral is filed only when simplified; any other gathering is refused. */
export function gatheringDecision(rules: CommunityRules, filing: GatheringFiling): { decision: GatheringDecision; because: Reason[] } {
  const rule = rules.gatherings[filing.kind];
  const reason = because(`gathering.${filing.kind}`, rule.basis);
  if (rule.decision === 'filed' && rule.simplifiedOnly && !filing.simplified) {
    return { decision: 'refused', because: [{ ...reason, rule: `gathering.${filing.kind}.notSimplified` }] };
  }
  return { decision: rule.decision, because: [reason] };
}

export const SUPPLY_STATES = ['requested', 'delivered', 'cancelled'] as const;
export type SupplyState = (typeof SUPPLY_STATES)[number];

/** A supply request of a sealed household (COMM-022) is delivered or cancelled once, from requested. */
export function supplyTransitionAllowed(from: SupplyState, to: SupplyState): boolean {
  return from === 'requested' && to !== 'requested';
}
