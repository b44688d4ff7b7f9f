import {
  AppError,
  categoryRule,
  checkObservation,
  invalid,
  type KeyPersonCategory,
  notFound,
  type ObservationOutcome,
  observationProblem,
  pathInScope,
  scopePaths,
  shanghaiDate,
} from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../http/context.ts';
import { editionById, profileById } from '../protocols/protocol-in-force.ts';
import { insertTask, raiseAlert } from './alert.repository.ts';
import {
  type EpisodeRow,
  findEpisode,
  findScheduleItem,
  insertEvent,
  insertObservation,
  updateEpisode,
  updateScheduleItem,
} from './episode.repository.ts';
import { episodeInScope } from './episode-access.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;
export type TestResultValue = 'pending' | 'negative' | 'positive' | 'indeterminate';

/** The episode's rule under the edition and profile it started under (shipped or the district's own). */
async function ruleOf(db: Db, episode: EpisodeRow) {
  const edition = await editionById(db, episode.editionId);
  const profile = episode.profileId ? await profileById(db, episode.profileId) : undefined;
  const rule = edition && categoryRule(edition, episode.category as KeyPersonCategory, profile);
  if (!rule) throw new AppError('conflict', 'categoryNotInEdition', 'category');
  return rule;
}

function notInFuture(at: Date, now: Date, field: string) {
  if (at.getTime() > now.getTime() + 5 * 60_000) throw invalid(field, 'futureDate');
}

/** A positive result hands the person to the case pathway; an indeterminate one asks for a retest. */
async function escalateResult(db: Db, episode: EpisodeRow, itemId: string, result: TestResultValue, now: Date) {
  if (result !== 'positive' && result !== 'indeterminate') return;
  const kind = result === 'positive' ? 'case_candidate' : 'retest';
  await raiseAlert(db, {
    kind: `${result}_result`,
    episodeId: episode.id,
    dedupKey: `${result}:${itemId}`,
    details: { itemId },
    jurisdictionPath: episode.jurisdictionPath,
  });
  await insertTask(db, {
    kind,
    episodeId: episode.id,
    personId: episode.personId,
    dueAt: now,
    details: { itemId },
    jurisdictionPath: episode.jurisdictionPath,
  });
}

export async function recordTest(
  deps: Deps,
  context: RequestContext,
  itemId: string,
  input: { sampledAt: string; result: TestResultValue },
) {
  const db = deps.database.db;
  const item = await findScheduleItem(db, itemId);
  if (!item || !pathInScope(item.jurisdictionPath, scopePaths(context.actor.grants, 'keyPerson.write'))) throw notFound('id');
  const episode = await findEpisode(db, item.episodeId);
  if (episode?.status !== 'active') throw new AppError('conflict', 'episodeNotActive', 'id');
  const now = deps.clock();
  const sampledAt = new Date(input.sampledAt);
  notInFuture(sampledAt, now, 'sampledAt');
  if (shanghaiDate(sampledAt) < episode.startDate) throw invalid('sampledAt', 'beforeEpisodeStart');
  return db.transaction(async (tx) => {
    await updateScheduleItem(tx, itemId, {
      status: 'done',
      sampledAt,
      result: input.result,
      resultAt: input.result === 'pending' ? null : now,
      recordedBy: context.actor.userId,
    });
    await escalateResult(tx, episode, itemId, input.result, now);
    await insertEvent(tx, {
      episodeId: episode.id,
      personId: episode.personId,
      at: now,
      kind: 'test',
      actorUserId: context.actor.userId,
      details: { itemId, testKind: item.testKind, result: input.result, sampledAt: input.sampledAt },
    });
    await recordAudit(tx, context, {
      action: 'keyPerson.recordTest',
      entityType: 'schedule_item',
      entityId: itemId,
      jurisdictionPath: item.jurisdictionPath,
      before: { status: item.status, result: item.result },
      after: input,
    });
    return { id: itemId, result: input.result };
  });
}

async function escalateObservation(db: Db, episode: EpisodeRow, outcome: ObservationOutcome, observationId: string, now: Date) {
  if (outcome.escalations.length === 0) return;
  await updateEpisode(db, episode.id, { symptomsReported: true });
  const details = { observationId, fever: outcome.fever, symptoms: outcome.symptoms, because: outcome.because };
  await raiseAlert(db, {
    kind: outcome.fever ? 'fever' : 'symptom',
    episodeId: episode.id,
    dedupKey: `observation:${observationId}`,
    details,
    jurisdictionPath: episode.jurisdictionPath,
  });
  await insertTask(db, {
    kind: 'fever_clinic_transfer',
    episodeId: episode.id,
    personId: episode.personId,
    dueAt: now,
    details,
    jurisdictionPath: episode.jurisdictionPath,
  });
}

export interface ObservationInput {
  observedAt: string;
  temperature: number | null;
  /** 无法测量: why the temperature could not be taken; absent or null when it was. */
  notMeasuredReason?: string | null;
  /** The symptom answer: [] is "no symptoms"; absent is "not answered" (refused). */
  symptoms?: string[];
}

/** A daily check; fever (≥ the protocol's threshold) or any symptom raises an alert and a fever-clinic transfer task. */
export async function recordObservation(deps: Deps, context: RequestContext, episodeId: string, input: ObservationInput) {
  const db = deps.database.db;
  const episode = await episodeInScope(db, context, episodeId, 'keyPerson.write');
  if (episode.status !== 'active') throw new AppError('conflict', 'episodeNotActive', 'id');
  const now = deps.clock();
  const observedAt = new Date(input.observedAt);
  notInFuture(observedAt, now, 'observedAt');
  if (shanghaiDate(observedAt) < episode.startDate) throw invalid('observedAt', 'beforeEpisodeStart');
  const temperatureTenths = input.temperature === null ? null : Math.round(input.temperature * 10);
  const notMeasuredReason = input.notMeasuredReason ?? null;
  // KP-D03, issue 18 item 4: an empty check is refused before anything is saved.
  const problem = observationProblem({ temperatureTenths, notMeasuredReason, symptoms: input.symptoms ?? null });
  if (problem) throw invalid(problem.field, problem.reason);
  const outcome = checkObservation(await ruleOf(db, episode), { temperatureTenths, symptoms: input.symptoms ?? [] });
  return db.transaction(async (tx) => {
    const observationId = await insertObservation(tx, {
      episodeId,
      observedAt,
      observedDate: shanghaiDate(observedAt),
      temperatureTenths,
      notMeasuredReason: notMeasuredReason?.trim() ?? null,
      symptoms: outcome.symptoms,
      recordedBy: context.actor.userId,
      jurisdictionPath: episode.jurisdictionPath,
    });
    await escalateObservation(tx, episode, outcome, observationId, now);
    await insertEvent(tx, {
      episodeId,
      personId: episode.personId,
      at: observedAt,
      kind: 'observation',
      actorUserId: context.actor.userId,
      details: { temperature: input.temperature, notMeasuredReason, symptoms: outcome.symptoms, escalated: outcome.escalations.length > 0 },
    });
    await recordAudit(tx, context, {
      action: 'keyPerson.observe',
      entityType: 'key_person_episode',
      entityId: episodeId,
      jurisdictionPath: episode.jurisdictionPath,
      after: { temperature: input.temperature, notMeasuredReason, symptoms: outcome.symptoms },
    });
    return { id: observationId, escalated: outcome.escalations.length > 0, because: outcome.because };
  });
}
