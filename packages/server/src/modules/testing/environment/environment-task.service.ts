import { conflict, notFound, pathInScope } from '@fangkong/core';
import type { AppDeps } from '../../../app-deps.ts';
import { recordAudit } from '../../../audit/audit.service.ts';
import type { RequestContext } from '../../../http/context.ts';
import { scopeOf } from '../testing-access.ts';
import { closeTaskRow, findEnvironmentTask } from './environment-follow-up.repository.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

/** Marks a place's follow-up task done (disinfected, workers screened, batch traced, sampled again) with what was done. */
export async function closeEnvironmentTask(deps: Deps, context: RequestContext, id: string, note: string) {
  const db = deps.database.db;
  const task = await findEnvironmentTask(db, id);
  if (!task || !pathInScope(task.jurisdiction_path, scopeOf(context, 'testing.sample'))) throw notFound('id');
  if (task.status !== 'open') throw conflict('id', 'taskClosed');
  const now = deps.clock();
  const closing = { closeNote: note.trim(), closedBy: context.actor.userId };
  await db.transaction(async (tx) => {
    if (!(await closeTaskRow(tx, id, now, closing))) throw conflict('id', 'taskClosed');
    await recordAudit(tx, context, {
      action: 'testing.closeEnvironmentTask',
      entityType: 'task',
      entityId: id,
      jurisdictionPath: task.jurisdiction_path,
      before: { status: 'open' },
      after: { status: 'closed', kind: task.kind, sampleId: task.details.sampleId ?? null, barcode: task.details.barcode ?? null },
      reason: note.trim(),
    });
  });
  return { id, kind: task.kind, status: 'closed', closedAt: now.toISOString() };
}
