import type { CalendarDate } from '../calendar/calendar-date.ts';

export const KEY_PERSON_CATEGORIES = [
  'confirmed',
  'suspected',
  'asymptomatic',
  'close_contact',
  'secondary_contact',
  'inbound_traveller',
  'risk_area_arrival',
  'discharged_patient',
  'fever_patient',
  'returning_outsider',
] as const;
export type KeyPersonCategory = (typeof KEY_PERSON_CATEGORIES)[number];

export const MANAGEMENT_TYPES = ['centralized_quarantine', 'home_quarantine', 'home_health_monitoring', 'hospital_care'] as const;
export type ManagementType = (typeof MANAGEMENT_TYPES)[number];

export const TEST_KINDS = ['nucleic_acid', 'antibody'] as const;
export type TestKind = (typeof TEST_KINDS)[number];

export const SIGNATORY_ROLES = ['assigned_cadre', 'assigned_medic'] as const;
export type SignatoryRole = (typeof SIGNATORY_ROLES)[number];

/** Where a rule comes from: a document and the clause inside it. */
export interface Clause {
  source: string;
  clause: string;
  /** The rule in a sentence (English; the UI translates by clause id where needed). */
  says: string;
  /** True when the documents are silent and the value is configured (a [gap] in REQUIREMENTS.md). */
  configured?: boolean;
}

export interface LegalBasis {
  title: string;
  issuer: string;
  documentNumber?: string;
  issued: CalendarDate;
}

/** `days: null` = open-ended (hospital care lasts until discharge). */
export interface PhaseRule {
  type: ManagementType;
  days: number | null;
  basis: Clause;
}

/** `day` is the day of the phase as the documents count it: day 1 is the phase's first calendar day. */
export interface TestRule {
  phase: number;
  day: number;
  kind: TestKind;
  basis: Clause;
}

export interface MonitoringRule {
  checksPerDay: number;
  measures: ('temperature' | 'symptoms')[];
  /** Symptoms that raise an alert, besides a temperature at or above the threshold. */
  alertSymptoms: string[];
  feverThresholdCelsius: number;
  basis: Clause;
}

export interface ReleaseRule {
  /** Index of the last phase whose end is the release (解除隔离); later phases are after release. */
  releasePhase: number;
  minimumTests: Partial<Record<TestKind, number>>;
  /** Two tests of a kind count as separate only this many hours apart (seed 000: 24 h). */
  minHoursBetweenTests?: Partial<Record<TestKind, number>>;
  allTestsNegative: boolean;
  noSymptoms: boolean;
  signatures: SignatoryRole[];
  basis: Clause;
}

export type FollowUpOffset = { days: number } | { months: number };

export interface FollowUpRule {
  after: FollowUpOffset;
  kind: 'visit' | 'visit_with_nucleic_acid';
  basis: Clause;
}

export interface EscalationRule {
  trigger: 'fever' | 'symptom' | 'positive_result' | 'overdue_test' | 'overdue_check';
  action: 'alert_and_fever_clinic_transfer' | 'case_candidate' | 'alert';
  /** Hours before an overdue item escalates to the next level up. */
  withinHours?: number;
  basis: Clause;
}

export interface CategoryRule {
  category: KeyPersonCategory;
  /** The event day 0 is counted from. */
  countsFrom: 'last_exposure' | 'arrival' | 'discharge' | 'discovery' | 'registration';
  phases: PhaseRule[];
  tests: TestRule[];
  monitoring: MonitoringRule;
  release: ReleaseRule | null;
  followUps: FollowUpRule[];
  escalations: EscalationRule[];
}

export interface ProtocolEdition {
  id: string;
  name: string;
  legalBasis: LegalBasis[];
  effectiveFrom: CalendarDate;
  /** Inclusive; absent while in force. */
  effectiveTo?: CalendarDate;
  categories: Partial<Record<KeyPersonCategory, CategoryRule>>;
}

/** A jurisdiction's own variant on top of an edition, with its own basis; never a fork of the edition. */
export interface LocalProfile {
  id: string;
  name: string;
  /** NBS code of the jurisdiction whose subtree runs the profile. */
  jurisdictionCode: string;
  editionId: string;
  basis: Clause;
  overrides: Partial<Record<KeyPersonCategory, Partial<Omit<CategoryRule, 'category'>>>>;
}
