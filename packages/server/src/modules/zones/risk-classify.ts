import { type AreaRiskDecision, findEdition, gradeAreas, invalid, isCalendarDate, type RiskCase, riskRulesOf } from '@fangkong/core';

/** One case of the command line's input: `{ jurisdiction, reportDate, cluster }`. */
export interface ClassifyInputCase {
  jurisdiction: string;
  reportDate: string;
  cluster: string | null;
}

const malformed = (detail: string) => invalid('input', 'riskInputMalformed', { detail });

function caseOf(value: unknown, index: number): RiskCase {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw malformed(`[${index}] is not an object`);
  const { jurisdiction, reportDate, cluster = null } = value as Record<string, unknown>;
  if (typeof jurisdiction !== 'string' || jurisdiction.trim() === '') throw malformed(`[${index}].jurisdiction`);
  if (typeof reportDate !== 'string' || !isCalendarDate(reportDate)) throw malformed(`[${index}].reportDate`);
  if (cluster !== null && (typeof cluster !== 'string' || cluster === '')) throw malformed(`[${index}].cluster`);
  return { area: jurisdiction, reportDate, cluster };
}

/** The cases of the input document (already parsed JSON): an array of `{ jurisdiction, reportDate, cluster }`. */
export function parseClassifyInput(document: unknown): RiskCase[] {
  if (!Array.isArray(document)) throw malformed('not an array');
  return document.map(caseOf);
}

/**
 * `fangkong risk classify` (issue 14; a contract checked outside the project): the grade of every
 * jurisdiction of the input on a day under an edition, with its reasons — the core function the server
 * grades with, its numbers the edition's.
 */
export function classifyRisk(query: { edition: string; asOf: string; cases: readonly RiskCase[] }) {
  const edition = findEdition(query.edition);
  if (!edition) throw invalid('edition', 'unknownEdition');
  if (!isCalendarDate(query.asOf)) throw invalid('as-of', 'invalidDate');
  const rules = riskRulesOf(edition);
  return gradeAreas(rules.grading, query.cases, query.asOf).map((d: AreaRiskDecision) => ({
    jurisdiction: d.area,
    level: d.level,
    because: d.because,
  }));
}
