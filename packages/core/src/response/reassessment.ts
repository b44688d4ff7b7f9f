import { type AppError, invalid } from '../errors/app-error.ts';
import { because, type Reason } from '../key-persons/reason.ts';
import type { ResponseRules } from '../protocols/response-rule-types.ts';
import { factorGap, isBlank, type LevelAssessment } from './assessment.ts';

const DAY_MS = 86_400_000;

/** What the experts conclude (LVL-011): the level stays, or a change is to be proposed through the usual procedure. */
export const REASSESSMENT_CONCLUSIONS = ['maintain', 'propose_change'] as const;
export type ReassessmentConclusion = (typeof REASSESSMENT_CONCLUSIONS)[number];

export type ReassessmentClock = 'ok' | 'due_soon' | 'overdue';

export interface ReassessmentState {
  /** The last re-assessment of the level in force, or null (the clock then runs from the approval). */
  lastAssessedAt: Date | null;
  dueAt: Date;
  state: ReassessmentClock;
  because: Reason[];
}

/**
 * LVL-011: when the level in force (approved at `inForceSince`) is next to be re-assessed: `everyDays` after the last
 * re-assessment, or after the approval when none was made; due soon `dueSoonDays` before; overdue after. Null when
 * the edition asks for no re-assessment.
 */
export function reassessmentState(
  rules: ResponseRules,
  inForceSince: Date,
  lastAssessedAt: Date | null,
  now: Date,
): ReassessmentState | null {
  const rule = rules.procedure.reassessment;
  if (!rule) return null;
  const from = lastAssessedAt && lastAssessedAt > inForceSince ? lastAssessedAt : inForceSince;
  const dueAt = new Date(from.getTime() + rule.everyDays * DAY_MS);
  const soon = new Date(dueAt.getTime() - rule.dueSoonDays * DAY_MS);
  const state: ReassessmentClock = now > dueAt ? 'overdue' : now >= soon ? 'due_soon' : 'ok';
  return { lastAssessedAt: from === inForceSince ? null : from, dueAt, state, because: [because('reassessEvery', rule.basis)] };
}

/**
 * The first gap of a re-assessment, or null: the three factor groups answered item by item (LVL-003) and the trend
 * analysis and effect evaluation written (field `assessment.records.<record>`).
 */
export function reassessmentProblem(assessment: LevelAssessment, rules: ResponseRules): AppError | null {
  const rule = rules.procedure.reassessment;
  if (!rule) return invalid('jurisdictionId', 'noReassessmentRule');
  const factor = factorGap(assessment, rules);
  if (factor) return factor;
  const record = rule.records.find((r) => isBlank(assessment.records[r]));
  if (record) return invalid(`assessment.records.${record}`, 'assessmentRecordMissing', { record, direction: 'reassessment' });
  return null;
}
