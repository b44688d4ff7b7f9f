import {
  AppError,
  type CommunityReportKind,
  type CommunityReportState,
  communityReportHandling,
  communityReportProblem,
  communityReportTransitionAllowed,
  conflict,
  invalid,
  maskName,
  notFound,
  pathInScope,
  type RefusedMeasure,
  scopePaths,
} from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../http/context.ts';
import { enrolOutsider, type OutsiderFacts, onBehalfOfCommunity } from '../closed-management/checkpoints/outsider.service.ts';
import { closeSourceTask } from '../command/task.service.ts';
import { issueFollowUp } from '../institutions/institution-follow-up.ts';
import { findJurisdictionById, type JurisdictionRow } from '../jurisdictions/jurisdiction.repository.ts';
import { communityInScope, communityRules, filterPaths, householdInScope, scopeOf } from './community-access.ts';
import {
  type CommunityReportRow,
  closeCommunityReport,
  communityReportsUnder,
  findCommunityReport,
  insertCommunityReport,
  type ReportOutcome,
  setTrackingTask,
} from './community-report.repository.ts';

type Deps = Pick<AppDeps, 'database' | 'clock' | 'cipher'>;

export interface CommunityReportInput {
  kind: CommunityReportKind;
  description: string;
  whereabouts: string;
  refusedMeasure?: RefusedMeasure;
  subjectName?: string;
}

const reportView = (r: CommunityReportRow) => ({
  id: r.id,
  kind: r.kind as CommunityReportKind,
  state: r.state as CommunityReportState,
  description: r.description,
  whereabouts: r.whereabouts,
  refusedMeasure: r.refusedMeasure,
  subjectName: r.subjectNameMasked,
  reportedAs: r.reportedAs,
  trackingTaskId: r.trackingTaskId,
  episodeId: r.episodeId,
  policeStation: r.policeStation,
  policeReference: r.policeReference,
  outcomeNote: r.outcomeNote,
  jurisdictionId: r.jurisdictionId,
  createdAt: r.createdAt.toISOString(),
  closedAt: r.closedAt?.toISOString() ?? null,
});

/**
 * SC-38 (KP-I02): the town/street tracks a reported outsider — a task on the town's work list, due in the rules'
 * hours, issued in the report's transaction.
 */
async function issueTracking(tx: Db, context: RequestContext, row: CommunityReportRow, community: JurisdictionRow, hours: number) {
  const town = community.parentId ? await findJurisdictionById(tx, community.parentId) : undefined;
  const place = town ?? community;
  const task = await issueFollowUp(tx, context, {
    sourceKind: 'community_report',
    sourceId: row.id,
    title: `未登记外来人员去向核查：${community.name}`,
    description: `${community.name} 收到报告：${row.description}（${row.whereabouts}）；请掌握去向，据情纳入管控（seed 001 §三(二)2）`,
    dueAt: new Date(row.createdAt.getTime() + hours * 3_600_000),
    place: { id: place.id, path: place.path },
    roles: ['town_cadre', 'grid_worker'],
  });
  await setTrackingTask(tx, row.id, task.id);
  return task.id;
}

async function writeReport(
  deps: Deps,
  context: RequestContext,
  community: JurisdictionRow,
  input: CommunityReportInput,
  reportedAs: string,
) {
  const problem = communityReportProblem(input);
  if (problem) throw problem;
  const handling = communityReportHandling(communityRules(), input.kind);
  const name = input.subjectName?.trim() || null;
  return deps.database.db.transaction(async (tx) => {
    const row = await insertCommunityReport(tx, {
      kind: input.kind,
      description: input.description.trim(),
      whereabouts: input.whereabouts.trim(),
      refusedMeasure: input.kind === 'refused_measure' ? (input.refusedMeasure ?? null) : null,
      subjectNameMasked: name ? maskName(name) : null,
      subjectNameCipher: name ? deps.cipher.encrypt(name) : null,
      reportedBy: context.actor.userId,
      reportedAs,
      jurisdictionId: community.id,
      jurisdictionPath: community.path,
    });
    const trackingTaskId =
      handling.trackingHours === null ? null : await issueTracking(tx, context, row, community, handling.trackingHours);
    await recordAudit(tx, context, {
      action: 'community.report.create',
      entityType: 'community_report',
      entityId: row.id,
      jurisdictionPath: community.path,
      after: { kind: row.kind, reportedAs, subjectName: row.subjectNameMasked, refusedMeasure: row.refusedMeasure, trackingTaskId },
    });
    return { ...reportView({ ...row, trackingTaskId }), because: handling.because };
  });
}

/** Staff of the community record a report: an unregistered outsider (SC-38) or a refusal of a measure (SC-39). */
export async function recordCommunityReport(deps: Deps, context: RequestContext, input: CommunityReportInput & { jurisdictionId: string }) {
  const community = await communityInScope(deps.database.db, context, input.jurisdictionId, 'community.write');
  return writeReport(deps, context, community, input, 'staff');
}

/** A resident reports an unregistered outsider to their own community (seed 001 §三(二)2: anyone who finds one reports at once). */
export async function residentOutsiderReport(
  deps: Deps,
  context: RequestContext,
  input: Omit<CommunityReportInput, 'kind' | 'refusedMeasure'>,
) {
  const home = scopePaths(context.actor.grants, 'self.write');
  const grant = context.actor.grants.find((g) => home.includes(g.jurisdictionPath));
  const community = grant ? await findJurisdictionById(deps.database.db, grant.jurisdictionId) : undefined;
  if (community?.level !== 'village') throw new AppError('forbidden', 'noHomeCommunity', 'jurisdictionId');
  return writeReport(deps, context, community, { ...input, kind: 'unregistered_outsider' }, 'resident');
}

export async function communityReportList(deps: Deps, context: RequestContext, jurisdictionId: string | undefined, openOnly: boolean) {
  const paths = await filterPaths(deps.database.db, context, 'community.read', jurisdictionId);
  return { items: (await communityReportsUnder(deps.database.db, paths, openOnly)).map(reportView) };
}

async function reportToClose(db: Db, context: RequestContext, id: string, to: CommunityReportState) {
  const row = await findCommunityReport(db, id);
  if (!row || !pathInScope(row.jurisdictionPath, scopeOf(context, 'community.write'))) throw notFound('id');
  if (!communityReportTransitionAllowed(row.kind as CommunityReportKind, row.state as CommunityReportState, to)) {
    throw conflict('state', row.state === 'open' ? 'notForThisKind' : 'reportClosed');
  }
  return row;
}

async function close(
  deps: Deps,
  context: RequestContext,
  row: CommunityReportRow,
  outcome: ReportOutcome,
  taskNote: string | null,
  tx: Db,
) {
  const closed = await closeCommunityReport(tx, row.id, outcome);
  if (!closed) throw conflict('state', 'reportClosed');
  if (taskNote !== null) {
    await closeSourceTask(tx, context, row.trackingTaskId, { note: taskNote, at: deps.clock(), source: { communityReportId: row.id } });
  }
  await recordAudit(tx, context, {
    action: `community.report.${outcome.state}`,
    entityType: 'community_report',
    entityId: row.id,
    jurisdictionPath: row.jurisdictionPath,
    before: { state: row.state },
    after: { state: outcome.state, episodeId: outcome.episodeId, policeStation: outcome.policeStation, note: outcome.outcomeNote },
  });
  return reportView(closed);
}

/**
 * SC-38: the reported outsider is found and brought under management — the person (by ID, or new in the household)
 * with the home-observation episode the edition in force prescribes, as the gate registers an outsider; the town's
 * tracking task closes with it.
 */
export async function outsiderFound(
  deps: Deps,
  context: RequestContext,
  id: string,
  input: Omit<OutsiderFacts, 'reason'> & { householdId: string; note?: string },
) {
  const db = deps.database.db;
  const row = await reportToClose(db, context, id, 'found');
  const community = await findJurisdictionById(db, row.jurisdictionId);
  const household = await householdInScope(db, context, input.householdId, 'community.write', community);
  if (!input.fromPlace.trim()) throw invalid('fromPlace', 'required');
  const now = deps.clock();
  return db.transaction(async (tx) => {
    const facts = { ...input, reason: `群众报告未登记外来人员（${row.whereabouts}）` };
    const { episodeId } = await enrolOutsider(tx, deps, onBehalfOfCommunity(context, household), household, facts, 'community_report');
    const note = input.note?.trim() || null;
    const outcome = { state: 'found' as const, episodeId, outcomeNote: note, closedAt: now, closedBy: context.actor.userId };
    return close(deps, context, row, outcome, `已找到并纳入管控：${facts.fromPlace}`, tx);
  });
}

/** SC-38: the town closes the tracking without finding the person, saying why. */
export async function outsiderNotFound(deps: Deps, context: RequestContext, id: string, note: string) {
  const db = deps.database.db;
  const row = await reportToClose(db, context, id, 'not_found');
  if (!note.trim()) throw invalid('note', 'required');
  const outcome = { state: 'not_found' as const, outcomeNote: note.trim(), closedAt: deps.clock(), closedBy: context.actor.userId };
  return db.transaction((tx) => close(deps, context, row, outcome, `未找到：${note.trim()}`, tx));
}

/** SC-39 (KP-I03, COMM-034): a refusal referred to the police, with the station and its reference when given. */
export async function referToPolice(
  deps: Deps,
  context: RequestContext,
  id: string,
  input: { policeStation: string; policeReference?: string; note?: string },
) {
  const db = deps.database.db;
  const row = await reportToClose(db, context, id, 'referred');
  if (!input.policeStation.trim()) throw invalid('policeStation', 'required');
  const outcome = {
    state: 'referred' as const,
    policeStation: input.policeStation.trim(),
    policeReference: input.policeReference?.trim() || null,
    outcomeNote: input.note?.trim() || null,
    closedAt: deps.clock(),
    closedBy: context.actor.userId,
  };
  return db.transaction((tx) => close(deps, context, row, outcome, null, tx));
}
