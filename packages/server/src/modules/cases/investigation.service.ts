import {
  AppError,
  type CalendarDate,
  type CaseClassification,
  caseDateProblem,
  conflict,
  type InvestigationForm,
  invalid,
  investigationFormOf,
  investigationGaps,
  notFound,
  ROLES,
  roleGrants,
  withDetails,
} from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../http/context.ts';
import { findPlaceById } from '../places/place.repository.ts';
import { usersCovering } from '../users/user.repository.ts';
import {
  type CaseRow,
  countTrajectory,
  findInvestigation,
  type InvestigationRow,
  insertTrajectory,
  removeTrajectory,
  updateCase,
  updateInvestigation,
} from './case.repository.ts';
import { caseInScope, rulesOfCase } from './case-access.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

export const TRAJECTORY_SOURCES = ['interview', 'venue_scan', 'checkpoint_scan', 'manual'] as const;
export type TrajectorySource = (typeof TRAJECTORY_SOURCES)[number];
export const AGENCIES = ['cdc', 'police'] as const;

export interface InvestigationUpdate {
  form?: InvestigationForm;
  onsetDate?: CalendarDate;
  assignees?: { userId: string; agency: (typeof AGENCIES)[number] }[];
  complete?: boolean;
  sealed?: boolean;
  sealingNote?: string;
}

async function investigationOf(deps: Deps, context: RequestContext, caseId: string) {
  const row = await caseInScope(deps.database.db, context, caseId, 'investigation.write');
  const inv = await findInvestigation(deps.database.db, row.id);
  if (!inv) throw notFound('id');
  return { row, inv };
}

const INVESTIGATOR_ROLES = ROLES.filter((role) => roleGrants(role, 'investigation.write'));

/** Who may be assigned to a case's investigation: users holding investigation.write over the case's jurisdiction. */
export async function investigatorsOf(deps: Deps, context: RequestContext, caseId: string) {
  const row = await caseInScope(deps.database.db, context, caseId, 'case.read');
  const users = await usersCovering(deps.database.db, row.jurisdictionPath, INVESTIGATOR_ROLES);
  return { items: users.map((u) => ({ id: u.id, username: u.username, displayName: u.display_name, role: u.role })) };
}

/** Every assignee is an investigator of the case (CASE-002): no one from outside its jurisdiction or role. */
async function checkAssignees(db: Db, row: CaseRow, assignees: NonNullable<InvestigationUpdate['assignees']>) {
  const allowed = new Set((await usersCovering(db, row.jurisdictionPath, INVESTIGATOR_ROLES)).map((u) => u.id));
  const seen = new Set<string>();
  assignees.forEach((a, i) => {
    if (!allowed.has(a.userId)) throw invalid(`assignees.${i}.userId`, 'notInvestigator');
    if (seen.has(a.userId)) throw invalid(`assignees.${i}.userId`, 'duplicate');
    seen.add(a.userId);
  });
}

function changesOf(input: InvestigationUpdate, inv: InvestigationRow, userId: string | null, now: Date) {
  if (inv.state === 'completed' && (input.form || input.assignees)) throw new AppError('conflict', 'investigationCompleted', 'id');
  const changes: Partial<InvestigationRow> = {};
  if (input.form) changes.form = { ...inv.form, ...input.form };
  if (input.assignees) {
    changes.assignees = input.assignees;
    changes.leadUserId = input.assignees[0]?.userId ?? null;
  }
  if (input.complete && inv.state !== 'completed') Object.assign(changes, { state: 'completed', completedAt: now, completedBy: userId });
  if (input.sealed && !inv.sealedAt) Object.assign(changes, { sealedAt: now, sealedBy: userId, sealingNote: input.sealingNote ?? null });
  return changes;
}

/** What the form still lacks (core decides), read with the case's edition, onset and live trajectory points. */
export async function gapsOf(db: Db, row: CaseRow, form: Readonly<Record<string, unknown>>) {
  const facts = {
    classification: row.classification as CaseClassification,
    onsetDate: row.onsetDate,
    trajectoryPoints: await countTrajectory(db, row.id),
  };
  return {
    gaps: investigationGaps(investigationFormOf(form), facts, await rulesOfCase(db, row)),
    trajectoryPoints: facts.trajectoryPoints,
  };
}

/**
 * The investigation (流调, CASE-002): form, CDC + police assignees, completion and the spot sealing, each audited.
 * It completes only when nothing is missing (issue 11 item 3): otherwise 400 `investigationIncomplete` with the gaps.
 */
export async function updateInvestigationOf(deps: Deps, context: RequestContext, caseId: string, input: InvestigationUpdate) {
  const { row: found, inv } = await investigationOf(deps, context, caseId);
  const now = deps.clock();
  const onsetDate = input.onsetDate ?? found.onsetDate;
  const onsetProblem = caseDateProblem({ discoveredAt: found.discoveredAt, onsetDate, reportedAt: found.reportedAt }, now);
  if (onsetProblem) throw onsetProblem;
  const row = { ...found, onsetDate };
  if (input.assignees) await checkAssignees(deps.database.db, found, input.assignees);
  const changes = changesOf(input, inv, context.actor.userId, now);
  if (Object.keys(changes).length === 0 && input.onsetDate === undefined) throw invalid('body', 'nothingToChange');
  if (changes.state === 'completed') {
    const { gaps } = await gapsOf(deps.database.db, row, changes.form ?? inv.form);
    if (gaps.length > 0) throw withDetails(invalid('form', 'investigationIncomplete'), { missing: gaps });
  }
  return deps.database.db.transaction(async (tx) => {
    // The investigation establishes the onset date (流调): the case keeps it, checked against discovery and report.
    if (input.onsetDate !== undefined) await updateCase(tx, row.id, { onsetDate: input.onsetDate });
    if (Object.keys(changes).length > 0) await updateInvestigation(tx, inv.id, changes);
    await recordAudit(tx, context, {
      action: 'investigation.update',
      entityType: 'investigation',
      entityId: inv.id,
      jurisdictionPath: row.jurisdictionPath,
      before: { state: inv.state, sealedAt: inv.sealedAt?.toISOString() ?? null, onsetDate: found.onsetDate },
      after: { ...changes, form: changes.form ? Object.keys(changes.form) : undefined, onsetDate: input.onsetDate },
    });
    return { id: inv.id, state: changes.state ?? inv.state, sealed: Boolean(changes.sealedAt ?? inv.sealedAt) };
  });
}

export interface NewTrajectoryPoint {
  placeId?: string;
  placeText?: string;
  fromAt: string;
  toAt: string;
  source: TrajectorySource;
  note?: string;
}

function checkSpan(fromAt: Date, toAt: Date, now: Date, lookbackFrom: Date) {
  if (Number.isNaN(fromAt.getTime())) throw invalid('fromAt', 'invalidDate');
  if (Number.isNaN(toAt.getTime())) throw invalid('toAt', 'invalidDate');
  if (toAt < fromAt) throw invalid('toAt', 'beforeFrom');
  if (toAt > now) throw invalid('toAt', 'inFuture');
  if (fromAt < lookbackFrom) throw invalid('fromAt', 'outsideWindow');
}

/** A trajectory point (活动轨迹): inside the edition's look-back window before discovery, never in the future; audited. */
export async function addTrajectoryPoint(deps: Deps, context: RequestContext, caseId: string, input: NewTrajectoryPoint) {
  const { row, inv } = await investigationOf(deps, context, caseId);
  if (!input.placeId && !input.placeText) throw invalid('placeText', 'placeRequired');
  if (input.placeId && !(await findPlaceById(deps.database.db, input.placeId))) throw invalid('placeId', 'unknownPlace');
  const fromAt = new Date(input.fromAt);
  const toAt = new Date(input.toAt);
  const lookbackDays = (await rulesOfCase(deps.database.db, row)).exposureLookbackDays.days;
  checkSpan(fromAt, toAt, deps.clock(), new Date(row.discoveredAt.getTime() - lookbackDays * 86_400_000));
  return deps.database.db.transaction(async (tx) => {
    const point = await insertTrajectory(tx, {
      caseId: row.id,
      investigationId: inv.id,
      placeId: input.placeId ?? null,
      placeText: input.placeText ?? null,
      fromAt,
      toAt,
      source: input.source,
      note: input.note ?? null,
      recordedBy: context.actor.userId,
      jurisdictionPath: row.jurisdictionPath,
    });
    await recordAudit(tx, context, {
      action: 'case.trajectory.add',
      entityType: 'trajectory_point',
      entityId: point.id,
      jurisdictionPath: row.jurisdictionPath,
      after: { caseId: row.id, placeId: input.placeId ?? null, fromAt: input.fromAt, toAt: input.toAt, source: input.source },
    });
    return { id: point.id };
  });
}

/** Removing a point keeps it for the audit trail. */
export async function removeTrajectoryPoint(deps: Deps, context: RequestContext, caseId: string, pointId: string, reason: string) {
  const { row } = await investigationOf(deps, context, caseId);
  return deps.database.db.transaction(async (tx) => {
    if (!(await removeTrajectory(tx, row.id, pointId, context.actor.userId, deps.clock()))) throw conflict('pointId', 'notFoundOrRemoved');
    await recordAudit(tx, context, {
      action: 'case.trajectory.remove',
      entityType: 'trajectory_point',
      entityId: pointId,
      jurisdictionPath: row.jurisdictionPath,
      reason,
    });
    return { id: pointId, removed: true };
  });
}
