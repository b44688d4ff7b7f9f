import { conflict, notFound, pathInScope } from '@fangkong/core';
import type { AppDeps } from '../../../app-deps.ts';
import { recordAudit } from '../../../audit/audit.service.ts';
import type { RequestContext } from '../../../http/context.ts';
import { scopeOf } from '../testing-access.ts';
import { closeTube, findTubeByBarcode } from './tube.repository.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

/** Closes a tube that is not full (end of a shift, the last residents): it goes to the lab with what it holds. */
export async function closeTubeByHand(deps: Deps, context: RequestContext, barcode: string) {
  const db = deps.database.db;
  const tube = await findTubeByBarcode(db, barcode);
  if (!tube || !pathInScope(tube.jurisdictionPath, scopeOf(context, 'testing.sample'))) throw notFound('barcode');
  if (tube.status !== 'open') throw conflict('barcode', 'tubeClosed');
  if (tube.memberCount === 0) throw conflict('barcode', 'tubeEmpty');
  const now = deps.clock();
  await db.transaction(async (tx) => {
    await closeTube(tx, tube.id, now);
    await recordAudit(tx, context, {
      action: 'testing.closeTube',
      entityType: 'tube',
      entityId: tube.id,
      jurisdictionPath: tube.jurisdictionPath,
      before: { status: 'open', memberCount: tube.memberCount },
      after: { status: 'closed' },
    });
  });
  return { id: tube.id, barcode: tube.barcode, poolSize: tube.poolSize, memberCount: tube.memberCount, status: 'closed' };
}
