import { staffingProblems } from '../closed-management/checkpoint-decision.ts';
import { type CheckpointRules, SEED_001_CHECKPOINT_RULES, type Shift } from '../closed-management/checkpoint-rules.ts';
import { healthWorkersNeeded } from '../institutions/institution-profile.ts';
import type { PreparationKind, ReadinessRules } from '../protocols/readiness-seed-2020.ts';
import type { ReadinessFinding } from './stock-checks.ts';

/**
 * Readiness beyond stock and facility counts (REQUIREMENTS §11): crewed vehicles (RES-005), staffing ratios
 * (RES-006, asking the school and checkpoint rules where they live), scarce-supply dispatch (RES-009), unit
 * reserves (RES-011) and no drawdown of designated hospitals, isolation wards and observation beds (RES-015).
 */
export interface ResourceRecord {
  kind: PreparationKind;
  name: string;
  status: string;
  capacity: number | null;
  /** The highest capacity recorded while ready (1 for a facility without beds): the floor MED-001 keeps (RES-015). */
  keptCapacity: number | null;
}

export interface StaffingInput {
  schools: readonly { name: string; students: number; healthWorkers: number }[];
  shifts: readonly { checkpoint: string; shift: Shift; staffCount: number }[];
}

export interface UnitInput {
  name: string;
  kind: string;
  holdsStock: boolean;
}

const readyCount = (records: readonly ResourceRecord[], kind: PreparationKind) =>
  records.filter((r) => r.kind === kind && r.status === 'ready').length;

/** RES-005: each vehicle needs its crew; red when no vehicle can go out, amber when some cannot. */
export function crewFindings(level: string, records: readonly ResourceRecord[], rules: ReadinessRules): ReadinessFinding[] {
  const findings: ReadinessFinding[] = [];
  for (const norm of rules.crews.filter((n) => n.level === level)) {
    const vehicles = readyCount(records, norm.vehicle);
    if (vehicles === 0) continue; // no vehicle at all is the facility norm's finding, not a crew one
    const crewed = Math.min(vehicles, ...norm.crew.map((c) => Math.floor(readyCount(records, c.kind) / c.perVehicle)));
    if (crewed >= vehicles) continue;
    findings.push({
      level: crewed === 0 ? 'red' : 'amber',
      rule: 'vehiclesUncrewed',
      requirement: norm.requirement,
      values: { kind: norm.vehicle, vehicles, crewed },
      basis: norm.basis,
    });
  }
  return findings;
}

/** RES-015 (MED-001): a kept facility withdrawn, or its capacity below the highest recorded, is red. */
export function drawdownFindings(records: readonly ResourceRecord[], rules: ReadinessRules): ReadinessFinding[] {
  const { requirement, kinds, basis } = rules.noDrawdown;
  return records
    .filter((r) => kinds.includes(r.kind) && r.keptCapacity !== null)
    .flatMap((r): ReadinessFinding[] => {
      const kept = r.keptCapacity ?? 0;
      const now = r.status === 'ready' ? (r.capacity ?? 1) : 0;
      if (now >= kept) return [];
      const rule = r.status === 'ready' ? 'capacityDrawnDown' : 'facilityWithdrawn';
      return [{ level: 'red', rule, requirement, holder: r.name, values: { kind: r.kind, capacity: now, kept }, basis }];
    });
}

/** RES-006: schools short of health workers (SCH-010) and checkpoint shifts short of staff (COMM-010), amber each. */
export function staffingFindings(
  input: StaffingInput,
  rules: ReadinessRules,
  checkpoint: CheckpointRules = SEED_001_CHECKPOINT_RULES,
): ReadinessFinding[] {
  const { requirement, schoolHealthWorkers, checkpointShifts } = rules.staffing;
  const schools = input.schools.flatMap((s): ReadinessFinding[] => {
    const needed = healthWorkersNeeded(s.students);
    if (s.healthWorkers >= needed) return [];
    const values = { needed, have: s.healthWorkers, students: s.students };
    return [{ level: 'amber', rule: 'schoolHealthWorkersShort', requirement, holder: s.name, values, basis: schoolHealthWorkers }];
  });
  const shifts = input.shifts.flatMap((s) =>
    staffingProblems(checkpoint, s.shift, s.staffCount).map(
      (p): ReadinessFinding => ({
        level: 'amber',
        rule: 'checkpointShiftShort',
        requirement,
        holder: s.checkpoint,
        values: { shift: p.shift, onDuty: p.onDuty, minimum: p.minimum },
        basis: checkpointShifts,
      }),
    ),
  );
  return [...schools, ...shifts];
}

/** RES-011: an enterprise or special institution with no supplies recorded as a holder is amber. */
export function unitSupplyFindings(units: readonly UnitInput[], rules: ReadinessRules): ReadinessFinding[] {
  const { requirement, institutionKinds, basis } = rules.unitSupplies;
  return units
    .filter((u) => institutionKinds.includes(u.kind) && !u.holdsStock)
    .map((u) => ({ level: 'amber' as const, rule: 'unitNoSupplies', requirement, holder: u.name, values: { kind: u.kind }, basis }));
}

/** RES-009: an issue or transfer of a scarce item names its purpose (precise dispatch); the field that is missing, or null. */
export function dispatchPurposeMissing(
  item: string,
  movement: { kind: string; reason?: string | null },
  rules: Pick<ReadinessRules, 'scarceItems'>,
): 'reason' | null {
  const scarce = (rules.scarceItems.items as readonly string[]).includes(item);
  const outgoing = movement.kind === 'issue' || movement.kind === 'transfer';
  return scarce && outgoing && !movement.reason?.trim() ? 'reason' : null;
}

/** The highest capacity a no-drawdown facility has held while ready (a facility without beds counts 1): the floor it keeps (RES-015). */
export function keptCapacityAfter(
  kind: PreparationKind,
  kept: number | null,
  status: string,
  capacity: number | null,
  rules: ReadinessRules,
): number | null {
  if (!rules.noDrawdown.kinds.includes(kind) || status !== 'ready') return kept;
  return Math.max(kept ?? 0, capacity ?? 1);
}
