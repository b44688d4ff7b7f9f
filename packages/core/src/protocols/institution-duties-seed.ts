import { clause } from './clause.ts';
import type { Clause } from './protocol-types.ts';
import type { ResponseLevel } from './response-rule-types.ts';
import type { RiskLevel } from './zone-types.ts';

/**
 * The places where people gather and the units that run them (REQUIREMENTS §8): each kind has a profile,
 * a person responsible for reporting, and duties with their frequency, from the seeds' clauses.
 */
export const INSTITUTION_KINDS = [
  'school',
  'kindergarten',
  'enterprise',
  'medical_institution',
  'special_institution',
  'pharmacy',
  'market',
  'public_place',
  'transport',
] as const;
export type InstitutionKind = (typeof INSTITUTION_KINDS)[number];

/** How often a duty is done: each check session of a school day, daily, weekly, monthly, or on each event (a guest, a vehicle). */
export const DUTY_FREQUENCIES = ['per_session', 'daily', 'weekly', 'monthly', 'per_event'] as const;
export type DutyFrequency = (typeof DUTY_FREQUENCIES)[number];

export interface InstitutionDuty {
  /** Stable key (`school.morning_check`); the UI names it by key. */
  id: string;
  kinds: readonly InstitutionKind[];
  frequency: DutyFrequency;
  requirement: string;
  zh: string;
  en: string;
  clause: Clause;
  /** In force only from this response level up (IV lowest, I highest); absent: at every level and without one. */
  fromLevel?: ResponseLevel;
  /** In force only below this level (it stops at this level and above). */
  stopsAt?: ResponseLevel;
}

const SEED_000_SCHOOLS = '§三(二)3';
const SCHOOLS: readonly InstitutionKind[] = ['school', 'kindergarten'];

const duty = (d: InstitutionDuty) => d;

/** The seed-2020 duties of each kind (seed 000 §三(二), seed 002 §九, seed 003, seed 004 Part A §三(一)). */
export const INSTITUTION_DUTIES: readonly InstitutionDuty[] = [
  duty({
    id: 'school.morning_check',
    kinds: SCHOOLS,
    frequency: 'per_session',
    requirement: 'SCH-004',
    zh: '晨检',
    en: 'Morning health check',
    clause: clause('seed 003', 'item 14', 'A morning and noon (evening) check on entering school or kindergarten (晨午(晚)检).'),
  }),
  duty({
    id: 'school.noon_check',
    kinds: SCHOOLS,
    frequency: 'per_session',
    requirement: 'SCH-004',
    zh: '午检',
    en: 'Noon health check',
    clause: clause('seed 003', 'item 14', 'A morning and noon (evening) check on entering school or kindergarten (晨午(晚)检).'),
  }),
  duty({
    id: 'school.absence_tracking',
    kinds: SCHOOLS,
    frequency: 'daily',
    requirement: 'SCH-005',
    zh: '因病缺课（勤）病因追查和登记',
    en: 'Illness-absence cause tracking and registration',
    clause: clause(
      'seed 000',
      SEED_000_SCHOOLS,
      'When a student or staff member is absent for illness, find the cause, register it and trace it.',
    ),
  }),
  duty({
    id: 'school.daily_report',
    kinds: SCHOOLS,
    frequency: 'daily',
    requirement: 'SCH-002',
    zh: '日报告、零报告',
    en: 'Daily report and zero report',
    clause: clause(
      'seed 000',
      SEED_000_SCHOOLS,
      'Staff and student health is covered by a daily report and a zero report, filed even with nothing to report.',
    ),
  }),
  duty({
    id: 'school.campus_entry',
    kinds: SCHOOLS,
    frequency: 'daily',
    requirement: 'SCH-003',
    zh: '入校测温+健康绿码',
    en: 'Campus entry: temperature check and green health code',
    clause: clause(
      'seed 000',
      SEED_000_SCHOOLS,
      'Entry requires a temperature check and a green health code; the campus is kept relatively closed.',
    ),
  }),
  duty({
    id: 'enterprise.daily_measures',
    kinds: ['enterprise'],
    frequency: 'daily',
    requirement: 'ENT-002',
    zh: '测温验码、一米线、通风消毒、员工健康监测',
    en: 'Temperature and code checks, one-metre line, ventilation and disinfection, employee health monitoring',
    clause: clause(
      'seed 000',
      '§三(二)8',
      'Temperature checks, health-code checks and the one-metre line; ventilation and disinfection; daily employee health monitoring.',
    ),
  }),
  duty({
    id: 'enterprise.isolation_area',
    kinds: ['enterprise'],
    frequency: 'daily',
    requirement: 'ENT-003',
    zh: '隔离观察区可用',
    en: 'Isolation observation area ready',
    clause: clause(
      'seed 000',
      '§三(二)8',
      'Each enterprise has an isolation observation area; a symptomatic employee is reported and isolated at once.',
    ),
  }),
  duty({
    id: 'medical.pre_triage',
    kinds: ['medical_institution'],
    frequency: 'daily',
    requirement: 'MED-006',
    zh: '分时段预约、预检分诊',
    en: 'Time-slot appointments and pre-examination triage',
    clause: clause('seed 000', '§三(二)4', 'Time-slot appointments and pre-examination triage.'),
  }),
  duty({
    id: 'medical.sentinel_visits',
    kinds: ['medical_institution'],
    frequency: 'daily',
    requirement: 'MED-007',
    zh: '发热门诊、基层哨点就诊人数报告',
    en: 'Fever-clinic and primary-care sentinel visit counts',
    clause: clause('seed 003', 'item 16', 'Primary health institutions act as sentinels and apply the four earlies.'),
  }),
  duty({
    id: 'special.entry_control',
    kinds: ['special_institution'],
    frequency: 'daily',
    requirement: 'INST-002',
    zh: '出入管控、全员测温与健康监测',
    en: 'Entry control, temperature checks and health monitoring for everyone',
    clause: clause(
      'seed 000',
      '§三(二)2',
      'Strict admission control; temperature checks and health monitoring for everyone; no one with suspicious symptoms admitted.',
    ),
  }),
  duty({
    id: 'special.closed_management',
    kinds: ['special_institution'],
    frequency: 'daily',
    requirement: 'INST-003',
    zh: '封闭管理',
    en: 'Closed management',
    clause: clause(
      'seed 002',
      '§九(二)6',
      'Level III: elderly homes, welfare homes, prisons and mental institutions are under closed management.',
    ),
    fromLevel: 'III',
  }),
  duty({
    id: 'special.visits_protected',
    kinds: ['special_institution'],
    frequency: 'per_event',
    requirement: 'INST-004',
    zh: '探视人员做好个人防护，鼓励视频探视',
    en: 'Visitors use personal protection; video visits encouraged',
    clause: clause('seed 003', 'item 12', 'Visitors use personal protection; video and other non-contact visits are encouraged.'),
    stopsAt: 'III',
  }),
  duty({
    id: 'special.visits_video_only',
    kinds: ['special_institution'],
    frequency: 'per_event',
    requirement: 'INST-004',
    zh: '暂停现场探视，仅限视频等非接触探视',
    en: 'In-person visits stopped: video and other non-contact visits only',
    clause: clause('seed 002', '§九(二)6', 'Under Level III closed management no one enters: visits are non-contact only.'),
    fromLevel: 'III',
  }),
  duty({
    id: 'special.resident_monitoring',
    kinds: ['special_institution'],
    frequency: 'daily',
    requirement: 'INST-005',
    zh: '在院人员健康监测',
    en: 'Resident health monitoring',
    clause: clause(
      'seed 000',
      '§三(二)2',
      'Close attention to the health of inmates, the elderly, children and people with mental disorders.',
    ),
  }),
  duty({
    id: 'special.daily_disinfection',
    kinds: ['special_institution'],
    frequency: 'daily',
    requirement: 'INST-006',
    zh: '每日消毒',
    en: 'Daily disinfection',
    clause: clause('seed 000', '§三(二)2', 'Daily disinfection; supply reserves.'),
  }),
  duty({
    id: 'pharmacy.real_name_sales',
    kinds: ['pharmacy'],
    frequency: 'per_event',
    requirement: 'PHAR-001',
    zh: '退热、止咳等药品实名登记销售',
    en: 'Real-name registration of every fever or cough drug sale',
    clause: clause(
      'seed 001',
      '§三(六)3',
      'Every sale of antipyretic or cough medicine is registered under the buyer’s real name and reported.',
    ),
  }),
  duty({
    id: 'pharmacy.one_level_higher',
    kinds: ['pharmacy'],
    frequency: 'daily',
    requirement: 'PHAR-003',
    zh: '缩短营业时间、消毒垫、测温、全程佩戴口罩',
    en: 'Shorter hours, disinfection mats, temperature checks, masks throughout',
    clause: clause('seed 001', '§三(六)2', 'Pharmacies near communities are managed one level higher.'),
  }),
  duty({
    id: 'market.cold_chain_sampling',
    kinds: ['market'],
    frequency: 'weekly',
    requirement: 'MKT-001',
    zh: '冷链食品及环境定期抽检',
    en: 'Regular sampling of cold-chain goods and environments',
    clause: clause('seed 000', '§三(二)5', 'Test and risk-assess cold-chain products and places; regularly sample goods and environments.'),
  }),
  duty({
    id: 'market.logistics_registration',
    kinds: ['market'],
    frequency: 'daily',
    requirement: 'MKT-003',
    zh: '物流从业人员实名登记、验视、可疑物品报告',
    en: 'Logistics workers: real-name registration, inspection of goods, reporting of suspicious items',
    clause: clause(
      'seed 000',
      '§三(二)5',
      'Real-name registration, inspection of goods and reporting of suspicious items; more frequent disinfection.',
    ),
  }),
  duty({
    id: 'market.daily_disinfection',
    kinds: ['market'],
    frequency: 'daily',
    requirement: 'MKT-005',
    zh: '一天一清洗消毒',
    en: 'One cleaning and disinfection every day',
    clause: clause('seed 004 Part A', '§三(一)', '1110: one cleaning and disinfection every day.'),
  }),
  duty({
    id: 'market.weekly_cleanup',
    kinds: ['market'],
    frequency: 'weekly',
    requirement: 'MKT-005',
    zh: '一周一大扫除',
    en: 'One major clean-up every week',
    clause: clause('seed 004 Part A', '§三(一)', '1110: one major clean-up every week.'),
  }),
  duty({
    id: 'market.monthly_closure',
    kinds: ['market'],
    frequency: 'monthly',
    requirement: 'MKT-005',
    zh: '一月一休市',
    en: 'One market-closure day every month',
    clause: clause('seed 004 Part A', '§三(一)', '1110: one market-closure day every month.'),
  }),
  duty({
    id: 'market.zero_overnight_stock',
    kinds: ['market'],
    frequency: 'daily',
    requirement: 'MKT-005',
    zh: '活禽零存栏',
    en: 'No live poultry kept overnight',
    clause: clause(
      'seed 004 Part A',
      '§三(一)',
      '1110: zero live poultry in stock overnight; markets without live poultry still follow the rule.',
    ),
  }),
  duty({
    id: 'public.code_and_temperature',
    kinds: ['public_place'],
    frequency: 'daily',
    requirement: 'PUB-001',
    zh: '健康码必验、体温必测，预约错峰、限量限时',
    en: 'Health code checked and temperature taken; reservations, caps on numbers and time',
    clause: clause(
      'seed 000',
      '§三(二)9',
      'Health code must be checked and temperature must be taken; reservations and staggered times; caps.',
    ),
  }),
  duty({
    id: 'public.surface_cleaning',
    kinds: ['public_place'],
    frequency: 'daily',
    requirement: 'PUB-008',
    zh: '公共区域表面清洁消毒，检查地漏U形存水弯',
    en: 'Public-area surfaces cleaned and disinfected; drains and U-bends checked',
    clause: clause(
      'seed 000',
      '§三(二)6',
      'Supermarkets, malls and hotels clean and disinfect public-area surfaces and check drain water seals.',
    ),
  }),
  duty({
    id: 'public.hotel_guest_registration',
    kinds: ['public_place'],
    frequency: 'per_event',
    requirement: 'PUB-007',
    zh: '重点地区来客筛查、登记、报告',
    en: 'Guests from key areas screened, registered and reported',
    clause: clause('seed 000', '§三(二)9', 'Hotels screen, register and report guests from key areas.'),
  }),
  duty({
    id: 'public.meeting_plan',
    kinds: ['public_place'],
    frequency: 'per_event',
    requirement: 'PUB-005',
    zh: '会议、考试一会（考）一案，谁举办谁负责',
    en: 'One plan per meeting or exam; whoever organizes is responsible',
    clause: clause(
      'seed 000',
      '§三(二)9',
      'Meetings and exams: one plan each, permission by risk grade, whoever organizes is responsible.',
    ),
  }),
  duty({
    id: 'transport.port_handover',
    kinds: ['transport'],
    frequency: 'per_event',
    requirement: 'TRN-001',
    zh: '口岸入境人员分类筛查、无缝交接、闭环管理',
    en: 'Arrivals screened by type, seamless handover, closed loop',
    clause: clause('seed 000', '§三(二)1', 'Air, land and water arrivals are screened by type with seamless handover and a closed loop.'),
  }),
  duty({
    id: 'transport.vehicle_checks',
    kinds: ['transport'],
    frequency: 'daily',
    requirement: 'TRN-002',
    zh: '重点地区车辆管控检查，站点通风消毒和人员检查',
    en: 'Vehicles from key areas checked; stations ventilated, disinfected, people checked',
    clause: clause(
      'seed 002',
      '§六(一)2',
      'Control and inspection of vehicles from key areas; bus stations, toll stations and service areas get checks.',
    ),
  }),
  duty({
    id: 'transport.road_checkpoint',
    kinds: ['transport'],
    frequency: 'daily',
    requirement: 'TRN-003',
    zh: '道路检疫站：司乘人员测温，应急物资车辆优先',
    en: 'Road quarantine station: drivers and passengers temperature-checked, emergency supplies first',
    clause: clause('seed 002', '§九(二)7', 'Level III: quarantine stations on expressways and roads check drivers and passengers.'),
    fromLevel: 'III',
  }),
];

/** School health checks (SCH-004): seed 003's morning and noon are required, the evening check is optional (seed 000 asks three). */
export const SCHOOL_CHECK_SESSIONS = ['morning', 'noon', 'evening'] as const;
export type SchoolCheckSession = (typeof SCHOOL_CHECK_SESSIONS)[number];

/** Public-place venue types whose opening PUB-011 decides by level. */
export const VENUE_TYPES = [
  'mall',
  'cinema',
  'entertainment',
  'park',
  'scenic_spot',
  'sports',
  'library',
  'museum',
  'hotel',
  'meeting',
  'other',
] as const;
export type VenueType = (typeof VENUE_TYPES)[number];

export const SPECIAL_INSTITUTION_TYPES = ['elderly_home', 'welfare_home', 'mental_health', 'prison'] as const;
export type SpecialInstitutionType = (typeof SPECIAL_INSTITUTION_TYPES)[number];

/** What a pharmacy's real-name register covers (PHAR-001: fever and cough; antivirals and antibiotics as later practice, configured). */
export const SENTINEL_DRUG_CLASSES = ['fever', 'cough', 'antiviral', 'antibiotic'] as const;
export type SentinelDrugClass = (typeof SENTINEL_DRUG_CLASSES)[number];

/** An incident's step: what, within how many hours, from which clause. */
export interface IncidentStep {
  id: string;
  zh: string;
  en: string;
  withinHours: number;
  clause: Clause;
}

const step = (id: string, zh: string, en: string, withinHours: number, c: Clause): IncidentStep => ({ id, zh, en, withinHours, clause: c });
const schoolIncident = clause(
  'seed 000',
  SEED_000_SCHOOLS,
  'Schools: isolate first, report, investigate, handle (第一隔离、报告、流行病学调查和处置).',
);
const specialIncident = clause(
  'seed 000',
  '§三(二)2',
  'Special institutions: full disinfection, disposal of belongings, close-contact tracing, centralized isolation.',
);
const enterpriseIncident = clause(
  'seed 000',
  '§三(二)8',
  'Enterprises report promptly to the local CDC and medical institutions and cooperate with the investigation.',
);
const otherIncident = clause(
  'seed 000',
  '§三(二)5',
  'A positive finding at a place: report, disinfect, trace and test the people exposed (hours configured).',
  true,
);

/** Who on campus the mask rule speaks of (SCH-012). */
export const CAMPUS_MASK_WEARERS = ['student', 'teacher_teaching', 'staff'] as const;
export type CampusMaskWearer = (typeof CAMPUS_MASK_WEARERS)[number];

export interface CampusMaskRule {
  /** An NBS code prefix (4201: Wuhan) or a published risk grade the rule applies to; neither: the default. */
  codePrefix?: string;
  riskGrade?: RiskLevel;
  required: Record<CampusMaskWearer, boolean>;
  clause: Clause;
}

export interface InstitutionProtocol {
  edition: string;
  /** SCH-010: one professional health worker per this many students, at least one per school. */
  studentsPerHealthWorker: { value: number; clause: Clause };
  schoolChecks: { required: readonly SchoolCheckSession[]; optional: readonly SchoolCheckSession[]; clause: Clause };
  /** SCH-005 / SC-51: an illness absence is traced within these hours; with fever, a fast-track NAT within these. */
  absenceFollowUpHours: { value: number; clause: Clause };
  absenceNatHours: { value: number; clause: Clause };
  /** A temperature at or above this (tenths of °C) is fever (the seeds are silent: configured). */
  feverTenths: { value: number; clause: Clause };
  /** KP-N01 / SC-65: a new entrant of a special institution is admitted after this much centralized isolation and a negative NAT. */
  newEntrant: { isolationDays: number; negativeNat: boolean; clause: Clause };
  /** MED-005 / SC-56: an isolation observation room for suspected patients: own bathroom, no carers or visitors. */
  isolationRoom: { ownBathroomRequired: boolean; visitsAllowed: boolean; carersAllowed: boolean; clause: Clause };
  /** ORG-070: through the whole-population prevention training every unit has this many prevention teams and instructors. */
  unitPrevention: { teams: number; instructors: number; clause: Clause };
  /**
   * SCH-012 / SC-49: who wears a mask on campus, by area: the first rule whose NBS code prefix matches the school's
   * jurisdiction, else the first whose risk grade matches, else `defaultRule`.
   */
  campusMasks: { rules: readonly CampusMaskRule[]; defaultRule: CampusMaskRule };
  /** PHAR-001: the buyer's community follows up within these hours. */
  pharmacyFollowUpHours: { value: number; clause: Clause };
  drugClasses: { value: readonly SentinelDrugClass[]; clause: Clause };
  /** PUB-011: the venue types closed from a level up. */
  venueClosures: readonly { venueTypes: readonly VenueType[]; fromLevel: ResponseLevel; clause: Clause }[];
  /** PUB-005 / ZONE-012: on-site meetings and exams by the organizer's risk grade ("one meeting, one plan"). */
  eventPermits: {
    allowedGrades: readonly RiskLevel[];
    urgentException: boolean;
    /** ZONE-012 / SC-64: an allowed grade still needs this many days since the last local case. */
    daysSinceLastLocalCase: number;
    clause: Clause;
  };
  /** PUB-007: a guest from a key area is reported to the hotel's community within these hours. */
  hotelGuestReportHours: { value: number; clause: Clause };
  /** COMM-012 / SC-37: an outsider or vehicle let in: mask, temperature below fever, an escort, close-out the same day. */
  entryLedger: { maskRequired: boolean; escortRequired: boolean; closeOutSameDay: boolean; clause: Clause };
  /** CASE-013: the steps of an incident by kind. */
  incidentSteps: Record<'school' | 'special' | 'enterprise' | 'other', readonly IncidentStep[]>;
  duties: readonly InstitutionDuty[];
}

export const INSTITUTION_PROTOCOL_SEED_2020: InstitutionProtocol = {
  edition: 'seed-2020',
  studentsPerHealthWorker: {
    value: 600,
    clause: clause('seed 003', 'item 14', '1 professional health worker per 600 students; each school has a full- or part-time one.'),
  },
  schoolChecks: {
    required: ['morning', 'noon'],
    optional: ['evening'],
    clause: clause('seed 003', 'item 14', 'A morning and noon (evening) check; seed 000 §三(二)3 asks three fixed checks (VARIANT).'),
  },
  absenceFollowUpHours: {
    value: 24,
    clause: clause('seed 000', SEED_000_SCHOOLS, 'Illness absence: the cause is found, registered and traced (hours configured).', true),
  },
  absenceNatHours: {
    value: 12,
    clause: clause(
      'seed 000',
      SEED_000_SCHOOLS,
      'NAT is streamlined for teachers and students with abnormal temperature (SC-51 fast track; hours configured).',
      true,
    ),
  },
  feverTenths: {
    value: 373,
    clause: clause('REQUIREMENTS SC-50', 'gap', 'The fever threshold is not in the seeds: 37.3 °C configured.', true),
  },
  pharmacyFollowUpHours: {
    value: 24,
    clause: clause('seed 001', '§三(六)3', 'Each real-name buyer is reported and followed up by their community (hours configured).', true),
  },
  drugClasses: {
    value: ['fever', 'cough', 'antiviral', 'antibiotic'],
    clause: clause(
      'seed 001',
      '§三(六)3',
      'Antipyretic and cough medicines; antivirals and antibiotics configured as later practice.',
      true,
    ),
  },
  eventPermits: {
    allowedGrades: ['low'],
    urgentException: true,
    daysSinceLastLocalCase: 14,
    clause: clause(
      'seed 000',
      '§三(二)9',
      'Low-risk areas with no local epidemic for 14 days may hold on-site meetings and exams under strict control of scale and duration; medium and high risk hold none in principle, special urgent matters excepted; one meeting (exam), one plan.',
    ),
  },
  campusMasks: {
    rules: [
      {
        codePrefix: '4201',
        required: { student: true, teacher_teaching: true, staff: true },
        clause: clause('seed 003', 'item 14', 'Wuhan: students and staff keep wearing masks and keep their distance.'),
      },
      {
        riskGrade: 'low',
        required: { student: false, teacher_teaching: false, staff: true },
        clause: clause(
          'seed 003',
          'item 14',
          'Low-risk areas of other prefectures: students need not wear masks on campus, nor teachers while teaching (other staff: configured).',
          true,
        ),
      },
    ],
    defaultRule: {
      required: { student: true, teacher_teaching: true, staff: true },
      clause: clause('seed 003', 'item 14', 'Elsewhere masks stay on campus until the area is graded low risk (configured).', true),
    },
  },
  unitPrevention: {
    teams: 1,
    instructors: 1,
    clause: clause(
      'seed 000',
      '§四(六)',
      'Whole-population prevention training: every unit (每个单位) trains one prevention team and one prevention instructor (疫情防控指导员).',
    ),
  },
  isolationRoom: {
    ownBathroomRequired: true,
    visitsAllowed: false,
    carersAllowed: false,
    clause: clause(
      'seed 000',
      '§三(二)4',
      'Each isolation observation room has its own bathroom and is closed-managed: no carers, no visitors; patients leave only for medical needs.',
    ),
  },
  newEntrant: {
    isolationDays: 14,
    negativeNat: true,
    clause: clause(
      'seed 003',
      'item 12',
      'Every new entrant of an elderly home, welfare home, prison or mental institution first does 14 days of centralized isolation and a nucleic acid test.',
    ),
  },
  hotelGuestReportHours: {
    value: 2,
    clause: clause('seed 000', '§三(二)9', 'Hotels screen, register and report guests from key areas (hours configured).', true),
  },
  entryLedger: {
    maskRequired: true,
    escortRequired: true,
    closeOutSameDay: true,
    clause: clause(
      'seed 001',
      '§三(二)4',
      'Outsiders and outside vehicles enter only when truly necessary: mask, temperature, escorted by staff; a ledger closed out when they leave.',
    ),
  },
  venueClosures: [
    {
      venueTypes: ['cinema', 'entertainment', 'meeting'],
      fromLevel: 'III',
      clause: clause(
        'seed 002',
        '§九(二)5',
        'Level III: cinemas and enclosed entertainment close; meetings and exhibitions are suspended.',
      ),
    },
    {
      venueTypes: ['park', 'scenic_spot', 'sports', 'library', 'museum'],
      fromLevel: 'II',
      clause: clause(
        'seed 002',
        '§九(三)4–5',
        'Level II: parks, scenic spots, sports venues, libraries, museums, galleries and arcades close.',
      ),
    },
  ],
  incidentSteps: {
    school: [
      step('isolate', '第一时间隔离', 'Isolate first', 1, schoolIncident),
      step('report', '报告属地疾控和教育部门', 'Report to the CDC and the education bureau', 2, schoolIncident),
      step('investigate', '配合流行病学调查', 'Epidemiological investigation', 24, schoolIncident),
      step(
        'handle',
        '处置：消毒、密接排查和停课评估',
        'Handle: disinfection, contact tracing, class suspension assessment',
        24,
        schoolIncident,
      ),
    ],
    special: [
      step('full_disinfection', '全面消毒', 'Full disinfection', 24, specialIncident),
      step('belongings_disposal', '妥善处理个人物品', 'Proper disposal of personal belongings', 24, specialIncident),
      step('contact_tracing', '全面追踪密切接触者', 'Full tracing of close contacts', 24, specialIncident),
      step('centralized_isolation', '密切接触者集中隔离', 'Centralized isolation of contacts', 24, specialIncident),
    ],
    enterprise: [
      step('report', '及时报告属地疾控和医疗机构', 'Report promptly to the local CDC and medical institutions', 2, enterpriseIncident),
      step('isolate', '隔离观察区隔离并就近送诊', 'Isolate in the observation area and send to hospital', 2, enterpriseIncident),
      step('investigate', '配合流行病学调查', 'Cooperate with the investigation', 24, enterpriseIncident),
    ],
    other: [
      step('report', '报告属地疾控', 'Report to the local CDC', 2, otherIncident),
      step('disinfection', '终末消毒', 'Terminal disinfection', 24, otherIncident),
      step('contact_tracing', '暴露人员排查和核酸检测', 'Trace and test the people exposed', 24, otherIncident),
    ],
  },
  duties: INSTITUTION_DUTIES,
};
