import type { CalendarDate } from '../calendar/calendar-date.ts';
import type { CaseClassification } from '../protocols/protocol-types.ts';
import type { CaseLink } from '../tracing/cluster-rule.ts';

/**
 * A case of the jurisdiction as the response rules see it: plain facts the case and tracing modules
 * already hold (classification, dates, imported or local, cluster and chain, source, town).
 */
export interface ResponseCase {
  caseId: string;
  classification: CaseClassification;
  onsetDate: CalendarDate | null;
  reportDate: CalendarDate;
  /** The day the case was isolated (hospital, isolation observation); null while it is not. */
  isolatedOn: CalendarDate | null;
  /** An imported case (境外输入 / 外地输入) rather than a locally acquired one. */
  imported: boolean;
  /** The cluster (聚集性疫情) the tracing rule put it in, if any. */
  clusterId: string | null;
  /** Whether the investigation found its source of infection (a known case, a cluster, an exposure). */
  sourceKnown: boolean;
  /** Its generation in its transmission chain (1 = the first case found in the chain), when known. */
  generation: number | null;
  /** The town (street) the case lives in: how far the epidemic has spread. */
  townCode: string | null;
}

/**
 * Each case's generation in its transmission chain from infector → infectee links (tracing's
 * `CaseLink`): 1 for a case no linked case infected, else one more than its deepest infector. A link
 * that closes a loop (a data error) is not followed.
 */
export function chainGenerations(caseIds: readonly string[], links: readonly CaseLink[]): Map<string, number> {
  const infectors = new Map<string, string[]>();
  for (const link of links) infectors.set(link.toCaseId, [...(infectors.get(link.toCaseId) ?? []), link.fromCaseId]);
  const known = new Map<string, number>();
  const visiting = new Set<string>();
  const generation = (id: string): number => {
    const cached = known.get(id);
    if (cached !== undefined) return cached;
    visiting.add(id);
    const up = (infectors.get(id) ?? []).filter((from) => !visiting.has(from)).map(generation);
    visiting.delete(id);
    const value = 1 + Math.max(0, ...up);
    known.set(id, value);
    return value;
  };
  return new Map(caseIds.map((id) => [id, generation(id)]));
}
