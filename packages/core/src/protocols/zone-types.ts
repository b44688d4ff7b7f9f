import type { Clause, InfectionClassification, ZoneType } from './protocol-types.ts';

/**
 * Risk areas and control zones (REQUIREMENTS §3 ZONE-001…017, RULES-001, §18 V8/V9): the grade of an
 * area, how it is computed, the spots and zones an outbreak type asks for, and when a zone may be lifted.
 * Every value is an edition's, with its clause; the code that applies them holds no number of its own.
 */
export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** The zone types a control zone can be (a campaign's `general` is "no zone"). */
export const CONTROL_ZONE_TYPES = ['sealed_zone', 'controlled_zone', 'precaution_zone'] as const satisfies readonly ZoneType[];
export type ControlZoneType = (typeof CONTROL_ZONE_TYPES)[number];

/** ZONE-004 (seed 003 item 18): sporadic, cluster or transmission. */
export const ZONE_OUTBREAK_TYPES = ['sporadic', 'cluster', 'transmission'] as const;
export type ZoneOutbreakType = (typeof ZONE_OUTBREAK_TYPES)[number];

/** 疫点 / 疫区, or a control area drawn without an outbreak type (ZONE-002). */
export const ZONE_KINDS = ['outbreak_spot', 'outbreak_zone', 'control_area'] as const;
export type ZoneKind = (typeof ZONE_KINDS)[number];

/** What a minimum control unit (最小防控单元, ZONE-003) may be: a jurisdiction (town, village, grid) or a place. */
export const CONTROL_UNIT_KINDS = ['jurisdiction', 'grid', 'building', 'unit'] as const;
export type ControlUnitKind = (typeof CONTROL_UNIT_KINDS)[number];

/** The level of the jurisdiction tree an area is graded at (V9): town/street, county, or the residential compound/village. */
export const GRADING_LEVELS = ['county', 'town', 'village'] as const;
export type GradingLevel = (typeof GRADING_LEVELS)[number];

/**
 * How a grade is computed from the cases of an area.
 * `cumulative_cases` (the national rule of 2020): no new case in `windowDays` → low; new cases and a
 * cumulative total ≤ `cumulativeThreshold`, or above it without a cluster in the window → medium; above it
 * with a cluster in the window → high.
 * `days_since_last_case` (the 9th edition): an infection within `highDays` → high; then medium until
 * `mediumDays` more days pass without one; then low.
 */
export type RiskGradingRule =
  | {
      kind: 'cumulative_cases';
      windowDays: number;
      cumulativeThreshold: number;
      counts: InfectionClassification[];
      basis: { low: Clause; medium: Clause; high: Clause };
    }
  | {
      kind: 'days_since_last_case';
      highDays: number;
      mediumDays: number;
      counts: InfectionClassification[];
      basis: { low: Clause; medium: Clause; high: Clause };
    };

export interface RiskRules {
  grading: RiskGradingRule;
  /** The unit of grading (V9); a local profile may set another. */
  unit: { level: GradingLevel; basis: Clause };
  /** Who assesses and who publishes by default (the person publishing names the authority actually issuing). */
  authority: { assessor: string; publisher: string; basis: Clause };
}

/** The spot or zone an outbreak type asks for (ZONE-004), on which unit, with which zone type. */
export interface DelineationRule {
  outbreakType: ZoneOutbreakType;
  kind: Exclude<ZoneKind, 'control_area'>;
  /** The unit the zone is drawn over: the case's building, its compound (grid) or its community (village). */
  unit: 'building' | 'grid' | 'village';
  zoneType: ControlZoneType;
  /** A spot may be upgraded to a zone when the area is large (cluster). */
  mayUpgradeTo?: Exclude<ZoneKind, 'control_area'>;
  basis: Clause;
}

/** When a zone of a type may be lifted (ZONE-017): a checklist, each item with its clause. */
export interface LiftingRule {
  zoneType: ControlZoneType;
  /** No new case among the zone's residents for this many days (counted from the later of the start and the last case). */
  quietDays: number;
  quietBasis: Clause;
  /** The close contacts of the zone's cases: each one's last test negative. */
  contactsNegative: Clause | null;
  /** An area-wide screening of the zone's residents after the last case, every one negative. */
  areaScreening: Clause | null;
}

/** What a zone type does to its residents elsewhere (the pool comes from the testing rules, the colour from the code rules). */
export interface ZoneRules {
  delineation: DelineationRule[];
  lifting: LiftingRule[];
  /** Who may draw a zone and on what: a zone needs a basis (a case, a cluster or a decision). */
  basis: Clause;
}

/** A colour rule's facts about where a person lives (asked by the code colour, answered once in core/codes). */
export interface ResidenceFacts {
  /** The published grade of the person's area, if any. */
  riskLevel: RiskLevel | null;
  /** The types of the active control zones the person's home lies in. */
  zoneTypes: ControlZoneType[];
}
