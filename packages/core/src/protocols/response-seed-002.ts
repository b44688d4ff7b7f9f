import { clause } from './clause.ts';
import type { Clause } from './protocol-types.ts';
import { LEVEL_I_MEASURES, LEVEL_II_MEASURES, LEVEL_III_MEASURES, LEVEL_IV_MEASURES } from './response-measures-seed-002.ts';
import type { AssessmentFactorGroupRule, ResponseLevelRule, ResponseRules } from './response-rule-types.ts';

/**
 * The graded emergency response of the district emergency plan (seed 002, 武肺炎防控指〔2020〕54号):
 * four levels with their triggers and expert confirmation chains (§四), the procedure to start, adjust
 * and end a response (§八) and the measures of each level (§九). REQUIREMENTS §2, LVL-001 … LVL-018.
 */
const S002 = 'seed 002';
const cumulative = (lower: string, where: string) =>
  clause(S002, where, `On top of the level ${lower} work (在做好${lower}级响应工作的基础上): its measures stay`);

const LEVELS: ResponseLevelRule[] = [
  {
    level: 'IV',
    zh: '四级应急响应',
    en: 'Level IV response',
    outbreakType: 'sporadic',
    trigger: clause(
      S002,
      '§四(一)1',
      'Sporadic cases in the area with some risk of further spread, or an ongoing import risk; daily life not yet seriously affected',
    ),
    otherSituations: {
      chain: ['district'],
      basis: clause(S002, '§四(一)2', 'Other situations the district prevention and treatment expert group decides'),
    },
    measures: LEVEL_IV_MEASURES,
  },
  {
    level: 'III',
    zh: '三级应急响应',
    en: 'Level III response',
    outbreakType: 'cluster',
    trigger: clause(
      S002,
      '§四(二)1',
      'A cluster in the area with a risk of sustained community transmission; daily life somewhat affected',
    ),
    otherSituations: {
      chain: ['district', 'city'],
      basis: clause(S002, '§四(二)2', 'Other situations the district expert group decides and the municipal expert group reviews'),
    },
    measures: LEVEL_III_MEASURES,
    cumulative: cumulative('IV', '§九(二)'),
  },
  {
    level: 'II',
    zh: '二级应急响应',
    en: 'Level II response',
    outbreakType: 'community_transmission',
    trigger: clause(S002, '§四(三)1', 'Sustained community transmission causing a local outbreak; city-level coordination needed'),
    otherSituations: {
      chain: ['district', 'city', 'province'],
      basis: clause(S002, '§四(三)2', 'Other situations the district expert group decides and the municipal and provincial groups review'),
    },
    measures: LEVEL_II_MEASURES,
    cumulative: cumulative('III', '§九(三)'),
  },
  {
    level: 'I',
    zh: '一级应急响应',
    en: 'Level I response',
    outbreakType: 'severe_outbreak',
    trigger: clause(
      S002,
      '§四(四)1',
      'A severe community outbreak seriously affecting daily life, with local prevention and treatment capacity seriously short and outside support needed',
    ),
    otherSituations: {
      chain: ['district', 'city', 'province', 'nation'],
      basis: clause(
        S002,
        '§四(四)2',
        'Other situations the district expert group decides and reports to the municipal, provincial and national groups for review',
      ),
    },
    measures: LEVEL_I_MEASURES,
    cumulative: cumulative('II', '§九(四)'),
  },
];

const ASSESSED = clause(S002, '§八', 'When the district health bureau assesses the level it weighs these factors together');
const FACTORS: AssessmentFactorGroupRule[] = [
  {
    group: 'epidemic',
    zh: '疫情因素',
    en: 'The epidemic',
    basis: ASSESSED,
    items: [
      { key: 'diseaseUnderstanding', zh: '对新冠肺炎疾病的最新认识', en: 'The latest understanding of the disease' },
      { key: 'scopeAndSeverity', zh: '疫情波及范围和严重程度', en: 'The scope and severity of the epidemic' },
      { key: 'threatFromAffectedAreas', zh: '受疫情严重地区威胁程度', en: 'The threat from seriously affected areas' },
    ],
  },
  {
    group: 'capacity',
    zh: '疫情防控能力',
    en: 'Prevention and control capacity',
    basis: ASSESSED,
    items: [
      { key: 'detectionAndReporting', zh: '病例发现、报告、诊断能力', en: 'Case detection, reporting and diagnosis' },
      { key: 'investigationAndContainment', zh: '疫情调查、处置、防扩散能力', en: 'Investigation, handling and containment' },
      { key: 'treatment', zh: '医疗救治能力', en: 'Medical treatment capacity' },
    ],
  },
  {
    group: 'social',
    zh: '社会综合因素',
    en: 'Social factors',
    basis: ASSESSED,
    items: [
      { key: 'publicAwareness', zh: '公众防病意识和自我防护能力', en: 'Public awareness and self-protection' },
      {
        key: 'sensitivities',
        zh: '不同时期、不同地区、不同人群的特殊性、敏感性',
        en: 'The special features and sensitivities of periods, areas and groups',
      },
      { key: 'impact', zh: '疫情所造成的影响', en: 'The impact of the epidemic' },
      { key: 'governance', zh: '社会综合治理能力', en: 'Social governance capacity' },
    ],
  },
];

/**
 * The response rules of seed 002 under an edition. The seeds give no maximum incubation period
 * (REQUIREMENTS LVL-015 [gap]); each edition passes its own, which sets the termination window
 * (two periods) and the window in which cases count as present.
 */
export const seed002Response = (maxIncubation: { days: number; basis: Clause }): ResponseRules => ({
  levels: LEVELS,
  procedure: {
    proposer: {
      zh: '区卫健局',
      en: 'District health bureau',
      basis: clause(
        S002,
        '§八',
        'The district health bureau organizes experts, analyses the situation and proposes to start, adjust or end a level',
      ),
    },
    approver: {
      zh: '区人民政府或疫情防控指挥部',
      en: 'District government or prevention headquarters',
      basis: clause(S002, '§八', 'The proposal is approved by the district government or the prevention headquarters'),
    },
    filedWith: {
      zh: '市卫健委',
      en: 'Municipal health commission',
      basis: clause(S002, '§八(一)', 'The approved decision is filed with the municipal health commission (备案)'),
    },
    triggerChain: {
      chain: ['district'],
      basis: clause(S002, '§八(一)', 'The bureau organizes experts to analyse and argue the proposal (组织专家进行分析论证)'),
    },
    terminationChain: {
      chain: ['district'],
      basis: clause(
        S002,
        '§八(三)1, §六(二)1',
        'The response ends after expert evaluation; the decision-consultation experts advise on termination',
      ),
    },
    measureTaskHours: {
      hours: 24,
      basis: clause(
        S002,
        '§九',
        'Each measure of the level in force is a task of its working group, due 24 hours after the approval (the seed sets no time limit; configured)',
        true,
      ),
    },
    reassessment: {
      everyDays: 7,
      dueSoonDays: 1,
      records: ['trendAnalysis', 'effectEvaluation'],
      basis: clause(
        S002,
        '§八(二)',
        'After a response starts, experts assess the trend of the epidemic and the effect of the measures in good time and the level is adjusted on that basis (the seed sets no interval: every 7 days is configured)',
        true,
      ),
    },
  },
  assessment: {
    factors: FACTORS,
    records: {
      activate: {
        records: ['trendAnalysis'],
        basis: clause(S002, '§八(一)', 'A response starts on the experts’ analysis of the situation and its trend'),
      },
      escalate: {
        records: ['trendAnalysis'],
        basis: clause(S002, '§八(二)1', 'Raising the level rests mainly on the trend of the epidemic'),
      },
      deescalate: {
        records: ['trendAnalysis', 'effectEvaluation'],
        basis: clause(
          S002,
          '§八(二)2',
          'Lowering the level rests on two inputs: the trend of the epidemic and an evaluation of the measures’ actual effect',
        ),
      },
      terminate: {
        records: ['trendAnalysis', 'measuresReview', 'transmissionRisk', 'effectEvaluation'],
        basis: clause(
          S002,
          '§八(三)2',
          'Before proposing termination the experts judge the trend, re-check the measures, judge the risk of continued transmission and import, and evaluate the effect',
        ),
      },
    },
  },
  termination: {
    maxIncubationDays: maxIncubation.days,
    incubationPeriods: 2,
    counts: ['confirmed'],
    window: clause(
      S002,
      '§八(三)1',
      'No new locally acquired confirmed case within two maximum incubation periods after the last case was isolated',
    ),
    maxIncubation: maxIncubation.basis,
    importRiskReduced: clause(S002, '§八(三)1', 'and the import risk has fallen and will not seriously affect daily life; both at once'),
    afterwards: clause(
      S002,
      '§八(三)3',
      'After termination: risk assessment, monitoring and early warning, preparedness, normalized measures',
    ),
  },
  suggestion: {
    windowDays: {
      days: maxIncubation.days,
      basis: clause(
        S002,
        '§四',
        `Cases reported within one maximum incubation period (${maxIncubation.days} days) count as present in the area (configured)`,
        true,
      ),
    },
    counts: {
      classifications: ['confirmed', 'asymptomatic'],
      basis: clause(
        S002,
        '§四',
        'Confirmed cases and asymptomatic infections are counted; suspected cases wait for their result (configured)',
        true,
      ),
    },
    unknownSourceCases: {
      cases: 2,
      basis: clause(
        S002,
        '§四(三)1',
        'Community transmission: 2 or more local cases without a known source of infection within the window (configured)',
        true,
      ),
    },
    generations: {
      generations: 3,
      basis: clause(S002, '§四(三)1', 'Community transmission: a local chain of 3 or more generations (configured)', true),
    },
    townsAffected: {
      towns: 3,
      basis: clause(
        S002,
        '§四(四)1',
        'A severe community outbreak: community transmission with local cases in 3 or more towns (streets) (configured)',
        true,
      ),
    },
    capacityInsufficient: clause(
      S002,
      '§四(四)1',
      'Level I also needs local prevention and treatment capacity to be seriously short (a judgement the command records)',
    ),
    importRisk: clause(S002, '§四(一)1', 'Without local cases, an ongoing import risk is a level IV situation'),
  },
});
