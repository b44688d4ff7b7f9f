import { invalid } from '../errors/app-error.ts';
import type { ProtocolEdition } from '../protocols/protocol-types.ts';
import { RESPONSE_LEVELS, type ResponseLevel, type ResponseLevelRule, type ResponseRules } from '../protocols/response-rule-types.ts';

/** The edition's response rules; an edition without them has no graded response (field `editionId`). */
export function responseRules(edition: ProtocolEdition): ResponseRules {
  if (!edition.response) throw invalid('editionId', 'noResponseRules', { edition: edition.id });
  return edition.response;
}

/** 1 for IV (lowest) … 4 for I (highest), LVL-001. */
export const levelRank = (level: ResponseLevel): number => RESPONSE_LEVELS.indexOf(level) + 1;

/** Whether `a` is a higher response than `b`; no response (null) is below every level. */
export const isHigherLevel = (a: ResponseLevel, b: ResponseLevel | null): boolean => b === null || levelRank(a) > levelRank(b);

/** The levels from IV up to and including `level`, lowest first (LVL-018). */
export const levelsUpTo = (level: ResponseLevel): ResponseLevel[] => RESPONSE_LEVELS.slice(0, levelRank(level));

export function levelRule(rules: ResponseRules, level: ResponseLevel): ResponseLevelRule {
  const rule = rules.levels.find((r) => r.level === level);
  if (!rule) throw invalid('level', 'levelNotInEdition', { level });
  return rule;
}
