import { type AppError, invalid } from '../errors/app-error.ts';
import type { AssessmentRecord, ChangeDirection, ResponseRules } from '../protocols/response-rule-types.ts';

/**
 * The level assessment form (LVL-003): a finding for every item of the three factor groups (the
 * epidemic, prevention capacity, social factors), keyed by item (`scopeAndSeverity`, `treatment`…), and
 * the written records a change needs (trend analysis, effect evaluation, measures review, transmission
 * and import risk).
 */
export interface LevelAssessment {
  factors: Partial<Record<string, string>>;
  records: Partial<Record<AssessmentRecord, string>>;
}

/** A text left empty or only spaces. */
export const isBlank = (text: string | null | undefined) => (text ?? '').trim() === '';

/** The records a kind of change needs besides the factors (LVL-012, LVL-014, LVL-016; SC-30). */
export const recordsRequired = (direction: ChangeDirection, rules: ResponseRules): AssessmentRecord[] =>
  rules.assessment.records[direction].records;

/**
 * The first gap of an assessment for a kind of change, or null: a factor item without a finding
 * (field `assessment.factors.<item>`), or a missing record (field `assessment.records.<record>`),
 * e.g. a de-escalation with a trend analysis but no effect evaluation (SC-30).
 */
export function assessmentProblem(assessment: LevelAssessment, direction: ChangeDirection, rules: ResponseRules): AppError | null {
  const factor = factorGap(assessment, rules);
  if (factor) return factor;
  const record = recordsRequired(direction, rules).find((r) => isBlank(assessment.records[r]));
  if (record) return invalid(`assessment.records.${record}`, 'assessmentRecordMissing', { record, direction });
  return null;
}

/** The first item of the three factor groups (LVL-003) left without a finding (field `assessment.factors.<item>`), or null. */
export function factorGap(assessment: LevelAssessment, rules: ResponseRules): AppError | null {
  for (const group of rules.assessment.factors) {
    const missing = group.items.find((item) => isBlank(assessment.factors[item.key]));
    if (missing) return invalid(`assessment.factors.${missing.key}`, 'assessmentFactorMissing', { group: group.group, item: missing.key });
  }
  return null;
}
