import type { CalendarDate } from '../calendar/calendar-date.ts';
import type { Clause, KeyPersonCategory, ManagementType, TestKind } from '../protocols/protocol-types.ts';
import type { ControlZoneType, ResidenceFacts, RiskLevel } from '../protocols/zone-types.ts';

export const CODE_COLOURS = ['green', 'yellow', 'red'] as const;
export type CodeColour = (typeof CODE_COLOURS)[number];

/** Only health facts reach the colour: nothing about the person's other business can (Henan 2022). */
export interface HealthFacts {
  /** Episodes still active (not ended or converted). */
  episodes: { category: KeyPersonCategory; managementType: ManagementType; released: boolean }[];
  /** Every test of the person; `pooled` when the result is a pool's (see standingResults). */
  tests: { kind: TestKind; result: 'pending' | 'negative' | 'positive' | 'indeterminate'; sampledAt: Date; pooled?: boolean }[];
  declarations: { date: CalendarDate; symptoms: string[]; temperatureTenths: number | null }[];
  arrivals: { arrivedOn: CalendarDate; fromRiskLevel: 'low' | 'medium' | 'high'; atDestination: boolean }[];
  /** The testing cycle of a mandatory group the person belongs to, if any (hours between tests). */
  mandatoryTestCycleHours: number | null;
  /** An approved manual change still in force: it sets the colour, and the person sees its basis. */
  manualChange?: ManualChange | null;
  /** Where the person lives: the published grade of the area and the active zones over the home (issue 14). */
  residence?: ResidenceFacts;
}

export interface ManualChange {
  colour: CodeColour;
  basisKind: 'record' | 'rule';
  basisRef: string;
  basisNote: string;
  validUntil: Date | null;
}

export type CodeRule =
  | { kind: 'caseCategory'; categories: KeyPersonCategory[]; colour: CodeColour; basis: Clause }
  | { kind: 'underManagement'; categories: KeyPersonCategory[]; managementTypes: ManagementType[]; colour: CodeColour; basis: Clause }
  | { kind: 'positiveResult'; withinDays: number; colour: CodeColour; basis: Clause }
  | { kind: 'unresolvedResult'; withinDays: number; colour: CodeColour; basis: Clause }
  | { kind: 'declaredSymptoms'; withinDays: number; feverThresholdTenths: number; colour: CodeColour; basis: Clause }
  | { kind: 'riskAreaArrival'; levels: ('medium' | 'high')[]; withinDays: number; colour: CodeColour; basis: Clause }
  | { kind: 'notAtDestination'; colour: CodeColour; basis: Clause }
  | { kind: 'missingMandatoryTest'; colour: CodeColour; basis: Clause }
  // Risk areas and control zones (issue 14): residents of an area of a grade, or of a zone of a type.
  | { kind: 'residentOfRiskArea'; levels: Exclude<RiskLevel, 'low'>[]; colour: CodeColour; basis: Clause }
  | { kind: 'residentOfControlZone'; zoneTypes: ControlZoneType[]; colour: CodeColour; basis: Clause };

/** A versioned set of colour rules for one protocol edition. */
export interface CodeRuleSet {
  /** The rule version carried in every colour and token, e.g. `seed-2020/codes-1`. */
  version: string;
  editionId: string;
  rules: CodeRule[];
  /** Why green when nothing else applies. */
  greenBasis: Clause;
  /** Inbound travellers report this many days before arrival; a later report is marked late. */
  inboundReportDaysAhead: { days: number; basis: Clause };
  /** How many dependants one resident account may hold as a family proxy. */
  proxyDependantLimit: { count: number; basis: Clause };
  /** From this age a person must consent before anyone holds their code by proxy; younger ones a family member adds directly. */
  proxyConsentAge: { years: number; basis: Clause };
  /** Hours the staff have to decide a resident's appeal against a colour. */
  appealDeadlineHours: { hours: number; basis: Clause };
  /** The longest a manual colour change may stay in force before the rules decide again. */
  manualChangeMaxHours: { hours: number; basis: Clause };
}
