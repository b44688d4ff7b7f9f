import { aggregateFigures, isSubmittedTemplate, notFound, type SubmittedTemplate, scopePaths, shanghaiDate } from '@fangkong/core';
import { recordAudit } from '../../audit/audit.service.ts';
import type { RequestContext } from '../../http/context.ts';
import { findJurisdictionsByPaths } from '../jurisdictions/jurisdiction.repository.ts';
import { maskRows, rowsOf, seesFullRows, submissionInScope } from './report-access.ts';
import { complianceBoard } from './report-board.service.ts';
import { submissionPdf } from './report-submission.pdf.ts';
import { findSubmission, type SubmissionRow } from './report-submission.repository.ts';
import type { Deps } from './report-submission.service.ts';
import { blankTableXlsx, type CollectedUnit, collectedTableXlsx, type UnitTable, unitTableXlsx } from './report-table.xlsx.ts';
import { findTemplate } from './report-template.repository.ts';
import { definitionOf, submittedDefinition, templateInScope } from './report-template.service.ts';

function unitTable(deps: Deps, context: RequestContext, template: SubmittedTemplate, row: SubmissionRow, unitName: string): UnitTable {
  return {
    unitName,
    period: row.period,
    dueAt: row.dueAt,
    rows: maskRows(template.columns, rowsOf(deps, row), seesFullRows(context, row.jurisdictionPath)),
    figures: row.figures,
    zero: row.zero,
    late: row.late,
    submittedAt: row.submittedAt,
    signerName: row.signerName,
    signedAt: row.signedAt,
    sealHolder: row.sealHolder,
    revision: row.revision,
  };
}

/** One unit's report as the seed's table (Excel) or the printable signed PDF; leaving the platform, so the purpose is audited. */
export async function submissionFile(deps: Deps, context: RequestContext, id: string, format: 'xlsx' | 'pdf', purpose: string) {
  const db = deps.database.db;
  const { row, unit } = await submissionInScope(db, context, id, 'report.read');
  const templateRow = await findTemplate(db, row.templateId);
  if (!templateRow) throw notFound('id');
  const template = submittedDefinition(templateRow);
  const table = unitTable(deps, context, template, row, unit.name);
  const file =
    format === 'pdf'
      ? await submissionPdf(template, table, { name: context.actor.displayName, at: deps.clock() })
      : await unitTableXlsx(template, table);
  await db.transaction((tx) =>
    recordAudit(tx, context, {
      action: format === 'pdf' ? 'report.print' : 'report.export',
      entityType: 'report_submission',
      entityId: id,
      jurisdictionPath: row.jurisdictionPath,
      reason: purpose,
    }),
  );
  return { file, name: `${template.name}-${unit.name}-${row.period}.${format}` };
}

export interface CollectedQuery {
  templateCode: string;
  date?: string;
  jurisdictionId?: string;
  purpose: string;
}

/**
 * A jurisdiction's collected table of a day in the seed's layout (Excel): every reporting unit's rows or figures,
 * the sums, and a sheet of who reported on time, late, or not at all. Audited with its purpose.
 */
export async function collectedFile(deps: Deps, context: RequestContext, query: CollectedQuery) {
  const db = deps.database.db;
  const board = await complianceBoard(deps, context, {
    date: query.date,
    jurisdictionId: query.jurisdictionId,
    templateCode: query.templateCode,
  });
  const selected = board.selected?.code === query.templateCode ? board.selected : null;
  const meta = board.templates.find((t) => t.code === query.templateCode);
  const templateRow = meta ? await templateInScope(db, context, meta.templateId) : undefined;
  const template = templateRow ? definitionOf(templateRow) : undefined;
  if (!selected || !template || !isSubmittedTemplate(template)) throw notFound('templateCode');
  const units: CollectedUnit[] = [];
  for (const entry of selected.units) {
    const row = entry.submission ? await findSubmission(db, entry.submission.id) : undefined;
    const table = row && row.status === 'submitted' ? unitTable(deps, context, template, row, entry.unit.name) : null;
    units.push({ unitName: entry.unit.name, parentName: entry.parentName, state: entry.state, table });
  }
  const totals = aggregateFigures(
    template.figures,
    units.flatMap((u) => (u.table ? [u.table.figures] : [])),
  );
  const [scopeRoot] = board.jurisdiction
    ? [board.jurisdiction]
    : await findJurisdictionsByPaths(db, scopePaths(context.actor.grants, 'report.read').slice(0, 1));
  const file = await collectedTableXlsx(template, { jurisdictionName: scopeRoot?.name ?? '', period: board.date }, units, totals);
  await db.transaction((tx) =>
    recordAudit(tx, context, {
      action: 'report.exportCollected',
      entityType: 'export',
      entityId: `${query.templateCode}:${board.date}`,
      jurisdictionPath: null,
      after: { templateCode: query.templateCode, date: board.date, units: units.length, reported: units.filter((u) => u.table).length },
      reason: query.purpose,
    }),
  );
  return { file, name: `${template.name}-汇总-${board.date}.xlsx` };
}

/** The empty table a unit fills in offline and uploads (the template version's columns). */
export async function blankFile(deps: Deps, context: RequestContext, templateId: string) {
  const row = await templateInScope(deps.database.db, context, templateId);
  const template = submittedDefinition(row);
  return { file: await blankTableXlsx(template), name: `${template.name}-空白表-${shanghaiDate(deps.clock())}.xlsx` };
}
