import { invalid } from '../errors/app-error.ts';
import type { CaseRules, ProtocolEdition } from '../protocols/protocol-types.ts';

/** The edition's case rules; an edition without them cannot open cases. */
export function caseRules(edition: ProtocolEdition): CaseRules {
  if (!edition.cases) throw invalid('editionId', 'noCaseRules', { edition: edition.id });
  return edition.cases;
}
