import { notFound, pathInScope, scopePaths } from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import { recordRead } from '../../audit/audit.service.ts';
import type { RequestContext } from '../../http/context.ts';
import { jurisdictionLabels } from '../jurisdictions/jurisdiction-label.ts';
import { findPersonById } from '../persons/person.repository.ts';
import { tasksOfEpisode } from './alert.repository.ts';
import {
  type EpisodeRow,
  episodesOfPerson,
  eventsOfPerson,
  observationsOf,
  scheduleOfEpisode,
  searchEpisodes,
  signaturesOf,
} from './episode.repository.ts';
import { episodeInScope } from './episode-access.ts';
import { siteAndRoomNames } from './site.repository.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

const iso = (date: Date | null) => date?.toISOString() ?? null;

export function episodeSummary(e: EpisodeRow) {
  return {
    id: e.id,
    personId: e.personId,
    category: e.category,
    editionId: e.editionId,
    profileId: e.profileId,
    status: e.status,
    managementType: e.managementType,
    startDate: e.startDate,
    plannedReleaseDate: e.plannedReleaseDate,
    plannedEndDate: e.plannedEndDate,
    siteId: e.siteId,
    roomId: e.roomId,
    assignedCadreId: e.assignedCadreId,
    assignedMedicId: e.assignedMedicId,
    symptomsReported: e.symptomsReported,
    releasedAt: iso(e.releasedAt),
    jurisdictionId: e.jurisdictionId,
  };
}

export async function listEpisodes(
  deps: Deps,
  context: RequestContext,
  query: { status?: string; category?: string; limit: number; offset: number },
) {
  const scope = scopePaths(context.actor.grants, 'keyPerson.read');
  const page = await searchEpisodes(deps.database.db, { ...query, scopePaths: scope });
  const labels = await jurisdictionLabels(
    deps.database.db,
    page.items.map((row) => row.episode.jurisdictionPath),
    scope,
  );
  return {
    total: page.total,
    items: page.items.map((row) => ({
      ...episodeSummary(row.episode),
      personName: row.personName,
      idMasked: row.idMasked,
      jurisdictionName: row.jurisdictionName,
      jurisdictionLabel: labels.get(row.episode.jurisdictionPath) ?? row.jurisdictionName,
    })),
  };
}

export async function episodeDetail(deps: Deps, context: RequestContext, id: string) {
  const db = deps.database.db;
  const episode = await episodeInScope(db, context, id, 'keyPerson.read');
  const [found, schedule, observations, signatures, tasks, placement] = await Promise.all([
    findPersonById(db, episode.personId),
    scheduleOfEpisode(db, id),
    observationsOf(db, id),
    signaturesOf(db, id),
    tasksOfEpisode(db, id),
    siteAndRoomNames(db, episode.siteId, episode.roomId),
  ]);
  return {
    ...episodeSummary(episode),
    siteName: placement.siteName,
    roomCode: placement.roomCode,
    personName: found?.person.name ?? '',
    idMasked: found?.person.idMasked ?? '',
    plan: episode.plan,
    schedule: schedule.map((s) => ({
      id: s.id,
      kind: s.kind,
      testKind: s.testKind,
      dueDate: s.dueDate,
      status: s.status,
      sampledAt: iso(s.sampledAt),
      result: s.result,
    })),
    observations: observations.map((o) => ({
      id: o.id,
      observedAt: o.observedAt.toISOString(),
      temperature: o.temperatureTenths === null ? null : o.temperatureTenths / 10,
      symptoms: o.symptoms,
    })),
    signatures: signatures.map((s) => ({ role: s.role, userId: s.userId, signedAt: s.signedAt.toISOString() })),
    tasks: tasks.map((t) => ({ id: t.id, kind: t.kind, status: t.status, createdAt: t.createdAt.toISOString() })),
  };
}

/** Every event of every episode of a person, oldest first: the history stays when a category changes. */
export async function personTimeline(deps: Deps, context: RequestContext, personId: string) {
  const db = deps.database.db;
  const found = await findPersonById(db, personId);
  if (!found || !pathInScope(found.person.jurisdictionPath, scopePaths(context.actor.grants, 'keyPerson.read'))) throw notFound('id');
  await recordRead(db, context, {
    action: 'keyPerson.timeline.view',
    entityType: 'person',
    entityId: personId,
    jurisdictionPath: found.person.jurisdictionPath,
  });
  const [episodes, events] = await Promise.all([episodesOfPerson(db, personId), eventsOfPerson(db, personId)]);
  return {
    personId,
    episodes: episodes.map(episodeSummary),
    events: events.map((e) => ({
      id: e.id,
      episodeId: e.episodeId,
      at: e.at.toISOString(),
      kind: e.kind,
      details: e.details,
      actorUserId: e.actorUserId,
    })),
  };
}
