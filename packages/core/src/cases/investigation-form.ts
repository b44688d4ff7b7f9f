import { because, type Reason } from '../key-persons/reason.ts';
import type { CaseClassification, CaseRules, Clause } from '../protocols/protocol-types.ts';

/**
 * The structured epidemiological investigation (流调) form (issue 11 item 3, CASE-002/003): what the
 * investigators ask, each answer kept as the CDC and police recorded it. All optional while it is filled in;
 * completeness is decided by `investigationGaps`.
 */
export interface InvestigationForm {
  /** Symptoms named by the case; an empty list with `noSymptoms` when asked and none. */
  symptoms?: string[];
  noSymptoms?: boolean;
  /** Exposure history over the edition's look-back window (contact with cases, risk places, imported goods). */
  exposureHistory?: string;
  /** Travel and stay over the same window. */
  travelHistory?: string;
  occupation?: string;
  workplace?: string;
  /** Vaccine doses received (0 when none) and the date of the last one. */
  vaccinationDoses?: number;
  lastVaccinationDate?: string;
  householdSize?: number;
  /** The investigators' hypothesis of the source of infection. */
  sourceHypothesis?: string;
}

export const INVESTIGATION_FORM_FIELDS = [
  'symptoms',
  'noSymptoms',
  'exposureHistory',
  'travelHistory',
  'occupation',
  'workplace',
  'vaccinationDoses',
  'lastVaccinationDate',
  'householdSize',
  'sourceHypothesis',
] as const satisfies readonly (keyof InvestigationForm)[];

/** What the completeness check reads beside the form. */
export interface InvestigationFacts {
  classification: CaseClassification;
  onsetDate: string | null;
  trajectoryPoints: number;
}

const filled = (text: string | undefined) => typeof text === 'string' && text.trim().length > 0;

/**
 * What is still missing before the investigation can be called complete, each with the clause that asks
 * for it: the symptoms question answered (and the onset date when there are symptoms or the case is
 * suspected or confirmed), exposure and travel history over the look-back window, occupation, vaccination,
 * household, and at least one trajectory point. An empty list means complete.
 */
export function investigationGaps(form: InvestigationForm, facts: InvestigationFacts, rules: CaseRules): Reason[] {
  const window = rules.exposureLookbackDays.basis;
  const asked = rules.investigation.basis;
  const symptomatic = (form.symptoms?.length ?? 0) > 0 || facts.classification === 'suspected' || facts.classification === 'confirmed';
  const checks: [boolean, string, Clause][] = [
    [(form.symptoms?.length ?? 0) > 0 || form.noSymptoms === true, 'symptoms', asked],
    [!symptomatic || facts.onsetDate !== null, 'onsetDate', asked],
    [filled(form.exposureHistory), 'exposureHistory', window],
    [filled(form.travelHistory), 'travelHistory', window],
    [filled(form.occupation), 'occupation', asked],
    [typeof form.vaccinationDoses === 'number', 'vaccinationDoses', asked],
    [typeof form.householdSize === 'number', 'householdSize', asked],
    [facts.trajectoryPoints > 0, 'trajectory', window],
  ];
  return checks.filter(([ok]) => !ok).map(([, field, basis]) => because(`investigation.missing.${field}`, basis));
}

const textOf = (value: unknown) => (typeof value === 'string' ? value : undefined);
const countOf = (value: unknown) => (typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined);

/** The form as stored (JSON written through the validated API, or older free-form rows): only the known, well-typed answers. */
export function investigationFormOf(stored: Readonly<Record<string, unknown>>): InvestigationForm {
  const symptoms = Array.isArray(stored.symptoms) ? stored.symptoms.filter((s): s is string => typeof s === 'string') : undefined;
  const form: InvestigationForm = {
    symptoms,
    noSymptoms: typeof stored.noSymptoms === 'boolean' ? stored.noSymptoms : undefined,
    exposureHistory: textOf(stored.exposureHistory),
    travelHistory: textOf(stored.travelHistory),
    occupation: textOf(stored.occupation),
    workplace: textOf(stored.workplace),
    vaccinationDoses: countOf(stored.vaccinationDoses),
    lastVaccinationDate: textOf(stored.lastVaccinationDate),
    householdSize: countOf(stored.householdSize),
    sourceHypothesis: textOf(stored.sourceHypothesis),
  };
  return Object.fromEntries(Object.entries(form).filter(([, v]) => v !== undefined));
}
