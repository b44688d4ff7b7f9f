import { invalid } from '../errors/app-error.ts';
import type { CaseClassification, ClinicalType } from '../protocols/protocol-types.ts';

/** initial: the first classification; change: a new finding; correction (订正): asymptomatic → confirmed (CASE-006, SC-15). */
export type ClassificationChangeKind = 'initial' | 'change' | 'correction';

const ALLOWED: Record<CaseClassification, CaseClassification[]> = {
  suspected: ['confirmed', 'asymptomatic', 'excluded'],
  asymptomatic: ['confirmed', 'excluded'],
  confirmed: ['confirmed', 'excluded'],
  excluded: [],
};

export interface ClassificationStep {
  from: CaseClassification | null;
  to: CaseClassification;
  fromClinicalType?: ClinicalType | null;
  toClinicalType?: ClinicalType | null;
}

/**
 * Whether a case may move from one classification to another, and how the change is recorded.
 * Asymptomatic → confirmed is a correction of the report (订正, KP-C03, CASE-006); the original stays in the
 * history. A confirmed case needs its clinical type; confirmed → confirmed only changes the clinical type.
 */
export function classificationChange(step: ClassificationStep): ClassificationChangeKind {
  if (step.to === 'confirmed' && !step.toClinicalType) throw invalid('clinicalType', 'clinicalTypeRequired');
  if (step.to !== 'confirmed' && step.toClinicalType) throw invalid('clinicalType', 'clinicalTypeOnlyConfirmed');
  if (step.from === null) {
    if (step.to === 'excluded') throw invalid('classification', 'cannotOpenExcluded');
    return 'initial';
  }
  if (!ALLOWED[step.from].includes(step.to)) {
    throw invalid('classification', 'transitionNotAllowed', { from: step.from, to: step.to });
  }
  if (step.from === step.to && step.fromClinicalType === step.toClinicalType) {
    throw invalid('classification', 'unchanged');
  }
  return step.from === 'asymptomatic' && step.to === 'confirmed' ? 'correction' : 'change';
}

/** The classifications a case in `from` may move to (for the UI's choices). */
export const nextClassifications = (from: CaseClassification): CaseClassification[] => ALLOWED[from];
