import { because, type Reason } from '../key-persons/reason.ts';
import type { CaseClassification, ClinicalType } from '../protocols/protocol-types.ts';
import type { ResponseRoutingRules, RoutedPatient, RoutingTarget, VehicleKind } from '../protocols/response-routing-seed-002.ts';
import type { ResponseLevel } from '../protocols/response-rule-types.ts';
import { levelsUpTo } from './response-rules.ts';

export interface RoutingAnswer {
  target: RoutingTarget;
  because: Reason[];
}

/**
 * Where a patient goes at a response level (seed 002 §九): the rule of the highest level in force that names the
 * patient (a level holds the lower levels' rules); null when no rule in force names them (no response: null level).
 */
export function patientRouting(rules: ResponseRoutingRules, level: ResponseLevel | null, patient: RoutedPatient): RoutingAnswer | null {
  if (!level) return null;
  const inForce = new Set(levelsUpTo(level));
  const rule = rules.patients.filter((r) => r.patient === patient && inForce.has(r.fromLevel)).at(-1);
  return rule ? { target: rule.target, because: [because(`routing.${patient}`, rule.basis)] } : null;
}

/**
 * The patient as routing sees a case (seed 002 §九(三)1 names 重症 and 轻症): severe and critical types are severe; a
 * confirmed case of any other or no clinical type is mild (configured: the seed's 轻症 covers 轻型 and 普通型); null:
 * an excluded case is routed nowhere.
 */
export function routedPatientOf(classification: CaseClassification, clinicalType: ClinicalType | null): RoutedPatient | null {
  if (classification === 'excluded') return null;
  if (classification !== 'confirmed') return classification;
  return clinicalType === 'severe' || clinicalType === 'critical' ? 'severe' : 'mild';
}

/** Whether the full closure of a region holds at a level (LVL-I-01: from Level I). */
export function closureInForce(rules: ResponseRoutingRules, level: ResponseLevel | null): boolean {
  return level !== null && levelsUpTo(level).includes(rules.closure.fromLevel);
}

/** Level I full closure (LVL-I-01): only living- and protective-supply vehicles enter; below the closure level all do. */
export function vehicleEntryAllowed(
  rules: ResponseRoutingRules,
  level: ResponseLevel | null,
  vehicle: VehicleKind,
): { allowed: boolean; because: Reason[] } {
  const { allowedVehicles, basis } = rules.closure;
  if (!closureInForce(rules, level)) return { allowed: true, because: [] };
  const allowed = allowedVehicles.includes(vehicle);
  return { allowed, because: [because(allowed ? 'closure.supplyVehicle' : 'closure.vehicleDenied', basis)] };
}
