import { clause } from './clause.ts';
import { NINTH_RISK, NINTH_ZONES } from './cn-2022-9th-zones.ts';
import { SEED_EARLY_WARNING } from './early-warning-rules.ts';
import { INFORMATION_RULES } from './information-seed-001.ts';
import type {
  CaseRules,
  CategoryRule,
  EnvironmentRules,
  FeverClinicRules,
  MonitoringRule,
  ProtocolEdition,
  ReleaseRule,
  RetentionRules,
  TestingRules,
  TestRule,
  TracingRules,
} from './protocol-types.ts';
import { seed002Response } from './response-seed-002.ts';

/** 《新型冠状病毒肺炎防控方案（第九版）》 (June 2022): "7+3" for close contacts and inbound travellers. */
const P9 = 'national protocol 9th edition';

const monitoring: MonitoringRule = {
  checksPerDay: 2,
  measures: ['temperature', 'symptoms'],
  alertSymptoms: ['fever', 'dry_cough', 'sore_throat', 'shortness_of_breath', 'loss_of_smell_or_taste', 'diarrhoea'],
  feverThresholdCelsius: 37.3,
  basis: clause(P9, '附件 密切接触者管理', 'Temperature and symptoms checked morning and evening during quarantine and monitoring'),
};

const escalations: CategoryRule['escalations'] = [
  {
    trigger: 'fever',
    action: 'alert_and_fever_clinic_transfer',
    basis: clause(P9, '四(三)', 'Symptoms during quarantine or monitoring: report and transfer to a fever clinic by closed-loop transport'),
  },
  {
    trigger: 'symptom',
    action: 'alert_and_fever_clinic_transfer',
    basis: clause(P9, '四(三)', 'Symptoms during quarantine or monitoring: report and transfer to a fever clinic by closed-loop transport'),
  },
  {
    trigger: 'positive_result',
    action: 'case_candidate',
    basis: clause(P9, '三(一)', 'A positive nucleic acid result is reported within 2 hours and the person transferred'),
  },
  { trigger: 'overdue_test', action: 'alert', withinHours: 24, basis: clause(P9, '四(三)', 'Nucleic acid tests on the scheduled days') },
  { trigger: 'overdue_check', action: 'alert', withinHours: 12, basis: clause(P9, '附件 密切接触者管理', 'Morning and evening checks') },
];

const nucleicAcidDays = (phase: number, days: number[], says: string): TestRule[] =>
  days.map((day) => ({ phase, day, kind: 'nucleic_acid', basis: clause(P9, '四(三)', says) }));

const release = (minimum: number, says: string): ReleaseRule => ({
  releasePhase: 0,
  minimumTests: { nucleic_acid: minimum },
  allTestsNegative: true,
  noSymptoms: true,
  signatures: ['assigned_cadre', 'assigned_medic'],
  basis: clause(P9, '四(三)', `${says}; co-signature by the assigned cadre and medic is local practice carried over`, true),
});

const sevenPlusThree = (category: CategoryRule['category'], countsFrom: CategoryRule['countsFrom'], who: string): CategoryRule => ({
  category,
  countsFrom,
  phases: [
    { type: 'centralized_quarantine', days: 7, basis: clause(P9, '四(三)', `${who}: 7 days of centralized isolation medical observation`) },
    { type: 'home_health_monitoring', days: 3, basis: clause(P9, '四(三)', 'then 3 days of home health monitoring') },
  ],
  tests: [
    ...nucleicAcidDays(0, [1, 2, 3, 5, 7], 'Nucleic acid tests on days 1, 2, 3, 5 and 7 of centralized quarantine'),
    ...nucleicAcidDays(1, [3], 'Nucleic acid test on day 3 of home health monitoring'),
  ],
  monitoring,
  release: release(5, 'Released after 7 days with all tests negative'),
  followUps: [],
  escalations,
});

const hospital = (category: CategoryRule['category'], says: string, tests: TestRule[]): CategoryRule => ({
  category,
  countsFrom: 'discovery',
  phases: [{ type: 'hospital_care', days: null, basis: clause(P9, '四(一)', says) }],
  tests,
  monitoring,
  release: null,
  followUps: [],
  escalations: escalations.filter((e) => e.trigger === 'overdue_test'),
});

/**
 * Testing under the 9th edition. Pooling 10:1 is the edition's general rule; the zone-specific
 * sizes follow the national regional-testing guide of the period (区域新型冠状病毒核酸检测组织实施指南
 * 第三版, March 2022) as far as we know it and are marked configured where not checked against the text.
 */
const REGIONAL = 'national guidance 区域新型冠状病毒核酸检测组织实施指南（第三版）';
const periodic = (days: number, who: string) => clause(P9, '四(六)', `${who}: tested every ${days} days (cycle configured)`, true);
const onEvent = (who: string) => clause(P9, '四(三)', `${who}: nucleic acid test on day 1`);

/**
 * Environment and goods sampling under the 9th edition: the edition keeps monitoring goods and the
 * environment of key places; its cycles are not checked against the text, so they are configured,
 * and the follow-up carries the seed documents' rules over (REQUIREMENTS TEST-014, CASE-012).
 */
const carried = (says: string) => clause('seed 000', '§三(二)5', `${says} (carried over)`);
const ninthEnvironment: EnvironmentRules = {
  plans: [
    {
      placeKind: 'market',
      everyDays: 7,
      basis: clause(P9, '二(一)', 'Markets: goods and environment sampled every 7 days (configured)', true),
    },
    {
      placeKind: 'fever_clinic',
      everyDays: 7,
      basis: clause(P9, '二(一)', 'Medical institutions with fever clinics: environment sampled every 7 days (configured)', true),
    },
  ],
  followUp: {
    alert: clause('seed 002', '§七(三)', 'A positive environment sample is reported to the community and the district (carried over)'),
    disinfect: carried('Positive goods and environments are disinfected at once'),
    screenWorkers: carried('People who may have been infected get a nucleic acid test and health screening'),
    traceBatch: clause(
      'seed 004',
      'Part A §三(五)',
      'Imported cold-chain food is traced by batch through purchase-and-sales ledgers (carried over)',
    ),
    resample: clause('seed 000', '§三(二)5', 'An indeterminate sample is taken again (configured)', true),
    riskCleared: clause('seed 000', '§三(二)5', 'The place stays at risk until a later sample of it is negative (configured)', true),
  },
};

/**
 * The fever-clinic screen under the 9th edition: the edition asks fever clinics to test every fever
 * patient (四(一)); the four items and the three outcomes are the seed's (seed 003 item 7), carried
 * over, and so are the configured consistency rules.
 */
const feverCarried = (says: string) => clause('seed 003', 'item 7', `${says} (carried over)`);
const DIAGNOSIS9 = 'national guidance 新型冠状病毒肺炎诊疗方案（试行第九版）';
const ninthFeverClinic: FeverClinicRules = {
  items: [
    { item: 'nucleic_acid', basis: clause(P9, '四(一)', 'Fever clinics test every fever patient for nucleic acid') },
    { item: 'antibody', basis: feverCarried('Fever-clinic rapid screen: antibody test (抗体)') },
    { item: 'ct', basis: feverCarried('Fever-clinic rapid screen: CT scan (CT)') },
    { item: 'blood_count', basis: feverCarried('Fever-clinic rapid screen: blood count (血象)') },
  ],
  dispositions: [
    { disposition: 'symptomatic_treatment', category: null, basis: feverCarried('Ordinary patients receive symptomatic treatment') },
    { disposition: 'isolation_observation', category: 'suspected', basis: feverCarried('Suspected patients are isolated for observation') },
    { disposition: 'transfer', category: 'confirmed', basis: feverCarried('Confirmed patients are transferred promptly') },
  ],
  consistency: {
    nucleicAcidNotNegative: clause(
      P9,
      '三(一)',
      'A positive nucleic acid result is reported and the person transferred, never sent home; an indeterminate one is observed in isolation until retested (configured)',
      true,
    ),
    antibodyPositive: clause(
      DIAGNOSIS9,
      '疑似病例',
      'A positive antibody test with fever: observed in isolation as suspected (configured)',
      true,
    ),
    clinicalFeatures: clause(
      DIAGNOSIS9,
      '疑似病例',
      'Fever with CT features of pneumonia and an abnormal blood count is observed in isolation as suspected (configured)',
      true,
    ),
    confirmedNeedsNucleicAcid: clause(
      DIAGNOSIS9,
      '确诊病例',
      'A case is confirmed on aetiological evidence: transfer as confirmed needs a positive nucleic acid test (configured)',
      true,
    ),
  },
};

const ninthTesting: TestingRules = {
  pooling: [
    {
      zoneType: 'sealed_zone',
      sizes: [1],
      household: true,
      basis: clause(REGIONAL, '采样方式', 'Sealed zones: door-to-door sampling, single tubes or one tube per household', true),
    },
    {
      zoneType: 'controlled_zone',
      sizes: [10, 5, 1],
      household: false,
      basis: clause(P9, '四(六) 区域核酸检测', 'Pooled 10:1 in principle; controlled zones no larger pools', true),
    },
    {
      zoneType: 'precaution_zone',
      sizes: [10, 20, 5, 1],
      household: false,
      basis: clause(REGIONAL, '采样方式', 'Pooled 10:1 in principle; 20:1 allowed outside sealed and controlled zones (configured)', true),
    },
    {
      zoneType: 'general',
      sizes: [10, 20, 5, 1],
      household: false,
      basis: clause(REGIONAL, '采样方式', 'Pooled 10:1 in principle; 20:1 allowed outside sealed and controlled zones (configured)', true),
    },
  ],
  groups: [
    { group: 'close_contact', keyPersonCategories: ['close_contact'], cycle: { onceWithinDays: 1 }, basis: onEvent('Close contacts') },
    {
      group: 'inbound_traveller',
      keyPersonCategories: ['inbound_traveller'],
      cycle: { onceWithinDays: 1 },
      basis: onEvent('Inbound travellers'),
    },
    { group: 'fever_clinic_patient', cycle: { onceWithinDays: 1 }, basis: clause(P9, '四(一)', 'Every fever-clinic patient is tested') },
    {
      group: 'new_inpatient_or_carer',
      cycle: { onceWithinDays: 1 },
      basis: clause(P9, '四(一)', 'New inpatients and carers on admission', true),
    },
    { group: 'medical_staff', cycle: { everyDays: 7 }, basis: periodic(7, 'Medical staff') },
    {
      group: 'port_border_staff',
      cycle: { everyDays: 1 },
      basis: periodic(1, 'Port and border staff in contact with inbound people or goods'),
    },
    { group: 'prison_staff', cycle: { everyDays: 7 }, basis: periodic(7, 'Prison and detention staff') },
    { group: 'welfare_institution_staff', cycle: { everyDays: 7 }, basis: periodic(7, 'Welfare and elderly-care staff') },
    {
      group: 'key_area_arrival',
      keyPersonCategories: ['risk_area_arrival'],
      cycle: { onceWithinDays: 1 },
      basis: onEvent('Arrivals from risk areas'),
    },
    {
      group: 'school_member_at_risk',
      cycle: { onceWithinDays: 1 },
      basis: clause(P9, '四(六)', 'School members at risk, before return', true),
    },
    { group: 'service_staff_with_history', cycle: { everyDays: 7 }, basis: periodic(7, 'Service staff with risk history') },
    { group: 'assessed_risk_group', cycle: { everyDays: 7 }, basis: periodic(7, 'Groups judged at risk') },
  ],
  turnaround: [
    {
      setting: 'fever_clinic',
      hours: 6,
      basis: clause(P9, '四(一)', 'Fever clinics: results within hours; 6 h configured (REQUIREMENTS TEST-016: check before use)', true),
    },
    {
      setting: 'campaign',
      hours: 24,
      basis: clause(REGIONAL, '总体要求', 'Regional testing of the delimited area is completed within 24 hours'),
    },
    { setting: 'routine', hours: 24, basis: clause(P9, '四(六)', 'Routine tests: 24 h configured', true) },
    { setting: 'environment', hours: 24, basis: clause(P9, '二(一)', 'Environment and goods samples: 24 h configured', true) },
  ],
  negativeValidityHours: {
    hours: [24, 48, 72],
    basis: clause(P9, '四(六)', 'Negative results within 24, 48 or 72 hours, as local measures require (configured)', true),
  },
  payer: {
    mandatory: 'government',
    voluntary: ['individual', 'employer'],
    campaign: 'government',
    basis: clause(
      'seed 000',
      '§三(三)5',
      'Mandatory testing paid by the local government, voluntary testing by the unit or individual (carried over)',
    ),
  },
  followUp: {
    positivePool: clause(
      REGIONAL,
      '混采阳性处置',
      'A positive or indeterminate pool: members are controlled in place at once and retested in single tubes',
      true,
    ),
    positiveSingle: clause(P9, '三(一)', 'A positive nucleic acid result is reported within 2 hours and the person transferred'),
    retestNegative: clause(REGIONAL, '混采阳性处置', 'Members whose single-tube retest is negative are released from control', true),
  },
  environment: ninthEnvironment,
  feverClinic: ninthFeverClinic,
};

/**
 * Cases: the 9th edition keeps the 2-hour direct network report (五(一)) and the 24-hour investigation;
 * the case definition is the diagnosis and treatment plan 9th edition (试行第九版, March 2022).
 */
const DX9 = 'national diagnosis and treatment plan 9th edition (2022)';
const dx9 = (where: string, says: string) => clause(DX9, where, says, true);
const twoHourReport = (says: string) => ({ hours: 2, dueSoonMinutes: 30, basis: clause(P9, '五(一)', says, true) });
const ninthCases: CaseRules = {
  report: [
    {
      classification: 'asymptomatic',
      deadline: twoHourReport('Asymptomatic infections are reported online within 2 hours (configured from national rules)'),
    },
    {
      classification: 'confirmed',
      deadline: twoHourReport('Confirmed cases are reported online within 2 hours (configured from national rules)'),
    },
    {
      classification: 'suspected',
      deadline: twoHourReport('Suspected cases are reported online within 2 hours (configured from national rules)'),
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
    'No warning time is given: 30 minutes before a 2-hour report and 4 hours before a 24-hour deadline are configured',
    true,
  ),
  exposureLookbackDays: {
    days: 14,
    basis: dx9('四(一)1', 'The epidemiological history covers the 14 days before onset'),
  },
  definition: {
    links: [
      { link: 'case_area_stay', basis: dx9('四(一)1', 'Travel or stay in a community with reported cases within 14 days before onset') },
      {
        link: 'infected_contact',
        basis: dx9('四(一)1', 'Contact with an infected person (nucleic acid positive) within 14 days before onset'),
      },
      {
        link: 'case_area_symptomatic_contact',
        basis: dx9(
          '四(一)1',
          'Contact with fever or respiratory patients from a community with reported cases within 14 days before onset',
        ),
      },
      { link: 'cluster', basis: dx9('四(一)1', 'Clustered onset: 2 or more fever or respiratory cases in a small setting within 14 days') },
    ],
    features: [
      { feature: 'fever_or_respiratory', basis: dx9('四(一)2', 'Fever and/or respiratory or other COVID-19 related symptoms') },
      { feature: 'imaging', basis: dx9('四(一)2', 'The imaging features of COVID-19 pneumonia') },
      { feature: 'blood_count', basis: dx9('四(一)2', 'Early in the illness: white cells normal or low, lymphocytes normal or low') },
    ],
    evidence: [
      { evidence: 'nucleic_acid_positive', basis: dx9('四(二)1', 'Nucleic acid positive') },
      { evidence: 'antibody_igm_igg_positive', basis: dx9('四(二)2', 'Unvaccinated: specific IgM and IgG antibodies both positive') },
    ],
    suspected: {
      withLink: 1,
      withoutLink: 3,
      basis: dx9(
        '四(一)',
        'Any 1 epidemiological item with any 1 clinical feature; without epidemiological history, all 3 clinical features',
      ),
    },
    confirmed: dx9('四(二)', 'A suspected case with pathogen or serology evidence is confirmed'),
    asymptomatic: clause(
      P9,
      '四(二)',
      'Nucleic acid positive without clinical signs: asymptomatic infection, corrected to confirmed when signs appear',
    ),
    excluded: {
      negativeTests: 2,
      hoursApart: 24,
      basis: dx9('六', 'Two consecutive negative nucleic acid tests sampled at least 24 hours apart exclude a suspected case'),
    },
  },
};

/**
 * Contact tracing under the 9th edition: close contacts from 4 days before onset or sampling, 密接的密接
 * defined, clusters of 2 cases within a week in one small area. The co-location tolerance and the linking
 * window are not in the text and are configured.
 */
const ninthTracing: TracingRules = {
  infectiousWindow: {
    daysBeforeOnset: 4,
    daysBeforeSampling: 4,
    basis: clause(
      P9,
      '密切接触者判定',
      'Close contacts are counted from 4 days before onset, or 4 days before sampling for an asymptomatic infection',
    ),
  },
  coLocationToleranceMinutes: {
    minutes: 30,
    basis: clause(P9, '流行病学调查', 'Venue-code scans within 30 minutes of the case’s visit are proposed (configured)', true),
  },
  incubationDays: {
    days: 10,
    basis: clause(
      P9,
      '二',
      'Omicron incubates mostly 2–4 days; a contact who becomes a case within the 7+3 days of management is linked (configured)',
      true,
    ),
  },
  cluster: {
    minCases: 2,
    windowDays: 7,
    grouping: 'same_area',
    basis: clause(
      P9,
      '疫情监测',
      '聚集性疫情: 2 or more cases within a week in one school, residential compound, factory, village or medical institution',
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
      P9,
      '密切接触者判定',
      'People in close contact without effective protection from 4 days before onset or sampling: living, working, studying, dining together',
    ),
    secondaryContact: clause(
      P9,
      '密接的密接判定',
      'People in close contact with a close contact from their first contact with the case until the close contact was isolated',
    ),
  },
};

/**
 * Response levels under the 9th edition. The national protocol grades areas (high/medium/low risk,
 * sealed/controlled/precaution zones) and says nothing of a district's response levels IV–I; those come
 * from the district's own emergency plan under the national public-health emergency plan (seed 002),
 * which the 9th edition did not replace. So the levels, procedure and measures stay seed 002's. The
 * maximum incubation of the termination window stays 14 days: the 10 days tracing uses here are a
 * linking window for 7+3 management, not a maximum incubation period.
 */
const ninthResponse = seed002Response({
  days: 14,
  basis: clause(
    'seed 002',
    '§八(三)1',
    'The termination window counts two maximum incubation periods; 14 days kept under the 9th edition (configured)',
    true,
  ),
});

/**
 * Retention under the 9th edition: the protocol sets no period either, so the seed's configured periods are
 * carried over; since November 2021 the Personal Information Protection Law asks for them.
 */
const ninthRetention: RetentionRules = {
  scans: {
    days: 28,
    basis: clause('seed 000', '§四(三)', 'Place-code and checkpoint scans are kept 28 days, then deleted (carried over, configured)', true),
  },
  closedEpisodes: {
    days: 180,
    basis: clause(
      'seed 000',
      '§三(三)3',
      'A person is anonymised 180 days after their last episode or case closed (carried over, configured)',
      true,
    ),
  },
  minimisation: clause(
    '中华人民共和国个人信息保护法 (2021)',
    '第十九条、第四十七条',
    'Personal information is kept for the shortest time its purpose needs; once the purpose is achieved it is deleted (or anonymised)',
  ),
};

export const CN_2022_9TH: ProtocolEdition = {
  id: 'cn-2022-9th',
  name: '新型冠状病毒肺炎防控方案（第九版）',
  legalBasis: [
    {
      title: '新型冠状病毒肺炎防控方案（第九版）',
      issuer: '国务院应对新型冠状病毒肺炎疫情联防联控机制综合组',
      documentNumber: '联防联控机制综发〔2022〕71号',
      issued: '2022-06-27',
    },
  ],
  effectiveFrom: '2022-06-28',
  categories: {
    close_contact: sevenPlusThree('close_contact', 'last_exposure', 'Close contacts'),
    inbound_traveller: sevenPlusThree('inbound_traveller', 'arrival', 'Inbound travellers'),
    secondary_contact: {
      category: 'secondary_contact',
      countsFrom: 'last_exposure',
      phases: [{ type: 'home_quarantine', days: 7, basis: clause(P9, '四(三)', 'Secondary contacts: 7 days of home quarantine') }],
      tests: nucleicAcidDays(0, [1, 4, 7], 'Nucleic acid tests on days 1, 4 and 7 of home quarantine'),
      monitoring,
      release: release(3, 'Released after 7 days with all tests negative'),
      followUps: [],
      escalations,
    },
    risk_area_arrival: {
      category: 'risk_area_arrival',
      countsFrom: 'arrival',
      phases: [
        {
          type: 'centralized_quarantine',
          days: 7,
          basis: clause(P9, '四(三)', 'Arrivals from high-risk areas: 7 days of centralized isolation medical observation'),
        },
      ],
      tests: nucleicAcidDays(0, [1, 2, 3, 5, 7], 'Nucleic acid tests on days 1, 2, 3, 5 and 7'),
      monitoring,
      release: release(5, 'Released after 7 days with all tests negative'),
      followUps: [],
      escalations,
    },
    discharged_patient: {
      category: 'discharged_patient',
      countsFrom: 'discharge',
      phases: [
        { type: 'home_health_monitoring', days: 7, basis: clause(P9, '四(二)', 'After discharge: 7 days of home health monitoring') },
      ],
      tests: nucleicAcidDays(0, [3, 7], 'Nucleic acid tests on days 3 and 7 of home health monitoring'),
      monitoring,
      release: release(2, 'Monitoring ends after 7 days with negative tests'),
      followUps: [],
      escalations,
    },
    confirmed: hospital('confirmed', 'Confirmed cases: designated hospital (severe) or Fangcang shelter hospital (mild)', []),
    asymptomatic: hospital('asymptomatic', 'Asymptomatic infections: Fangcang shelter hospital', []),
    suspected: hospital('suspected', 'Suspected cases: isolated in a single room until two nucleic acid tests 24 h apart are negative', [
      ...nucleicAcidDays(0, [1, 2], 'Two nucleic acid tests at least 24 h apart to exclude'),
    ]),
    // The 9th edition has no category for outsiders registered at a community gate; its rule for arrivals
    // from low-risk areas (3 days, 2 tests) is applied to them as a configured value.
    returning_outsider: {
      category: 'returning_outsider',
      countsFrom: 'arrival',
      phases: [
        {
          type: 'home_health_monitoring',
          days: 3,
          basis: clause(
            P9,
            '四(三)',
            'Arrivals from low-risk areas: 3 days of health monitoring with 2 tests (applied to outsiders, configured)',
            true,
          ),
        },
      ],
      tests: nucleicAcidDays(0, [1, 2], 'Two nucleic acid tests in 3 days (3天2检)'),
      monitoring,
      release: null,
      followUps: [],
      escalations,
    },
    fever_patient: hospital(
      'fever_patient',
      'Fever clinic: nucleic acid test for every fever patient',
      nucleicAcidDays(0, [1], 'Nucleic acid test at the fever clinic'),
    ),
  },
  testing: ninthTesting,
  cases: ninthCases,
  tracing: ninthTracing,
  response: ninthResponse,
  retention: ninthRetention,
  // Risk areas and control zones (REQUIREMENTS §3).
  risk: NINTH_RISK,
  zones: NINTH_ZONES,
  information: INFORMATION_RULES,
  earlyWarning: SEED_EARLY_WARNING,
};
