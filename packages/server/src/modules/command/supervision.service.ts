import {
  AppError,
  conflict,
  findingState,
  invalid,
  notFound,
  onOneLine,
  pathInScope,
  type SupervisionMethod,
  taskState,
} from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../http/context.ts';
import { findJurisdictionById, type JurisdictionRow } from '../jurisdictions/jurisdiction.repository.ts';
import { inScope, scopeOf } from './command-access.ts';
import { findHeadquarters, findOrgUnit, findWorkingGroup, type HeadquartersRow } from './organization.repository.ts';
import {
  type FindingListRow,
  type FindingRow,
  findFinding,
  findingsOf,
  findSupervision,
  insertFinding,
  insertRecheck,
  insertSupervision,
  listSupervisions,
  rechecksOf,
  type SupervisionListRow,
  supervisionWithNames,
  updateFinding,
} from './supervision.repository.ts';
import { issueTask } from './task.service.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

export interface NewFinding {
  description: string;
  responsibleUnitId: string;
  rectificationDueAt: string;
}

export interface NewSupervision {
  headquartersId: string;
  jurisdictionId: string;
  workingGroupId?: string;
  inspectedUnitId?: string;
  method: SupervisionMethod;
  subject: string;
  inspectedAt: string;
  inspectors?: string;
  summary?: string;
  findings?: NewFinding[];
}

interface Inspection {
  hq: HeadquartersRow;
  place: JurisdictionRow;
}

const scope = (context: RequestContext) => scopeOf(context, 'supervision.write');

/** The inspecting headquarters and the inspected area: both in the caller's scope, the area under the headquarters. */
async function inspection(db: Db, context: RequestContext, input: NewSupervision): Promise<Inspection> {
  const hq = await findHeadquarters(db, input.headquartersId);
  if (!hq || !pathInScope(hq.jurisdictionPath, scope(context))) throw invalid('headquartersId', 'unknownHeadquarters');
  const place = await findJurisdictionById(db, input.jurisdictionId);
  if (!place || !pathInScope(place.path, scope(context))) throw invalid('jurisdictionId', 'unknownJurisdiction');
  if (!place.path.startsWith(hq.jurisdictionPath)) throw invalid('jurisdictionId', 'outsideJurisdiction');
  if (input.workingGroupId && (await findWorkingGroup(db, input.workingGroupId))?.headquartersId !== hq.id) {
    throw invalid('workingGroupId', 'notInHeadquarters');
  }
  if (input.inspectedUnitId) await unitOnLine(db, context, place, input.inspectedUnitId, 'inspectedUnitId');
  return { hq, place };
}

async function unitOnLine(db: Db, context: RequestContext, place: Pick<JurisdictionRow, 'path'>, unitId: string, field: string) {
  const unit = await findOrgUnit(db, unitId);
  if (!unit || !pathInScope(unit.jurisdictionPath, scope(context)) || !onOneLine(unit.jurisdictionPath, place.path)) {
    throw invalid(field, 'outsideJurisdiction');
  }
  return unit;
}

function checkedDeadline(raw: string, now: Date, field: string): Date {
  const due = new Date(raw);
  if (Number.isNaN(due.getTime())) throw invalid(field, 'invalidDate');
  if (due <= now) throw invalid(field, 'deadlinePassed');
  return due;
}

/** Findings are checked before anything is written: each unit in scope on the area's line, each deadline ahead. */
async function checkFindings(db: Db, context: RequestContext, place: JurisdictionRow, findings: NewFinding[], now: Date, prefix: string) {
  for (const [i, f] of findings.entries()) {
    if (!f.description.trim()) throw invalid(`${prefix}${i}.description`, 'required');
    await unitOnLine(db, context, place, f.responsibleUnitId, `${prefix}${i}.responsibleUnitId`);
    checkedDeadline(f.rectificationDueAt, now, `${prefix}${i}.rectificationDueAt`);
  }
}

/** The rectification of a finding is a task for the responsible unit, due by the deadline (SUP-008: issue → rectification). */
async function rectificationTask(tx: Db, context: RequestContext, at: Inspection, finding: FindingRow, unitId: string, dueAt: Date) {
  return issueTask(tx, context, {
    title: `整改：${finding.description.slice(0, 60)}`,
    description: finding.description,
    dueAt,
    place: at.place,
    headquartersId: at.hq.id,
    workingGroupId: null,
    assigneeUserId: null,
    units: [{ unitId, role: 'responsible' }],
    sourceKind: 'supervision_finding',
    sourceId: finding.id,
  });
}

async function writeFinding(tx: Db, context: RequestContext, at: Inspection, supervisionId: string, input: NewFinding) {
  const finding = await insertFinding(tx, {
    supervisionId,
    description: input.description.trim(),
    responsibleUnitId: input.responsibleUnitId,
    jurisdictionPath: at.place.path,
  });
  const rectification = await rectificationTask(tx, context, at, finding, input.responsibleUnitId, new Date(input.rectificationDueAt));
  await updateFinding(tx, finding.id, { taskId: rectification.id });
  return finding.id;
}

/** Records an inspection (督查, SUP-001, SUP-004…009) with its findings; each finding's rectification becomes a task. */
export async function createSupervision(deps: Deps, context: RequestContext, input: NewSupervision) {
  const db = deps.database.db;
  const now = deps.clock();
  const at = await inspection(db, context, input);
  const inspectedAt = new Date(input.inspectedAt);
  if (Number.isNaN(inspectedAt.getTime())) throw invalid('inspectedAt', 'invalidDate');
  if (inspectedAt > now) throw invalid('inspectedAt', 'futureDate');
  const findings = input.findings ?? [];
  await checkFindings(db, context, at.place, findings, now, 'findings.');
  const id = await db.transaction(async (tx) => {
    const row = await insertSupervision(tx, {
      headquartersId: at.hq.id,
      workingGroupId: input.workingGroupId ?? null,
      inspectedUnitId: input.inspectedUnitId ?? null,
      method: input.method,
      subject: input.subject.trim(),
      inspectedAt,
      inspectors: input.inspectors ?? null,
      summary: input.summary ?? null,
      createdBy: context.actor.userId,
      jurisdictionId: at.place.id,
      jurisdictionPath: at.place.path,
    });
    const findingIds = [];
    for (const f of findings) findingIds.push(await writeFinding(tx, context, at, row.id, f));
    await recordAudit(tx, context, {
      action: 'supervision.create',
      entityType: 'supervision',
      entityId: row.id,
      jurisdictionPath: at.place.path,
      after: { subject: row.subject, method: row.method, inspectedAt: inspectedAt.toISOString(), findingIds },
    });
    return row.id;
  });
  return supervisionDetail(deps, context, id);
}

async function supervisionInScope(db: Db, context: RequestContext, id: string, permission: 'command.read' | 'supervision.write') {
  return inScope(await findSupervision(db, id), context, permission);
}

/** Findings and re-checks are the inspecting headquarters' to record, not the inspected area's (no one re-checks their own rectification). */
function checkInspector(context: RequestContext, hq: HeadquartersRow) {
  if (!pathInScope(hq.jurisdictionPath, scope(context))) throw new AppError('forbidden', 'notInspector', 'id');
}

/** Adds a finding to an inspection; its rectification becomes a task. */
export async function addFinding(deps: Deps, context: RequestContext, supervisionId: string, input: NewFinding) {
  const db = deps.database.db;
  const row = await supervisionInScope(db, context, supervisionId, 'supervision.write');
  const hq = await findHeadquarters(db, row.headquartersId);
  const place = await findJurisdictionById(db, row.jurisdictionId);
  if (!hq || !place) throw notFound('id');
  checkInspector(context, hq);
  await checkFindings(db, context, place, [input], deps.clock(), '');
  const findingId = await db.transaction(async (tx) => {
    const id = await writeFinding(tx, context, { hq, place }, row.id, input);
    await recordAudit(tx, context, {
      action: 'supervision.addFinding',
      entityType: 'supervision',
      entityId: row.id,
      jurisdictionPath: row.jurisdictionPath,
      after: { findingId: id, description: input.description, responsibleUnitId: input.responsibleUnitId },
    });
    return id;
  });
  return findingDetail(deps, context, findingId);
}

export interface Recheck {
  passed: boolean;
  note: string;
  newDueAt?: string;
}

/**
 * 复查 (SUP-008, SUP-009): once the rectification task is done, a re-check passes the finding (closure) or
 * fails it with a new deadline, which gives the unit a new rectification task.
 */
export async function recheckFinding(deps: Deps, context: RequestContext, findingId: string, input: Recheck) {
  const db = deps.database.db;
  const now = deps.clock();
  const finding = inScope(await findFinding(db, findingId), context, 'supervision.write');
  if (finding.passedAt) throw conflict('id', 'findingClosed');
  const [current] = await findingsOf(db, [finding.supervisionId]).then((rows) => rows.filter((r) => r.finding.id === finding.id));
  if (current?.task && current.task.status !== 'closed') throw conflict('id', 'rectificationOpen');
  if (!input.passed && !input.newDueAt) throw invalid('newDueAt', 'required');
  const newDueAt = input.passed || !input.newDueAt ? null : checkedDeadline(input.newDueAt, now, 'newDueAt');
  const row = await findSupervision(db, finding.supervisionId);
  const hq = row ? await findHeadquarters(db, row.headquartersId) : undefined;
  const place = row ? await findJurisdictionById(db, row.jurisdictionId) : undefined;
  if (!row || !hq || !place) throw notFound('id');
  checkInspector(context, hq);
  await db.transaction(async (tx) => {
    await insertRecheck(tx, {
      findingId: finding.id,
      passed: input.passed,
      note: input.note.trim(),
      checkedAt: now,
      checkedBy: context.actor.userId,
      taskId: finding.taskId,
      jurisdictionPath: finding.jurisdictionPath,
    });
    const next =
      newDueAt && finding.responsibleUnitId
        ? await rectificationTask(tx, context, { hq, place }, finding, finding.responsibleUnitId, newDueAt)
        : null;
    await updateFinding(tx, finding.id, input.passed ? { passedAt: now } : { taskId: next?.id ?? finding.taskId });
    await recordAudit(tx, context, {
      action: 'supervision.recheck',
      entityType: 'supervision_finding',
      entityId: finding.id,
      jurisdictionPath: finding.jurisdictionPath,
      after: { passed: input.passed, note: input.note.trim(), newTaskId: next?.id ?? null, newDueAt: newDueAt?.toISOString() ?? null },
    });
  });
  return findingDetail(deps, context, finding.id);
}

type RecheckRow = Awaited<ReturnType<typeof rechecksOf>>[number];

export function findingView(row: FindingListRow, rechecks: RecheckRow[], now: Date) {
  const t = row.task?.id ? { status: row.task.status, dueAt: row.task.dueAt, closedAt: row.task.closedAt } : null;
  return {
    id: row.finding.id,
    supervisionId: row.finding.supervisionId,
    subject: row.subject,
    description: row.finding.description,
    responsibleUnitId: row.finding.responsibleUnitId,
    responsibleUnitName: row.unitName,
    state: findingState(row.finding, t, now),
    passedAt: row.finding.passedAt?.toISOString() ?? null,
    task:
      row.task?.id && t
        ? {
            id: row.task.id,
            state: taskState(t, now).state,
            dueAt: t.dueAt?.toISOString() ?? null,
            closedAt: t.closedAt?.toISOString() ?? null,
            evidenceCount: row.evidenceCount,
          }
        : null,
    rechecks: rechecks
      .filter((r) => r.recheck.findingId === row.finding.id)
      .map((r) => ({
        id: r.recheck.id,
        passed: r.recheck.passed,
        note: r.recheck.note,
        checkedAt: r.recheck.checkedAt.toISOString(),
        checkedByName: r.checkedByName,
      })),
  };
}

export async function findingViews(db: Db, rows: FindingListRow[], now: Date) {
  const rechecks = await rechecksOf(
    db,
    rows.map((r) => r.finding.id),
  );
  return rows.map((r) => findingView(r, rechecks, now));
}

async function findingDetail(deps: Deps, context: RequestContext, findingId: string) {
  const db = deps.database.db;
  const finding = inScope(await findFinding(db, findingId), context, 'command.read');
  const rows = (await findingsOf(db, [finding.supervisionId])).filter((r) => r.finding.id === finding.id);
  const [view] = await findingViews(db, rows, deps.clock());
  if (!view) throw notFound('id');
  return view;
}

function supervisionView(row: SupervisionListRow, findings: ReturnType<typeof findingView>[]) {
  const s = row.supervision;
  return {
    id: s.id,
    headquartersId: s.headquartersId,
    headquartersName: row.headquartersName,
    jurisdictionId: s.jurisdictionId,
    jurisdictionName: row.jurisdictionName,
    workingGroupId: s.workingGroupId,
    workingGroupName: row.groupName,
    inspectedUnitId: s.inspectedUnitId,
    inspectedUnitName: row.unitName,
    method: s.method,
    subject: s.subject,
    inspectedAt: s.inspectedAt.toISOString(),
    inspectors: s.inspectors,
    summary: s.summary,
    findings,
    openFindings: findings.filter((f) => f.state !== 'passed').length,
  };
}

export async function supervisionDetail(deps: Deps, context: RequestContext, id: string) {
  const db = deps.database.db;
  const found = await supervisionInScope(db, context, id, 'command.read');
  const row = await supervisionWithNames(db, found.id);
  if (!row) throw notFound('id');
  return supervisionView(row, await findingViews(db, await findingsOf(db, [row.supervision.id]), deps.clock()));
}

/** Inspections in the caller's scope, newest first, with their findings and where each stands. */
export async function supervisionList(deps: Deps, context: RequestContext, limit: number, offset: number) {
  const db = deps.database.db;
  const page = await listSupervisions(db, scopeOf(context, 'command.read'), limit, offset);
  const findings = await findingViews(
    db,
    await findingsOf(
      db,
      page.items.map((r) => r.supervision.id),
    ),
    deps.clock(),
  );
  return {
    items: page.items.map((r) =>
      supervisionView(
        r,
        findings.filter((f) => f.supervisionId === r.supervision.id),
      ),
    ),
    total: page.total,
  };
}
