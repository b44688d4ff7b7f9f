import { addDays, type CalendarDate, shanghaiDate } from '../calendar/calendar-date.ts';
import { because, type Reason } from '../key-persons/reason.ts';
import { type StandingResults, standingResults } from '../testing/unresolved-result.ts';
import type { CodeColour, CodeRule, CodeRuleSet, HealthFacts, ManualChange } from './code-types.ts';

const SEVERITY: Record<CodeColour, number> = { green: 0, yellow: 1, red: 2 };

export interface ColourDecision {
  colour: CodeColour;
  ruleVersion: string;
  because: Reason[];
}

const since = (today: CalendarDate, days: number) => addDays(today, -days);

/**
 * The results that stand against a person under this rule set, with the clauses that say so: the same
 * answer the colour gives, asked by the release decision too (issue 18 item 1).
 */
export function resultsStandingAgainst(
  rules: CodeRuleSet,
  tests: HealthFacts['tests'],
  now: Date,
): StandingResults & { because: Reason[] } {
  const positiveRule = rules.rules.find((r) => r.kind === 'positiveResult');
  const unresolvedRule = rules.rules.find((r) => r.kind === 'unresolvedResult');
  const standing = standingResults(tests, now, {
    positiveDays: positiveRule?.kind === 'positiveResult' ? positiveRule.withinDays : 0,
    unresolvedDays: unresolvedRule?.kind === 'unresolvedResult' ? unresolvedRule.withinDays : 0,
  });
  const reasons = [
    ...(positiveRule && standing.positive.length > 0
      ? [because(`code.${positiveRule.kind}.${positiveRule.colour}`, positiveRule.basis)]
      : []),
    ...(unresolvedRule && standing.unresolved.length > 0
      ? [because(`code.${unresolvedRule.kind}.${unresolvedRule.colour}`, unresolvedRule.basis)]
      : []),
  ];
  return { ...standing, because: reasons };
}

/** Does one rule apply to these facts today? Each branch is one clause of the rule set. */
function applies(rule: CodeRule, facts: HealthFacts, now: Date, today: CalendarDate): boolean {
  switch (rule.kind) {
    case 'caseCategory':
      return facts.episodes.some((e) => rule.categories.includes(e.category));
    case 'underManagement':
      return facts.episodes.some(
        (e) =>
          rule.categories.includes(e.category) &&
          rule.managementTypes.includes(e.managementType) &&
          !(e.released && e.managementType !== 'home_health_monitoring'),
      );
    case 'positiveResult':
      return standingResults(facts.tests, now, { positiveDays: rule.withinDays, unresolvedDays: 0 }).positive.length > 0;
    case 'unresolvedResult':
      return standingResults(facts.tests, now, { positiveDays: 0, unresolvedDays: rule.withinDays }).unresolved.length > 0;
    case 'notAtDestination':
      return facts.arrivals.some((a) => !a.atDestination);
    case 'declaredSymptoms':
      return facts.declarations.some(
        (d) =>
          d.date >= since(today, rule.withinDays) && (d.symptoms.length > 0 || (d.temperatureTenths ?? 0) >= rule.feverThresholdTenths),
      );
    case 'riskAreaArrival':
      return facts.arrivals.some(
        (a) => a.fromRiskLevel !== 'low' && rule.levels.includes(a.fromRiskLevel) && a.arrivedOn >= since(today, rule.withinDays),
      );
    case 'residentOfRiskArea':
      return facts.residence?.riskLevel != null && (rule.levels as string[]).includes(facts.residence.riskLevel);
    case 'residentOfControlZone':
      return facts.residence?.zoneTypes.some((type) => rule.zoneTypes.includes(type)) ?? false;
    case 'missingMandatoryTest':
      return (
        facts.mandatoryTestCycleHours !== null &&
        !facts.tests.some(
          (t) => t.result === 'negative' && now.getTime() - t.sampledAt.getTime() <= (facts.mandatoryTestCycleHours ?? 0) * 3_600_000,
        )
      );
  }
}

function manualReason(change: ManualChange): Reason {
  return {
    rule: `code.manual.${change.colour}`,
    source: `manual change (${change.basisKind})`,
    clause: change.basisRef,
    says: change.basisNote,
  };
}

/**
 * The colour is the most severe rule that applies; every applying rule is a reason, with its clause.
 * An approved manual change still in force sets the colour instead, and comes first among the reasons.
 */
export function decideColour(rules: CodeRuleSet, facts: HealthFacts, now: Date): ColourDecision {
  const today = shanghaiDate(now);
  const matched = rules.rules.filter((rule) => applies(rule, facts, now, today)).sort((a, b) => SEVERITY[b.colour] - SEVERITY[a.colour]);
  const reasons =
    matched.length > 0
      ? matched.map((rule) => because(`code.${rule.kind}.${rule.colour}`, rule.basis))
      : [because('code.noRule.green', rules.greenBasis)];
  const manual = facts.manualChange && (!facts.manualChange.validUntil || facts.manualChange.validUntil > now) ? facts.manualChange : null;
  if (manual) return { colour: manual.colour, ruleVersion: rules.version, because: [manualReason(manual), ...reasons] };
  return { colour: matched[0]?.colour ?? 'green', ruleVersion: rules.version, because: reasons };
}
