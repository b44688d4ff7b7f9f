import { AppError, type FeverClinicItem, invalid, isFeverClinicResult } from '@fangkong/core';
import type { AppDeps } from '../../../app-deps.ts';
import { recordAudit } from '../../../audit/audit.service.ts';
import type { RequestContext } from '../../../http/context.ts';
import { ordersOf, recordOrderResult } from './fever-clinic.repository.ts';
import { visitDetail, visitInScope } from './fever-clinic-query.service.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

/**
 * The clinic records an item's result (CT read, blood count, rapid antibody, a rapid nucleic acid test)
 * while the visit is open. A nucleic acid tube the lab has resulted keeps the lab's result: a change to
 * it is a lab-result correction, not an entry here.
 */
export async function recordItemResult(deps: Deps, context: RequestContext, visitId: string, item: FeverClinicItem, result: string) {
  const db = deps.database.db;
  const visit = await visitInScope(db, context, visitId, 'testing.sample');
  if (visit.closed_at !== null) throw new AppError('conflict', 'visitClosed', 'id');
  if (!isFeverClinicResult(item, result)) throw invalid('result', 'invalidResult', { item });
  const order = (await ordersOf(db, visit.id)).find((o) => o.item === item);
  if (!order) throw invalid('item', 'notOrdered');
  if (order.lab_result) throw new AppError('conflict', 'labResulted', 'item');
  await db.transaction(async (tx) => {
    const now = deps.clock();
    await recordOrderResult(tx, order.id, result, now, context.actor.userId);
    await recordAudit(tx, context, {
      action: 'testing.feverClinicResult',
      entityType: 'fever_clinic_visit',
      entityId: visit.id,
      jurisdictionPath: visit.jurisdiction_path,
      before: { item, result: order.recorded_result },
      after: { item, result },
    });
  });
  return visitDetail(deps, context, visit.id);
}
