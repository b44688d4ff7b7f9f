import { clause } from './clause.ts';
import { SEED_EARLY_WARNING } from './early-warning-rules.ts';
import { INFORMATION_RULES } from './information-seed-001.ts';
import type {
  CaseRules,
  CategoryRule,
  EnvironmentRules,
  FeverClinicRules,
  MonitoringRule,
  PhaseRule,
  ProtocolEdition,
  RetentionRules,
  TestingRules,
  TracingRules,
} from './protocol-types.ts';
import { seed002Response } from './response-seed-002.ts';
import { SEED_RISK, SEED_ZONES } from './seed-2020-zones.ts';

/**
 * The rules of the seed documents (2020–21 local plans built on the national 2020 editions).
 * Day numbers: day 1 of a phase is its first calendar day; day 0 of the plan is the start.
 * Where the seeds give no test days (REQUIREMENTS.md SC-01, V2) the days are configured values.
 */
const S000 = 'seed 000';
const S001 = 'seed 001';

const dailyMonitoring = (checksPerDay: number): MonitoringRule => ({
  checksPerDay,
  measures: ['temperature', 'symptoms'],
  alertSymptoms: ['fever', 'dry_cough', 'shortness_of_breath', 'diarrhoea'],
  feverThresholdCelsius: 37.3,
  basis: clause(
    'seed 004',
    'Part B §二(二)6',
    'Community health staff follow the person up every day; fever, shortness of breath or dry cough are reported at once',
  ),
});

const symptomEscalations: CategoryRule['escalations'] = [
  {
    trigger: 'fever',
    action: 'alert_and_fever_clinic_transfer',
    basis: clause(S001, '§三(四)4', 'Fever or cough: the work team arranges pick-up to a fever clinic; no self-transport'),
  },
  {
    trigger: 'symptom',
    action: 'alert_and_fever_clinic_transfer',
    basis: clause('seed 004', 'Part B §二(二)6', 'Symptoms are reported immediately; screening and transfer are prepared'),
  },
  {
    trigger: 'positive_result',
    action: 'case_candidate',
    basis: clause(S000, '§三(三)3', 'A positive result enters the case pathway (2-hour report)'),
  },
  {
    trigger: 'overdue_test',
    action: 'alert',
    withinHours: 24,
    basis: clause(S000, '§三(二)10', 'Required tests are done within the quarantine period'),
  },
  {
    trigger: 'overdue_check',
    action: 'alert',
    withinHours: 24,
    basis: clause('seed 004', 'Part B §二(二)6', 'One follow-up record per calendar day'),
  },
];

const bothSignatures = clause(
  S001,
  '§三(四)3',
  'Release after 14 days without symptoms, co-signed by the assigned cadre (包保干部) and the assigned medic (包保医务人员)',
);

const closeContact: CategoryRule = {
  category: 'close_contact',
  countsFrom: 'last_exposure',
  phases: [
    {
      type: 'centralized_quarantine',
      days: 14,
      basis: clause(S000, '§三(二)10', 'Close contacts: in principle 14 days of centralized isolation observation'),
    },
    { type: 'home_health_monitoring', days: 7, basis: clause(S000, '§三(二)10', 'followed by 7 days of home health management') },
  ],
  tests: [
    { phase: 0, day: 1, kind: 'nucleic_acid', basis: clause(S001, '§三(四)1', 'An initial nucleic acid screen on entry') },
    {
      phase: 0,
      day: 7,
      kind: 'nucleic_acid',
      basis: clause(S000, '§三(二)10', 'At least 3 nucleic acid tests during quarantine (days configured)', true),
    },
    {
      phase: 0,
      day: 13,
      kind: 'nucleic_acid',
      basis: clause(S000, '§三(二)10', 'At least 3 nucleic acid tests during quarantine (days configured)', true),
    },
    { phase: 0, day: 13, kind: 'antibody', basis: clause(S000, '§三(二)10', 'and 1 serum antibody test (day configured)', true) },
  ],
  monitoring: dailyMonitoring(2),
  release: {
    releasePhase: 0,
    minimumTests: { nucleic_acid: 3, antibody: 1 },
    allTestsNegative: true,
    noSymptoms: true,
    signatures: ['assigned_cadre', 'assigned_medic'],
    basis: bothSignatures,
  },
  followUps: [],
  escalations: symptomEscalations,
};

const inboundTraveller: CategoryRule = {
  category: 'inbound_traveller',
  countsFrom: 'arrival',
  phases: [
    {
      type: 'centralized_quarantine',
      days: 14,
      basis: clause(S000, '§三(三)1', 'Inbound arrivals: point-to-point transfer to 14 days of centralized isolation observation'),
    },
  ],
  tests: [
    {
      phase: 0,
      day: 1,
      kind: 'nucleic_acid',
      basis: clause(S000, '§三(三)1', 'On arrival at the centralized service point: 2 nucleic acid tests 24 h apart'),
    },
    { phase: 0, day: 1, kind: 'antibody', basis: clause(S000, '§三(三)1', 'and 1 serum antibody test') },
    {
      phase: 0,
      day: 2,
      kind: 'nucleic_acid',
      basis: clause(S000, '§三(三)1', 'the second nucleic acid test at least 24 h after the first'),
    },
  ],
  monitoring: dailyMonitoring(2),
  release: {
    releasePhase: 0,
    minimumTests: { nucleic_acid: 2, antibody: 1 },
    minHoursBetweenTests: { nucleic_acid: 24 },
    allTestsNegative: true,
    noSymptoms: true,
    signatures: ['assigned_cadre', 'assigned_medic'],
    basis: clause(S000, '§三(三)1', 'Quarantine complete, arrived at the destination and all tests negative: the health code turns green'),
  },
  followUps: [],
  escalations: symptomEscalations,
};

const dischargeFollowUps: CategoryRule['followUps'] = [
  {
    after: { days: 14 },
    kind: 'visit_with_nucleic_acid',
    basis: clause(S000, '§三(三)3', 'Follow-up visit with nucleic acid test 14 days after discharge'),
  },
  {
    after: { days: 28 },
    kind: 'visit_with_nucleic_acid',
    basis: clause(S000, '§三(三)3', 'Follow-up visit with nucleic acid test 28 days after discharge'),
  },
  {
    after: { months: 3 },
    kind: 'visit_with_nucleic_acid',
    basis: clause(S000, '§三(三)3', 'Follow-up visit with nucleic acid test 3 months after discharge'),
  },
  {
    after: { months: 6 },
    kind: 'visit_with_nucleic_acid',
    basis: clause(S000, '§三(三)3', 'Follow-up visit with nucleic acid test 6 months after discharge'),
  },
];

const dischargedPatient: CategoryRule = {
  category: 'discharged_patient',
  countsFrom: 'discharge',
  phases: [
    {
      type: 'centralized_quarantine',
      days: 14,
      basis: clause(S000, '§三(三)3', '14 days of centralized isolation medical observation after discharge'),
    },
  ],
  tests: [
    {
      phase: 0,
      day: 14,
      kind: 'nucleic_acid',
      basis: clause(S000, '§三(三)3', 'Nucleic acid test before the observation ends (day configured)', true),
    },
  ],
  monitoring: dailyMonitoring(2),
  release: {
    releasePhase: 0,
    minimumTests: { nucleic_acid: 1 },
    allTestsNegative: true,
    noSymptoms: true,
    signatures: ['assigned_cadre', 'assigned_medic'],
    basis: clause(
      S000,
      '§三(三)3',
      'Observation ends after 14 days; the four guarantees (someone collects, manages, rehabilitates, visits)',
    ),
  },
  followUps: dischargeFollowUps,
  escalations: symptomEscalations,
};

const hospitalCare = (
  category: CategoryRule['category'],
  countsFrom: CategoryRule['countsFrom'],
  says: string,
  where: string,
): CategoryRule => ({
  category,
  countsFrom,
  phases: [{ type: 'hospital_care', days: null, basis: clause(S000, where, says) }],
  tests: [
    {
      phase: 0,
      day: 1,
      kind: 'nucleic_acid',
      basis: clause('seed 003', 'item 7', 'Fever clinic four-item screen: nucleic acid, antibody, CT, blood count'),
    },
    {
      phase: 0,
      day: 1,
      kind: 'antibody',
      basis: clause('seed 003', 'item 7', 'Fever clinic four-item screen: nucleic acid, antibody, CT, blood count'),
    },
  ],
  monitoring: dailyMonitoring(2),
  release: null,
  followUps: [],
  escalations: symptomEscalations.filter((e) => e.trigger !== 'fever' && e.trigger !== 'symptom'),
});

const homeObservation = (category: CategoryRule['category'], countsFrom: CategoryRule['countsFrom'], phase: PhaseRule): CategoryRule => ({
  category,
  countsFrom,
  phases: [phase],
  tests: [
    {
      phase: 0,
      day: 1,
      kind: 'nucleic_acid',
      basis: clause(S000, '§三(三)2', 'Arrivals from medium/high-risk areas: nucleic acid and serum antibody tests'),
    },
    {
      phase: 0,
      day: 1,
      kind: 'antibody',
      basis: clause(S000, '§三(三)2', 'Arrivals from medium/high-risk areas: nucleic acid and serum antibody tests'),
    },
  ],
  monitoring: dailyMonitoring(1),
  release: {
    releasePhase: 0,
    minimumTests: { nucleic_acid: 1 },
    allTestsNegative: true,
    noSymptoms: true,
    signatures: ['assigned_cadre', 'assigned_medic'],
    basis: clause(S001, '§三(四)3', 'Release after the observation period without symptoms, co-signed by cadre and medic'),
  },
  followUps: [],
  escalations: symptomEscalations,
});

/**
 * Testing (TEST-001…016). The seeds name the 12 mandatory groups and who pays, but give no pool
 * sizes, cycles, turnaround hours or validity windows: those are configured values (marked so),
 * taken from the national guidance of the period where one existed.
 */
const S000_TEST = '§三(三)5';
const twelveGroups = (says: string) => clause(S000, S000_TEST, `Mandatory testing (应检尽检) of ${says}`);
const cycleConfigured = (days: number) =>
  clause(S000, S000_TEST, `The seeds give no testing cycle; every ${days} days is configured`, true);
const onEntry = (where: string, says: string) => clause(S000, where, says);

/**
 * Environment and goods sampling (TEST-014, MKT-001, CASE-012). The seeds ask for regular sampling
 * of goods on sale and of the environment of markets and of medical institutions with fever clinics,
 * but give no cycle: the 7 days are configured. What a positive sets off is the seeds' own text.
 */
const S000_GOODS = '§三(二)5';
const regularly = (where: string) =>
  clause(S000, S000_GOODS, `Goods on sale and the environment of ${where} are sampled regularly (定期); every 7 days is configured`, true);

const seedEnvironment: EnvironmentRules = {
  plans: [
    { placeKind: 'market', everyDays: 7, basis: regularly('farmers’ markets, seafood shops and night-economy stalls') },
    {
      placeKind: 'fever_clinic',
      everyDays: 7,
      basis: clause(
        'seed 002',
        '§七(三)',
        'Environmental monitoring of medical institutions that run fever clinics (and of animal, wildlife and farmers’ markets); every 7 days is configured',
        true,
      ),
    },
  ],
  followUp: {
    alert: clause(
      'seed 002',
      '§七(三)',
      'The district CDC monitors the environment of markets and fever clinics; a positive is reported to the community and the district (market supervision leads, seed 000 §三(二)5)',
    ),
    disinfect: clause(S000, S000_GOODS, 'Goods and environments that test positive are disinfected at once (及时…采取消杀等应急处置)'),
    screenWorkers: clause(S000, S000_GOODS, 'People who may have been infected get a nucleic acid test and health screening'),
    traceBatch: clause(
      'seed 004',
      'Part A §三(五)',
      'Imported cold-chain food is controlled through receipts and purchase-and-sales ledgers: the batch is traced to every place holding it',
    ),
    resample: clause(S000, S000_GOODS, 'An indeterminate sample is taken again (configured)', true),
    riskCleared: clause(S000, S000_GOODS, 'The place stays at risk until a later sample of it is negative (configured)', true),
  },
};

/**
 * The fever-clinic screen (REQUIREMENTS TEST-009, KP-K03, MED-003): every fever patient gets four rapid
 * tests and leaves with one of three outcomes (seed 003 item 7). The seeds do not say which results
 * forbid which outcome; the consistency rules follow the national diagnosis and treatment protocol of
 * the period (新型冠状病毒肺炎诊疗方案 试行第七版, 2020) as far as we read it, and are marked configured.
 */
const S003_FEVER = (says: string) => clause('seed 003', 'item 7', says);
const DIAGNOSIS = 'national guidance 新型冠状病毒肺炎诊疗方案（试行第七版）';
const seedFeverClinic: FeverClinicRules = {
  items: [
    { item: 'nucleic_acid', basis: S003_FEVER('Every fever patient entering a fever clinic gets a nucleic acid test (核酸)') },
    { item: 'antibody', basis: S003_FEVER('Every fever patient entering a fever clinic gets an antibody test (抗体)') },
    { item: 'ct', basis: S003_FEVER('Every fever patient entering a fever clinic gets a CT scan (CT)') },
    { item: 'blood_count', basis: S003_FEVER('Every fever patient entering a fever clinic gets a blood count (血象)') },
  ],
  dispositions: [
    { disposition: 'symptomatic_treatment', category: null, basis: S003_FEVER('Ordinary patients receive symptomatic treatment') },
    { disposition: 'isolation_observation', category: 'suspected', basis: S003_FEVER('Suspected patients are isolated for observation') },
    { disposition: 'transfer', category: 'confirmed', basis: S003_FEVER('Confirmed patients are transferred promptly') },
  ],
  consistency: {
    nucleicAcidNotNegative: clause(
      S000,
      '§三(三)3',
      'A positive nucleic acid result is managed at once, so it never ends in symptomatic treatment; an indeterminate one is observed in isolation until retested (configured)',
      true,
    ),
    antibodyPositive: clause(
      DIAGNOSIS,
      '疑似病例',
      'A positive antibody test with fever: observed in isolation as suspected (configured)',
      true,
    ),
    clinicalFeatures: clause(
      DIAGNOSIS,
      '疑似病例',
      'Fever with CT features of pneumonia and an abnormal blood count (three clinical features) is a suspected case (configured)',
      true,
    ),
    confirmedNeedsNucleicAcid: clause(
      DIAGNOSIS,
      '确诊病例',
      'A case is confirmed on aetiological evidence: transfer as confirmed needs a positive nucleic acid test (configured)',
      true,
    ),
  },
};

const seedTesting: TestingRules = {
  pooling: [
    {
      zoneType: 'sealed_zone',
      sizes: [1],
      household: true,
      basis: clause(
        'national guidance 全员新型冠状病毒核酸检测组织实施指南（第二版）',
        '采样方式',
        'Sealed compounds (closed to the household): one tube per household, or single tubes',
        true,
      ),
    },
    {
      zoneType: 'controlled_zone',
      sizes: [10, 5, 1],
      household: false,
      basis: clause('national guidance 新冠病毒核酸10合1混采检测技术规范 (2020)', '—', 'Pooled 10:1 at most in controlled zones', true),
    },
    {
      zoneType: 'precaution_zone',
      sizes: [10, 5, 1],
      household: false,
      basis: clause('national guidance 全员新型冠状病毒核酸检测组织实施指南（第二版）', '采样方式', 'Other areas pooled 5:1 or 10:1', true),
    },
    {
      zoneType: 'general',
      sizes: [10, 5, 1],
      household: false,
      basis: clause('national guidance 全员新型冠状病毒核酸检测组织实施指南（第二版）', '采样方式', 'Other areas pooled 5:1 or 10:1', true),
    },
  ],
  groups: [
    {
      group: 'close_contact',
      keyPersonCategories: ['close_contact'],
      cycle: { onceWithinDays: 1 },
      basis: onEntry('§三(二)10', 'Close contacts are tested on entry to quarantine'),
    },
    {
      group: 'inbound_traveller',
      keyPersonCategories: ['inbound_traveller'],
      cycle: { onceWithinDays: 1 },
      basis: onEntry('§三(三)1', 'Inbound arrivals are tested on arrival'),
    },
    {
      group: 'fever_clinic_patient',
      cycle: { onceWithinDays: 1 },
      basis: clause('seed 003', 'item 7', 'Every fever-clinic patient gets the four-item screen including nucleic acid'),
    },
    {
      group: 'new_inpatient_or_carer',
      cycle: { onceWithinDays: 1 },
      basis: twelveGroups('new inpatients and carers (on admission, configured)'),
    },
    { group: 'medical_staff', cycle: { everyDays: 7 }, basis: cycleConfigured(7) },
    { group: 'port_border_staff', cycle: { everyDays: 7 }, basis: cycleConfigured(7) },
    { group: 'prison_staff', cycle: { everyDays: 7 }, basis: cycleConfigured(7) },
    { group: 'welfare_institution_staff', cycle: { everyDays: 7 }, basis: cycleConfigured(7) },
    {
      group: 'key_area_arrival',
      keyPersonCategories: ['risk_area_arrival'],
      cycle: { onceWithinDays: 1 },
      basis: onEntry('§三(三)2', 'Arrivals from key areas are tested on arrival'),
    },
    {
      group: 'school_member_at_risk',
      cycle: { onceWithinDays: 1 },
      basis: twelveGroups('school members with key-area history before returning to school (once, configured)'),
    },
    { group: 'service_staff_with_history', cycle: { everyDays: 7 }, basis: cycleConfigured(7) },
    { group: 'assessed_risk_group', cycle: { everyDays: 7 }, basis: cycleConfigured(7) },
  ],
  turnaround: [
    {
      setting: 'fever_clinic',
      hours: 6,
      basis: clause(S000, '§三(二)3', 'The seeds only ask to shorten testing time (TEST-016); 6 h for fever clinics is configured', true),
    },
    {
      setting: 'campaign',
      hours: 24,
      basis: clause('seed 003', 'item 31', 'The seeds only ask to shorten testing time (TEST-016); 24 h is configured', true),
    },
    {
      setting: 'routine',
      hours: 24,
      basis: clause('seed 003', 'item 31', 'The seeds only ask to shorten testing time (TEST-016); 24 h is configured', true),
    },
    {
      setting: 'environment',
      hours: 24,
      basis: clause(S000, '§三(二)5', 'Environment and goods samples: the seeds give no turnaround; 24 h is configured', true),
    },
  ],
  negativeValidityHours: {
    hours: [24, 48, 72],
    basis: clause(S000, '§三(三)1', 'The seeds count tests 24 h apart; 48 h and 72 h validity windows are configured', true),
  },
  payer: {
    mandatory: 'government',
    voluntary: ['individual', 'employer'],
    campaign: 'government',
    basis: clause(
      S000,
      S000_TEST,
      'Mandatory testing is paid by the local government; voluntary testing by the enterprise, institution or individual',
    ),
  },
  followUp: {
    positivePool: clause(
      'national guidance 新冠病毒核酸10合1混采检测技术规范 (2020)',
      '—',
      'A positive or indeterminate pool: every member is kept in place (stays home) and retested in a single tube',
      true,
    ),
    positiveSingle: clause(S000, '§三(三)3', 'A positive result enters the case pathway (2-hour report) and the person is managed at once'),
    retestNegative: clause(
      'national guidance 新冠病毒核酸10合1混采检测技术规范 (2020)',
      '—',
      'A member whose single-tube retest is negative is released from the control of the pool',
      true,
    ),
  },
  environment: seedEnvironment,
  feverClinic: seedFeverClinic,
  schoolReturn: {
    historyDays: 14,
    familyCounts: true,
    outbreakDays: 21,
    basis: twelveGroups(
      'school members who, or whose family, stayed in a key area in the 14 days before returning, and members from a community with an outbreak in the past 21 days',
    ),
  },
};

/**
 * Cases (§6 CASE-001, CASE-002; §4.3 KP-C01). The seeds give the 2-hour report for asymptomatic
 * infections and the 24-hour investigation and sealing; they leave the case definition to the national
 * and provincial plans (seed 004 Part A §三(三)2), so the definition below is the national diagnosis
 * and treatment plan of the time (试行第八版, 2020), marked configured.
 */
const DX8 = 'national diagnosis and treatment plan 8th edition (2020)';
const dx8 = (where: string, says: string) => clause(DX8, where, says, true);
const seedCases: CaseRules = {
  report: [
    {
      classification: 'asymptomatic',
      deadline: {
        hours: 2,
        dueSoonMinutes: 30,
        basis: clause(
          S000,
          '§三(三)3',
          'Every asymptomatic infection is reported through the online direct-reporting system within 2 hours of discovery',
        ),
      },
    },
    {
      classification: 'confirmed',
      deadline: {
        hours: 2,
        dueSoonMinutes: 30,
        basis: clause(
          S000,
          '§三(三)3',
          'The seeds give 2 hours for asymptomatic infections only; national rules ask the same of confirmed cases (configured)',
          true,
        ),
      },
    },
    {
      classification: 'suspected',
      deadline: {
        hours: 2,
        dueSoonMinutes: 30,
        basis: clause(
          S000,
          '§三(三)3',
          'The seeds give 2 hours for asymptomatic infections only; national rules ask the same of suspected cases (configured)',
          true,
        ),
      },
    },
  ],
  investigation: {
    hours: 24,
    dueSoonMinutes: 240,
    basis: clause(
      'seed 003',
      'item 17',
      'The CDC and the police finish the epidemiological investigation within 24 hours of finding the case',
    ),
  },
  sealing: {
    hours: 24,
    dueSoonMinutes: 240,
    basis: clause(
      'seed 003',
      'item 17',
      'The CDC and the police finish the sealing of the outbreak spot within 24 hours of finding the case',
    ),
  },
  dueSoon: clause(
    'configured',
    '—',
    'The seeds give no warning time: 30 minutes before a 2-hour report and 4 hours before a 24-hour deadline are configured',
    true,
  ),
  exposureLookbackDays: {
    days: 14,
    basis: clause(
      'seed 003',
      'item 15',
      'Travel and stay within the 14 days before (the seeds and the national plan count 14 days of exposure history)',
    ),
  },
  definition: {
    links: [
      { link: 'case_area_stay', basis: dx8('四(一)1', 'Travel or stay in a community with reported cases within 14 days before onset') },
      {
        link: 'infected_contact',
        basis: dx8('四(一)1', 'Contact with an infected person (nucleic acid positive) within 14 days before onset'),
      },
      {
        link: 'case_area_symptomatic_contact',
        basis: dx8(
          '四(一)1',
          'Contact with fever or respiratory patients from a community with reported cases within 14 days before onset',
        ),
      },
      { link: 'cluster', basis: dx8('四(一)1', 'Clustered onset: 2 or more fever or respiratory cases in a small setting within 14 days') },
    ],
    features: [
      { feature: 'fever_or_respiratory', basis: dx8('四(一)2', 'Fever and/or respiratory symptoms') },
      { feature: 'imaging', basis: dx8('四(一)2', 'The imaging features of COVID-19 pneumonia') },
      { feature: 'blood_count', basis: dx8('四(一)2', 'Early in the illness: white cells normal or low, lymphocytes normal or low') },
    ],
    evidence: [
      { evidence: 'nucleic_acid_positive', basis: dx8('四(二)1', 'Real-time RT-PCR: nucleic acid positive') },
      { evidence: 'antibody_igm_igg_positive', basis: dx8('四(二)3', 'Specific IgM and IgG antibodies both positive') },
    ],
    suspected: {
      withLink: 1,
      withoutLink: 3,
      basis: dx8(
        '四(一)',
        'Any 1 epidemiological item with any 1 clinical feature; without epidemiological history, all 3 clinical features',
      ),
    },
    confirmed: dx8('四(二)', 'A suspected case with laboratory (pathogen or serology) evidence is confirmed'),
    asymptomatic: clause(
      'seed 003',
      'item 21',
      'A nucleic acid positive person without clinical signs is an asymptomatic infection; converted and corrected when signs appear',
    ),
    excluded: {
      negativeTests: 2,
      hoursApart: 24,
      basis: dx8('六', 'Two consecutive negative nucleic acid tests sampled at least 24 hours apart exclude a suspected case'),
    },
  },
};

/**
 * Contact tracing (REQUIREMENTS CASE-001/003/009, KP-D05). The seeds ask to find every close contact
 * (seed 000 §三(二)10, seed 004 Part B §二(二)6) but define neither the contact nor the window; those
 * come from the national protocol of the period (新型冠状病毒肺炎防控方案 第七版, September 2020), as far
 * as we read it, and are marked configured where not checked against the text. The 6th edition (in force
 * until September 2020) counted a cluster from 2 cases with an epidemiological link; the 7th raised it to 5
 * cases in one small area.
 */
const P7 = 'national protocol 7th edition 新型冠状病毒肺炎防控方案（第七版）';
const seedTracing: TracingRules = {
  infectiousWindow: {
    daysBeforeOnset: 2,
    daysBeforeSampling: 2,
    basis: clause(
      P7,
      '密切接触者判定',
      'Close contacts are counted from 2 days before the onset of symptoms, or 2 days before sampling for an asymptomatic infection (configured)',
      true,
    ),
  },
  coLocationToleranceMinutes: {
    minutes: 30,
    basis: clause(
      S000,
      '§三(二)10',
      'Police and health widen the investigation to find every close contact (彻底追踪); scans within 30 minutes of the case’s visit are proposed (configured)',
      true,
    ),
  },
  incubationDays: {
    days: 14,
    basis: clause(
      P7,
      '二',
      'The incubation period is 1–14 days, mostly 3–7: a contact who becomes a case within 14 days of exposure is linked',
    ),
  },
  cluster: {
    minCases: 5,
    windowDays: 14,
    grouping: 'same_area',
    basis: clause(
      P7,
      '疫情监测',
      '聚集性疫情: 5 or more cases within 14 days in one school, residential compound, factory, village or medical institution (configured)',
      true,
    ),
  },
  defaultCategory: {
    household: 'close_contact',
    workplace: 'close_contact',
    school: 'close_contact',
    co_location: 'close_contact',
    event: 'close_contact',
    manual: 'close_contact',
  },
  definitions: {
    closeContact: clause(
      S000,
      '§三(二)10',
      'Close contacts are judged by standard epidemiological investigation and all put under centralized isolation observation',
    ),
    secondaryContact: clause(
      'configured',
      '—',
      'The seeds do not define secondary contacts (密接的密接); the investigator names them',
      true,
    ),
  },
};

/**
 * Retention: the seeds say nothing about how long personal data is kept, so both periods are configured.
 * Scans: 28 days, the common health-code practice of the time (two 14-day incubation periods, longer than
 * the investigation look-back). Closed episodes: 180 days after the last one closes, the longest any seed
 * asks to keep looking after a person (discharged patients are followed up until 6 months, seed 000 §三(三)3).
 */
const seedRetention: RetentionRules = {
  scans: {
    days: 28,
    basis: clause(
      S000,
      '§四(三)',
      'Place-code and checkpoint scans are kept 28 days (two incubation periods), then deleted; the seeds are silent (configured)',
      true,
    ),
  },
  closedEpisodes: {
    days: 180,
    basis: clause(
      S000,
      '§三(三)3',
      'Discharged patients are followed up until 6 months: a person is anonymised 180 days after their last episode or case closed; the seeds are silent (configured)',
      true,
    ),
  },
  minimisation: clause(
    'GB/T 35273-2020 个人信息安全规范',
    '6.1',
    'Personal data is kept for the shortest time its purpose needs, then deleted or anonymised',
  ),
};

export const SEED_2020: ProtocolEdition = {
  id: 'seed-2020',
  name: '种子文件规则（2020—2021 地方方案，依据国家 2020 年版防控方案）',
  legalBasis: [
    { title: '新冠肺炎疫情常态化防控工作方案', issuer: '区新冠肺炎疫情防控指挥部 (seed 000)', issued: '2020-11-25' },
    { title: '乡镇疫情防控方案', issuer: '镇疫情防控指挥部 (seed 001)', issued: '2020-02-01' },
    {
      title: '常州市武进区新冠肺炎疫情防控应急预案（试行）',
      issuer: '武进区新型冠状病毒感染的肺炎疫情防控应急指挥部',
      documentNumber: '武肺炎防控指〔2020〕54号',
      issued: '2020-09-28',
    },
    {
      title: '关于进一步做好新冠肺炎疫情常态化科学精准防控工作的实施意见',
      issuer: '湖北省委办公厅、省政府办公厅 (seed 003)',
      issued: '2020-06-01',
    },
    { title: '2021街道疫情防控总体工作方案', issuer: '街道疫情防控领导小组 (seed 004)', issued: '2021-01-01' },
  ],
  effectiveFrom: '2020-01-20',
  effectiveTo: '2022-06-27',
  categories: {
    close_contact: closeContact,
    secondary_contact: homeObservation('secondary_contact', 'last_exposure', {
      type: 'home_quarantine',
      days: 7,
      basis: clause('configured', '—', 'The seeds do not define secondary contacts; 7 days of home quarantine configured', true),
    }),
    inbound_traveller: inboundTraveller,
    risk_area_arrival: homeObservation('risk_area_arrival', 'arrival', {
      type: 'home_quarantine',
      days: 14,
      basis: clause(
        S001,
        '§三(四)2',
        'Travel or stay in a severely affected area in the last 14 days: 14 days of home isolation medical observation',
      ),
    }),
    returning_outsider: homeObservation('returning_outsider', 'arrival', {
      type: 'home_quarantine',
      days: 14,
      basis: clause(
        S001,
        '§三(二)2',
        'Outsiders and returning locals: health registration form and home medical observation (14 days configured)',
        true,
      ),
    }),
    discharged_patient: dischargedPatient,
    confirmed: hospitalCare('confirmed', 'discovery', 'Confirmed cases: designated hospital, four concentrations', '§三(一)3'),
    suspected: hospitalCare(
      'suspected',
      'discovery',
      'Suspected cases: isolation observation room with its own bathroom at the fever clinic',
      '§三(二)4',
    ),
    asymptomatic: {
      ...hospitalCare(
        'asymptomatic',
        'discovery',
        'Asymptomatic infections: isolated observation and treatment at a designated medical institution',
        '§三(三)3',
      ),
      escalations: [
        ...symptomEscalations.filter((e) => e.trigger === 'overdue_test'),
        {
          trigger: 'symptom',
          action: 'alert_and_fever_clinic_transfer',
          basis: clause(
            'seed 003',
            'item 21',
            'Clinical signs during observation: transfer at once; correct the report after confirmation',
          ),
        },
      ],
    },
    fever_patient: hospitalCare(
      'fever_patient',
      'discovery',
      'Fever patients: collected from home to a fever clinic; no self-transport',
      '§三(二)4',
    ),
  },
  testing: seedTesting,
  cases: seedCases,
  tracing: seedTracing,
  // The maximum incubation period the termination window counts (LVL-015) is the one tracing links contacts by.
  response: seed002Response(seedTracing.incubationDays),
  retention: seedRetention,
  // Risk areas and control zones (REQUIREMENTS §3).
  risk: SEED_RISK,
  zones: SEED_ZONES,
  information: INFORMATION_RULES,
  earlyWarning: SEED_EARLY_WARNING,
};
