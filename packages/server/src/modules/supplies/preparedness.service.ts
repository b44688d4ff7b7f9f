import {
  attendanceError,
  type ExerciseKind,
  invalid,
  keptCapacityAfter,
  type PreparationKind,
  type PreparationStatus,
  pathInScope,
  planReviewState,
  readinessRules,
  scopePaths,
  shanghaiDate,
} from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import type { RequestContext } from '../../http/context.ts';
import {
  exercisesUnder,
  findPlan,
  findPreparation,
  insertExercise,
  insertPlan,
  insertPreparation,
  type PlanRow,
  type PreparationRow,
  plansUnder,
  preparationsUnder,
  updatePreparation,
} from './preparedness.repository.ts';
import { checkDates, inScope, readPaths, writeJurisdiction } from './supplies-access.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

const preparationView = (r: PreparationRow) => ({
  id: r.id,
  jurisdictionId: r.jurisdictionId,
  kind: r.kind,
  name: r.name,
  capacity: r.capacity,
  keptCapacity: r.keptCapacity,
  checklistNo: r.checklistNo,
  status: r.status,
  note: r.note,
});

/** Facilities and preparation items in scope, and the PREP-001 checklist with what is recorded ready. */
export async function listPreparations(deps: Deps, context: RequestContext, query: { jurisdictionId?: string }) {
  const db = deps.database.db;
  const rows = await preparationsUnder(db, await readPaths(db, context, query.jurisdictionId));
  const rules = readinessRules();
  const readyNos = new Set(rows.filter((r) => r.kind === 'checklist' && r.status === 'ready').map((r) => r.checklistNo));
  return {
    items: rows.map(preparationView),
    checklist: rules.checklist.map((c) => ({ ...c, ready: readyNos.has(c.no) })),
    clause: `${rules.checklistBasis.source} ${rules.checklistBasis.clause}`,
  };
}

export interface NewPreparation {
  jurisdictionId: string;
  kind: PreparationKind;
  name: string;
  capacity?: number;
  checklistNo?: number;
  status: PreparationStatus;
  note?: string;
}

function checkPreparation(input: NewPreparation) {
  if (input.kind === 'checklist' && !readinessRules().checklist.some((c) => c.no === input.checklistNo))
    throw invalid('checklistNo', 'unknownChecklistItem');
  if (input.kind !== 'checklist' && input.checklistNo !== undefined) throw invalid('checklistNo', 'checklistOnly');
  if (input.kind === 'quarantine_site' && input.capacity === undefined) throw invalid('capacity', 'capacityRequired');
}

export async function createPreparation(deps: Deps, context: RequestContext, input: NewPreparation) {
  checkPreparation(input);
  const db = deps.database.db;
  const where = await writeJurisdiction(db, context, input.jurisdictionId);
  return db.transaction(async (tx) => {
    const row = await insertPreparation(tx, {
      jurisdictionId: where.id,
      jurisdictionPath: where.path,
      kind: input.kind,
      name: input.name.trim(),
      capacity: input.capacity ?? null,
      keptCapacity: keptCapacityAfter(input.kind, null, input.status, input.capacity ?? null, readinessRules()),
      checklistNo: input.checklistNo ?? null,
      status: input.status,
      note: input.note ?? null,
    });
    await recordAudit(tx, context, {
      action: 'preparedness.itemCreate',
      entityType: 'preparation_item',
      entityId: row.id,
      jurisdictionPath: where.path,
      after: { ...input },
    });
    return preparationView(row);
  });
}

/**
 * A preparation item's status or capacity changes (in preparation → ready), audited with before and after.
 * A designated hospital, isolation ward or observation beds keep the highest capacity held while ready, so a
 * cut or a withdrawal shows red on readiness (RES-015, MED-001).
 */
export async function updatePreparationItem(
  deps: Deps,
  context: RequestContext,
  id: string,
  input: { status?: PreparationStatus; capacity?: number; note?: string },
) {
  const db = deps.database.db;
  const row = inScope(await findPreparation(db, id), context, 'supply.write');
  if (input.status === undefined && input.capacity === undefined && input.note === undefined) throw invalid('status', 'nothingToChange');
  const status = input.status ?? row.status;
  const capacity = input.capacity ?? row.capacity;
  const changes = {
    ...input,
    keptCapacity: keptCapacityAfter(row.kind as PreparationKind, row.keptCapacity, status, capacity, readinessRules()),
  };
  return db.transaction(async (tx) => {
    await updatePreparation(tx, id, changes);
    await recordAudit(tx, context, {
      action: 'preparedness.itemUpdate',
      entityType: 'preparation_item',
      entityId: id,
      jurisdictionPath: row.jurisdictionPath,
      before: { status: row.status, capacity: row.capacity, keptCapacity: row.keptCapacity },
      after: { ...changes },
    });
    return preparationView({ ...row, ...changes });
  });
}

const planView = (p: PlanRow, today: string) => ({
  id: p.id,
  jurisdictionId: p.jurisdictionId,
  title: p.title,
  documentNumber: p.documentNumber,
  level: p.level,
  issuedBy: p.issuedBy,
  issuedOn: p.issuedOn,
  reviewDueOn: p.reviewDueOn,
  reviewState: planReviewState(p.reviewDueOn, today, readinessRules()),
});

export async function listPlans(deps: Deps, context: RequestContext, query: { jurisdictionId?: string }) {
  const db = deps.database.db;
  const today = shanghaiDate(deps.clock());
  return (await plansUnder(db, await readPaths(db, context, query.jurisdictionId))).map((p) => planView(p, today));
}

export interface NewPlan {
  jurisdictionId: string;
  title: string;
  documentNumber?: string;
  level: string;
  issuedBy: string;
  issuedOn: string;
  reviewDueOn: string;
}

/** An emergency plan at a level (PREP-004), issued on a date and reviewed by a later one. */
export async function createPlan(deps: Deps, context: RequestContext, input: NewPlan) {
  checkDates({ issuedOn: input.issuedOn, reviewDueOn: input.reviewDueOn });
  const today = shanghaiDate(deps.clock());
  if (input.issuedOn > today) throw invalid('issuedOn', 'futureDate');
  if (input.reviewDueOn <= input.issuedOn) throw invalid('reviewDueOn', 'reviewBeforeIssue');
  const db = deps.database.db;
  const where = await writeJurisdiction(db, context, input.jurisdictionId);
  return db.transaction(async (tx) => {
    const row = await insertPlan(tx, {
      ...input,
      documentNumber: input.documentNumber ?? null,
      jurisdictionId: where.id,
      jurisdictionPath: where.path,
    });
    await recordAudit(tx, context, {
      action: 'preparedness.planCreate',
      entityType: 'emergency_plan',
      entityId: row.id,
      jurisdictionPath: where.path,
      after: { ...input },
    });
    return planView(row, today);
  });
}

export async function listExercises(deps: Deps, context: RequestContext, query: { jurisdictionId?: string }) {
  const db = deps.database.db;
  const rows = await exercisesUnder(db, await readPaths(db, context, query.jurisdictionId));
  return rows.map((e) => ({
    id: e.id,
    jurisdictionId: e.jurisdictionId,
    kind: e.kind,
    title: e.title,
    heldOn: e.heldOn,
    planId: e.planId,
    expected: e.expected,
    attended: e.attended,
    findings: e.findings,
    followUp: e.followUp,
  }));
}

export interface NewExercise {
  jurisdictionId: string;
  kind: ExerciseKind;
  title: string;
  heldOn: string;
  planId?: string;
  expected: number;
  attended: number;
  findings: string;
  followUp?: string;
}

/** A drill or training held (PREP-002, PREP-003): attendance within those expected, findings written down. */
export async function createExercise(deps: Deps, context: RequestContext, input: NewExercise) {
  checkDates({ heldOn: input.heldOn });
  const today = shanghaiDate(deps.clock());
  if (input.heldOn > today) throw invalid('heldOn', 'futureDate');
  const wrong = attendanceError(input.expected, input.attended);
  if (wrong) throw invalid(wrong, 'attendanceOutOfRange');
  const db = deps.database.db;
  const where = await writeJurisdiction(db, context, input.jurisdictionId);
  const plan = input.planId ? await findPlan(db, input.planId) : undefined;
  if (input.planId && (!plan || !pathInScope(plan.jurisdictionPath, scopePaths(context.actor.grants, 'supply.write'))))
    throw invalid('planId', 'unknownPlan');
  return db.transaction(async (tx) => {
    const row = await insertExercise(tx, {
      ...input,
      planId: input.planId ?? null,
      followUp: input.followUp ?? null,
      jurisdictionId: where.id,
      jurisdictionPath: where.path,
    });
    await recordAudit(tx, context, {
      action: 'preparedness.exerciseCreate',
      entityType: 'exercise',
      entityId: row.id,
      jurisdictionPath: where.path,
      after: { ...input },
    });
    return { id: row.id };
  });
}
