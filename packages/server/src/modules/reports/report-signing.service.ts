import { conflict } from '@fangkong/core';
import { recordAudit } from '../../audit/audit.service.ts';
import type { RequestContext } from '../../http/context.ts';
import { submissionInScope } from './report-access.ts';
import { checkSignature, type SignatureInput } from './report-signature.ts';
import { findSubmission, signDraft } from './report-submission.repository.ts';
import type { Deps } from './report-submission.service.ts';
import { findTemplate } from './report-template.repository.ts';
import { submittedDefinition } from './report-template.service.ts';

/**
 * The responsible person signs a draft (DAILY-003, SC-45): with their own account and password, naming the seal
 * holder; the draft becomes the unit's report at that moment, late if after the deadline. Anyone else: 403 at
 * `signature`, nothing written.
 */
export async function signReport(deps: Deps, context: RequestContext, id: string, input: SignatureInput) {
  const db = deps.database.db;
  const { row, unit } = await submissionInScope(db, context, id, 'report.read');
  const templateRow = await findTemplate(db, row.templateId);
  if (!templateRow) throw conflict('id', 'notAwaitingSignature');
  const signature = await checkSignature(db, context, unit, submittedDefinition(templateRow), input);
  if (row.status !== 'draft') throw conflict('id', 'notAwaitingSignature');
  const now = deps.clock();
  const first = row.firstSubmittedAt ?? now;
  await db.transaction(async (tx) => {
    const signed = await signDraft(tx, row.id, {
      ...signature,
      signedAt: now,
      submittedAt: now,
      firstSubmittedAt: first,
      late: first.getTime() > row.dueAt.getTime(),
    });
    if (!signed) throw conflict('id', 'notAwaitingSignature');
    await recordAudit(tx, context, {
      action: 'report.sign',
      entityType: 'report_submission',
      entityId: row.id,
      jurisdictionPath: row.jurisdictionPath,
      after: { templateCode: row.templateCode, period: row.period, signerName: signature.signerName, sealHolder: signature.sealHolder },
    });
  });
  return { row: (await findSubmission(db, row.id)) ?? row, unit, templateRow };
}
