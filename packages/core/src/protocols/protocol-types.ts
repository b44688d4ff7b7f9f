import type { CalendarDate } from '../calendar/calendar-date.ts';
import type { CompoundEntryChoice } from '../closed-management/compound-entry-rules.ts';
import type { CodeRule } from '../codes/code-types.ts';
import type { PlaceKind } from '../jurisdiction/levels.ts';
import type { EarlyWarningRules } from './early-warning-rules.ts';
import type { InformationRules } from './information-rule-types.ts';
import type { ResponseRules } from './response-rule-types.ts';
import type { RiskRules, ZoneRules } from './zone-types.ts';

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
  /** Testing rules (pooling, mandatory groups, turnaround, result validity); absent when an edition says nothing. */
  testing?: TestingRules;
  /** Case reporting and investigation (deadlines, the case definition, the look-back window); absent when an edition says nothing. */
  cases?: CaseRules;
  /** Contact tracing (流调 / 密接判定 / 时空伴随 / 聚集性疫情); absent when an edition says nothing. */
  tracing?: TracingRules;
  /** Emergency response levels IV–I (应急响应, REQUIREMENTS §2): triggers, procedure, measures; absent when an edition says nothing. */
  response?: ResponseRules;
  /** How long personal data is kept (保存期限) before it is deleted or anonymised; absent: nothing is purged. */
  retention?: RetentionRules;
  /** Risk areas and control zones (REQUIREMENTS §3): grading, delineation, lifting; absent when an edition says nothing. */
  risk?: RiskRules;
  zones?: ZoneRules;
  /** Information release and public opinion (REQUIREMENTS §13): approval chains, the daily information's hour, opinion deadlines. */
  information?: InformationRules;
  /** Early warning on the sentinel series (CASE-007, CASE-008): methods, thresholds, the CDC's verification time. */
  earlyWarning?: EarlyWarningRules;
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
  /** The jurisdiction's own retention periods, each with its basis (e.g. a stricter city rule). */
  retention?: Partial<RetentionPeriods>;
  /** The unit of risk grading and its authority where the jurisdiction differs from the edition (§18 V9). */
  risk?: Partial<Pick<RiskRules, 'unit' | 'authority'>>;
  /** The jurisdiction's own pool sizes: each rule replaces the edition's rule for its zone type (§18, TEST-005). */
  testing?: { pooling: PoolingRule[] };
  /** The jurisdiction's own colour rules: together they replace the edition's rules of the kinds they name (CODE-). */
  codes?: CodeRule[];
  /** Which entry regime the subtree's compounds run (COMM-013, §18: SC-42 normalized checks, SC-43 four musts). */
  compoundEntry?: CompoundEntryChoice;
}

/** A retention period in whole days after the day the data stops being needed, and where it comes from. */
export interface RetentionPeriod {
  days: number;
  basis: Clause;
}

export interface RetentionPeriods {
  /** Place-code and checkpoint scans (扫码记录) are deleted once this many days have passed since the day of the scan. */
  scans: RetentionPeriod;
  /**
   * A person whose key-person episodes and cases are all closed is anonymised this many days after the last
   * one closed (and after the last use of their record: scans, samples, declarations).
   */
  closedEpisodes: RetentionPeriod;
}

/** Retention (数据保存期限, issue 12 "Hardening"): the periods, and the law that asks for them. */
export interface RetentionRules extends RetentionPeriods {
  /** Personal data is kept only as long as its purpose needs, then deleted or anonymised. */
  minimisation: Clause;
}

/** Testing (核酸检测) — REQUIREMENTS.md §5. Zone types of a mass-testing campaign (封控区/管控区/防范区, or none). */
export const ZONE_TYPES = ['sealed_zone', 'controlled_zone', 'precaution_zone', 'general'] as const;
export type ZoneType = (typeof ZONE_TYPES)[number];

/** The 12 mandatory-testing groups (应检尽检) of seed 000 §三(三)5, in the seed's order (TEST-001). */
export const MANDATORY_TESTING_GROUPS = [
  'close_contact',
  'inbound_traveller',
  'fever_clinic_patient',
  'new_inpatient_or_carer',
  'medical_staff',
  'port_border_staff',
  'prison_staff',
  'welfare_institution_staff',
  'key_area_arrival',
  'school_member_at_risk',
  'service_staff_with_history',
  'assessed_risk_group',
] as const;
export type MandatoryTestingGroup = (typeof MANDATORY_TESTING_GROUPS)[number];

/** Who pays for a test (TEST-002): the local government, the unit (enterprise or institution), or the person. */
export const PAYERS = ['government', 'employer', 'individual'] as const;
export type Payer = (typeof PAYERS)[number];

/** Where a sample was taken, for turnaround limits. */
export const TURNAROUND_SETTINGS = ['fever_clinic', 'campaign', 'routine', 'environment'] as const;
export type TurnaroundSetting = (typeof TURNAROUND_SETTINGS)[number];

/** Pool sizes allowed in a zone type, the first being the default; `household` allows one tube per household. */
export interface PoolingRule {
  zoneType: ZoneType;
  sizes: number[];
  household: boolean;
  basis: Clause;
}

/** A periodic group is tested every n days; an event group once within n days of joining the roster. */
export type TestingCycle = { everyDays: number } | { onceWithinDays: number };

export interface TestingGroupRule {
  group: MandatoryTestingGroup;
  cycle: TestingCycle;
  basis: Clause;
  /**
   * Key-person categories whose active episodes are members of the group (TEST-001 (1) 密切接触者 are
   * the close contacts under management), besides any imported roster.
   */
  keyPersonCategories?: KeyPersonCategory[];
}

export interface TurnaroundRule {
  setting: TurnaroundSetting;
  /** Hours from sampling to the lab's result. */
  hours: number;
  basis: Clause;
}

export interface PayerRule {
  mandatory: Payer;
  /** Payers a voluntary test may name; the first is the default. */
  voluntary: Payer[];
  /** A mass-testing campaign ordered by the command is mandatory testing of an assessed group. */
  campaign: Payer;
  basis: Clause;
}

export interface TestingRules {
  pooling: PoolingRule[];
  groups: TestingGroupRule[];
  turnaround: TurnaroundRule[];
  /** The windows "negative within n hours" may be asked for (e.g. 24, 48, 72). */
  negativeValidityHours: { hours: number[]; basis: Clause };
  payer: PayerRule;
  /** What a positive or indeterminate tube sets off, and what a negative single-tube retest of a pool member ends. */
  followUp: { positivePool: Clause; positiveSingle: Clause; retestNegative: Clause };
  /** Environment and goods sampling (TEST-014, MKT-001); absent when an edition says nothing. */
  environment?: EnvironmentRules;
  /** The fever-clinic rapid screen and its outcomes (TEST-009, KP-K03); absent when an edition says nothing. */
  feverClinic?: FeverClinicRules;
  /** Who of a school is tested before returning (TEST-001 (10), SC-52); absent when an edition says nothing. */
  schoolReturn?: SchoolReturnRules;
}

/**
 * TEST-001 (10): a school member is on the mandatory list when they or a family member stayed in a key area within
 * `historyDays` before the return to school, or their community (village) had an outbreak within `outbreakDays`.
 */
export interface SchoolReturnRules {
  historyDays: number;
  familyCounts: boolean;
  outbreakDays: number;
  basis: Clause;
}

/** The four rapid tests of a fever-clinic visit (核酸、抗体、CT、血象), seed 003 item 7. */
export const FEVER_CLINIC_ITEMS = ['nucleic_acid', 'antibody', 'ct', 'blood_count'] as const;
export type FeverClinicItem = (typeof FEVER_CLINIC_ITEMS)[number];

/** How a fever-clinic visit ends (KP-K03): symptomatic treatment, isolation observation (suspected), transfer (confirmed). */
export const FEVER_CLINIC_DISPOSITIONS = ['symptomatic_treatment', 'isolation_observation', 'transfer'] as const;
export type FeverClinicDisposition = (typeof FEVER_CLINIC_DISPOSITIONS)[number];

/** The fever-clinic screen: the items ordered at registration, the outcomes allowed, and when the results forbid one. */
export interface FeverClinicRules {
  items: { item: FeverClinicItem; basis: Clause }[];
  /** `category`: the key-person category the outcome puts the patient under (none for symptomatic treatment). */
  dispositions: { disposition: FeverClinicDisposition; category: KeyPersonCategory | null; basis: Clause }[];
  consistency: {
    /** A positive or indeterminate nucleic acid test is at least isolation observation. */
    nucleicAcidNotNegative: Clause;
    /** A positive antibody test is at least isolation observation. */
    antibodyPositive: Clause;
    /** Fever with abnormal CT and abnormal blood count (three clinical features) is at least isolation observation. */
    clinicalFeatures: Clause;
    /** Transfer as confirmed needs a positive nucleic acid test. */
    confirmedNeedsNucleicAcid: Clause;
  };
}

/** A place kind whose environment (and goods on sale) is sampled every n days. */
export interface EnvironmentSamplingPlan {
  placeKind: PlaceKind;
  everyDays: number;
  basis: Clause;
}

/** Environment and goods sampling: the regular plans, and what a result of a place's sample sets off. */
export interface EnvironmentRules {
  plans: EnvironmentSamplingPlan[];
  followUp: {
    /** A positive sample is reported to the place's community and the district (market supervision). */
    alert: Clause;
    /** The place is closed and disinfected (环境消杀). */
    disinfect: Clause;
    /** People who may have been infected there get a nucleic acid test and health screening. */
    screenWorkers: Clause;
    /** Goods with a batch number: every place holding the same batch is found. */
    traceBatch: Clause;
    /** An indeterminate sample: the place is sampled again. */
    resample: Clause;
    /** The place's risk flag stays until a later sample of the place is negative. */
    riskCleared: Clause;
  };
}

/** Cases (病例) — REQUIREMENTS.md §6, §4.1–4.3. How a case is classified (the glossary's category ids). */
export const CASE_CLASSIFICATIONS = ['suspected', 'confirmed', 'asymptomatic', 'excluded'] as const;
export type CaseClassification = (typeof CASE_CLASSIFICATIONS)[number];
/** The classifications of an infection that is (still) counted; `excluded` ends the case. */
export type InfectionClassification = Exclude<CaseClassification, 'excluded'>;

/** Clinical type (临床分型) of a confirmed case. */
export const CLINICAL_TYPES = ['mild', 'moderate', 'severe', 'critical'] as const;
export type ClinicalType = (typeof CLINICAL_TYPES)[number];

/** Epidemiological history items of the case definition (流行病学史). */
export const EPIDEMIOLOGICAL_LINKS = ['case_area_stay', 'infected_contact', 'case_area_symptomatic_contact', 'cluster'] as const;
export type EpidemiologicalLink = (typeof EPIDEMIOLOGICAL_LINKS)[number];

/** Clinical features of the case definition (临床表现). */
export const CLINICAL_FEATURES = ['fever_or_respiratory', 'imaging', 'blood_count'] as const;
export type ClinicalFeature = (typeof CLINICAL_FEATURES)[number];

/** Laboratory evidence of the case definition (病原学或血清学证据). */
export const LAB_EVIDENCE = ['nucleic_acid_positive', 'antibody_igm_igg_positive'] as const;
export type LabEvidence = (typeof LAB_EVIDENCE)[number];

/** The case definition a suggestion is read from, clause by clause; a person confirms the classification. */
export interface CaseDefinition {
  links: { link: EpidemiologicalLink; basis: Clause }[];
  features: { feature: ClinicalFeature; basis: Clause }[];
  evidence: { evidence: LabEvidence; basis: Clause }[];
  /** Suspected: an epidemiological link and at least `withLink` features, or no link and at least `withoutLink` features. */
  suspected: { withLink: number; withoutLink: number; basis: Clause };
  /** Confirmed: a suspected case (or symptoms) with laboratory evidence. */
  confirmed: Clause;
  /** Asymptomatic: laboratory evidence (nucleic acid positive) without clinical features. */
  asymptomatic: Clause;
  /** Excluded: this many negative nucleic acid tests, sampled at least `hoursApart` apart. */
  excluded: { negativeTests: number; hoursApart: number; basis: Clause };
}

/** A deadline counted from discovery (发现后 n 小时), and when it starts to show as due soon. */
export interface DeadlineRule {
  hours: number;
  /** Minutes before the deadline from which the clock shows "due soon" and an alert goes out (see `CaseRules.dueSoon`). */
  dueSoonMinutes: number;
  basis: Clause;
}

export interface CaseRules {
  /** The direct network report (网络直报) per classification. */
  report: { classification: InfectionClassification; deadline: DeadlineRule }[];
  /** The epidemiological investigation (流调) is finished within this many hours of discovery. */
  investigation: DeadlineRule;
  /** The outbreak spot is sealed (疫点封控) and its places disinfected within this many hours of discovery. */
  sealing: DeadlineRule;
  /** Why the clocks warn when they do (the seeds give no warning time: configured). */
  dueSoon: Clause;
  /** The investigation asks for the exposure history of this many days before onset (or sampling). */
  exposureLookbackDays: { days: number; basis: Clause };
  definition: CaseDefinition;
}

/** How an exposure was found (GLOSSARY: exposure): the kinds of contact candidates. */
export const EXPOSURE_KINDS = ['household', 'workplace', 'school', 'co_location', 'event', 'manual'] as const;
export type ExposureKind = (typeof EXPOSURE_KINDS)[number];

/** The contact categories a confirmed exposure may open. */
export type ContactCategory = Extract<KeyPersonCategory, 'close_contact' | 'secondary_contact'>;

/**
 * Contact tracing (REQUIREMENTS §6 CASE-001/003/009, §4.4 KP-D05/D06). The seeds ask to find every
 * close contact but do not define one; the definitions and windows come from the national protocol of
 * the period, cited per value, and the values no document gives are marked configured.
 */
export interface TracingRules {
  /** The case is infectious from n days before onset, or (without symptoms) n days before the positive sample. */
  infectiousWindow: { daysBeforeOnset: number; daysBeforeSampling: number; basis: Clause };
  /** A scan at the case's place counts when it falls within n minutes before the visit began or after it ended. */
  coLocationToleranceMinutes: { minutes: number; basis: Clause };
  /** A contact who becomes a case within n days of the last exposure is linked to the source case by itself. */
  incubationDays: { days: number; basis: Clause };
  /** 聚集性疫情: at least `minCases` cases within `windowDays` days, linked by exposure or in the same small area. */
  cluster: { minCases: number; windowDays: number; grouping: 'epidemiological_link' | 'same_area'; basis: Clause };
  /** The category a confirmed candidate opens by default, by how it was found; the investigator may choose the other. */
  defaultCategory: Record<ExposureKind, ContactCategory>;
  definitions: { closeContact: Clause; secondaryContact: Clause };
}
