import { addDays, shanghaiDate, taskState } from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import type { RequestContext } from '../../http/context.ts';
import { institutionTasks, sentinelCounts } from './institution.repository.ts';
import { institutionInScope, scopeOf } from './institution-access.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

/** The follow-ups institutions started (pharmacy buyers, absence NATs, incident steps) in the caller's scope, open first. */
export async function institutionTaskList(deps: Deps, context: RequestContext, institutionId: string | undefined) {
  const db = deps.database.db;
  if (institutionId) await institutionInScope(db, context, institutionId, 'institution.read');
  const now = deps.clock();
  const rows = await institutionTasks(db, scopeOf(context, 'institution.read'), institutionId);
  const items = rows.map((r) => {
    const { state, late } = taskState(r, now);
    return {
      id: r.id,
      title: r.title,
      description: r.description,
      sourceKind: r.sourceKind,
      sourceId: r.sourceId,
      state,
      late,
      dueAt: r.dueAt?.toISOString() ?? null,
      jurisdictionName: r.jurisdictionName,
      assigneeName: r.assigneeName,
    };
  });
  return { items, total: items.length };
}

/** The week's sentinel counts in the caller's scope (PHAR-002, MED-007, SCH-005): what early warning reads. */
export async function sentinelWeek(deps: Deps, context: RequestContext) {
  const today = shanghaiDate(deps.clock());
  const rows = await sentinelCounts(deps.database.db, scopeOf(context, 'institution.read'), addDays(today, -6), today);
  return { from: addDays(today, -6), to: today, items: rows };
}
