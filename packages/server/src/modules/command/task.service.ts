import {
  AppError,
  conflict,
  invalid,
  notFound,
  onOneLine,
  pathInScope,
  ROLES,
  roleGrants,
  type TaskSource,
  type TaskState,
  type TaskUnitRole,
  taskState,
} from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { grantsOfUser } from '../../auth/auth.repository.ts';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../http/context.ts';
import { findJurisdictionById, type JurisdictionRow } from '../jurisdictions/jurisdiction.repository.ts';
import { usersCovering } from '../users/user.repository.ts';
import { inScope, scopeOf } from './command-access.ts';
import { findHeadquarters, findOrgUnits, findWorkingGroup, listHeadquarters } from './organization.repository.ts';
import {
  evidenceOf,
  findCommandTask,
  insertCommandTask,
  insertTaskUnits,
  isMyTask,
  listCommandTasks,
  myTasks,
  type TaskFilter,
  type TaskListRow,
  type TaskRow,
  taskCounts,
  taskWithNames,
  unitsOfTasks,
  updateTask,
} from './task.repository.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

export interface TaskUnitRef {
  unitId: string;
  role: TaskUnitRole;
}

export interface NewTask {
  jurisdictionId: string;
  headquartersId?: string;
  title: string;
  description?: string;
  dueAt: string;
  workingGroupId?: string;
  assigneeUserId?: string;
  units?: TaskUnitRef[];
  sourceKind?: Exclude<TaskSource, 'supervision_finding'>;
  sourceId?: string;
}

/** What a task is issued with once its place and assignees are checked. */
export interface IssuedTask {
  title: string;
  description: string | null;
  dueAt: Date;
  place: Pick<JurisdictionRow, 'id' | 'path'>;
  headquartersId: string | null;
  workingGroupId: string | null;
  assigneeUserId: string | null;
  units: TaskUnitRef[];
  sourceKind: TaskSource;
  sourceId: string | null;
  /** What the source adds (a level measure: the response it belongs to, its level). */
  details?: Record<string, unknown>;
}

const outside = (field: string) => invalid(field, 'outsideJurisdiction');

/** The nearest headquarters above (or at) a jurisdiction in the caller's scope: who issues a task there by default. */
async function issuingHeadquarters(db: Db, context: RequestContext, place: JurisdictionRow, id: string | undefined) {
  if (id) {
    const hq = await findHeadquarters(db, id);
    if (!hq || !pathInScope(hq.jurisdictionPath, scopeOf(context, 'task.write')) || !place.path.startsWith(hq.jurisdictionPath)) {
      throw outside('headquartersId');
    }
    return hq.id;
  }
  const above = (await listHeadquarters(db, scopeOf(context, 'task.write'))).filter(({ hq }) => place.path.startsWith(hq.jurisdictionPath));
  return above.at(-1)?.hq.id ?? null;
}

async function checkGroup(db: Db, context: RequestContext, place: JurisdictionRow, id: string | undefined) {
  if (!id) return null;
  const group = await findWorkingGroup(db, id);
  const usable = group && group.status === 'active' && pathInScope(group.jurisdictionPath, scopeOf(context, 'task.write'));
  if (!usable || !onOneLine(group.jurisdictionPath, place.path)) throw outside('workingGroupId');
  return group.id;
}

async function checkUnits(db: Db, context: RequestContext, place: JurisdictionRow, refs: TaskUnitRef[]) {
  const units = await findOrgUnits(db, [...new Set(refs.map((r) => r.unitId))]);
  const scope = scopeOf(context, 'task.write');
  for (const ref of refs) {
    const unit = units.find((u) => u.id === ref.unitId);
    if (!unit || !pathInScope(unit.jurisdictionPath, scope) || !onOneLine(unit.jurisdictionPath, place.path)) throw outside('units');
  }
}

/** A person is given a task only where they work tasks: a grant with task.work covering the task's jurisdiction. */
async function checkAssignee(db: Db, place: JurisdictionRow, userId: string | undefined) {
  if (!userId) return null;
  const grants = await grantsOfUser(db, userId);
  if (!grants.some((g) => roleGrants(g.role, 'task.work') && place.path.startsWith(g.jurisdictionPath))) throw outside('assigneeUserId');
  return userId;
}

/**
 * Checks a new task (ORG-060; issue 13 bad input): its jurisdiction, issuing headquarters, group, units and
 * person must all be inside the caller's scope and on the task's line of the tree, else 400 naming the field.
 */
async function checkedTask(deps: Deps, context: RequestContext, input: NewTask): Promise<IssuedTask> {
  const db = deps.database.db;
  const place = await findJurisdictionById(db, input.jurisdictionId);
  if (!place || !pathInScope(place.path, scopeOf(context, 'task.write'))) throw invalid('jurisdictionId', 'unknownJurisdiction');
  const dueAt = new Date(input.dueAt);
  if (Number.isNaN(dueAt.getTime())) throw invalid('dueAt', 'invalidDate');
  if (dueAt <= deps.clock()) throw invalid('dueAt', 'deadlinePassed');
  if (!input.title.trim()) throw invalid('title', 'required');
  const units = input.units ?? [];
  await checkUnits(db, context, place, units);
  const issued = {
    headquartersId: await issuingHeadquarters(db, context, place, input.headquartersId),
    workingGroupId: await checkGroup(db, context, place, input.workingGroupId),
    assigneeUserId: await checkAssignee(db, place, input.assigneeUserId),
  };
  if (!issued.workingGroupId && !issued.assigneeUserId && units.length === 0) throw invalid('workingGroupId', 'assigneeRequired');
  return {
    ...issued,
    title: input.title.trim(),
    description: input.description?.trim() || null,
    dueAt,
    place,
    units,
    sourceKind: input.sourceKind ?? 'manual',
    sourceId: input.sourceId ?? null,
  };
}

/** Writes a checked task, its units and its audit event in the caller's transaction (manual tasks, level measures, rectifications). */
export async function issueTask(tx: Db, context: RequestContext, t: IssuedTask): Promise<TaskRow> {
  const row = await insertCommandTask(tx, {
    kind: 'command',
    status: 'open',
    title: t.title,
    description: t.description,
    dueAt: t.dueAt,
    sourceKind: t.sourceKind,
    sourceId: t.sourceId,
    details: t.details ?? {},
    headquartersId: t.headquartersId,
    workingGroupId: t.workingGroupId,
    assigneeUserId: t.assigneeUserId,
    jurisdictionId: t.place.id,
    jurisdictionPath: t.place.path,
    createdBy: context.actor.userId,
  });
  await insertTaskUnits(
    tx,
    t.units.map((u) => ({ taskId: row.id, orgUnitId: u.unitId, role: u.role, jurisdictionPath: t.place.path })),
  );
  await recordAudit(tx, context, {
    action: 'task.create',
    entityType: 'task',
    entityId: row.id,
    jurisdictionPath: t.place.path,
    after: {
      title: t.title,
      dueAt: t.dueAt.toISOString(),
      sourceKind: t.sourceKind,
      sourceId: t.sourceId,
      workingGroupId: t.workingGroupId,
      assigneeUserId: t.assigneeUserId,
      units: t.units,
    },
  });
  return row;
}

export async function createTask(deps: Deps, context: RequestContext, input: NewTask) {
  const checked = await checkedTask(deps, context, input);
  const row = await deps.database.db.transaction((tx) => issueTask(tx, context, checked));
  return taskDetail(deps, context, row.id);
}

type UnitOfTask = Awaited<ReturnType<typeof unitsOfTasks>>[number];

export function taskView(row: TaskListRow, units: UnitOfTask[], now: Date) {
  const t = row.task;
  const { state, late } = taskState(t, now);
  return {
    id: t.id,
    title: t.title ?? '',
    description: t.description,
    sourceKind: t.sourceKind,
    sourceId: t.sourceId,
    state,
    late,
    dueAt: t.dueAt?.toISOString() ?? null,
    createdAt: t.createdAt.toISOString(),
    closedAt: t.closedAt?.toISOString() ?? null,
    closingNote: t.closingNote,
    jurisdictionId: t.jurisdictionId,
    jurisdictionName: row.jurisdictionName,
    headquartersId: t.headquartersId,
    workingGroupId: t.workingGroupId,
    workingGroupName: row.groupName,
    assigneeUserId: t.assigneeUserId,
    assigneeName: row.assigneeName,
    units: units.filter((u) => u.taskId === t.id).map(({ id, name, role }) => ({ id, name, role })),
    evidenceCount: row.evidenceCount,
    createdByName: row.createdByName,
    closedByName: row.closedByName,
  };
}

async function views(db: Db, rows: TaskListRow[], now: Date) {
  const units = await unitsOfTasks(
    db,
    rows.map((r) => r.task.id),
  );
  return rows.map((r) => taskView(r, units, now));
}

/** All command tasks in the caller's scope (ORG-060), filtered, with open/overdue/done counts. */
export async function taskList(deps: Deps, context: RequestContext, filter: Omit<TaskFilter, 'paths'>, limit: number, offset: number) {
  const db = deps.database.db;
  const now = deps.clock();
  const scoped = { ...filter, paths: scopeOf(context, 'command.read') };
  const [page, counts] = await Promise.all([listCommandTasks(db, scoped, now, limit, offset), taskCounts(db, scoped, now)]);
  return { items: await views(db, page.items, now), total: page.total, counts };
}

/**
 * Command tasks open, overdue and done in a jurisdiction and everything under it: the one count the
 * command view and the dashboard both show (the caller has checked `command.read` on `path`).
 */
export async function taskCountsUnder(deps: Deps, path: string) {
  return taskCounts(deps.database.db, { paths: [path] }, deps.clock());
}

/** "My tasks" (ORG-060, SC-70): given to me, to my groups, or to the units I stand for. */
export async function myTaskList(deps: Deps, context: RequestContext, state: TaskState | undefined) {
  const db = deps.database.db;
  const now = deps.clock();
  if (!context.actor.userId) return { items: [], total: 0 };
  const rows = await myTasks(db, context.actor.userId, scopeOf(context, 'task.work'), now, state);
  return { items: await views(db, rows, now), total: rows.length };
}

/**
 * A command task the caller may open, or "not found": the command sees every task in its scope; someone who only
 * works tasks (a grid worker, an epidemiologist) sees their own — given to them, their group or their unit.
 */
export async function taskInScope(db: Db, context: RequestContext, id: string): Promise<TaskRow> {
  const row = inScope(await findCommandTask(db, id), context, 'task.work');
  if (pathInScope(row.jurisdictionPath, scopeOf(context, 'command.read'))) return row;
  if (context.actor.userId !== null && (await isMyTask(db, row, context.actor.userId))) return row;
  throw notFound('id');
}

/** The assignee (or their group or unit) closes a task; so may whoever issues tasks there (the office on someone's behalf). */
export async function mayWork(db: Db, context: RequestContext, row: TaskRow): Promise<boolean> {
  if (pathInScope(row.jurisdictionPath, scopeOf(context, 'task.write'))) return true;
  return context.actor.userId !== null && isMyTask(db, row, context.actor.userId);
}

export async function checkMayWork(db: Db, context: RequestContext, row: TaskRow): Promise<void> {
  if (row.status !== 'open') throw conflict('id', 'taskClosed');
  if (!(await mayWork(db, context, row))) throw new AppError('forbidden', 'notAssignee', 'id');
}

export async function taskDetail(deps: Deps, context: RequestContext, id: string) {
  const db = deps.database.db;
  const row = await taskInScope(db, context, id);
  const named = await taskWithNames(db, row.id);
  if (!named) throw notFound('id');
  const [[view], evidence, closable] = await Promise.all([
    views(db, [named], deps.clock()),
    evidenceOf(db, row.id),
    row.status === 'open' ? mayWork(db, context, row) : Promise.resolve(false),
  ]);
  return {
    ...(view as ReturnType<typeof taskView>),
    closable,
    evidence: evidence.map((e) => ({ ...e, uploadedAt: e.uploadedAt.toISOString() })),
  };
}

/** A task closed with its note, audited in the caller's transaction: by hand (with evidence) or with the record that raised it. */
async function markClosed(
  tx: Db,
  context: RequestContext,
  row: TaskRow,
  closing: { note: string; at: Date; extra: Record<string, string> },
) {
  await updateTask(tx, row.id, { status: 'closed', closedAt: closing.at, closedBy: context.actor.userId, closingNote: closing.note });
  await recordAudit(tx, context, {
    action: 'task.close',
    entityType: 'task',
    entityId: row.id,
    jurisdictionPath: row.jurisdictionPath,
    before: { status: row.status },
    after: {
      status: 'closed',
      state: taskState({ ...row, status: 'closed', closedAt: closing.at }, closing.at),
      note: closing.note,
      ...closing.extra,
    },
  });
}

/** Closes a task with a note; evidence (a photo or a file) must be attached first. */
export async function closeTask(deps: Deps, context: RequestContext, id: string, note: string) {
  const db = deps.database.db;
  const row = await taskInScope(db, context, id);
  await checkMayWork(db, context, row);
  if ((await evidenceOf(db, row.id)).length === 0) throw invalid('evidence', 'evidenceRequired');
  const at = deps.clock();
  await db.transaction((tx) => markClosed(tx, context, row, { note: note.trim(), at, extra: {} }));
  return taskDetail(deps, context, row.id);
}

/**
 * The task a record raised closes with the record (the handling is the task: an early-warning signal's
 * verification, a reported outsider found), with the outcome as its closing note, audited in the caller's
 * transaction; a task already closed or cancelled is left as it is.
 */
export async function closeSourceTask(
  tx: Db,
  context: RequestContext,
  taskId: string | null,
  closing: { note: string; at: Date; source: Record<string, string> },
) {
  if (!taskId) return;
  const row = await findCommandTask(tx, taskId);
  if (row?.status !== 'open') return;
  await markClosed(tx, context, row, { note: closing.note, at: closing.at, extra: closing.source });
}

const WORKER_ROLES = ROLES.filter((role) => roleGrants(role, 'task.work'));

/** Who may be given a task in a jurisdiction: users holding task.work over it. */
export async function assignableUsers(deps: Deps, context: RequestContext, jurisdictionId: string) {
  const db = deps.database.db;
  const place = await findJurisdictionById(db, jurisdictionId);
  if (!place || !pathInScope(place.path, scopeOf(context, 'task.write'))) throw invalid('jurisdictionId', 'unknownJurisdiction');
  const users = await usersCovering(db, place.path, WORKER_ROLES);
  const seen = new Set<string>();
  return {
    items: users
      .filter((u) => !seen.has(u.id) && seen.add(u.id))
      .map((u) => ({ id: u.id, username: u.username, displayName: u.display_name, role: u.role })),
  };
}
