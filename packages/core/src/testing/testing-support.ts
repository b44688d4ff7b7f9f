import type { TestingRules } from '../protocols/protocol-types.ts';
import { findEdition } from '../protocols/registry.ts';
import { testingRulesOf } from './testing-rules.ts';

/** The testing rules of an edition by id, failing loudly when missing (tests only). */
export function rulesFor(editionId: string): TestingRules {
  const edition = findEdition(editionId);
  if (!edition) throw new Error(`no edition ${editionId}`);
  return testingRulesOf(edition);
}
