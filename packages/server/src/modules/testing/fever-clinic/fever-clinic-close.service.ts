import { AppError, closeFeverClinicVisit, type FeverClinicDisposition, feverClinicRulesOf, withDetails } from '@fangkong/core';
import type { AppDeps } from '../../../app-deps.ts';
import { recordAudit } from '../../../audit/audit.service.ts';
import type { Db } from '../../../db/client.ts';
import type { RequestContext } from '../../../http/context.ts';
import { rulesOfEdition } from '../testing-access.ts';
import { closeVisitRow, ordersOf, type VisitRow } from './fever-clinic.repository.ts';
import { handOverFromClinic } from './fever-clinic-hand-over.ts';
import { resultsOf, visitDetail, visitInScope } from './fever-clinic-query.service.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

/** Core's decision under the visit's own edition; a refusal names the field and carries the missing items, the allowed outcomes and the clauses. */
async function decideClosing(tx: Db, visit: VisitRow, disposition: FeverClinicDisposition) {
  const rules = feverClinicRulesOf(rulesOfEdition(visit.edition_id));
  const closing = closeFeverClinicVisit(rules, resultsOf(await ordersOf(tx, visit.id)), disposition);
  if (closing.problem) {
    const kind = closing.problem.code === 'screenIncomplete' ? 'conflict' : 'invalid';
    const { missing, allowed } = closing.outcomes;
    throw withDetails(new AppError(kind, closing.problem.code, closing.problem.field), { missing, allowed, because: closing.because });
  }
  return { closing, category: rules.dispositions.find((d) => d.disposition === disposition)?.category ?? null };
}

/**
 * MED-003 / KP-K03: the visit closes with an outcome its four results allow; isolation observation and
 * transfer put the patient under key-person management (suspected, confirmed) in the same transaction.
 */
export async function closeVisit(deps: Deps, context: RequestContext, id: string, disposition: FeverClinicDisposition) {
  const db = deps.database.db;
  const visit = await visitInScope(db, context, id, 'testing.sample');
  if (visit.closed_at !== null) throw new AppError('conflict', 'visitClosed', 'id');
  await db.transaction(async (tx) => {
    // Decided on the results read in the transaction that closes, so a result recorded meanwhile is not missed.
    const { closing, category } = await decideClosing(tx, visit, disposition);
    const now = deps.clock();
    const episodeId = category ? await handOverFromClinic(tx, deps, context, visit, category) : null;
    const closed = await closeVisitRow(tx, visit.id, { disposition, episodeId, closedAt: now, closedBy: context.actor.userId });
    if (!closed) throw new AppError('conflict', 'visitClosed', 'id');
    await recordAudit(tx, context, {
      action: 'testing.feverClinicClose',
      entityType: 'fever_clinic_visit',
      entityId: visit.id,
      jurisdictionPath: visit.jurisdiction_path,
      after: { disposition, episodeId, because: closing.because.map((r) => r.rule) },
    });
  });
  return visitDetail(deps, context, visit.id);
}
