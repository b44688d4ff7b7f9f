import type { AssessmentRecord } from '../protocols/response-rule-types.ts';
import { SEED_2020 } from '../protocols/seed-2020.ts';
import type { LevelAssessment } from './assessment.ts';
import type { ResponseCase } from './case-facts.ts';
import { responseRules } from './response-rules.ts';

/** An assessment with a finding on every factor item and the records named (tests only). */
export function assessment(records: AssessmentRecord[] = ['trendAnalysis']): LevelAssessment {
  const factors = Object.fromEntries(
    responseRules(SEED_2020).assessment.factors.flatMap((group) => group.items.map((item) => [item.key, `finding on ${item.key}`])),
  );
  return { factors, records: Object.fromEntries(records.map((record) => [record, `${record} written`])) };
}

/** A locally acquired confirmed case reported (and isolated) on `date`, with its source known. */
export function localCase(caseId: string, date: string, facts: Partial<ResponseCase> = {}): ResponseCase {
  return {
    caseId,
    classification: 'confirmed',
    onsetDate: null,
    reportDate: date,
    isolatedOn: date,
    imported: false,
    clusterId: null,
    sourceKnown: true,
    generation: null,
    townCode: '320412001',
    ...facts,
  };
}

/** An instant at a Shanghai wall-clock time. */
export const shanghai = (date: string, time = '09:00') => new Date(`${date}T${time}:00+08:00`);
