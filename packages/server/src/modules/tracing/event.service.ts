import { forbidden, invalid, notFound, pathInScope, scopePaths } from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import type { RequestContext } from '../../http/context.ts';
import { findPlaceById } from '../places/place.repository.ts';
import {
  deleteTransmissionEvent,
  type EventRow,
  findTransmissionEvent,
  insertTransmissionEvent,
  listTransmissionEvents,
  peopleByIds,
  updateTransmissionEvent,
} from './contact.repository.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

export interface EventInput {
  name: string;
  kind: 'gathering' | 'workplace' | 'market_day' | 'other';
  placeId?: string;
  placeText?: string;
  fromAt: string;
  toAt: string;
  participantIds: string[];
}

export function eventView(e: EventRow) {
  return {
    id: e.id,
    name: e.name,
    kind: e.kind,
    placeId: e.placeId,
    placeText: e.placeText,
    fromAt: e.fromAt.toISOString(),
    toAt: e.toAt.toISOString(),
    participantIds: e.participantIds,
  };
}

async function validate(deps: Deps, context: RequestContext, input: EventInput) {
  const from = new Date(input.fromAt);
  const to = new Date(input.toAt);
  if (Number.isNaN(from.getTime())) throw invalid('fromAt', 'invalidTime');
  if (Number.isNaN(to.getTime())) throw invalid('toAt', 'invalidTime');
  if (to < from) throw invalid('toAt', 'endBeforeStart');
  if (from > deps.clock()) throw invalid('fromAt', 'futureTime');
  const ids = [...new Set(input.participantIds)];
  if (ids.length !== input.participantIds.length) throw invalid('participantIds', 'duplicate');
  // A participant outside the caller's scope answers as an unknown person: nothing about them leaks.
  const scope = scopePaths(context.actor.grants, 'keyPerson.read');
  const known = (await peopleByIds(deps.database.db, ids)).filter((p) => pathInScope(p.jurisdictionPath, scope));
  if (known.length !== ids.length) throw notFound('participantIds');
  // So is a place outside it, or an id that is no place (it was a foreign-key 500: issue 12 route fuzz).
  const place = input.placeId ? await findPlaceById(deps.database.db, input.placeId) : null;
  if (input.placeId && !(place && pathInScope(place.jurisdictionPath, scope))) throw notFound('placeId');
  return { from, to };
}

async function eventInScope(deps: Deps, context: RequestContext, id: string, permission: 'keyPerson.read' | 'keyPerson.write') {
  const found = await findTransmissionEvent(deps.database.db, id);
  if (!found || !pathInScope(found.jurisdictionPath, scopePaths(context.actor.grants, permission))) throw notFound('id');
  return found;
}

/** Records an event (a gathering, workplace day, market day) with its participants (CASE-009): each is a candidate of the cases among them. */
export async function createEvent(deps: Deps, context: RequestContext, input: EventInput) {
  const path = scopePaths(context.actor.grants, 'keyPerson.write')[0];
  if (!path) throw forbidden();
  const { from, to } = await validate(deps, context, input);
  return deps.database.db.transaction(async (tx) => {
    const row = await insertTransmissionEvent(tx, {
      name: input.name,
      kind: input.kind,
      placeId: input.placeId ?? null,
      placeText: input.placeText ?? null,
      fromAt: from,
      toAt: to,
      participantIds: input.participantIds,
      createdBy: context.actor.userId,
      jurisdictionPath: path,
    });
    await recordAudit(tx, context, {
      action: 'tracing.createEvent',
      entityType: 'transmission_event',
      entityId: row.id,
      jurisdictionPath: path,
      after: { name: input.name, kind: input.kind, participants: input.participantIds.length },
    });
    return eventView(row);
  });
}

export async function updateEvent(deps: Deps, context: RequestContext, id: string, input: EventInput) {
  const before = await eventInScope(deps, context, id, 'keyPerson.write');
  const { from, to } = await validate(deps, context, input);
  return deps.database.db.transaction(async (tx) => {
    const changes = { name: input.name, kind: input.kind, placeId: input.placeId ?? null, placeText: input.placeText ?? null };
    await updateTransmissionEvent(tx, id, { ...changes, fromAt: from, toAt: to, participantIds: input.participantIds });
    await recordAudit(tx, context, {
      action: 'tracing.updateEvent',
      entityType: 'transmission_event',
      entityId: id,
      jurisdictionPath: before.jurisdictionPath,
      before: { name: before.name, participants: before.participantIds.length },
      after: { name: input.name, participants: input.participantIds.length },
    });
    return eventView({ ...before, ...changes, fromAt: from, toAt: to, participantIds: input.participantIds });
  });
}

export async function removeEvent(deps: Deps, context: RequestContext, id: string) {
  const before = await eventInScope(deps, context, id, 'keyPerson.write');
  await deps.database.db.transaction(async (tx) => {
    await deleteTransmissionEvent(tx, id);
    await recordAudit(tx, context, {
      action: 'tracing.deleteEvent',
      entityType: 'transmission_event',
      entityId: id,
      jurisdictionPath: before.jurisdictionPath,
      before: { name: before.name, participants: before.participantIds.length },
    });
  });
}

export async function getEvent(deps: Deps, context: RequestContext, id: string) {
  return eventView(await eventInScope(deps, context, id, 'keyPerson.read'));
}

export async function listEvents(deps: Deps, context: RequestContext, limit: number, offset: number) {
  const page = await listTransmissionEvents(deps.database.db, scopePaths(context.actor.grants, 'keyPerson.read'), limit, offset);
  return { items: page.items.map(eventView), total: page.total };
}
