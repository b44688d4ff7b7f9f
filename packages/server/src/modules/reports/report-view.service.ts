import { type ReportFigure, reportDueAt, type SubmittedTemplate } from '@fangkong/core';
import { recordRead } from '../../audit/audit.service.ts';
import type { RequestContext } from '../../http/context.ts';
import { maskRows, rowsOf, seesFullRows, submissionInScope, unitInScope, unitReportedBy } from './report-access.ts';
import { platformFacts } from './report-platform.service.ts';
import { currentSubmission, lastSubmittedBefore, revisionsOf, type SubmissionRow, unitHistory } from './report-submission.repository.ts';
import { checkPeriod, type Deps, templateForUnit } from './report-submission.service.ts';
import { findTemplate, type TemplateRow } from './report-template.repository.ts';
import { submittedDefinition } from './report-template.service.ts';
import type { ReportingUnit } from './report-unit.repository.ts';

const iso = (at: Date | null) => at?.toISOString() ?? null;

export const unitView = (unit: ReportingUnit) => ({ id: unit.id, kind: unit.kind, name: unit.name, code: unit.code });

/** A submission without its rows: for lists, the board and the history. */
export function submissionSummary(row: SubmissionRow) {
  return {
    id: row.id,
    templateId: row.templateId,
    templateCode: row.templateCode,
    period: row.period,
    status: row.status,
    zero: row.zero,
    figures: row.figures,
    rowCount: row.rowCount,
    source: row.source,
    dueAt: row.dueAt.toISOString(),
    submittedAt: iso(row.submittedAt),
    firstSubmittedAt: iso(row.firstSubmittedAt),
    late: row.late,
    signerName: row.signerName,
    signedAt: iso(row.signedAt),
    sealHolder: row.sealHolder,
    revision: row.revision,
    correctionReason: row.correctionReason,
    createdAt: row.createdAt.toISOString(),
  };
}

export interface SubmissionParts {
  row: SubmissionRow;
  unit: ReportingUnit;
  templateRow: TemplateRow;
}

/** A submission with its rows (masked for a reader without full view of the unit's people) and its template version. */
export function submissionView(deps: Deps, context: RequestContext, parts: SubmissionParts) {
  const template = submittedDefinition(parts.templateRow);
  const full = seesFullRows(context, parts.unit.path);
  return {
    ...submissionSummary(parts.row),
    templateVersion: parts.templateRow.version,
    templateName: parts.templateRow.name,
    unit: unitView(parts.unit),
    platform: parts.row.platform,
    notes: parts.row.notes,
    rows: maskRows(template.columns, rowsOf(deps, parts.row), full),
    rowsMasked: !full,
    definition: parts.templateRow.definition,
  };
}

/** One submission, its template version and every revision of the unit's report that day (corrections keep history). */
export async function submissionDetail(deps: Deps, context: RequestContext, id: string) {
  const db = deps.database.db;
  const { row, unit } = await submissionInScope(db, context, id, 'report.read');
  const templateRow = await findTemplate(db, row.templateId);
  if (!templateRow) throw new Error(`submission ${id} without its template`);
  if (row.rowCount > 0 && seesFullRows(context, unit.path)) {
    await recordRead(db, context, {
      action: 'report.view',
      entityType: 'report_submission',
      entityId: id,
      jurisdictionPath: row.jurisdictionPath,
    });
  }
  const revisions = await revisionsOf(db, row.templateCode, unit, row.period);
  return { ...submissionView(deps, context, { row, unit, templateRow }), revisions: revisions.map(submissionSummary) };
}

export interface HistoryQuery {
  unitId: string;
  templateCode?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

/** A unit's reports day by day (the compliance history per unit). */
export async function submissionHistory(deps: Deps, context: RequestContext, query: HistoryQuery) {
  const db = deps.database.db;
  const unit = await unitInScope(db, context, query.unitId, 'report.read');
  const page = await unitHistory(db, {
    unit,
    code: query.templateCode,
    from: query.from,
    to: query.to,
    limit: query.limit,
    offset: query.offset,
  });
  return { unit: unitView(unit), total: page.total, items: page.items.map(submissionSummary) };
}

/** Where each pre-filled figure comes from: the platform's own count, or the unit's last report (a standing count). */
interface PrefilledFigure {
  key: string;
  value: number;
  source: 'platform' | 'previous';
  platform: string | null;
}

function prefilledFigures(template: SubmittedTemplate, platform: Record<string, number>, previous: Record<string, number | null>) {
  const kept = (f: ReportFigure) => f.onZeroReport === 'kept' && f.from.kind === 'entered';
  return template.figures.flatMap((f): PrefilledFigure[] => {
    if (f.from.kind === 'platform') return [{ key: f.key, value: platform[f.key] ?? 0, source: 'platform', platform: f.from.platform.of }];
    const last = previous[f.key];
    return kept(f) && typeof last === 'number' ? [{ key: f.key, value: last, source: 'previous', platform: null }] : [];
  });
}

export interface PrefillQuery {
  templateId: string;
  unitId: string;
  period: string;
}

/**
 * What the form starts from (DAILY-003 pre-fill): each figure the platform holds for the unit and day — and says
 * so — the table's rows it already has (the day's releases), the unit's last standing counts, and the report the
 * unit already sent that day, if any.
 */
export async function prefillFor(deps: Deps, context: RequestContext, query: PrefillQuery) {
  const db = deps.database.db;
  const unit = await unitReportedBy(db, context, query.unitId);
  const { row: templateRow, template } = await templateForUnit(db, query.templateId, unit);
  checkPeriod(query.period, deps.clock());
  const [facts, previous, current] = await Promise.all([
    platformFacts(db, template, unit, query.period),
    lastSubmittedBefore(db, template.code, unit, query.period),
    db.transaction((tx) => currentSubmission(tx, template.code, unit, query.period)),
  ]);
  return {
    templateId: templateRow.id,
    unit: unitView(unit),
    period: query.period,
    dueAt: reportDueAt(template.deadline, query.period).toISOString(),
    figures: prefilledFigures(template, facts.figures, previous?.figures ?? {}),
    rows: facts.rows ? maskRows(template.columns, facts.rows, seesFullRows(context, unit.path)) : null,
    current: current ? submissionSummary(current) : null,
    definition: templateRow.definition,
  };
}
