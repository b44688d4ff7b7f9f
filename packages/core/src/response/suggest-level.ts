import { addDays, type CalendarDate, shanghaiDate } from '../calendar/calendar-date.ts';
import { because, type Reason } from '../key-persons/reason.ts';
import type { CaseClassification, ProtocolEdition } from '../protocols/protocol-types.ts';
import type { OutbreakType, ResponseLevel, ResponseRules } from '../protocols/response-rule-types.ts';
import type { ResponseCase } from './case-facts.ts';
import { levelRule, responseRules } from './response-rules.ts';

export interface LevelSuggestionInputs {
  cases: readonly ResponseCase[];
  /** 疫情输入风险持续存在: the command's reading (inbound travellers, arrivals from risk areas). */
  importRiskOngoing: boolean;
  /** 防控和医疗救治能力严重不足: the command's judgement of local capacity; null when not assessed. */
  capacityInsufficient: boolean | null;
}

/** What the suggestion counted, so the UI can show the numbers behind it. */
export interface SuggestionFacts {
  window: { from: CalendarDate; to: CalendarDate };
  localCases: string[];
  importedCases: string[];
  clusters: string[];
  unknownSourceCases: string[];
  longestChain: number;
  towns: string[];
}

/**
 * A suggested level with its reasons. `applied` is always false: a suggestion never changes the level;
 * a person proposes, experts confirm and the commander approves (LVL-010).
 */
export interface LevelSuggestion {
  level: ResponseLevel | null;
  outbreakType: OutbreakType | null;
  because: Reason[];
  facts: SuggestionFacts;
  applied: false;
}

function countedFacts(inputs: LevelSuggestionInputs, today: CalendarDate, rules: ResponseRules): SuggestionFacts {
  const { windowDays, counts } = rules.suggestion;
  const from = addDays(today, 1 - windowDays.days);
  const recent = inputs.cases.filter(
    (c) =>
      (counts.classifications as readonly CaseClassification[]).includes(c.classification) && c.reportDate >= from && c.reportDate <= today,
  );
  const local = recent.filter((c) => !c.imported);
  const ids = (cases: readonly ResponseCase[]) => cases.map((c) => c.caseId);
  return {
    window: { from, to: today },
    localCases: ids(local),
    importedCases: ids(recent.filter((c) => c.imported)),
    clusters: [...new Set(local.flatMap((c) => (c.clusterId ? [c.clusterId] : [])))],
    unknownSourceCases: ids(local.filter((c) => !c.sourceKnown)),
    longestChain: Math.max(0, ...local.map((c) => c.generation ?? 0)),
    towns: [...new Set(local.flatMap((c) => (c.townCode ? [c.townCode] : [])))],
  };
}

/** Community transmission (LVL-001 level II): unknown-source local cases, or a long local chain. */
function transmissionReasons(facts: SuggestionFacts, rules: ResponseRules): Reason[] {
  const { unknownSourceCases, generations } = rules.suggestion;
  return [
    ...(facts.unknownSourceCases.length >= unknownSourceCases.cases
      ? [because('response.indicator.unknownSource', unknownSourceCases.basis)]
      : []),
    ...(facts.longestChain >= generations.generations ? [because('response.indicator.generations', generations.basis)] : []),
  ];
}

/** Level I needs a severe outbreak (many towns) and capacity seriously short, both (§四(四)1 "且"). */
function severeReasons(facts: SuggestionFacts, inputs: LevelSuggestionInputs, rules: ResponseRules): { met: boolean; because: Reason[] } {
  const { townsAffected, capacityInsufficient } = rules.suggestion;
  if (facts.towns.length < townsAffected.towns) return { met: false, because: [] };
  const towns = because('response.indicator.towns', townsAffected.basis);
  if (inputs.capacityInsufficient === true) {
    return { met: true, because: [towns, because('response.indicator.capacityInsufficient', capacityInsufficient)] };
  }
  const why = inputs.capacityInsufficient === null ? 'response.notLevelI.capacityNotAssessed' : 'response.notLevelI.capacitySufficient';
  return { met: false, because: [towns, because(why, capacityInsufficient)] };
}

function suggestion(level: ResponseLevel | null, rules: ResponseRules, reasons: Reason[], facts: SuggestionFacts): LevelSuggestion {
  if (!level) return { level: null, outbreakType: null, because: reasons, facts, applied: false };
  const rule = levelRule(rules, level);
  const trigger = because(`response.trigger.${rule.outbreakType}`, rule.trigger);
  const window = because('response.window', rules.suggestion.windowDays.basis);
  return { level, outbreakType: rule.outbreakType, because: [trigger, ...reasons, window], facts, applied: false };
}

/**
 * The level the case data suggest (seed 002 §四, items 1): a severe community outbreak (I), sustained
 * community transmission (II), a cluster (III), sporadic local cases or an import risk (IV), or none.
 * Counts read the seed's words by the edition's configured thresholds; every reason cites its clause.
 * Never applied by itself (REQUIREMENTS LVL-010: proposal, confirmation, approval).
 */
export function suggestLevel(inputs: LevelSuggestionInputs, now: Date, edition: ProtocolEdition): LevelSuggestion {
  const rules = responseRules(edition);
  const facts = countedFacts(inputs, shanghaiDate(now), rules);
  const transmission = transmissionReasons(facts, rules);
  if (transmission.length > 0) {
    const severe = severeReasons(facts, inputs, rules);
    return suggestion(severe.met ? 'I' : 'II', rules, [...transmission, ...severe.because], facts);
  }
  if (facts.clusters.length > 0) return suggestion('III', rules, [], facts);
  if (facts.localCases.length > 0) return suggestion('IV', rules, [], facts);
  if (facts.importedCases.length > 0 || inputs.importRiskOngoing) {
    return suggestion('IV', rules, [because('response.indicator.importRisk', rules.suggestion.importRisk)], facts);
  }
  return suggestion(null, rules, [because('response.noTrigger', rules.suggestion.windowDays.basis)], facts);
}
