import type { KeyPersonCategory } from '../protocols/protocol-types.ts';

export const VISIT_OUTCOMES = ['screened', 'not_home'] as const;
export type VisitOutcome = (typeof VISIT_OUTCOMES)[number];

/** What a visit to one household found, as progress counts it. */
export interface VisitSummary {
  householdId: string;
  outcome: VisitOutcome;
  /** Categories opened for the people found (one per person found under management). */
  categories: readonly KeyPersonCategory[];
  symptomatic: number;
}

export interface ScreeningProgress {
  households: number;
  screened: number;
  notHome: number;
  remaining: number;
  riskAreaArrivals: number;
  inboundTravellers: number;
  symptomatic: number;
  /** Every household screened (seed 004 Part B §二(一)1: nobody missed). */
  complete: boolean;
}

/** A household is done once a visit screened it; a household nobody was home at is visited again. */
export function householdStates(householdIds: readonly string[], visits: readonly VisitSummary[]): Map<string, VisitOutcome | 'to_visit'> {
  const states = new Map<string, VisitOutcome | 'to_visit'>(householdIds.map((id) => [id, 'to_visit']));
  for (const visit of visits) {
    if (!states.has(visit.householdId) || states.get(visit.householdId) === 'screened') continue;
    states.set(visit.householdId, visit.outcome);
  }
  return states;
}

/** Progress of a round (COMM-040): households screened, not home, still to visit, and the people found. */
export function screeningProgress(householdIds: readonly string[], visits: readonly VisitSummary[]): ScreeningProgress {
  const states = [...householdStates(householdIds, visits).values()];
  const screened = states.filter((s) => s === 'screened').length;
  const notHome = states.filter((s) => s === 'not_home').length;
  const categories = visits.flatMap((v) => v.categories);
  return {
    households: householdIds.length,
    screened,
    notHome,
    remaining: householdIds.length - screened,
    riskAreaArrivals: categories.filter((c) => c === 'risk_area_arrival').length,
    inboundTravellers: categories.filter((c) => c === 'inbound_traveller').length,
    symptomatic: visits.reduce((sum, v) => sum + v.symptomatic, 0),
    complete: householdIds.length > 0 && screened === householdIds.length,
  };
}
