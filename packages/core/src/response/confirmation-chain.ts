import type { Clause } from '../protocols/protocol-types.ts';
import type { ChangeDirection, ExpertBody, LevelBasis, ResponseLevel, ResponseRules } from '../protocols/response-rule-types.ts';
import { levelRule } from './response-rules.ts';

/** What decides a change's chain: its kind, its target level and what it rests on. */
export interface ChainKey {
  direction: ChangeDirection;
  to: ResponseLevel | null;
  basis: LevelBasis;
}

export interface ExpertConfirmation {
  body: ExpertBody;
  decision: 'confirmed' | 'rejected';
  /** The user who recorded the body's decision (the review of a higher body arrives as a document). */
  recordedBy: string;
  at: Date;
  note: string;
}

/**
 * The expert bodies that must confirm a change, in order (LVL-002, SC-29). "Other situations" need the
 * target level's chain: district; + city (III); + province (II); + nation (I). A change on the level's
 * own trigger, and a termination, need the district experts' analysis (seed 002 §八(一), §八(三)).
 */
export function confirmationChain(key: ChainKey, rules: ResponseRules): { chain: ExpertBody[]; basis: Clause } {
  if (key.direction === 'terminate' || key.to === null) return rules.procedure.terminationChain;
  if (key.basis === 'trigger') return rules.procedure.triggerChain;
  return levelRule(rules, key.to).otherSituations;
}

/** The body whose confirmation comes next, or null when the chain is complete. */
export function nextConfirmation(
  change: ChainKey & { confirmations: readonly ExpertConfirmation[] },
  rules: ResponseRules,
): ExpertBody | null {
  const confirmed = new Set(change.confirmations.filter((c) => c.decision === 'confirmed').map((c) => c.body));
  return confirmationChain(change, rules).chain.find((body) => !confirmed.has(body)) ?? null;
}
