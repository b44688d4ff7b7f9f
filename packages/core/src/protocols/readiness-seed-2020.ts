import { clause } from './clause.ts';
import type { Clause } from './protocol-types.ts';

/**
 * Supplies, facilities and preparedness as the seeds set them (REQUIREMENTS §11 RES-, §14 ENV-003,
 * §17 PREP-): the reserves a holder keeps, the facilities a county and a town keep, how often places
 * are disinfected, and the windows the platform warns in. Rule values live here with their clause.
 */

/** What is stocked (RES-003's seven PPE types, RES-012's checkpoint kit, RES-004's suits). */
export const SUPPLY_ITEMS = [
  'work_clothes',
  'isolation_gown',
  'gloves',
  'work_cap',
  'protective_mask',
  'disinfectant',
  'hand_sanitizer',
  'medical_mask',
  'protective_suit',
  'thermometer_gun',
  'sprayer',
] as const;
export type SupplyItem = (typeof SUPPLY_ITEMS)[number];

/** Who holds stock: a town/street, a quarantine site, a hospital, a checkpoint kit (RES-012), the district store, a unit (RES-011). */
export const STOCK_HOLDER_KINDS = ['town', 'quarantine_site', 'hospital', 'checkpoint_kit', 'district', 'institution'] as const;
export type StockHolderKind = (typeof STOCK_HOLDER_KINDS)[number];

/**
 * Facilities, resources and preparation items a jurisdiction records (RES-002, RES-001, RES-007, PREP-001;
 * RES-005 vehicles and crews, one row a vehicle or a person; RES-009 the scarce-supply custodian; RES-010 the
 * emergency fund; RES-015 isolation wards and observation beds, capacity the beds).
 */
export const PREPARATION_KINDS = [
  'designated_hospital',
  'asymptomatic_observation_point',
  'quarantine_site',
  'service_point',
  'nat_lab',
  'fever_clinic',
  'checklist',
  'ambulance',
  'ambulance_driver',
  'ambulance_doctor',
  'vehicle_lead',
  'police_vehicle',
  'isolation_ward',
  'observation_beds',
  'supply_custodian',
  'emergency_fund',
] as const;
export type PreparationKind = (typeof PREPARATION_KINDS)[number];

/** A reserve a holder keeps: days of cover at its daily use, sets for N simultaneous patients, or a minimum count. */
export type ReserveRule =
  | { kind: 'days_of_cover'; days: number }
  | { kind: 'patients'; patients: number; perPatient: number }
  | { kind: 'minimum'; quantity: number };

export interface ReserveNorm {
  id: string;
  requirement: string;
  holderKind: StockHolderKind;
  items: readonly SupplyItem[];
  rule: ReserveRule;
  basis: Clause;
}

/** A facility a jurisdiction of a level keeps: how many ready, or how much capacity in all; red when short unless `severity` says amber. */
export interface FacilityNorm {
  id: string;
  requirement: string;
  level: 'county' | 'town';
  kind: PreparationKind;
  minCount?: number;
  minCapacity?: number;
  severity?: 'red' | 'amber';
  basis: Clause;
}

/** Each vehicle of a kind needs so many of each crew kind (RES-005: an ambulance goes out with a driver and a doctor). */
export interface CrewNorm {
  id: string;
  requirement: string;
  level: 'county' | 'town';
  vehicle: PreparationKind;
  crew: readonly { kind: PreparationKind; perVehicle: number }[];
  basis: Clause;
}

/** Kinds whose capacity may not fall below the highest recorded (RES-015, MED-001): red when it does, or when withdrawn. */
export interface NoDrawdownNorm {
  requirement: string;
  kinds: readonly PreparationKind[];
  basis: Clause;
}

/** Staffing ratios read by readiness (RES-006); the ratios themselves live in the institution and checkpoint protocols. */
export interface StaffingNorm {
  requirement: string;
  schoolHealthWorkers: Clause;
  checkpointShifts: Clause;
}

/** Units of these institution kinds keep prevention supplies for their people as a stock holder of kind `institution` (RES-011). */
export interface UnitSuppliesNorm {
  requirement: string;
  institutionKinds: readonly string[];
  basis: Clause;
}

export const DISINFECTION_PLACE_KINDS = ['residential_community', 'sealed_building', 'live_poultry_market', 'household'] as const;
export type DisinfectionPlaceKind = (typeof DISINFECTION_PLACE_KINDS)[number];

export interface DisinfectionFrequency {
  times: number;
  per: 'day' | 'week';
  basis: Clause;
}

export interface ReadinessRules {
  id: string;
  reserves: readonly ReserveNorm[];
  facilities: readonly FacilityNorm[];
  crews: readonly CrewNorm[];
  noDrawdown: NoDrawdownNorm;
  staffing: StaffingNorm;
  unitSupplies: UnitSuppliesNorm;
  /** Items whose issue must name its purpose: scarce protective supplies are dispatched precisely (RES-009). */
  scarceItems: { items: readonly SupplyItem[]; basis: Clause };
  disinfection: Record<DisinfectionPlaceKind, DisinfectionFrequency>;
  /**
   * SC-55 (seed 004 Part A-Annex): a fever patient reported by an enterprise is fetched by the first free vehicle of these kinds in
   * order (120 ambulances, then the police station's backup vehicles); the run closes only with a handover record.
   */
  feverDispatch: { vehicleOrder: readonly PreparationKind[]; handoverRequired: boolean; basis: Clause };
  /** Stock that expires within this many days is flagged (and not counted once expired). */
  expiryWarning: { days: number; basis: Clause };
  /** A plan whose review date is this close is flagged before it is overdue (PREP-004). */
  planReviewWarning: { days: number; basis: Clause };
  /** A jurisdiction without a drill or training in this many days is flagged (PREP-002: drills run regularly). */
  exerciseInterval: { days: number; basis: Clause };
  /** The ten preparation-stage items of PREP-001. */
  checklist: readonly { no: number; zh: string; en: string }[];
  checklistBasis: Clause;
}

const S000 = 'seed 000';
const S001 = 'seed 001';
const S003 = 'seed 003';
const S004 = 'seed 004';
const PPE_SEVEN: readonly SupplyItem[] = [
  'work_clothes',
  'isolation_gown',
  'gloves',
  'work_cap',
  'protective_mask',
  'disinfectant',
  'hand_sanitizer',
];
const PROTECTIVE_AND_DISINFECTION: readonly SupplyItem[] = [
  'isolation_gown',
  'gloves',
  'protective_mask',
  'medical_mask',
  'protective_suit',
  'disinfectant',
  'hand_sanitizer',
];

const RESERVES: ReserveNorm[] = [
  {
    id: 'town_month_reserve',
    requirement: 'RES-001',
    holderKind: 'town',
    items: PROTECTIVE_AND_DISINFECTION,
    rule: { kind: 'days_of_cover', days: 30 },
    basis: clause(
      S000,
      '§三(二)10',
      'Each town/street keeps a one-month reserve of protective and disinfection supplies (a month counted as 30 days)',
    ),
  },
  {
    id: 'town_fever_patient_ppe',
    requirement: 'RES-003',
    holderKind: 'town',
    items: PPE_SEVEN,
    rule: { kind: 'patients', patients: 5, perPatient: 1 },
    basis: clause(
      S004,
      'Part A-Annex §五',
      'Emergency PPE for handling at least 5 fever patients at the same time, all seven item types (one set per patient)',
      true,
    ),
  },
  {
    id: 'site_month_reserve',
    requirement: 'RES-008',
    holderKind: 'quarantine_site',
    items: PROTECTIVE_AND_DISINFECTION,
    rule: { kind: 'days_of_cover', days: 30 },
    basis: clause(S000, '§三(二)10', 'Quarantine sites keep a one-month reserve of protective and disinfection supplies', true),
  },
  {
    id: 'checkpoint_kit',
    requirement: 'RES-012',
    holderKind: 'checkpoint_kit',
    items: ['thermometer_gun', 'medical_mask', 'disinfectant', 'sprayer'],
    rule: { kind: 'minimum', quantity: 1 },
    basis: clause(S001, '§三(一)4', 'Checkpoints are equipped with temperature guns, masks, disinfectant and sprayers'),
  },
  {
    id: 'hospital_full_load_reserve',
    requirement: 'RES-004',
    holderKind: 'hospital',
    items: ['protective_suit', 'protective_mask', 'isolation_gown', 'gloves', 'disinfectant'],
    rule: { kind: 'days_of_cover', days: 30 },
    basis: clause(
      'seed 002',
      '§七(七)',
      'Medical institutions keep a reserve matching their need at full workload (daily use recorded at full load; 30 days of cover)',
      true,
    ),
  },
  {
    id: 'unit_supplies',
    requirement: 'RES-011',
    holderKind: 'institution',
    items: ['medical_mask', 'disinfectant', 'thermometer_gun'],
    rule: { kind: 'minimum', quantity: 1 },
    basis: clause(S000, '§三(三)4', 'Enterprises and special institutions keep masks, disinfectant and thermometers for their people'),
  },
];

/** Seed 004 Part A-Annex §二: 3 × 120 ambulances, 4 drivers, 5 doctors, 1 responsible person, 6 backup police vehicles. */
function vehicleNorms(): FacilityNorm[] {
  const basis = clause(
    S004,
    'Part A-Annex §二',
    'Emergency vehicles: 3 ambulances, 4 drivers, 5 doctors, 1 responsible person, 6 police vehicles',
  );
  const norm = (kind: PreparationKind, minCount: number): FacilityNorm => ({
    id: `town_${kind}`,
    requirement: 'RES-005',
    level: 'town',
    kind,
    minCount,
    severity: 'amber',
    basis,
  });
  return [
    norm('ambulance', 3),
    norm('ambulance_driver', 4),
    norm('ambulance_doctor', 5),
    norm('vehicle_lead', 1),
    norm('police_vehicle', 6),
  ];
}

const FACILITIES: FacilityNorm[] = [
  {
    id: 'county_designated_hospital',
    requirement: 'RES-002',
    level: 'county',
    kind: 'designated_hospital',
    minCount: 1,
    basis: clause(S003, 'item 9', 'At least one designated hospital per county'),
  },
  {
    id: 'county_asymptomatic_point',
    requirement: 'RES-002',
    level: 'county',
    kind: 'asymptomatic_observation_point',
    minCount: 1,
    basis: clause(S003, 'item 9', 'One asymptomatic medical-observation point per county'),
  },
  {
    id: 'county_quarantine_capacity',
    requirement: 'RES-002',
    level: 'county',
    kind: 'quarantine_site',
    minCapacity: 200,
    basis: clause(S003, 'item 9', 'Centralized quarantine holding at least 200 persons (capacity of the ready sites summed)'),
  },
  {
    id: 'county_nat_labs',
    requirement: 'RES-007',
    level: 'county',
    kind: 'nat_lab',
    minCount: 2,
    basis: clause(S003, 'item 20', 'At least 2 NAT laboratories per county in 2020'),
  },
  {
    id: 'town_service_point',
    requirement: 'RES-001',
    level: 'town',
    kind: 'service_point',
    minCount: 1,
    basis: clause(S000, '§三(二)10', 'Each town/street keeps one centralized service point (isolation point)'),
  },
  ...vehicleNorms(),
  {
    id: 'town_supply_custodian',
    requirement: 'RES-009',
    level: 'town',
    kind: 'supply_custodian',
    minCount: 1,
    severity: 'amber',
    basis: clause(
      'seed 002',
      '§十(六)',
      'Scarce protective supplies are managed under a responsibility system: a named custodian per street',
    ),
  },
  {
    id: 'town_emergency_fund',
    requirement: 'RES-010',
    level: 'town',
    kind: 'emergency_fund',
    minCount: 1,
    severity: 'amber',
    basis: clause(S004, 'Part A §三(七)', 'Health-emergency funds are budgeted at township/street level'),
  },
];

const CHECKLIST = [
  {
    no: 1,
    zh: '更新技术方案，开展筛查、检测、报告和管理培训',
    en: 'Update technical plans; train screening, detection, reporting and management',
  },
  { no: 2, zh: '跟踪国内外疫情，开展风险评估并提出建议', en: 'Track the epidemic; run risk assessments and advise the government' },
  { no: 3, zh: '流感样病例、SARI、不明原因肺炎监测和环境监测', en: 'ILI, SARI, unknown-pneumonia and environmental surveillance' },
  { no: 4, zh: '预检分诊、发热门诊和核酸检测能力', en: 'Pre-examination triage, fever clinics and NAT capacity' },
  { no: 5, zh: '医务人员培训、感染病房和重症监护病房', en: 'Staff training; infectious-disease and ICU wards' },
  { no: 6, zh: '常态化联防联控机制', en: 'Normalized joint prevention and control mechanism' },
  { no: 7, zh: '物资储备', en: 'Supply reserves' },
  { no: 8, zh: '健康教育和风险沟通', en: 'Health education and risk communication' },
  { no: 9, zh: '社区培训与规范的疫情信息报告程序', en: 'Community training and a standard information-reporting procedure' },
  { no: 10, zh: '方舱医院标准和选址、隔离场所储备', en: 'Fangcang standards and sites; a reserve of quarantine sites' },
] as const;

export const READINESS_SEED_2020: ReadinessRules = {
  id: 'seed-2020',
  feverDispatch: {
    vehicleOrder: ['ambulance', 'police_vehicle'],
    handoverRequired: true,
    basis: clause(
      S004,
      'Part A-Annex §一–§二',
      'A fever patient reported to the reception contact is fetched by one of the 3 ambulances, or a backup police vehicle, and handed over to the designated institution',
    ),
  },
  reserves: RESERVES,
  facilities: FACILITIES,
  crews: [
    {
      id: 'ambulance_crew',
      requirement: 'RES-005',
      level: 'town',
      vehicle: 'ambulance',
      crew: [
        { kind: 'ambulance_driver', perVehicle: 1 },
        { kind: 'ambulance_doctor', perVehicle: 1 },
      ],
      basis: clause(S004, 'Part A-Annex §二', 'Each 120 ambulance goes out with a driver and a doctor'),
    },
  ],
  noDrawdown: {
    requirement: 'RES-015',
    kinds: ['designated_hospital', 'isolation_ward', 'observation_beds'],
    basis: clause(S000, '§三(二)4', 'Designated hospitals are not withdrawn, isolation wards not reduced, observation beds not cut'),
  },
  staffing: {
    requirement: 'RES-006',
    schoolHealthWorkers: clause('seed 003', 'item 14', 'One professional health worker per 600 students (SCH-010)'),
    checkpointShifts: clause(S001, '§三(二)1', 'Checkpoints: at least 4 on duty by day and 2 at night (COMM-010)'),
  },
  unitSupplies: {
    requirement: 'RES-011',
    institutionKinds: ['enterprise', 'special_institution'],
    basis: clause(S000, '§三(三)4', 'Enterprises keep prevention supplies for employees; special institutions keep reserves'),
  },
  scarceItems: {
    items: ['protective_suit', 'protective_mask'],
    basis: clause('seed 002', '§十(六)', 'Scarce protective supplies: precise dispatch and guidance on rational use'),
  },
  disinfection: {
    residential_community: { times: 1, per: 'day', basis: clause(S001, '§三(一)5', 'Residential communities are disinfected once a day') },
    sealed_building: {
      times: 2,
      per: 'day',
      basis: clause(S004, 'Part A §三(一)', 'Public areas of sealed buildings and units are disinfected at least twice a day'),
    },
    live_poultry_market: {
      times: 1,
      per: 'week',
      basis: clause(
        S001,
        '§三(三)4',
        'Live-poultry markets: the 1110 rule (cleaned daily, disinfected weekly, closed monthly, no stock overnight)',
      ),
    },
    household: {
      times: 2,
      per: 'day',
      basis: clause(S004, 'Part B §二(一)3', 'Households ventilate at least 2–3 times a day, 30 minutes or more each'),
    },
  },
  expiryWarning: {
    days: 30,
    basis: clause(S004, 'Part A §二(四)', 'Supply status is tracked, expiry included (a 30-day warning window)', true),
  },
  planReviewWarning: {
    days: 30,
    basis: clause('seed 002', '§十一', 'Plans are kept current (flagged 30 days before their review date)', true),
  },
  exerciseInterval: { days: 365, basis: clause('seed 000', '§三(二)3', 'Emergency drills run regularly (at least once a year)', true) },
  checklist: CHECKLIST,
  checklistBasis: clause('seed 002', '§七(一)–(十)', 'The ten preparation-stage measures (应急准备措施)'),
};

/** The rules in force; one edition today (the seeds of 2020). */
export const readinessRules = (): ReadinessRules => READINESS_SEED_2020;
