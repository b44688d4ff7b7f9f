import type { CalendarDate } from '../calendar/calendar-date.ts';
import type { CheckpointRules } from '../closed-management/checkpoint-rules.ts';
import type { PreparationKind, ReadinessRules, StockHolderKind } from '../protocols/readiness-seed-2020.ts';
import { exerciseIsRecent, missingChecklistItems, planReviewState } from './preparedness.ts';
import {
  crewFindings,
  drawdownFindings,
  type ResourceRecord,
  type StaffingInput,
  staffingFindings,
  type UnitInput,
  unitSupplyFindings,
} from './resource-checks.ts';
import { holderFindings, type ReadinessFinding, type StockLine } from './stock-checks.ts';

/**
 * The readiness of a jurisdiction (RES-001…RES-012, RES-015, PREP-001…PREP-004, SC-58…SC-60): red when a
 * facility the level keeps is missing or short (no designated hospital, quarantine capacity under 200,
 * fewer than 2 NAT labs, a town without a service point), a required item is out, no ambulance can be
 * crewed, or a designated hospital, isolation ward or observation beds were drawn down; amber when a reserve
 * is short of its norm, stock nears expiry, vehicles, crews, custodian or fund are short, a school or
 * checkpoint shift is understaffed, a unit keeps no supplies, a disinfection or plan review is overdue, or
 * no drill was held; green otherwise. Every colour comes with its reasons.
 */
export type ReadinessColour = 'green' | 'amber' | 'red';

export interface FacilityRecord extends ResourceRecord {
  checklistNo: number | null;
}

export interface ReadinessInput {
  level: string;
  name: string;
  holders: readonly { kind: StockHolderKind; name: string; lines: readonly StockLine[] }[];
  facilities: readonly FacilityRecord[];
  plans: readonly { title: string; reviewDueOn: CalendarDate }[];
  latestExerciseOn: CalendarDate | null;
  overdueDisinfections: readonly string[];
  /** Schools and today's checkpoint shifts under the jurisdiction (RES-006). */
  staffing: StaffingInput;
  /** Enterprises and special institutions under it, and whether each holds stock (RES-011). */
  units: readonly UnitInput[];
}

export interface ReadinessVerdict {
  colour: ReadinessColour;
  findings: ReadinessFinding[];
}

const ready = (facilities: readonly FacilityRecord[], kind: PreparationKind) =>
  facilities.filter((f) => f.kind === kind && f.status === 'ready');

function facilityFindings(input: ReadinessInput, rules: ReadinessRules): ReadinessFinding[] {
  const findings: ReadinessFinding[] = [];
  for (const norm of rules.facilities.filter((n) => n.level === input.level)) {
    const held = ready(input.facilities, norm.kind);
    const base = { level: norm.severity ?? ('red' as const), requirement: norm.requirement, basis: norm.basis };
    if (norm.minCount !== undefined && held.length < norm.minCount) {
      findings.push({ ...base, rule: 'facilityShort', values: { kind: norm.kind, count: held.length, required: norm.minCount } });
    }
    const capacity = held.reduce((sum, f) => sum + (f.capacity ?? 0), 0);
    if (norm.minCapacity !== undefined && capacity < norm.minCapacity) {
      findings.push({ ...base, rule: 'capacityShort', values: { kind: norm.kind, capacity, required: norm.minCapacity } });
    }
  }
  return findings;
}

function preparednessFindings(input: ReadinessInput, rules: ReadinessRules, today: CalendarDate): ReadinessFinding[] {
  if (input.level !== 'county') return [];
  const amber = { level: 'amber' as const };
  const findings: ReadinessFinding[] = [];
  if (input.plans.length === 0)
    findings.push({ ...amber, rule: 'noPlan', requirement: 'PREP-004', values: {}, basis: rules.planReviewWarning.basis });
  for (const plan of input.plans.filter((p) => planReviewState(p.reviewDueOn, today, rules) === 'overdue')) {
    findings.push({
      ...amber,
      rule: 'planReviewOverdue',
      requirement: 'PREP-004',
      values: { title: plan.title, reviewDueOn: plan.reviewDueOn },
      basis: rules.planReviewWarning.basis,
    });
  }
  if (!exerciseIsRecent(input.latestExerciseOn, today, rules)) {
    findings.push({
      ...amber,
      rule: 'noRecentExercise',
      requirement: 'PREP-002',
      values: { days: rules.exerciseInterval.days },
      basis: rules.exerciseInterval.basis,
    });
  }
  const readyNumbers = ready(input.facilities, 'checklist').flatMap((f) => (f.checklistNo === null ? [] : [f.checklistNo]));
  const missing = missingChecklistItems(readyNumbers, rules);
  if (missing.length > 0) {
    findings.push({
      ...amber,
      rule: 'checklistIncomplete',
      requirement: 'PREP-001',
      values: { missing: missing.join(', ') },
      basis: rules.checklistBasis,
    });
  }
  return findings;
}

function disinfectionFindings(input: ReadinessInput, rules: ReadinessRules): ReadinessFinding[] {
  return input.overdueDisinfections.map((place) => ({
    level: 'amber' as const,
    rule: 'disinfectionOverdue',
    requirement: 'ENV-003',
    holder: place,
    values: {},
    basis: rules.disinfection.residential_community.basis,
  }));
}

export function colourOf(findings: readonly ReadinessFinding[]): ReadinessColour {
  if (findings.some((f) => f.level === 'red')) return 'red';
  return findings.length > 0 ? 'amber' : 'green';
}

export function readinessVerdict(
  input: ReadinessInput,
  rules: ReadinessRules,
  today: CalendarDate,
  checkpoint?: CheckpointRules,
): ReadinessVerdict {
  const holders = [...input.holders];
  // A town keeps its own reserve (RES-001): a town with no stock recorded at all is short of every item.
  if (input.level === 'town' && !holders.some((h) => h.kind === 'town')) holders.push({ kind: 'town', name: input.name, lines: [] });
  const findings = [
    ...facilityFindings(input, rules),
    ...crewFindings(input.level, input.facilities, rules),
    ...drawdownFindings(input.facilities, rules),
    ...staffingFindings(input.staffing, rules, checkpoint),
    ...unitSupplyFindings(input.units, rules),
    ...holders.flatMap((h) => holderFindings(h, h.lines, rules, today)),
    ...disinfectionFindings(input, rules),
    ...preparednessFindings(input, rules, today),
  ];
  findings.sort((a, b) => (a.level === b.level ? 0 : a.level === 'red' ? -1 : 1));
  return { colour: colourOf(findings), findings };
}
