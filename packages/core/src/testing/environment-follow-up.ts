import { addDays, type CalendarDate } from '../calendar/calendar-date.ts';
import { AppError } from '../errors/app-error.ts';
import { because, type Reason } from '../key-persons/reason.ts';
import type { EnvironmentRules, EnvironmentSamplingPlan, TestingRules } from '../protocols/protocol-types.ts';
import { ENVIRONMENT_SPECIMENS, type EnvironmentSpecimenKind } from './environment-specimens.ts';
import type { LabResult } from './pool-follow-up.ts';

/** The environment rules of an edition's testing rules; an edition without them cannot sample places. */
export function environmentRulesOf(rules: TestingRules): EnvironmentRules {
  if (!rules.environment) throw new AppError('conflict', 'noEnvironmentRules', 'editionId');
  return rules.environment;
}

/**
 * communityAlert / districtAlert: tell the place's community and the district (market supervision);
 * closeAndDisinfect: close the place and disinfect it (环境消杀); screenWorkers: test and screen the
 * people who work there; traceBatch: find every place holding the same batch; resample: sample again.
 */
export type EnvironmentAction = 'communityAlert' | 'districtAlert' | 'closeAndDisinfect' | 'screenWorkers' | 'traceBatch' | 'resample';

export interface ResultedEnvironmentSample {
  result: LabResult;
  specimenKind: EnvironmentSpecimenKind;
  batchNumber: string | null;
}

export interface EnvironmentFollowUp {
  decision: EnvironmentAction[];
  because: Reason[];
}

/** What a lab result of an environment or goods sample sets off (seed 000 §三(二)5, SC-63). */
export function environmentFollowUpOf(rules: EnvironmentRules, sample: ResultedEnvironmentSample): EnvironmentFollowUp {
  const { alert, disinfect, screenWorkers, traceBatch, resample } = rules.followUp;
  if (sample.result === 'negative') return { decision: [], because: [] };
  if (sample.result === 'indeterminate') return { decision: ['resample'], because: [because('testing.environment.resample', resample)] };
  const decision: EnvironmentAction[] = ['communityAlert', 'districtAlert', 'closeAndDisinfect', 'screenWorkers'];
  const reasons = [
    because('testing.environment.alert', alert),
    because('testing.environment.disinfect', disinfect),
    because('testing.environment.screenWorkers', screenWorkers),
  ];
  if (ENVIRONMENT_SPECIMENS[sample.specimenKind].goods && sample.batchNumber) {
    decision.push('traceBatch');
    reasons.push(because('testing.environment.traceBatch', traceBatch));
  }
  return { decision, because: reasons };
}

/** The times the place's latest positive and latest negative samples were taken (not resulted). */
export interface PlaceResults {
  lastPositiveSampledAt: Date | null;
  lastNegativeSampledAt: Date | null;
}

/** atRisk: a positive not yet followed by a negative sample; cleared: it was; none: never positive. */
export type PlaceRisk = 'atRisk' | 'cleared' | 'none';

export interface PlaceRiskDecision {
  decision: PlaceRisk;
  /** The positive sample's time the flag stands on. */
  since: Date | null;
  because: Reason[];
}

/** A place is at risk from a positive sample until a sample taken later is negative. */
export function placeRiskOf(rules: EnvironmentRules, results: PlaceResults): PlaceRiskDecision {
  const positive = results.lastPositiveSampledAt;
  if (!positive) return { decision: 'none', since: null, because: [] };
  const negative = results.lastNegativeSampledAt;
  const reasons = [because('testing.environment.riskCleared', rules.followUp.riskCleared)];
  const cleared = negative !== null && negative.getTime() > positive.getTime();
  return { decision: cleared ? 'cleared' : 'atRisk', since: positive, because: reasons };
}

export function samplingPlanOf(rules: EnvironmentRules, placeKind: string): EnvironmentSamplingPlan | undefined {
  return rules.plans.find((plan) => plan.placeKind === placeKind);
}

export interface PlaceSamplingHistory {
  /** The Asia/Shanghai date the place came under the plan (its registration). */
  registeredOn: CalendarDate;
  /** The Asia/Shanghai date of the place's latest environment or goods sample, if any. */
  lastSampledOn: CalendarDate | null;
}

/** covered: sampled inside the cycle; due: to be sampled today; overdue: the due date has passed. */
export type PlaceSamplingState = 'covered' | 'due' | 'overdue';

export interface PlaceSamplingDecision {
  decision: PlaceSamplingState;
  dueDate: CalendarDate;
  because: Reason[];
}

/** A place under a plan is due `everyDays` after its latest sample; a place never sampled is due from its registration. */
export function placeSamplingState(
  plan: EnvironmentSamplingPlan,
  history: PlaceSamplingHistory,
  today: CalendarDate,
): PlaceSamplingDecision {
  const dueDate = history.lastSampledOn ? addDays(history.lastSampledOn, plan.everyDays) : history.registeredOn;
  const decision = today < dueDate ? 'covered' : today === dueDate ? 'due' : 'overdue';
  return { decision, dueDate, because: [because(`testing.environment.plan.${plan.placeKind}`, plan.basis)] };
}
