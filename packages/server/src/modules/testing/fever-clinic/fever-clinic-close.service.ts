import {
  AppError,
  closeFeverClinicVisit,
  type FeverClinicDisposition,
  feverClinicRulesOf,
  type KeyPersonCategory,
  withDetails,
} from '@fangkong/core';
import type { AppDeps } from '../../../app-deps.ts';
import { recordAudit } from '../../../audit/audit.service.ts';
import type { Db } from '../../../db/client.ts';
import type { RequestContext } from '../../../http/context.ts';
import { classificationOfManaged, openCaseOnFinding } from '../../cases/case.service.ts';
import { CASE_CATEGORIES } from '../../key-persons/hand-over.ts';
import { rulesOfStoredEdition } from '../testing-access.ts';
import { closeVisitRow, ordersOf, type VisitRow } from './fever-clinic.repository.ts';
import { handOverFromClinic } from './fever-clinic-hand-over.ts';
import { resultsOf, visitDetail, visitInScope } from './fever-clinic-query.service.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

/** Core's decision under the visit's own edition; a refusal names the field and carries the missing items, the allowed outcomes and the clauses. */
async function decideClosing(tx: Db, visit: VisitRow, disposition: FeverClinicDisposition) {
  const rules = feverClinicRulesOf(await rulesOfStoredEdition(tx, visit.edition_id));
  const closing = closeFeverClinicVisit(rules, resultsOf(await ordersOf(tx, visit.id)), disposition);
  if (closing.problem) {
    const kind = closing.problem.code === 'screenIncomplete' ? 'conflict' : 'invalid';
    const { missing, allowed } = closing.outcomes;
    throw withDetails(new AppError(kind, closing.problem.code, closing.problem.field), { missing, allowed, because: closing.because });
  }
  return { closing, category: rules.dispositions.find((d) => d.disposition === disposition)?.category ?? null };
}

/**
 * A fever-clinic outcome that manages the patient as a case (suspected, confirmed) opens the case (issue 11
 * item 1, CASE-001): the 2-hour report clock runs from the closing; an open case is kept.
 */
async function openCaseOfVisit(tx: Db, deps: Deps, context: RequestContext, visit: VisitRow, category: KeyPersonCategory) {
  const owner = {
    personId: visit.person_id,
    jurisdictionId: visit.person_jurisdiction_id,
    jurisdictionPath: visit.person_jurisdiction_path,
  };
  const finding = {
    classification: classificationOfManaged(category),
    source: 'fever_clinic' as const,
    sourceId: visit.id,
    remarks: `fever clinic visit ${visit.id}`,
  };
  await openCaseOnFinding(tx, deps, context, owner, finding);
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
    if (category && CASE_CATEGORIES.includes(category)) await openCaseOfVisit(tx, deps, context, visit, category);
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
