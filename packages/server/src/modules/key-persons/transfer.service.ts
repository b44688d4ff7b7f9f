import { AppError, conflict, invalid, notFound, pathInScope, scopePaths } from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../http/context.ts';
import { findJurisdictionById } from '../jurisdictions/jurisdiction.repository.ts';
import { findPlaceById } from '../places/place.repository.ts';
import { findEpisode, insertEvent } from './episode.repository.ts';
import { episodeInScope } from './episode-access.ts';
import { checkRoomForEpisode, raiseCapacityAlertIfFull } from './site.service.ts';
import {
  decideTransfer,
  findPendingTransfer,
  findTransfer,
  insertTransfer,
  moveEpisode,
  pendingTransfers,
  type TransferRow,
} from './transfer.repository.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

export interface TransferRequest {
  toJurisdictionId: string;
  toSiteId?: string;
  toRoomId?: string;
  reason: string;
}

async function targetOf(db: Db, input: TransferRequest) {
  const target = await findJurisdictionById(db, input.toJurisdictionId);
  if (!target) throw invalid('toJurisdictionId', 'unknownJurisdiction');
  if (input.toSiteId) {
    const site = await findPlaceById(db, input.toSiteId);
    if (site?.kind !== 'quarantine_site' || !site.jurisdictionPath.startsWith(target.path))
      throw invalid('toSiteId', 'siteNotInJurisdiction');
  }
  return target;
}

/** Asks another jurisdiction (or site) to take the person over; nothing moves until it accepts. */
export async function requestTransfer(deps: Deps, context: RequestContext, episodeId: string, input: TransferRequest) {
  const db = deps.database.db;
  const episode = await episodeInScope(db, context, episodeId, 'keyPerson.write');
  if (episode.status !== 'active') throw new AppError('conflict', 'episodeNotActive', 'id');
  const target = await targetOf(db, input);
  return db.transaction(async (tx) => {
    if (await findPendingTransfer(tx, episodeId)) throw conflict('id', 'transferPending');
    const transfer = await insertTransfer(tx, {
      episodeId,
      fromJurisdictionPath: episode.jurisdictionPath,
      toJurisdictionId: target.id,
      toJurisdictionPath: target.path,
      toSiteId: input.toSiteId ?? null,
      toRoomId: input.toRoomId ?? null,
      reason: input.reason,
      requestedBy: context.actor.userId,
    });
    await insertEvent(tx, {
      episodeId,
      personId: episode.personId,
      at: deps.clock(),
      kind: 'transferRequested',
      actorUserId: context.actor.userId,
      details: { transferId: transfer.id, to: target.code },
    });
    await recordAudit(tx, context, {
      action: 'keyPerson.requestTransfer',
      entityType: 'episode_transfer',
      entityId: transfer.id,
      jurisdictionPath: episode.jurisdictionPath,
      after: { to: target.code, toSiteId: input.toSiteId ?? null },
      reason: input.reason,
    });
    return transfer;
  });
}

async function incomingTransfer(db: Db, context: RequestContext, id: string): Promise<TransferRow> {
  const transfer = await findTransfer(db, id);
  if (!transfer || !pathInScope(transfer.toJurisdictionPath, scopePaths(context.actor.grants, 'keyPerson.write'))) throw notFound('id');
  if (transfer.status !== 'pending') throw new AppError('conflict', 'transferDecided', 'id');
  return transfer;
}

/**
 * A room taken on acceptance lies in the transfer's site (or the episode's own), and that site lies in the
 * receiving jurisdiction: no room from anywhere (issue 12 defect 8).
 */
async function checkReceivingRoom(tx: Db, siteId: string | null, receivingPath: string, roomId: string) {
  if (!siteId) throw invalid('roomId', 'roomWithoutSite');
  const site = await findPlaceById(tx, siteId);
  if (!site?.jurisdictionPath.startsWith(receivingPath)) throw invalid('roomId', 'roomNotInSite');
  await checkRoomForEpisode(tx, siteId, roomId);
}

/** The receiving side accepts: the episode, its schedule and the person's place move in one transaction. */
export async function acceptTransfer(deps: Deps, context: RequestContext, id: string, roomId?: string) {
  const db = deps.database.db;
  const transfer = await incomingTransfer(db, context, id);
  const episode = await findEpisode(db, transfer.episodeId);
  if (episode?.status !== 'active') throw new AppError('conflict', 'episodeNotActive', 'id');
  const room = roomId ?? transfer.toRoomId;
  const now = deps.clock();
  await db.transaction(async (tx) => {
    if (room) await checkReceivingRoom(tx, transfer.toSiteId ?? episode.siteId, transfer.toJurisdictionPath, room);
    await moveEpisode(tx, episode.id, {
      jurisdictionId: transfer.toJurisdictionId,
      jurisdictionPath: transfer.toJurisdictionPath,
      siteId: transfer.toSiteId ?? episode.siteId,
      roomId: room ?? null,
    });
    await decideTransfer(tx, id, { status: 'accepted', decidedBy: context.actor.userId, decidedAt: now });
    await insertEvent(tx, {
      episodeId: episode.id,
      personId: episode.personId,
      at: now,
      kind: 'transferAccepted',
      actorUserId: context.actor.userId,
      details: { transferId: id },
    });
    await recordAudit(tx, context, {
      action: 'keyPerson.acceptTransfer',
      entityType: 'episode_transfer',
      entityId: id,
      jurisdictionPath: transfer.toJurisdictionPath,
      before: { jurisdiction: transfer.fromJurisdictionPath },
      after: { jurisdiction: transfer.toJurisdictionPath, roomId: room ?? null },
    });
    if (transfer.toSiteId) await raiseCapacityAlertIfFull(tx, transfer.toSiteId, transfer.toJurisdictionPath, now);
  });
  return { id, status: 'accepted' };
}

/** The receiving side returns the request with a reason; the sender keeps the person. */
export async function returnTransfer(deps: Deps, context: RequestContext, id: string, reason: string) {
  const db = deps.database.db;
  const transfer = await incomingTransfer(db, context, id);
  const episode = await findEpisode(db, transfer.episodeId);
  const now = deps.clock();
  await db.transaction(async (tx) => {
    await decideTransfer(tx, id, { status: 'returned', decidedBy: context.actor.userId, decidedAt: now, decisionReason: reason });
    if (episode)
      await insertEvent(tx, {
        episodeId: episode.id,
        personId: episode.personId,
        at: now,
        kind: 'transferReturned',
        actorUserId: context.actor.userId,
        details: { transferId: id, reason },
      });
    await recordAudit(tx, context, {
      action: 'keyPerson.returnTransfer',
      entityType: 'episode_transfer',
      entityId: id,
      jurisdictionPath: transfer.toJurisdictionPath,
      reason,
    });
  });
  return { id, status: 'returned' };
}

export async function listTransfers(deps: Deps, context: RequestContext) {
  const rows = await pendingTransfers(deps.database.db, scopePaths(context.actor.grants, 'keyPerson.read'));
  return rows.map((r) => ({
    id: r.transfer.id,
    episodeId: r.transfer.episodeId,
    personName: r.personName,
    idMasked: r.idMasked,
    category: r.category,
    fromJurisdictionPath: r.transfer.fromJurisdictionPath,
    toJurisdictionId: r.transfer.toJurisdictionId,
    toSiteId: r.transfer.toSiteId,
    reason: r.transfer.reason,
    createdAt: r.transfer.createdAt.toISOString(),
  }));
}
