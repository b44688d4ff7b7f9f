import { clause } from './clause.ts';
import type { CategoryRule, MonitoringRule, ProtocolEdition, ReleaseRule, TestRule } from './protocol-types.ts';

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
    fever_patient: hospital(
      'fever_patient',
      'Fever clinic: nucleic acid test for every fever patient',
      nucleicAcidDays(0, [1], 'Nucleic acid test at the fever clinic'),
    ),
  },
};
