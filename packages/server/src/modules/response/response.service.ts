import {
  type AppError,
  ancestorPaths,
  approveLevelChange,
  type CalendarDate,
  type CaseClassification,
  type ChangeDirection,
  chainGenerations,
  confirmationChain,
  confirmLevelChange,
  type ExpertBody,
  fileLevelChange,
  forbidden,
  invalid,
  isBlank,
  type LevelAssessment,
  type LevelBasis,
  type LevelChange,
  type LevelResult,
  nextConfirmation,
  notFound,
  type Permission,
  type ProtocolEdition,
  pathInScope,
  proposeLevelChange,
  type ResponseCase,
  type ResponseLevel,
  rejectLevelChange,
  responseRules,
  responseStateOf,
  scopePaths,
  suggestLevel,
  taskState,
  terminationCheck,
} from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../http/context.ts';
import { liveMeasureTasks, type MeasureTaskRow } from '../command/level-measure.repository.ts';
import { checklistFor, measureHeadquarters, syncLevelMeasures } from '../command/level-measure.service.ts';
import { findJurisdictionById, type JurisdictionRow } from '../jurisdictions/jurisdiction.repository.ts';
import { editionAt, editionById, editionsById } from '../protocols/protocol-in-force.ts';
import { clustersUnder } from '../tracing/chain.service.ts';
import { reassessmentOf } from './reassessment.service.ts';
import {
  findLevelChange,
  insertLevelChange,
  type LevelChangeRow,
  levelChangesAtPaths,
  levelChangesOf,
  levelChangesUnder,
  lockJurisdiction,
  responseCaseRows,
  updateLevelChange,
} from './response.repository.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

interface StoredConfirmation {
  body: ExpertBody;
  decision: 'confirmed' | 'rejected';
  recordedBy: string;
  note: string;
  at: string;
}

/** A row as core's workflow sees it; a termination row keeps the level it ends in `level`. */
function changeOf(row: LevelChangeRow): LevelChange {
  const direction = row.direction as ChangeDirection;
  return {
    direction,
    from: row.fromLevel as ResponseLevel | null,
    to: direction === 'terminate' ? null : (row.level as ResponseLevel),
    basis: row.basis as LevelBasis,
    status: row.status as LevelChange['status'],
    proposedBy: row.proposedBy,
    proposedAt: row.proposedAt,
    reason: row.reason,
    assessment: row.assessment as LevelAssessment,
    confirmations: (row.confirmations as StoredConfirmation[]).map((c) => ({ ...c, at: new Date(c.at) })),
    approval: row.approvedBy && row.approvedAt ? { by: row.approvedBy, at: row.approvedAt } : null,
    override: row.override as LevelChange['override'],
    filing: row.filedBy && row.filedAt ? { by: row.filedBy, at: row.filedAt, reference: row.filingReference ?? '' } : null,
    rejection: row.rejectedBy && row.rejectedAt ? { by: row.rejectedBy, at: row.rejectedAt, reason: row.rejectionReason ?? '' } : null,
  };
}

/** The columns a workflow step changes. */
function columnsOf(change: LevelChange) {
  return {
    status: change.status,
    confirmations: change.confirmations.map((c) => ({ ...c, at: c.at.toISOString() })),
    approvedBy: change.approval?.by ?? null,
    approvedAt: change.approval?.at ?? null,
    override: change.override,
    filedBy: change.filing?.by ?? null,
    filedAt: change.filing?.at ?? null,
    filingReference: change.filing?.reference ?? null,
    rejectedBy: change.rejection?.by ?? null,
    rejectedAt: change.rejection?.at ?? null,
    rejectionReason: change.rejection?.reason ?? null,
  };
}

function settled<T>(result: LevelResult<T>): T {
  if (!result.ok) throw result.problem as AppError;
  return result.value;
}

export async function jurisdictionFor(db: Db, context: RequestContext, id: string, permission: Permission): Promise<JurisdictionRow> {
  const found = await findJurisdictionById(db, id);
  if (!found || !pathInScope(found.path, scopePaths(context.actor.grants, permission))) throw notFound('jurisdictionId');
  return found;
}

async function changeFor(db: Db, context: RequestContext, id: string, permission: Permission): Promise<LevelChangeRow> {
  const found = await findLevelChange(db, id);
  if (!found || !pathInScope(found.jurisdictionPath, scopePaths(context.actor.grants, permission))) throw notFound('id');
  return found;
}

/** The edition in force at the place now: the district's own when it activated one, else shipped (issue 14, RULES-001). */
export async function editionNow(db: Db, path: string, now: Date): Promise<ProtocolEdition> {
  const edition = await editionAt(db, path, now);
  if (!edition) throw invalid('date', 'noEditionInForce');
  return edition;
}

/** The edition a level change was proposed under: it keeps it while it runs (shipped or the district's own). */
export async function editionOf(db: Db, row: Pick<LevelChangeRow, 'editionId'>): Promise<ProtocolEdition> {
  const edition = await editionById(db, row.editionId);
  if (!edition) throw notFound('editionId');
  return edition;
}

/** The views of level changes, each read with the edition it was proposed under. */
async function changeViews(db: Db, rows: readonly LevelChangeRow[]) {
  const editions = await editionsById(
    db,
    rows.map((r) => r.editionId),
  );
  return rows.map((row) => {
    const edition = editions.get(row.editionId);
    if (!edition) throw notFound('editionId');
    return changeView(row, edition);
  });
}

const townCodeOf = (path: string) => path.split('/').find((segment) => segment.length === 9) ?? null;

/**
 * The cases under a jurisdiction as plain facts for the level rules: clusters and chain generations
 * from the tracing module's one detection; a source is known when the case has an infector, belongs to a
 * cluster or its investigation names a source.
 */
async function responseCases(deps: Deps, path: string): Promise<ResponseCase[]> {
  const rows = await responseCaseRows(deps.database.db, path);
  const { found, links } = await clustersUnder(deps, [path]);
  const clusterOf = new Map(found.flatMap((c) => c.caseIds.map((id) => [id, `${c.areaKey ?? ''}@${c.from}`] as const)));
  const generations = chainGenerations(
    rows.map((r) => r.id),
    links,
  );
  return rows.map((r) => ({
    caseId: r.id,
    classification: r.classification as CaseClassification,
    onsetDate: r.onset_date as CalendarDate | null,
    reportDate: r.report_date as CalendarDate,
    isolatedOn: r.isolated_on as CalendarDate | null,
    imported: r.imported,
    clusterId: clusterOf.get(r.id) ?? null,
    sourceKnown: r.infector_case_id !== null || clusterOf.has(r.id) || !isBlank(r.source_hypothesis),
    generation: generations.get(r.id) ?? null,
    townCode: townCodeOf(r.jurisdiction_path),
  }));
}

function changeView(row: LevelChangeRow, edition: ProtocolEdition) {
  const change = changeOf(row);
  const rules = responseRules(edition);
  return {
    id: row.id,
    editionId: row.editionId,
    direction: change.direction,
    level: row.level as ResponseLevel,
    fromLevel: change.from,
    toLevel: change.to,
    basis: change.basis,
    status: change.status,
    reason: change.reason,
    assessment: change.assessment,
    chain: confirmationChain(change, rules).chain,
    nextConfirmation: change.status === 'proposed' ? nextConfirmation(change, rules) : null,
    confirmations: change.confirmations.map((c) => ({ ...c, at: c.at.toISOString() })),
    proposedBy: change.proposedBy,
    proposedAt: change.proposedAt.toISOString(),
    approvedBy: change.approval?.by ?? null,
    approvedAt: change.approval?.at.toISOString() ?? null,
    override: change.override,
    filedAt: change.filing?.at.toISOString() ?? null,
    filingReference: change.filing?.reference ?? null,
    rejectedAt: change.rejection?.at.toISOString() ?? null,
    rejectionReason: change.rejection?.reason ?? null,
  };
}

/** The approved (or filed) changes of a place, in the order they were approved. */
function approvedInOrder(rows: readonly LevelChangeRow[]): LevelChangeRow[] {
  return rows
    .filter((r) => r.status === 'approved' || r.status === 'filed')
    .sort((a, b) => (a.approvedAt?.getTime() ?? 0) - (b.approvedAt?.getTime() ?? 0));
}

/** The approved change that set the level in force at a place (activate, escalate, de-escalate); null when none runs. */
export function changeInForce(rows: readonly LevelChangeRow[]): LevelChangeRow | null {
  const last = approvedInOrder(rows).at(-1);
  return last && last.direction !== 'terminate' ? last : null;
}

/** The response a place is in: the approved start (activate) of its current run of levels, null once ended. */
function currentResponseId(rows: LevelChangeRow[]): string | null {
  if (!changeInForce(rows)) return null;
  return (
    approvedInOrder(rows)
      .filter((r) => r.direction === 'activate')
      .at(-1)?.id ?? null
  );
}

/** The level changes at or under a path, per jurisdiction, oldest first. */
async function changesUnder(db: Db, path: string): Promise<LevelChangeRow[][]> {
  const byJurisdiction = new Map<string, LevelChangeRow[]>();
  for (const row of await levelChangesUnder(db, path))
    byJurisdiction.set(row.jurisdictionId, [...(byJurisdiction.get(row.jurisdictionId) ?? []), row]);
  return [...byJurisdiction.values()];
}

/** The responses running at or under a path: for each jurisdiction, the approved start of its current response. */
export async function runningResponseIds(db: Db, path: string): Promise<string[]> {
  return (await changesUnder(db, path)).map(currentResponseId).filter((id): id is string => id !== null);
}

/**
 * The levels set by jurisdictions strictly under a path and in force there (a town's own level below a district
 * that has none): what the commander's overview of the district lists beside its own level.
 */
export async function levelsSetUnder(db: Db, path: string): Promise<LevelInForce[]> {
  return (await changesUnder(db, path)).flatMap((rows) => {
    const at = rows[0]?.jurisdictionPath;
    const state = responseStateOf(rows.map(changeOf));
    return at && at !== path && state.phase === 'active' && state.level ? [{ level: state.level, jurisdictionPath: at }] : [];
  });
}

function measureTaskView(t: MeasureTaskRow | undefined, now: Date) {
  return t ? { id: t.id, state: taskState(t, now).state } : null;
}

export interface LevelInForce {
  level: ResponseLevel;
  /** the jurisdiction whose approved change set it: the place itself or the nearest ancestor */
  jurisdictionPath: string;
}

/**
 * The emergency response level in force over a jurisdiction: its own approved level, else the nearest
 * ancestor's (a district's level covers its towns). Every module that asks "which level holds here?"
 * asks here.
 */
export async function levelInForce(db: Db, jurisdictionPath: string): Promise<LevelInForce | null> {
  const paths = ancestorPaths(jurisdictionPath);
  const rows = await levelChangesAtPaths(db, paths);
  for (const path of [...paths].reverse()) {
    const state = responseStateOf(rows.filter((r) => r.path === path).map((r) => changeOf(r.change)));
    if (state.phase === 'active' && state.level) return { level: state.level, jurisdictionPath: path };
  }
  return null;
}

export interface SuggestionQuery {
  importRiskOngoing?: boolean;
  capacityInsufficient?: boolean;
}

/**
 * A jurisdiction's response: the level in force (only ever from an approved change), the change under
 * way, the history, the level the case data suggest with reasons (never applied), whether the response
 * may end, and the level's cumulative measures laid onto the headquarters' groups.
 */
export async function responseOverview(deps: Deps, context: RequestContext, jurisdictionId: string, query: SuggestionQuery) {
  const db = deps.database.db;
  const jurisdiction = await jurisdictionFor(db, context, jurisdictionId, 'response.read');
  const now = deps.clock();
  const edition = await editionNow(db, jurisdiction.path, now);
  const rows = await levelChangesOf(db, jurisdiction.id);
  const state = responseStateOf(rows.map(changeOf));
  const cases = await responseCases(deps, jurisdiction.path);
  const suggestion = suggestLevel(
    { cases, importRiskOngoing: query.importRiskOngoing ?? false, capacityInsufficient: query.capacityInsufficient ?? null },
    now,
    edition,
  );
  const openRow = rows.find((r) => r.status === 'proposed' || r.status === 'confirmed');
  const hq = await measureHeadquarters(db, jurisdiction);
  const checklist = state.level ? checklistFor(jurisdiction, hq, state.level, edition) : [];
  const tasks = await liveMeasureTasks(db, jurisdiction.id);
  const responseId = currentResponseId(rows);
  const taskOf = (measureId: string) => tasks.find((t) => t.measureId === measureId && t.responseId === responseId);
  const rules = responseRules(edition);
  const views = await changeViews(db, rows);
  return {
    jurisdiction: { id: jurisdiction.id, code: jurisdiction.code, name: jurisdiction.name, level: jurisdiction.level },
    editionId: edition.id,
    assessmentForm: {
      factors: rules.assessment.factors.map((g) => ({ group: g.group, zh: g.zh, en: g.en, items: g.items })),
      records: Object.entries(rules.assessment.records).map(([direction, r]) => ({ direction, records: r.records })),
    },
    level: state.level,
    phase: state.phase,
    open: views.find((v) => v.id === openRow?.id) ?? null,
    history: [...views].reverse(),
    suggestion,
    termination: state.level ? terminationCheck({ cases, importRiskReduced: null }, now, edition) : null,
    checklist: checklist.map(({ item, group, supporting }) => ({
      id: item.id,
      level: item.level,
      zh: item.zh,
      en: item.en,
      steps: item.steps,
      basis: item.basis,
      group: group ? { key: group.key, zh: group.nameZh, en: group.nameEn } : null,
      supporting: supporting.map((g) => ({ key: g.key, zh: g.nameZh, en: g.nameEn })),
      task: measureTaskView(taskOf(item.id), now),
    })),
    reassessment: await reassessmentOf(db, jurisdiction.id, rows, now),
  };
}

export interface ProposalInput {
  to: ResponseLevel | null;
  basis: LevelBasis;
  reason: string;
  assessment: LevelAssessment;
}

/** A proposal with its assessment: the only way a level changes (LVL-010); one change at a time per jurisdiction. */
export async function proposeChange(deps: Deps, context: RequestContext, jurisdictionId: string, input: ProposalInput) {
  const db = deps.database.db;
  const jurisdiction = await jurisdictionFor(db, context, jurisdictionId, 'response.propose');
  const now = deps.clock();
  const edition = await editionNow(db, jurisdiction.path, now);
  return db.transaction(async (tx) => {
    await lockJurisdiction(tx, jurisdiction.id);
    const state = responseStateOf((await levelChangesOf(tx, jurisdiction.id)).map(changeOf));
    const change = settled(proposeLevelChange(state, { ...input, proposedBy: context.actor.userId ?? '' }, now, edition));
    const row = await insertLevelChange(tx, {
      jurisdictionId: jurisdiction.id,
      jurisdictionPath: jurisdiction.path,
      editionId: edition.id,
      direction: change.direction,
      level: change.to ?? change.from ?? '',
      fromLevel: change.from,
      basis: change.basis,
      reason: change.reason,
      assessment: change.assessment,
      proposedBy: change.proposedBy,
      proposedAt: now,
      ...columnsOf(change),
    });
    await recordAudit(tx, context, {
      action: 'response.propose',
      entityType: 'response_level',
      entityId: row.id,
      jurisdictionPath: jurisdiction.path,
      after: { direction: change.direction, from: change.from, to: change.to, basis: change.basis },
      reason: change.reason,
    });
    return changeView(row, edition);
  });
}

/** One workflow step on a change, locked, written and audited in one transaction. */
async function step(
  deps: Deps,
  context: RequestContext,
  id: string,
  permission: Permission,
  action: string,
  apply: (
    tx: Db,
    row: LevelChangeRow,
    now: Date,
    edition: ProtocolEdition,
  ) => Promise<{ change: LevelChange; audit: Record<string, unknown>; reason?: string }>,
) {
  const db = deps.database.db;
  const found = await changeFor(db, context, id, permission);
  const now = deps.clock();
  return db.transaction(async (tx) => {
    await lockJurisdiction(tx, found.jurisdictionId);
    const row = (await findLevelChange(tx, id)) ?? found;
    const edition = await editionOf(tx, row);
    const { change, audit, reason } = await apply(tx, row, now, edition);
    await updateLevelChange(tx, id, columnsOf(change));
    await recordAudit(tx, context, {
      action,
      entityType: 'response_level',
      entityId: id,
      jurisdictionPath: row.jurisdictionPath,
      before: { status: row.status },
      after: { status: change.status, ...audit },
      reason: reason ?? null,
    });
    return changeView({ ...row, ...columnsOf(change) }, edition);
  });
}

export interface ConfirmationInput {
  body: ExpertBody;
  decision: 'confirmed' | 'rejected';
  note: string;
}

/** An expert body's decision, recorded strictly in chain order (LVL-002, SC-29). */
export function confirmChange(deps: Deps, context: RequestContext, id: string, input: ConfirmationInput) {
  return step(deps, context, id, 'response.confirm', 'response.confirm', async (_tx, row, now, edition) => {
    const confirmation = { ...input, recordedBy: context.actor.userId ?? '' };
    const change = settled(confirmLevelChange(changeOf(row), confirmation, now, edition));
    return { change, audit: { body: input.body, decision: input.decision }, reason: input.note };
  });
}

export interface ApprovalInput {
  overrideReason?: string;
  /** To end a response: the experts recorded that the import risk has fallen (LVL-015 condition 2). */
  importRiskReduced?: boolean;
}

/** The commander's approval: the level is in force from here (LVL-010); ending early needs an override with a reason (LVL-015). */
export async function approveChange(deps: Deps, context: RequestContext, id: string, input: ApprovalInput) {
  // The case facts are read before the change's transaction takes its lock (one connection on PGlite).
  const found = await changeFor(deps.database.db, context, id, 'response.approve');
  const cases = found.direction === 'terminate' ? await responseCases(deps, found.jurisdictionPath) : [];
  return step(deps, context, id, 'response.approve', 'response.approve', async (tx, row, now, edition) => {
    const state = responseStateOf((await levelChangesOf(tx, row.jurisdictionId)).map(changeOf));
    const termination =
      row.direction === 'terminate'
        ? terminationCheck({ cases, importRiskReduced: input.importRiskReduced ?? null }, now, edition)
        : undefined;
    const approval = { approvedBy: context.actor.userId ?? '', overrideReason: input.overrideReason ?? null };
    const approved = settled(approveLevelChange(state, changeOf(row), approval, now, edition, termination));
    const { added, removed } = approved.checklist;
    const rows = (await levelChangesOf(tx, row.jurisdictionId)).map((r) => (r.id === row.id ? { ...r, ...columnsOf(approved.change) } : r));
    const tasks = await measureTasksFor(tx, context, row.jurisdictionId, rows, edition, now);
    return {
      change: approved.change,
      audit: {
        level: approved.state.level,
        measuresAdded: added.map((m) => m.id),
        measuresEnded: removed.map((m) => m.id),
        override: approved.change.override,
        measureTasks: tasks,
      },
      reason: input.overrideReason,
    };
  });
}

/** Lays the level now in force (from these rows) onto the place's headquarters as tasks, in the caller's transaction. */
async function measureTasksFor(
  tx: Db,
  context: RequestContext,
  jurisdictionId: string,
  rows: LevelChangeRow[],
  edition: ProtocolEdition,
  now: Date,
) {
  const place = await findJurisdictionById(tx, jurisdictionId);
  if (!place) throw notFound('jurisdictionId');
  const level = responseStateOf(rows.map(changeOf)).level;
  const responseId = currentResponseId(rows);
  return syncLevelMeasures(tx, context, place, level && responseId ? { level, responseId } : null, edition, now);
}

/**
 * Issues again the measures of the level in force that are not yet tasks (a headquarters set up or a group
 * restored after the approval); idempotent: what is already a task of this response is left alone.
 */
export async function reissueMeasureTasks(deps: Deps, context: RequestContext, jurisdictionId: string) {
  const db = deps.database.db;
  const jurisdiction = await jurisdictionFor(db, context, jurisdictionId, 'response.approve');
  const now = deps.clock();
  return db.transaction(async (tx) => {
    await lockJurisdiction(tx, jurisdiction.id);
    const rows = await levelChangesOf(tx, jurisdiction.id);
    const last = rows
      .filter((r) => r.status === 'approved' || r.status === 'filed')
      .sort((a, b) => (a.approvedAt?.getTime() ?? 0) - (b.approvedAt?.getTime() ?? 0))
      .at(-1);
    const edition = last ? await editionOf(tx, last) : await editionNow(tx, jurisdiction.path, now);
    const sync = await measureTasksFor(tx, context, jurisdiction.id, rows, edition, now);
    await recordAudit(tx, context, {
      action: 'response.measures.reissue',
      entityType: 'jurisdiction',
      entityId: jurisdiction.id,
      jurisdictionPath: jurisdiction.path,
      after: { ...sync },
    });
    return sync;
  });
}

/** Filing with the municipal health commission after approval (LVL-010, SC-27). */
export function fileChange(deps: Deps, context: RequestContext, id: string, reference: string) {
  return step(deps, context, id, 'response.file', 'response.file', async (_tx, row, now) => ({
    change: settled(fileLevelChange(changeOf(row), { filedBy: context.actor.userId ?? '', reference }, now)),
    audit: { reference },
  }));
}

/** The approver turns a change down, or its proposer withdraws it, with a reason. */
export function rejectChange(deps: Deps, context: RequestContext, id: string, reason: string) {
  return step(deps, context, id, 'response.read', 'response.reject', async (_tx, row, now) => {
    const approver = pathInScope(row.jurisdictionPath, scopePaths(context.actor.grants, 'response.approve'));
    if (!approver && row.proposedBy !== context.actor.userId) throw forbidden('id');
    return {
      change: settled(rejectLevelChange(changeOf(row), { rejectedBy: context.actor.userId ?? '', reason }, now)),
      audit: {},
      reason,
    };
  });
}
