import { AppError, type CodeColour, type CodeRuleSet, invalid, notFound, pathInScope, scopePaths } from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { requireSecondUser } from '../../auth/second-user.ts';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../http/context.ts';
import { colourNow, personInScope, recordColourIfChanged, rulesInForce } from './code.service.ts';
import { type Basis, checkBasis } from './code-basis.ts';
import { type ChangeListRow, type CodeChangeRow, changesIn, decideChange, findChange, insertChange } from './code-change.repository.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;
const HOUR_MS = 3_600_000;

export interface ChangeRequest extends Basis {
  toColour: CodeColour;
  /** How long the change stays in force; at most (and by default) the rule set's maximum. */
  validHours?: number;
}

/** The validity asked for, within the configured maximum of the rule set in force. */
export function validUntilOf(rules: CodeRuleSet, now: Date, validHours: number | undefined) {
  const max = rules.manualChangeMaxHours.hours;
  const hours = validHours ?? max;
  if (hours > max) throw invalid('validHours', 'validityTooLong', { max });
  return new Date(now.getTime() + hours * HOUR_MS);
}

/** One user asks for a colour change, citing its basis; nothing changes until a second user approves. */
export async function requestCodeChange(deps: Deps, context: RequestContext, personId: string, input: ChangeRequest) {
  const db = deps.database.db;
  const person = await personInScope(db, context, personId, 'code.change');
  const now = deps.clock();
  const rules = await rulesInForce(db, now, person.jurisdictionPath);
  await checkBasis(db, rules, personId, input, input.toColour);
  const validUntil = validUntilOf(rules, now, input.validHours);
  const current = await colourNow(db, personId, now);
  return db.transaction(async (tx) => {
    const change = await insertChange(tx, {
      personId,
      fromColour: current.colour,
      toColour: input.toColour,
      basisKind: input.basisKind,
      basisRef: input.basisRef,
      basisNote: input.basisNote,
      requestedBy: context.actor.userId as string, // routes with a permission always have a signed-in user
      validUntil,
      jurisdictionPath: person.jurisdictionPath,
    });
    await recordAudit(tx, context, {
      action: 'code.requestChange',
      entityType: 'code_change',
      entityId: change.id,
      jurisdictionPath: person.jurisdictionPath,
      after: { personId, from: current.colour, to: input.toColour, basisKind: input.basisKind, basisRef: input.basisRef },
      reason: input.basisNote,
    });
    return changeView({ change, personName: person.name, idMasked: person.idMasked, requestedByName: null, approvedByName: null });
  });
}

async function pendingChangeInScope(db: Db, context: RequestContext, id: string): Promise<CodeChangeRow> {
  const change = await findChange(db, id);
  if (!change || !pathInScope(change.jurisdictionPath, scopePaths(context.actor.grants, 'code.approve'))) throw notFound('id');
  if (change.status !== 'pending') throw new AppError('conflict', 'codeChangeDecided', 'id');
  return change;
}

/** A second user with `code.approve` in scope approves: the colour applies now, in the history and the reasons. */
export async function approveCodeChange(deps: Deps, context: RequestContext, id: string, reason: string | undefined) {
  const db = deps.database.db;
  const change = await pendingChangeInScope(db, context, id);
  requireSecondUser(context, change.requestedBy, 'ownCodeChange');
  const now = deps.clock();
  if (change.validUntil && change.validUntil <= now) throw new AppError('conflict', 'codeChangeLapsed', 'id');
  await db.transaction(async (tx) => {
    const decided = { status: 'approved', approvedBy: context.actor.userId, decidedAt: now, decisionReason: reason ?? null };
    if (!(await decideChange(tx, id, decided))) throw new AppError('conflict', 'codeChangeDecided', 'id');
    await recordColourIfChanged(tx, change.personId, change.jurisdictionPath, await colourNow(tx, change.personId, now), now);
    await recordAudit(tx, context, {
      action: 'code.approveChange',
      entityType: 'code_change',
      entityId: id,
      jurisdictionPath: change.jurisdictionPath,
      before: { colour: change.fromColour },
      after: { colour: change.toColour, basisRef: change.basisRef, validUntil: change.validUntil?.toISOString() ?? null },
      reason: reason ?? null,
    });
  });
  return { id, status: 'approved' as const };
}

/** The second user refuses, with a reason the requester (and the person) see. */
export async function rejectCodeChange(deps: Deps, context: RequestContext, id: string, reason: string) {
  const db = deps.database.db;
  const change = await pendingChangeInScope(db, context, id);
  requireSecondUser(context, change.requestedBy, 'ownCodeChange');
  await db.transaction(async (tx) => {
    const decided = { status: 'rejected', approvedBy: context.actor.userId, decidedAt: deps.clock(), decisionReason: reason };
    if (!(await decideChange(tx, id, decided))) throw new AppError('conflict', 'codeChangeDecided', 'id');
    await recordAudit(tx, context, {
      action: 'code.rejectChange',
      entityType: 'code_change',
      entityId: id,
      jurisdictionPath: change.jurisdictionPath,
      reason,
    });
  });
  return { id, status: 'rejected' as const };
}

export function changeView(row: ChangeListRow) {
  const c = row.change;
  return {
    id: c.id,
    personId: c.personId,
    personName: row.personName,
    idMasked: row.idMasked,
    fromColour: c.fromColour,
    toColour: c.toColour,
    basisKind: c.basisKind,
    basisRef: c.basisRef,
    basisNote: c.basisNote,
    status: c.status,
    requestedBy: c.requestedBy,
    requestedByName: row.requestedByName,
    approvedByName: row.approvedByName,
    requestedAt: c.createdAt.toISOString(),
    decidedAt: c.decidedAt?.toISOString() ?? null,
    decisionReason: c.decisionReason,
    validUntil: c.validUntil?.toISOString() ?? null,
  };
}

/** The approval queue (or decided changes) in the caller's scope. */
export async function listCodeChanges(deps: Deps, context: RequestContext, status: string) {
  const rows = await changesIn(deps.database.db, scopePaths(context.actor.grants, 'code.read'), status);
  return { items: rows.map(changeView) };
}
