import { investigationFormOf } from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import type { RequestContext } from '../../http/context.ts';
import { findPersonById } from '../persons/person.repository.ts';
import { editionById } from '../protocols/protocol-in-force.ts';
import { exposuresOfCase } from '../tracing/contact.repository.ts';
import { findInvestigation, trajectoryOf } from './case.repository.ts';
import { caseInScope } from './case-access.ts';
import { gapsOf } from './investigation.service.ts';
import { investigationReportPdf } from './investigation-report.pdf.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

const GAP_ZH: Record<string, string> = {
  symptoms: '症状',
  onsetDate: '发病日期',
  exposureHistory: '暴露史',
  travelHistory: '旅居史',
  occupation: '职业',
  vaccinationDoses: '疫苗接种',
  householdSize: '共同居住人数',
  trajectory: '活动轨迹',
};

/** Contacts found, counted by how they were found and where they stand (no names in the filed report). */
function contactCounts(exposures: Awaited<ReturnType<typeof exposuresOfCase>>) {
  const counts = new Map<string, { kind: string; status: string; n: number }>();
  for (const { exposure } of exposures) {
    const key = `${exposure.kind}/${exposure.status}`;
    const entry = counts.get(key) ?? { kind: exposure.kind, status: exposure.status, n: 0 };
    entry.n += 1;
    counts.set(key, entry);
  }
  return [...counts.values()];
}

/**
 * The investigation report (流行病学调查报告) as a PDF the district files (CASE-002, CASE-014): ID masked,
 * contacts as counts; printing is audited with its purpose like every view of a trajectory.
 */
export async function investigationReport(deps: Deps, context: RequestContext, id: string, purpose: string) {
  const db = deps.database.db;
  const row = await caseInScope(db, context, id, 'case.read');
  const [found, inv, points, exposures] = await Promise.all([
    findPersonById(db, row.personId),
    findInvestigation(db, row.id),
    trajectoryOf(db, row.id),
    exposuresOfCase(db, row.id),
  ]);
  const { gaps } = await gapsOf(db, row, inv?.form ?? {});
  const now = deps.clock();
  const pdf = await investigationReportPdf({
    caseNumber: row.caseNumber,
    name: found?.person.name ?? '',
    idMasked: found?.person.idMasked ?? '',
    jurisdictionName: found?.jurisdictionName ?? '',
    classification: row.classification,
    clinicalType: row.clinicalType,
    onsetDate: row.onsetDate,
    discoveredAt: row.discoveredAt,
    reportedAt: row.reportedAt,
    reportingUnit: row.reportingUnit,
    investigationState: inv?.state ?? 'open',
    completedAt: inv?.completedAt ?? null,
    sealedAt: inv?.sealedAt ?? null,
    sealingNote: inv?.sealingNote ?? null,
    form: investigationFormOf(inv?.form ?? {}),
    gaps: gaps.map((g) => GAP_ZH[g.rule.replace('investigation.missing.', '')] ?? g.rule),
    trajectory: points.map(({ point: p, placeName }) => ({
      placeText: placeName ?? p.placeText ?? '—',
      fromAt: p.fromAt,
      toAt: p.toAt,
      source: p.source,
      spot: { sealedAt: p.sealedAt, disinfectedAt: p.disinfectedAt, liftedAt: p.liftedAt },
    })),
    contacts: contactCounts(exposures),
    editionName: (await editionById(db, row.editionId))?.name ?? row.editionId,
    printedAt: now,
    printedBy: context.actor.displayName,
  });
  await db.transaction((tx) =>
    recordAudit(tx, context, {
      action: 'case.investigationReport.print',
      entityType: 'case_report',
      entityId: row.id,
      jurisdictionPath: row.jurisdictionPath,
      reason: purpose,
    }),
  );
  return pdf;
}
