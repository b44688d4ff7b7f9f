import { type CalendarDate, detectClusters, type InfectionClassification, type ProtocolEdition, type RiskCase } from '@fangkong/core';
import type { Db } from '../../db/client.ts';
import { clusterInput } from '../tracing/chain.repository.ts';

/** A case as grading sees it, with the jurisdiction path it lies at. */
export interface PlacedRiskCase extends RiskCase {
  path: string;
}

/**
 * The cases under the paths as risk grading reads them (issue 14): from the cluster input the tracing
 * module already asks (report day, classification), each with the cluster the edition's rule puts it in.
 */
export async function riskCasesUnder(db: Db, paths: readonly string[], edition: ProtocolEdition): Promise<PlacedRiskCase[]> {
  const rows = await clusterInput(db, paths);
  const rule = edition.tracing?.cluster;
  const clusterOf = new Map<string, string>();
  if (rule) {
    const found = detectClusters(
      rows.map((r) => ({ caseId: r.id, date: r.date as CalendarDate, areaKey: r.area_key })),
      rows.flatMap((r) => (r.infector_case_id ? [{ fromCaseId: r.infector_case_id, toCaseId: r.id }] : [])),
      rule,
    );
    for (const cluster of found)
      for (const id of cluster.caseIds) clusterOf.set(id, `${cluster.areaKey ?? cluster.caseIds[0]}@${cluster.from}`);
  }
  return rows.map((r) => ({
    path: r.area_key ?? '',
    area: r.area_key ?? '',
    reportDate: r.report_date,
    cluster: clusterOf.get(r.id) ?? null,
    classification: r.classification as InfectionClassification,
  }));
}
