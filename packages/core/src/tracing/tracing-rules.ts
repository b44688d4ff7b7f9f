import { invalid } from '../errors/app-error.ts';
import type { ProtocolEdition, TracingRules } from '../protocols/protocol-types.ts';

/** The edition's tracing rules; an edition without them cannot trace. */
export function tracingRules(edition: ProtocolEdition): TracingRules {
  if (!edition.tracing) throw invalid('editionId', 'noTracingRules', { edition: edition.id });
  return edition.tracing;
}
