import {
  type AppError,
  checkSubmission,
  conflict,
  type FieldProblem,
  invalid,
  isCalendarDate,
  notFound,
  periodIsFuture,
  type ReportRow,
  reportDueAt,
  type SubmittedTemplate,
  unitReports,
  withDetails,
} from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../http/context.ts';
import { messageFor } from '../../http/messages.ts';
import { isUniqueViolation } from '../testing/testing-access.ts';
import { unitReportedBy } from './report-access.ts';
import { platformFacts } from './report-platform.service.ts';
import { checkSignature, type Signature, type SignatureInput, signerOf } from './report-signature.ts';
import {
  currentSubmission,
  insertSubmission,
  lastSubmittedBefore,
  type SubmissionRow,
  unitColumns,
  updateSubmission,
} from './report-submission.repository.ts';
import { allTemplates, findTemplate, type TemplateRow } from './report-template.repository.ts';
import { applicableVersion, submittedDefinition } from './report-template.service.ts';
import type { ReportingUnit } from './report-unit.repository.ts';

export type Deps = Pick<AppDeps, 'database' | 'clock' | 'cipher'>;

export interface SubmitInput {
  templateId: string;
  unitId: string;
  period: string;
  zero?: boolean;
  figures?: Record<string, unknown>;
  rows?: readonly unknown[];
  notes?: string;
  /** Why a report already sent is replaced (kept in the history). */
  reason?: string;
  signature?: SignatureInput;
}

/** Each problem with its zh-CN message, as `details.problems` of a refusal. */
export function problemDetails(problems: readonly FieldProblem[]) {
  return problems.map((p) => ({ ...p, message: messageFor(p.code, 'zh-CN', p.params ?? {}) }));
}

/** A refusal naming the first problem's field, with every problem in its details; nothing is written. */
export function refusal(problems: readonly FieldProblem[]): AppError {
  const first = problems[0] as FieldProblem;
  return withDetails(invalid(first.field, first.code, first.params), { problems: problemDetails(problems) });
}

export function checkPeriod(period: string, now: Date): void {
  if (!isCalendarDate(period)) throw invalid('period', 'invalidDate');
  if (periodIsFuture(period, now)) throw invalid('period', 'futureDate');
}

/**
 * The template version a unit reports on: it must be the version that applies to the unit now (a newer one
 * published above it refuses an old form with 409), and the unit must be one of its reporters.
 */
export async function templateForUnit(db: Db, templateId: string, unit: ReportingUnit) {
  const row = await findTemplate(db, templateId);
  if (!row || !unit.path.startsWith(row.jurisdictionPath)) throw notFound('templateId');
  const template = submittedDefinition(row);
  if (applicableVersion(await allTemplates(db), row.code, unit.path)?.id !== row.id) throw conflict('templateId', 'templateSuperseded');
  if (!unitReports(template, unit.type)) throw invalid('unitId', 'unitDoesNotReport');
  return { row, template };
}

/** The template's figures and rows checked against what the platform holds and the unit's last standing counts. */
export async function checkedReport(db: Db, template: SubmittedTemplate, unit: ReportingUnit, period: string, input: SubmitInput) {
  const [platform, previous] = await Promise.all([
    platformFacts(db, template, unit, period),
    lastSubmittedBefore(db, template.code, unit, period),
  ]);
  const checked = checkSubmission(template, { zero: input.zero ?? false, figures: input.figures ?? {}, rows: input.rows ?? [] }, period, {
    platform: platform.figures,
    platformRows: platform.rows?.length ?? null,
    previous: previous?.figures ?? {},
  });
  if (checked.problems.length > 0) throw refusal(checked.problems);
  const snapshot = platform.rows ? { ...platform.figures, rows: platform.rows.length } : platform.figures;
  return { figures: checked.figures, rows: checked.rows, platform: snapshot };
}

interface Revision {
  templateRow: TemplateRow;
  template: SubmittedTemplate;
  unit: ReportingUnit;
  input: SubmitInput;
  report: { figures: Record<string, number | null>; rows: ReportRow[]; platform: Record<string, number> };
  signature: Signature | null;
  source: 'form' | 'zero' | 'upload';
}

/** The row of a new revision: complete (a report) when signed or when no signature is needed, else a draft. */
function revisionRow(deps: Deps, context: RequestContext, r: Revision, current: SubmissionRow | undefined, now: Date) {
  const complete = !r.template.signature.required || r.signature !== null;
  const dueAt = reportDueAt(r.template.deadline, r.input.period);
  const first = current?.firstSubmittedAt ?? (complete ? now : null);
  return {
    templateId: r.templateRow.id,
    templateCode: r.templateRow.code,
    period: r.input.period,
    ...unitColumns(r.unit),
    status: complete ? 'submitted' : 'draft',
    zero: r.input.zero ?? false,
    figures: r.report.figures,
    platform: r.report.platform,
    rowsCipher: r.template.columns.length > 0 ? deps.cipher.encrypt(JSON.stringify(r.report.rows)) : null,
    rowCount: r.report.rows.length,
    notes: r.input.notes?.trim() || null,
    source: r.source,
    dueAt,
    submittedAt: complete ? now : null,
    firstSubmittedAt: first,
    late: first !== null && first.getTime() > dueAt.getTime(),
    createdBy: context.actor.userId,
    ...(r.signature ? { ...r.signature, signedAt: now } : {}),
    revision: (current?.revision ?? 0) + 1,
    previousId: current?.id ?? null,
    correctionReason: current ? r.input.reason?.trim() || null : null,
    jurisdictionId: r.unit.jurisdictionId,
    jurisdictionPath: r.unit.path,
  };
}

/** What the audit log keeps of a revision: no personal rows, only their count. */
function auditOf(row: SubmissionRow) {
  return {
    templateCode: row.templateCode,
    templateId: row.templateId,
    period: row.period,
    unitId: row.unitPlaceId ?? row.unitJurisdictionId,
    status: row.status,
    zero: row.zero,
    figures: row.figures,
    rowCount: row.rowCount,
    revision: row.revision,
    late: row.late,
    signed: row.signedBy !== null,
    sealHolder: row.sealHolder,
  };
}

/** Writes the revision, superseding the unit's current report of the day (corrections keep history), audited in the same transaction. */
async function saveRevision(deps: Deps, context: RequestContext, r: Revision): Promise<SubmissionRow> {
  const now = deps.clock();
  try {
    return await deps.database.db.transaction(async (tx) => {
      const current = await currentSubmission(tx, r.templateRow.code, r.unit, r.input.period);
      if (current) await updateSubmission(tx, current.id, { status: 'superseded', supersededAt: now });
      const saved = await insertSubmission(tx, revisionRow(deps, context, r, current, now));
      await recordAudit(tx, context, {
        action: current ? 'report.correct' : r.input.zero ? 'report.zero' : 'report.submit',
        entityType: 'report_submission',
        entityId: saved.id,
        jurisdictionPath: saved.jurisdictionPath,
        before: current ? { id: current.id, ...auditOf(current) } : null,
        after: auditOf(saved),
        reason: saved.correctionReason,
      });
      return saved;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'report_submission_current_idx')) throw conflict('unitId', 'reportChangedMeanwhile');
    throw error;
  }
}

/**
 * A unit's report of a day (DAILY-001…006): checked against its template version, figures pre-filled from the
 * platform unless typed over, signed by the responsible person where the template asks (else kept as a draft
 * until signed), marked late after the deadline but accepted, replacing an earlier report with its history kept.
 */
export async function submitReport(
  deps: Deps,
  context: RequestContext,
  input: SubmitInput,
  source: Revision['source'] = 'form',
  /** The demo seed's signer, already known (see `signerOf`); requests always sign with their password. */
  signedAs?: { sealHolder: string },
) {
  const db = deps.database.db;
  const unit = await unitReportedBy(db, context, input.unitId);
  const { row: templateRow, template } = await templateForUnit(db, input.templateId, unit);
  checkPeriod(input.period, deps.clock());
  const report = await checkedReport(db, template, unit, input.period, input);
  const signature = signedAs
    ? signerOf(context, unit, template, signedAs.sealHolder)
    : input.signature
      ? await checkSignature(db, context, unit, template, input.signature)
      : null;
  const revision: Revision = { templateRow, template, unit, input, report, signature, source: input.zero ? 'zero' : source };
  return { row: await saveRevision(deps, context, revision), unit, templateRow };
}
