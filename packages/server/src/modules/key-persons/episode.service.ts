import {
  type CalendarDate,
  conflict,
  type EpisodePlan,
  invalid,
  isCalendarDate,
  type KeyPersonCategory,
  notFound,
  pathInScope,
  planEpisode,
  scopePaths,
  shanghaiDate,
} from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../http/context.ts';
import { findPersonById } from '../persons/person.repository.ts';
import { findPlaceById } from '../places/place.repository.ts';
import { type EpisodeRow, findActiveEpisode, insertEpisode, insertEvent, insertScheduleItems } from './episode.repository.ts';
import { checkAssignable } from './episode-access.ts';
import { chooseProtocol } from './protocol-choice.ts';
import { findRoom } from './site.repository.ts';
import { checkRoomForEpisode, raiseCapacityAlertIfFull } from './site.service.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

export interface NewEpisode {
  personId: string;
  category: KeyPersonCategory;
  startDate: CalendarDate;
  editionId?: string;
  siteId?: string;
  roomId?: string;
  homeSeal?: string;
  assignedCadreId?: string;
  assignedMedicId?: string;
  source?: string;
  previousEpisodeId?: string;
  reason?: string;
}

/** The phase a plan is in on a date (the first one before it starts, the last one after it ends). */
export function phaseOn(plan: EpisodePlan, date: CalendarDate) {
  return (
    plan.phases.find((p) => p.from <= date && (p.to === null || date <= p.to)) ?? (date < plan.start ? plan.phases[0] : plan.phases.at(-1))
  );
}

function scheduleRows(plan: EpisodePlan, episodeId: string, path: string) {
  const tests = plan.tests.map((t) => ({ episodeId, kind: 'test', testKind: t.kind, dueDate: t.date, jurisdictionPath: path }));
  const followUps = plan.followUps.map((f) => ({
    episodeId,
    kind: 'follow_up',
    testKind: f.kind === 'visit_with_nucleic_acid' ? 'nucleic_acid' : null,
    dueDate: f.date,
    jurisdictionPath: path,
  }));
  return [...tests, ...followUps];
}

async function personForEpisode(db: Db, context: RequestContext, personId: string) {
  const found = await findPersonById(db, personId);
  if (!found || !pathInScope(found.person.jurisdictionPath, scopePaths(context.actor.grants, 'keyPerson.write')))
    throw notFound('personId');
  // Retention (issue 12): an anonymised row has no one behind it to manage; the person is registered anew.
  if (found.person.anonymisedAt) throw conflict('personId', 'personAnonymised');
  return found.person;
}

/** A person goes only into a quarantine site the caller can see; anywhere else is a transfer the other side accepts. */
async function checkSiteInScope(db: Db, context: RequestContext, siteId: string | undefined, roomId: string | undefined) {
  const room = roomId ? await findRoom(db, roomId) : undefined;
  const id = siteId ?? room?.siteId;
  if (!id) return;
  const site = await findPlaceById(db, id);
  if (site?.kind !== 'quarantine_site' || !pathInScope(site.jurisdictionPath, scopePaths(context.actor.grants, 'site.read'))) {
    throw notFound(siteId ? 'siteId' : 'roomId');
  }
}

function validateStart(startDate: string, today: CalendarDate) {
  if (!isCalendarDate(startDate)) throw invalid('startDate', 'invalidDate');
  if (startDate > today) throw invalid('startDate', 'futureDate');
}

/** Puts a person under management: plan from the protocol, schedule rows, timeline event and audit in one transaction. */
export async function registerEpisode(
  deps: Deps,
  context: RequestContext,
  input: NewEpisode,
  tx: Db = deps.database.db,
): Promise<EpisodeRow> {
  const today = shanghaiDate(deps.clock());
  validateStart(input.startDate, today);
  const person = await personForEpisode(tx, context, input.personId);
  await checkSiteInScope(tx, context, input.siteId, input.roomId);
  const choice = await chooseProtocol(tx, { ...input, jurisdictionPath: person.jurisdictionPath, at: deps.clock() });
  await checkAssignable(tx, input.assignedCadreId, person.jurisdictionPath, 'assignedCadreId');
  await checkAssignable(tx, input.assignedMedicId, person.jurisdictionPath, 'assignedMedicId');
  const plan = planEpisode(choice.edition, choice.rule, input.startDate, choice.profile);
  const write = async (db: Db) => {
    if (await findActiveEpisode(db, person.id, input.category)) throw conflict('category', 'activeEpisodeExists');
    if (input.roomId) await checkRoomForEpisode(db, input.siteId, input.roomId);
    const episode = await insertEpisode(db, {
      personId: person.id,
      category: input.category,
      editionId: choice.edition.id,
      profileId: choice.profile?.id ?? null,
      startDate: input.startDate,
      managementType: phaseOn(plan, today)?.type ?? 'home_health_monitoring',
      plannedReleaseDate: plan.releaseDate,
      plannedEndDate: plan.managementEndDate,
      siteId: input.siteId ?? null,
      roomId: input.roomId ?? null,
      householdId: person.householdId,
      homeSeal: input.homeSeal ?? null,
      assignedCadreId: input.assignedCadreId ?? null,
      assignedMedicId: input.assignedMedicId ?? null,
      source: input.source ?? 'registration',
      previousEpisodeId: input.previousEpisodeId ?? null,
      plan: plan as unknown as Record<string, unknown>,
      jurisdictionId: person.jurisdictionId,
      jurisdictionPath: person.jurisdictionPath,
    });
    await insertScheduleItems(db, scheduleRows(plan, episode.id, person.jurisdictionPath));
    await insertEvent(db, {
      episodeId: episode.id,
      personId: person.id,
      at: deps.clock(),
      kind: 'registered',
      actorUserId: context.actor.userId,
      details: { category: input.category, edition: choice.edition.id, profile: choice.profile?.id ?? null, releaseDate: plan.releaseDate },
    });
    await recordAudit(db, context, {
      action: 'keyPerson.register',
      entityType: 'key_person_episode',
      entityId: episode.id,
      jurisdictionPath: person.jurisdictionPath,
      after: {
        personId: person.id,
        category: input.category,
        edition: choice.edition.id,
        startDate: input.startDate,
        roomId: input.roomId ?? null,
      },
      reason: input.reason ?? null,
    });
    if (input.siteId) await raiseCapacityAlertIfFull(db, input.siteId, person.jurisdictionPath);
    return episode;
  };
  return tx === deps.database.db ? deps.database.db.transaction(write) : write(tx);
}
