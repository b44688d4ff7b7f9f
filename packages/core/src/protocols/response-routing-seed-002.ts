import { clause } from './clause.ts';
import type { Clause } from './protocol-types.ts';
import type { ResponseLevel } from './response-rule-types.ts';

/** The patient as routing sees them (seed 002 §九): a suspected case, or a confirmed case by severity, or asymptomatic. */
export const ROUTED_PATIENTS = ['suspected', 'mild', 'severe', 'asymptomatic'] as const;
export type RoutedPatient = (typeof ROUTED_PATIENTS)[number];
export const ROUTING_TARGETS = ['municipal_designated_hospital', 'district_designated_hospital'] as const;
export type RoutingTarget = (typeof ROUTING_TARGETS)[number];

/** A routing rule in force from a level up (a level keeps the lower levels' rules unless it overrides them). */
export interface PatientRoutingRule {
  fromLevel: ResponseLevel;
  patient: RoutedPatient;
  target: RoutingTarget;
  basis: Clause;
}

/** Who may still enter a region under full closure (seed 002 §九(四)1): the vehicle kinds let through. */
export const VEHICLE_KINDS = ['living_supplies', 'protective_supplies', 'passenger', 'freight', 'private'] as const;
export type VehicleKind = (typeof VEHICLE_KINDS)[number];

/** The symptom classes an active search looks for (seed 002 §九(一)8: 发热、呼吸道症状或腹泻等消化道症状). */
export const SEARCHED_SYMPTOMS = ['fever', 'respiratory', 'gastrointestinal'] as const;
export type SearchedSymptom = (typeof SEARCHED_SYMPTOMS)[number];

export interface ResponseRoutingRules {
  edition: string;
  /** LVL-IV-08: the active symptom search in a delineated control area: symptoms reported within these days. */
  activeSearch: { withinDays: number; symptoms: readonly SearchedSymptom[]; basis: Clause };
  patients: readonly PatientRoutingRule[];
  closure: { fromLevel: ResponseLevel; allowedVehicles: readonly VehicleKind[]; basis: Clause };
}

const S002 = 'seed 002';

/** seed 002 §九: suspected cases to the municipal hospital from Level IV; triage by severity from Level II; closure at I. */
export const RESPONSE_ROUTING_SEED_002: ResponseRoutingRules = {
  edition: 'seed-2020',
  activeSearch: {
    withinDays: 14,
    symptoms: ['fever', 'respiratory', 'gastrointestinal'],
    basis: clause(S002, '§九(一)8', '对划定的防控区域近14天内有发热、呼吸道症状或腹泻等消化道症状者进行主动搜索，并送医排查'),
  },
  patients: [
    {
      fromLevel: 'IV',
      patient: 'suspected',
      target: 'municipal_designated_hospital',
      basis: clause(S002, '§九(一)3', '疑似病例转诊市级定点收治医院: suspected cases are referred to the municipal designated hospital'),
    },
    {
      fromLevel: 'II',
      patient: 'severe',
      target: 'municipal_designated_hospital',
      basis: clause(S002, '§九(三)1', '重症病人转诊市级定点收治医院: severe cases go to the municipal designated hospital'),
    },
    {
      fromLevel: 'II',
      patient: 'mild',
      target: 'district_designated_hospital',
      basis: clause(S002, '§九(三)1', '启用区级定点收治医院，重点救治轻症病人: mild cases go to the district designated hospital'),
    },
    {
      fromLevel: 'II',
      patient: 'asymptomatic',
      target: 'district_designated_hospital',
      basis: clause(S002, '§九(三)1', '区级定点收治医院…重点救治轻症病人和无症状感染者: asymptomatic infections to the district hospital'),
    },
  ],
  closure: {
    fromLevel: 'I',
    allowedVehicles: ['living_supplies', 'protective_supplies'],
    basis: clause(S002, '§九(四)1', '区域进行全封闭管理，限制车辆和人员进出（生活物资、防护物资运输车辆除外）'),
  },
};
