import { AppError, conflict, type IdType, invalid, notFound, pathInScope, scopePaths, shanghaiDate } from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../http/context.ts';
import { findJurisdictionById } from '../jurisdictions/jurisdiction.repository.ts';
import { findPersonByIdHash } from '../persons/person.repository.ts';
import { registerPersonIn } from '../persons/person.service.ts';
import { idLookupHash } from '../persons/person-record.ts';
import { registerEpisode } from './episode.service.ts';
import {
  closeExpectedArrival,
  type ExpectedArrivalRow,
  expectedArrivalsIn,
  findExpectedArrival,
  insertExpectedArrival,
  setArrivalEpisode,
} from './expected-arrival.repository.ts';
import { roomsOfSite, sitesInScope } from './site.repository.ts';

type Deps = Pick<AppDeps, 'database' | 'clock' | 'cipher'>;

/** LVL-IV-09 (seed 002 §九(一)9): 利用公安大数据线索, 提前摸排入境人员, 安排集中隔离场所. */
export const ADVANCE_IDENTIFICATION_CLAUSE = 'seed 002 §九(一)9';

export interface ExpectedPerson {
  idType: IdType;
  idNumber: string;
  name: string;
  phone?: string;
  origin: string;
  expectedArrivalDate: string;
}

export interface ArrivalFeed {
  jurisdictionId: string;
  feedReference: string;
  persons: ExpectedPerson[];
}

interface Bed {
  siteId: string;
  roomId: string;
}

/** One free bed per person, room by room across the centralized quarantine sites the caller sees; all or none. */
async function reserveBeds(db: Db, context: RequestContext, count: number): Promise<Bed[]> {
  const beds: Bed[] = [];
  for (const site of await sitesInScope(db, scopePaths(context.actor.grants, 'site.read'))) {
    for (const room of await roomsOfSite(db, site.id)) {
      for (let free = room.beds - room.occupied; free > 0 && beds.length < count; free -= 1)
        beds.push({ siteId: site.id, roomId: room.id });
    }
  }
  if (beds.length < count) throw invalid('persons', 'arrival.notEnoughBeds', { needed: count, free: beds.length });
  return beds;
}

/** The person the lead names: the record already in scope, else registered now (its problems named by row). */
async function personFor(tx: Db, deps: Deps, context: RequestContext, row: ExpectedPerson, jurisdictionId: string, i: number) {
  const held = await findPersonByIdHash(tx, idLookupHash(deps.cipher, row.idType, row.idNumber));
  if (held && pathInScope(held.jurisdictionPath, scopePaths(context.actor.grants, 'person.read'))) return held.id;
  const { origin: _o, expectedArrivalDate: _d, ...facts } = row;
  try {
    return (await registerPersonIn(tx, deps, context, { ...facts, jurisdictionId, reason: 'police big-data lead (SC-13)' })).id;
  } catch (error) {
    if (error instanceof AppError && error.field) throw new AppError(error.kind, error.code, `persons.${i}.${error.field}`, error.params);
    throw error;
  }
}

function checkRows(persons: readonly ExpectedPerson[], today: string) {
  persons.forEach((p, i) => {
    if (p.expectedArrivalDate < today) throw invalid(`persons.${i}.expectedArrivalDate`, 'arrival.past');
    if (!p.origin.trim()) throw invalid(`persons.${i}.origin`, 'required');
  });
}

/**
 * The police's big-data feed of expected inbound persons (SC-13, LVL-IV-09): a pre-arrival record for each, with a bed
 * at a centralized quarantine site reserved for them — every row or none, each audited in the same transaction.
 */
export async function receiveArrivalFeed(deps: Deps, context: RequestContext, feed: ArrivalFeed) {
  const db = deps.database.db;
  const target = await findJurisdictionById(db, feed.jurisdictionId);
  if (!target || !pathInScope(target.path, scopePaths(context.actor.grants, 'keyPerson.write'))) {
    throw invalid('jurisdictionId', 'unknownJurisdiction');
  }
  checkRows(feed.persons, shanghaiDate(deps.clock()));
  const ids = await db.transaction(async (tx) => {
    const beds = await reserveBeds(tx, context, feed.persons.length);
    const created: string[] = [];
    for (const [i, row] of feed.persons.entries()) {
      const personId = await personFor(tx, deps, context, row, target.id, i);
      const bed = beds[i] as Bed;
      const arrival = await insertExpectedArrival(tx, {
        personId,
        source: 'police_big_data',
        feedReference: feed.feedReference.trim(),
        origin: row.origin.trim(),
        expectedArrivalDate: row.expectedArrivalDate,
        ...bed,
        createdBy: context.actor.userId,
        jurisdictionId: target.id,
        jurisdictionPath: target.path,
      });
      await recordAudit(tx, context, {
        action: 'keyPerson.expectArrival',
        entityType: 'expected_arrival',
        entityId: arrival.id,
        jurisdictionPath: target.path,
        after: { personId, origin: arrival.origin, expectedArrivalDate: arrival.expectedArrivalDate, ...bed },
        reason: `${feed.feedReference.trim()} (${ADVANCE_IDENTIFICATION_CLAUSE})`,
      });
      created.push(arrival.id);
    }
    return created;
  });
  return { created: ids.length, ids };
}

/** The pre-arrival records in scope (masked ID), each with its reserved site and room. */
export async function listExpectedArrivals(deps: Deps, context: RequestContext, jurisdictionId?: string) {
  const db = deps.database.db;
  const paths = scopePaths(context.actor.grants, 'keyPerson.read');
  const within = jurisdictionId ? await findJurisdictionById(db, jurisdictionId) : undefined;
  if (jurisdictionId && (!within || !pathInScope(within.path, paths))) return { items: [] };
  const rows = await expectedArrivalsIn(db, paths, within?.path);
  return {
    items: rows.map((r) => ({
      id: r.arrival.id,
      personId: r.arrival.personId,
      name: r.name,
      idMasked: r.idMasked,
      origin: r.arrival.origin,
      expectedArrivalDate: r.arrival.expectedArrivalDate,
      status: r.arrival.status,
      source: r.arrival.source,
      feedReference: r.arrival.feedReference,
      siteId: r.arrival.siteId,
      siteName: r.siteName,
      roomId: r.arrival.roomId,
      roomCode: r.roomCode,
      episodeId: r.arrival.episodeId,
      cancelReason: r.arrival.cancelReason,
    })),
  };
}

/** A reservation still expected in the caller's scope: another jurisdiction's is 404, a closed one 409. */
async function expectedInScope(db: Db, context: RequestContext, id: string): Promise<ExpectedArrivalRow> {
  const row = await findExpectedArrival(db, id);
  if (!row || !pathInScope(row.jurisdictionPath, scopePaths(context.actor.grants, 'keyPerson.write'))) throw notFound('id');
  if (row.status !== 'expected') throw conflict('status', 'arrival.closed');
  return row;
}

async function close(tx: Db, row: ExpectedArrivalRow, outcome: Parameters<typeof closeExpectedArrival>[2]) {
  const closed = await closeExpectedArrival(tx, row.id, outcome);
  if (!closed) throw conflict('status', 'arrival.closed');
  return closed;
}

/**
 * The expected person has arrived (SC-13, LVL-IV-09): the reservation closes and, in the same transaction, the person
 * is registered as an inbound traveller in the bed reserved for them, on the plan of the protocol in force.
 */
export async function markArrived(deps: Deps, context: RequestContext, id: string) {
  const db = deps.database.db;
  const row = await expectedInScope(db, context, id);
  const now = deps.clock();
  return db.transaction(async (tx) => {
    // Closed first: the reserved bed stops counting as taken, so the episode can take it.
    await close(tx, row, { status: 'arrived', closedAt: now });
    const episode = await registerEpisode(
      deps,
      context,
      {
        personId: row.personId,
        category: 'inbound_traveller',
        startDate: shanghaiDate(now),
        siteId: row.siteId,
        roomId: row.roomId,
        source: 'police_big_data',
        reason: `${row.feedReference} (${ADVANCE_IDENTIFICATION_CLAUSE})`,
      },
      tx,
    );
    await setArrivalEpisode(tx, row.id, episode.id);
    await recordAudit(tx, context, {
      action: 'keyPerson.expectedArrived',
      entityType: 'expected_arrival',
      entityId: row.id,
      jurisdictionPath: row.jurisdictionPath,
      before: { status: row.status },
      after: { status: 'arrived', episodeId: episode.id, siteId: row.siteId, roomId: row.roomId },
    });
    return { id: row.id, status: 'arrived', episodeId: episode.id };
  });
}

/** The reservation is cancelled with its reason (the person did not come, or is managed elsewhere): the bed is free again. */
export async function cancelArrival(deps: Deps, context: RequestContext, id: string, reason: string) {
  const db = deps.database.db;
  const row = await expectedInScope(db, context, id);
  if (!reason.trim()) throw invalid('reason', 'required');
  return db.transaction(async (tx) => {
    await close(tx, row, { status: 'cancelled', cancelReason: reason.trim(), closedAt: deps.clock() });
    await recordAudit(tx, context, {
      action: 'keyPerson.expectedCancelled',
      entityType: 'expected_arrival',
      entityId: row.id,
      jurisdictionPath: row.jurisdictionPath,
      before: { status: row.status },
      after: { status: 'cancelled', roomId: row.roomId },
      reason: reason.trim(),
    });
    return { id: row.id, status: 'cancelled', episodeId: null };
  });
}
