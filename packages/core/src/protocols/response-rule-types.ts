import type { Clause, InfectionClassification } from './protocol-types.ts';

/**
 * Emergency response levels (应急响应等级, REQUIREMENTS §2). Written `IV`…`I`, lowest first: IV is
 * sporadic cases, I a severe community outbreak needing outside support (seed 002 §四). The spelling is
 * a contract shared by core, database, API and UI.
 */
export const RESPONSE_LEVELS = ['IV', 'III', 'II', 'I'] as const;
export type ResponseLevel = (typeof RESPONSE_LEVELS)[number];

/** The epidemic situation a level's trigger names (GLOSSARY C.2 outbreak type), in the order of the levels. */
export const OUTBREAK_TYPES = ['sporadic', 'cluster', 'community_transmission', 'severe_outbreak'] as const;
export type OutbreakType = (typeof OUTBREAK_TYPES)[number];

/** The expert bodies that confirm or review a level (LVL-002), from the district up. */
export const EXPERT_BODIES = ['district', 'city', 'province', 'nation'] as const;
export type ExpertBody = (typeof EXPERT_BODIES)[number];

/**
 * What a proposal rests on (seed 002 §四, items 1 and 2 of each level): the level's epidemiological
 * trigger, or "other situations" the district expert group decides, which higher groups then review.
 */
export const LEVEL_BASES = ['trigger', 'other_situations'] as const;
export type LevelBasis = (typeof LEVEL_BASES)[number];

/** The kinds of level change: start, raise, lower (LVL-010, LVL-012, LVL-014) and end (LVL-016). */
export const CHANGE_DIRECTIONS = ['activate', 'escalate', 'deescalate', 'terminate'] as const;
export type ChangeDirection = (typeof CHANGE_DIRECTIONS)[number];

/** The three factor groups of a level assessment (LVL-003). */
export const ASSESSMENT_FACTOR_GROUPS = ['epidemic', 'capacity', 'social'] as const;
export type AssessmentFactorGroup = (typeof ASSESSMENT_FACTOR_GROUPS)[number];

/**
 * Written findings an assessment may carry besides the factors: the trend analysis (疫情趋势研判), the
 * evaluation of the measures' actual effect (防控实际效果评估), the re-check of how the measures were carried
 * out (措施落实情况复核), and the risk of continued transmission and of import (持续传播和输入风险评判).
 */
export const ASSESSMENT_RECORDS = ['trendAnalysis', 'effectEvaluation', 'measuresReview', 'transmissionRisk'] as const;
export type AssessmentRecord = (typeof ASSESSMENT_RECORDS)[number];

/**
 * The twelve working groups of the district headquarters (seed 002 §六(一)), the keys measures are
 * assigned to. Other headquarters' groups say which of these they take on (`WorkingGroupTemplate.handles`).
 */
export const DISTRICT_GROUP_KEYS = [
  'comprehensive_coordination',
  'traffic_control',
  'social_community',
  'rural',
  'school',
  'enterprise',
  'epidemic_control_medical',
  'medical_supplies',
  'living_supplies',
  'economic_operation',
  'publicity',
  'supervision',
] as const;
export type DistrictGroupKey = (typeof DISTRICT_GROUP_KEYS)[number];

export interface Wording {
  zh: string;
  en: string;
}

/** One measure of a level (seed 002 §九): a checklist task for a working group. */
export interface LevelMeasure extends Wording {
  /** `LVL-IV-01` … `LVL-I-07`, the REQUIREMENTS ids. */
  id: string;
  /** The district working group that carries it out (the group whose duties name it). */
  group: DistrictGroupKey;
  /** Groups whose duties name a part of it; they get the task to support. */
  supporting: DistrictGroupKey[];
  /** Parts the text enumerates, each checked on its own (e.g. the road checkpoints of LVL-III-07). */
  steps: Wording[];
  basis: Clause;
}

export interface ResponseLevelRule extends Wording {
  level: ResponseLevel;
  outbreakType: OutbreakType;
  /** Item 1 of the level: its epidemiological trigger. */
  trigger: Clause;
  /** Item 2: "other situations" the district expert group decides and these bodies confirm, in order. */
  otherSituations: { chain: ExpertBody[]; basis: Clause };
  /** The level's own measures; the checklist of a level adds every lower level's (`cumulative`). */
  measures: LevelMeasure[];
  /** "在做好X级响应工作的基础上": why the lower level's measures stay (absent at the lowest level). */
  cumulative?: Clause;
}

export interface AssessmentFactorItem extends Wording {
  key: string;
}

export interface AssessmentFactorGroupRule extends Wording {
  group: AssessmentFactorGroup;
  items: AssessmentFactorItem[];
  basis: Clause;
}

/** Who proposes, approves and files a change, and which experts confirm a change not resting on item 2. */
export interface ResponseProcedure {
  proposer: Wording & { basis: Clause };
  approver: Wording & { basis: Clause };
  filedWith: Wording & { basis: Clause };
  /** A change on the level's trigger (item 1): the district experts' analysis (组织专家进行分析论证). */
  triggerChain: { chain: ExpertBody[]; basis: Clause };
  /** Termination: the district experts evaluate before the bureau proposes it (经专家评估). */
  terminationChain: { chain: ExpertBody[]; basis: Clause };
  /**
   * The deadline each measure's task gets when a level brings it (LVL-018): hours from the approval. The
   * seed gives no time limit beyond "立即" and "及时"; the number is configured.
   */
  measureTaskHours: { hours: number; basis: Clause };
  /**
   * LVL-011: once a response runs, the experts re-assess the trend and the effect of the measures "in good time"
   * (适时) and the level is adjusted on that basis. The seed sets no interval: `everyDays` is configured. Absent in
   * an edition written before it, which then asks for no re-assessment.
   */
  reassessment?: { everyDays: number; dueSoonDays: number; records: AssessmentRecord[]; basis: Clause };
}

/** When a response may end (LVL-015): no new local case within n maximum incubation periods of the last one's isolation. */
export interface TerminationRule {
  maxIncubationDays: number;
  incubationPeriods: number;
  /** The classifications that count as "case" for the window (本土确诊病例). */
  counts: InfectionClassification[];
  window: Clause;
  maxIncubation: Clause;
  /** Condition 2: the import risk has fallen (an assessment a person records). */
  importRiskReduced: Clause;
  /** After termination: normalized measures, monitoring and preparedness (LVL-017). */
  afterwards: Clause;
}

/**
 * The facts that suggest a level (never applied by themselves). The seeds describe the situations in
 * words (散发, 聚集, 持续的社区传播, 严重的社区暴发流行); the counts that read them are configured.
 */
export interface SuggestionRule {
  /** Cases reported within this many days up to today are "in the area" now. */
  windowDays: { days: number; basis: Clause };
  /** The classifications counted as cases. */
  counts: { classifications: InfectionClassification[]; basis: Clause };
  /** Community transmission: at least this many local cases whose source is unknown … */
  unknownSourceCases: { cases: number; basis: Clause };
  /** … or a chain of local cases reaching this many generations. */
  generations: { generations: number; basis: Clause };
  /** A severe community outbreak: community transmission in at least this many towns, with capacity seriously short. */
  townsAffected: { towns: number; basis: Clause };
  capacityInsufficient: Clause;
  /** Imported cases, or an import risk the command records, keep level IV in view without local cases. */
  importRisk: Clause;
}

export interface ResponseRules {
  /** Lowest first (IV, III, II, I). */
  levels: ResponseLevelRule[];
  procedure: ResponseProcedure;
  assessment: {
    factors: AssessmentFactorGroupRule[];
    /** The written records each kind of change needs besides the factors. */
    records: Record<ChangeDirection, { records: AssessmentRecord[]; basis: Clause }>;
  };
  termination: TerminationRule;
  suggestion: SuggestionRule;
}
