import { TASK_SOURCES, type TaskState, type TaskUnitRole } from '@fangkong/core';
import { and, asc, count, desc, eq, gte, inArray, isNull, lt, ne, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { appUser, jurisdiction, orgUnit, rosterMember, task, taskEvidence, taskUnit, workingGroup } from '../../db/schema/index.ts';
import { underAnyPath } from '../../db/scope-sql.ts';

export type TaskRow = typeof task.$inferSelect;

/** The command's tasks (manual, level measure, supervision finding), never the rules' own follow-ups. */
const isCommandTask = inArray(task.sourceKind, [...TASK_SOURCES]);

/** open: not closed and not past its deadline; overdue: not closed and past it; done: closed; cancelled: no longer required. */
function stateIs(state: TaskState, now: Date): SQL {
  if (state === 'done') return eq(task.status, 'closed');
  if (state === 'cancelled') return eq(task.status, 'cancelled');
  const open = eq(task.status, 'open');
  if (state === 'overdue') return and(open, lt(task.dueAt, now)) as SQL;
  return and(open, or(isNull(task.dueAt), gte(task.dueAt, now))) as SQL;
}

export async function insertCommandTask(db: Db, row: typeof task.$inferInsert): Promise<TaskRow> {
  const rows = await db.insert(task).values(row).returning();
  return rows[0] as TaskRow;
}

export async function findCommandTask(db: Db, id: string): Promise<TaskRow | undefined> {
  const rows = await db
    .select()
    .from(task)
    .where(and(eq(task.id, id), isCommandTask))
    .limit(1);
  return rows[0];
}

export async function updateTask(db: Db, id: string, changes: Partial<typeof task.$inferInsert>): Promise<void> {
  await db
    .update(task)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(task.id, id));
}

export async function insertTaskUnits(db: Db, rows: { taskId: string; orgUnitId: string; role: TaskUnitRole; jurisdictionPath: string }[]) {
  if (rows.length > 0)
    await db
      .insert(taskUnit)
      .values(rows.map((row, position) => ({ ...row, position })))
      .onConflictDoNothing();
}

export async function unitsOfTasks(db: Db, taskIds: string[]) {
  if (taskIds.length === 0) return [];
  return db
    .select({ taskId: taskUnit.taskId, id: orgUnit.id, name: orgUnit.name, role: taskUnit.role })
    .from(taskUnit)
    .innerJoin(orgUnit, eq(orgUnit.id, taskUnit.orgUnitId))
    .where(inArray(taskUnit.taskId, taskIds))
    .orderBy(asc(taskUnit.taskId), asc(taskUnit.position));
}

const assignee = alias(appUser, 'assignee');
const creator = alias(appUser, 'creator');
const closer = alias(appUser, 'closer');

function listQuery(db: Db, where: SQL | undefined) {
  return db
    .select({
      task,
      jurisdictionName: jurisdiction.name,
      groupName: workingGroup.nameZh,
      assigneeName: assignee.displayName,
      createdByName: creator.displayName,
      closedByName: closer.displayName,
      evidenceCount: sql<number>`(select count(*)::int from task_evidence e where e.task_id = ${task.id})`,
    })
    .from(task)
    .leftJoin(jurisdiction, eq(jurisdiction.id, task.jurisdictionId))
    .leftJoin(workingGroup, eq(workingGroup.id, task.workingGroupId))
    .leftJoin(assignee, eq(assignee.id, task.assigneeUserId))
    .leftJoin(creator, eq(creator.id, task.createdBy))
    .leftJoin(closer, eq(closer.id, task.closedBy))
    .where(where);
}

export type TaskListRow = Awaited<ReturnType<typeof listQuery>>[number];

export async function taskWithNames(db: Db, id: string): Promise<TaskListRow | undefined> {
  const rows = await listQuery(db, and(eq(task.id, id), isCommandTask));
  return rows[0];
}

export interface TaskFilter {
  paths: string[];
  state?: TaskState;
  headquartersId?: string;
  workingGroupId?: string;
  unitId?: string;
  sourceKind?: string;
  jurisdictionId?: string;
  /** Level-measure tasks of these responses only (the running ones: `runningResponseIds`). */
  responseIds?: readonly string[];
}

function ofResponses(ids: readonly string[]): SQL {
  if (ids.length === 0) return sql`false`;
  return sql`${task.details}->>'responseId' in (${sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )})`;
}

function filterWhere(filter: TaskFilter, now: Date): SQL {
  return and(
    isCommandTask,
    underAnyPath(task.jurisdictionPath, filter.paths),
    filter.state ? stateIs(filter.state, now) : undefined,
    filter.headquartersId ? eq(task.headquartersId, filter.headquartersId) : undefined,
    filter.workingGroupId ? eq(task.workingGroupId, filter.workingGroupId) : undefined,
    filter.unitId ? sql`exists (select 1 from task_unit u where u.task_id = ${task.id} and u.org_unit_id = ${filter.unitId})` : undefined,
    filter.sourceKind ? eq(task.sourceKind, filter.sourceKind) : undefined,
    filter.jurisdictionId ? eq(task.jurisdictionId, filter.jurisdictionId) : undefined,
    filter.responseIds ? ofResponses(filter.responseIds) : undefined,
  ) as SQL;
}

/** Overdue first, then by deadline; done, then cancelled, last, newest first. */
const taskOrder = [sql`case ${task.status} when 'open' then 0 when 'closed' then 1 else 2 end`, asc(task.dueAt), desc(task.createdAt)];

export async function listCommandTasks(db: Db, filter: TaskFilter, now: Date, limit: number, offset: number) {
  const where = filterWhere(filter, now);
  const [items, counted] = await Promise.all([
    listQuery(db, where)
      .orderBy(...taskOrder)
      .limit(limit)
      .offset(offset),
    db.select({ total: count() }).from(task).where(where),
  ]);
  return { items, total: counted[0]?.total ?? 0 };
}

/** Open, overdue and done counts of the tasks a filter (without its state) selects. */
export async function taskCounts(db: Db, filter: Omit<TaskFilter, 'state'>, now: Date) {
  const rows = await db
    .select({
      open: sql<number>`count(*) filter (where ${stateIs('open', now)})::int`,
      overdue: sql<number>`count(*) filter (where ${stateIs('overdue', now)})::int`,
      done: sql<number>`count(*) filter (where ${stateIs('done', now)})::int`,
    })
    .from(task)
    .where(filterWhere(filter, now));
  return rows[0] ?? { open: 0, overdue: 0, done: 0 };
}

/**
 * "My tasks" (ORG-060): given to me, to a group whose roster holds me, or to a unit I stand for on a roster;
 * only inside the subtrees where I work tasks.
 */
export async function myTasks(db: Db, userId: string, paths: string[], now: Date, state: TaskState | undefined) {
  const mine = sql`(${task.assigneeUserId} = ${userId}
    or ${task.workingGroupId} in (select working_group_id from roster_member where user_id = ${userId} and working_group_id is not null)
    or exists (select 1 from task_unit u join roster_member r on r.org_unit_id = u.org_unit_id
               where u.task_id = ${task.id} and r.user_id = ${userId}))`;
  const where = and(isCommandTask, underAnyPath(task.jurisdictionPath, paths), mine, state ? stateIs(state, now) : undefined);
  return listQuery(db, where)
    .orderBy(...taskOrder)
    .limit(200);
}

/** Is this task given to the user, to a group of theirs, or to a unit they stand for? */
export async function isMyTask(db: Db, taskRow: TaskRow, userId: string): Promise<boolean> {
  if (taskRow.assigneeUserId === userId) return true;
  const rows = await db
    .select({ n: count() })
    .from(rosterMember)
    .where(
      and(
        eq(rosterMember.userId, userId),
        or(
          taskRow.workingGroupId ? eq(rosterMember.workingGroupId, taskRow.workingGroupId) : sql`false`,
          sql`${rosterMember.orgUnitId} in (select org_unit_id from task_unit where task_id = ${taskRow.id})`,
        ),
      ),
    );
  return (rows[0]?.n ?? 0) > 0;
}

/** Open and overdue command tasks per working group. */
export async function taskCountsByGroup(db: Db, groupIds: string[], now: Date) {
  if (groupIds.length === 0) return new Map<string, { open: number; overdue: number }>();
  const rows = await db
    .select({
      groupId: task.workingGroupId,
      open: sql<number>`count(*) filter (where ${stateIs('open', now)})::int`,
      overdue: sql<number>`count(*) filter (where ${stateIs('overdue', now)})::int`,
    })
    .from(task)
    .where(and(isCommandTask, inArray(task.workingGroupId, groupIds)))
    .groupBy(task.workingGroupId);
  return new Map(rows.map((r) => [r.groupId ?? '', { open: r.open, overdue: r.overdue }]));
}

export async function insertEvidence(db: Db, row: typeof taskEvidence.$inferInsert) {
  const rows = await db.insert(taskEvidence).values(row).returning({ id: taskEvidence.id, createdAt: taskEvidence.createdAt });
  return rows[0] as { id: string; createdAt: Date };
}

/** The evidence of a task, without its bytes. */
export async function evidenceOf(db: Db, taskId: string) {
  return db
    .select({
      id: taskEvidence.id,
      fileName: taskEvidence.fileName,
      contentType: taskEvidence.contentType,
      sizeBytes: taskEvidence.sizeBytes,
      sha256: taskEvidence.sha256,
      uploadedAt: taskEvidence.createdAt,
      uploadedByName: appUser.displayName,
    })
    .from(taskEvidence)
    .leftJoin(appUser, eq(appUser.id, taskEvidence.uploadedBy))
    .where(eq(taskEvidence.taskId, taskId))
    .orderBy(asc(taskEvidence.createdAt));
}

export async function findEvidence(db: Db, taskId: string, evidenceId: string) {
  const rows = await db
    .select()
    .from(taskEvidence)
    .where(and(eq(taskEvidence.id, evidenceId), eq(taskEvidence.taskId, taskId)))
    .limit(1);
  return rows[0];
}

/** Open, overdue and done counts per working group of the tasks a filter (without its state) selects (the command overview). */
export async function taskCountsPerGroup(db: Db, filter: Omit<TaskFilter, 'state'>, now: Date) {
  return db
    .select({
      groupId: task.workingGroupId,
      groupName: workingGroup.nameZh,
      groupNameEn: workingGroup.nameEn,
      jurisdictionName: jurisdiction.name,
      open: sql<number>`count(*) filter (where ${stateIs('open', now)})::int`,
      overdue: sql<number>`count(*) filter (where ${stateIs('overdue', now)})::int`,
      done: sql<number>`count(*) filter (where ${stateIs('done', now)})::int`,
    })
    .from(task)
    .leftJoin(workingGroup, eq(workingGroup.id, task.workingGroupId))
    .leftJoin(jurisdiction, eq(jurisdiction.id, task.jurisdictionId))
    .where(and(filterWhere(filter, now), ne(task.status, 'cancelled')))
    .groupBy(task.workingGroupId, workingGroup.nameZh, workingGroup.nameEn, workingGroup.sortOrder, jurisdiction.name, jurisdiction.path)
    .orderBy(asc(jurisdiction.path), asc(workingGroup.sortOrder));
}
