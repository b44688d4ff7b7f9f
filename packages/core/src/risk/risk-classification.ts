import { type CalendarDate, daysBetween } from '../calendar/calendar-date.ts';
import { because, type Reason } from '../key-persons/reason.ts';
import type { InfectionClassification } from '../protocols/protocol-types.ts';
import type { RiskGradingRule, RiskLevel } from '../protocols/zone-types.ts';

/** A case as risk grading sees it: its area (jurisdiction code), its report date and its cluster, if any. */
export interface RiskCase {
  area: string;
  reportDate: CalendarDate;
  cluster: string | null;
  /** Absent: counted (the command line's input lists cases only). */
  classification?: InfectionClassification;
}

/** The numbers a grade rests on, shown beside its reasons (a type, so it stores as a plain JSON record). */
export type RiskFacts = {
  asOf: CalendarDate;
  newCases: number;
  cumulative: number;
  lastReportDate: CalendarDate | null;
  clusters: string[];
};

export interface RiskReason extends Reason {
  facts: RiskFacts;
}

export interface RiskDecision {
  level: RiskLevel;
  because: RiskReason[];
}

export interface AreaRiskDecision extends RiskDecision {
  area: string;
}

type CumulativeRule = Extract<RiskGradingRule, { kind: 'cumulative_cases' }>;
type RecencyRule = Extract<RiskGradingRule, { kind: 'days_since_last_case' }>;

/** The cases a rule counts, known on the day (reported on or before it). */
function counted(rule: RiskGradingRule, cases: readonly RiskCase[], asOf: CalendarDate): RiskCase[] {
  return cases.filter((c) => c.reportDate <= asOf && (!c.classification || rule.counts.includes(c.classification)));
}

/** Within the last `days` calendar days, the day itself included (day 0 … day days − 1). */
const within = (date: CalendarDate, asOf: CalendarDate, days: number) => daysBetween(date, asOf) < days;

function factsOf(cases: readonly RiskCase[], asOf: CalendarDate, windowDays: number): RiskFacts {
  const recent = cases.filter((c) => within(c.reportDate, asOf, windowDays));
  const dates = cases.map((c) => c.reportDate).sort();
  const clusters = [...new Set(recent.flatMap((c) => (c.cluster ? [c.cluster] : [])))].sort();
  return { asOf, newCases: recent.length, cumulative: cases.length, lastReportDate: dates.at(-1) ?? null, clusters };
}

const decision = (level: RiskLevel, rule: string, basis: RiskGradingRule['basis'], facts: RiskFacts): RiskDecision => ({
  level,
  because: [{ ...because(rule, basis[level]), facts }],
});

/** The national rule of 2020 (seed-2020): no new case in the window → low; then the cumulative total and clusters decide. */
function gradeByCumulative(rule: CumulativeRule, cases: readonly RiskCase[], asOf: CalendarDate): RiskDecision {
  const facts = factsOf(cases, asOf, rule.windowDays);
  if (facts.newCases === 0) return decision('low', facts.cumulative === 0 ? 'risk.low.noCase' : 'risk.low.noNewCase', rule.basis, facts);
  if (facts.cumulative <= rule.cumulativeThreshold) return decision('medium', 'risk.medium.atMostThreshold', rule.basis, facts);
  if (facts.clusters.length === 0) return decision('medium', 'risk.medium.noCluster', rule.basis, facts);
  return decision('high', 'risk.high.overThresholdWithCluster', rule.basis, facts);
}

/** The 9th edition: an infection within `highDays` → high; medium for `mediumDays` more quiet days; then low. */
function gradeByRecency(rule: RecencyRule, cases: readonly RiskCase[], asOf: CalendarDate): RiskDecision {
  const facts = factsOf(cases, asOf, rule.highDays);
  if (!facts.lastReportDate) return decision('low', 'risk.low.noCase', rule.basis, facts);
  if (within(facts.lastReportDate, asOf, rule.highDays)) return decision('high', 'risk.high.recentCase', rule.basis, facts);
  if (within(facts.lastReportDate, asOf, rule.highDays + rule.mediumDays))
    return decision('medium', 'risk.medium.downgrading', rule.basis, facts);
  return decision('low', 'risk.low.quiet', rule.basis, facts);
}

/** The grade of one area on a day from its cases, with the clause and the numbers it rests on (ZONE-001). */
export function gradeArea(rule: RiskGradingRule, cases: readonly RiskCase[], asOf: CalendarDate): RiskDecision {
  const known = counted(rule, cases, asOf);
  return rule.kind === 'cumulative_cases' ? gradeByCumulative(rule, known, asOf) : gradeByRecency(rule, known, asOf);
}

/** One grade per area named by the cases, in the order the areas first appear. */
export function gradeAreas(rule: RiskGradingRule, cases: readonly RiskCase[], asOf: CalendarDate): AreaRiskDecision[] {
  const byArea = new Map<string, RiskCase[]>();
  for (const c of cases) {
    const own = byArea.get(c.area);
    if (own) own.push(c);
    else byArea.set(c.area, [c]);
  }
  return [...byArea].map(([area, own]) => ({ area, ...gradeArea(rule, own, asOf) }));
}
