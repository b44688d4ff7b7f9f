import type { PreparationKind, ReadinessRules } from '../protocols/readiness-seed-2020.ts';

/** A recorded vehicle of the street (RES-005) and whether it is out on a run now. */
export interface DispatchVehicle {
  id: string;
  kind: PreparationKind;
  busy: boolean;
}

/** SC-55: the vehicle a fever-patient run takes: the first free one of the protocol's kinds in order; null if none. */
export function feverDispatchVehicle(rules: Pick<ReadinessRules, 'feverDispatch'>, vehicles: readonly DispatchVehicle[]) {
  for (const kind of rules.feverDispatch.vehicleOrder) {
    const free = vehicles.find((v) => v.kind === kind && !v.busy);
    if (free) return free;
  }
  return null;
}

/** SC-55: a run closes only once the handover with the receiving designated institution is recorded (null: it may close). */
export function feverDispatchCloseProblem(
  rules: Pick<ReadinessRules, 'feverDispatch'>,
  handover: { receivingInstitution: string; handedOverAt: Date } | null,
): { field: 'handover'; reason: 'handoverRequired' } | null {
  const missing = handover === null || handover.receivingInstitution.trim() === '';
  return rules.feverDispatch.handoverRequired && missing ? { field: 'handover', reason: 'handoverRequired' } : null;
}
