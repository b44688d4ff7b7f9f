import { conflict, decideColour } from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import type { RequestContext } from '../../http/context.ts';
import { healthFactsOf } from '../codes/health-facts.repository.ts';
import { appealsOf, insertAppeal } from './resident.repository.ts';
import { codeRulesInForce, residentTarget } from './resident-access.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

const APPEALS_SHOWN = 20;

const appealView = (row: Awaited<ReturnType<typeof insertAppeal>>) => ({
  id: row.id,
  colourAppealed: row.colourAppealed,
  reason: row.reason,
  status: row.status,
  viaProxy: row.viaProxy,
  filedAt: row.createdAt.toISOString(),
  deadlineAt: row.deadlineAt.toISOString(),
  decidedAt: row.decidedAt?.toISOString() ?? null,
  decisionReason: row.decisionReason,
});

/** A resident (or their proxy) appeals the current colour; staff decide within the configured hours. */
export async function fileAppeal(deps: Deps, context: RequestContext, personId: string, reason: string) {
  const db = deps.database.db;
  const target = await residentTarget(db, context, personId);
  if ((await appealsOf(db, personId, APPEALS_SHOWN)).some((a) => a.status === 'open')) throw conflict('reason', 'appealOpen');
  const now = deps.clock();
  const rules = await codeRulesInForce(db, now, target.person);
  const { colour } = decideColour(rules, await healthFactsOf(db, personId, now), now);
  return db.transaction(async (tx) => {
    const row = await insertAppeal(tx, {
      personId,
      filedBy: context.actor.userId,
      viaProxy: target.viaProxy,
      colourAppealed: colour,
      reason: reason.trim(),
      deadlineAt: new Date(now.getTime() + rules.appealDeadlineHours.hours * 3_600_000),
      jurisdictionPath: target.person.jurisdictionPath,
    });
    await recordAudit(tx, context, {
      action: 'appeal.file',
      entityType: 'appeal',
      entityId: row.id,
      jurisdictionPath: target.person.jurisdictionPath,
      after: { personId, colourAppealed: colour, viaProxy: target.viaProxy },
      reason: target.viaProxy ? 'via proxy' : null,
    });
    return appealView(row);
  });
}

export async function listAppeals(deps: Deps, context: RequestContext, personId: string) {
  const db = deps.database.db;
  await residentTarget(db, context, personId);
  return { items: (await appealsOf(db, personId, APPEALS_SHOWN)).map(appealView) };
}
