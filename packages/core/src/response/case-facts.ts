import type { CalendarDate } from '../calendar/calendar-date.ts';
import type { CaseClassification } from '../protocols/protocol-types.ts';

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
