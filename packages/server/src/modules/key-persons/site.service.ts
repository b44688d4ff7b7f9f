import { capacityState, conflict, invalid, notFound, pathInScope, scopePaths, shanghaiDate } from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../http/context.ts';
import { findPlaceById } from '../places/place.repository.ts';
import { raiseAlert } from './alert.repository.ts';
import { findRoom, insertRooms, roomOccupancy, roomsOfSite, siteBedsAndOccupancy, sitesInScope } from './site.repository.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

/** A room can take one more person: it belongs to the site and has a free bed. */
export async function checkRoomForEpisode(db: Db, siteId: string | undefined, roomId: string): Promise<void> {
  const room = await findRoom(db, roomId);
  if (!room || (siteId && room.siteId !== siteId)) throw invalid('roomId', 'roomNotInSite');
  if ((await roomOccupancy(db, roomId)) >= room.beds) throw conflict('roomId', 'roomFull');
}

/** At 90 % occupancy the site raises one capacity alert per day. */
export async function raiseCapacityAlertIfFull(db: Db, siteId: string, fallbackPath: string, now = new Date()): Promise<void> {
  const site = await findPlaceById(db, siteId);
  const counts = (await siteBedsAndOccupancy(db, [siteId])).get(siteId);
  if (!counts) return;
  const state = capacityState(counts.beds, counts.occupied);
  if (!state.alert) return;
  await raiseAlert(db, {
    kind: 'capacity',
    siteId,
    dedupKey: `capacity:${siteId}:${shanghaiDate(now)}`,
    details: { siteName: site?.name ?? null, beds: state.beds, occupied: state.occupied, ratio: Number(state.ratio.toFixed(3)) },
    jurisdictionPath: site?.jurisdictionPath ?? fallbackPath,
  });
}

export async function listSites(deps: Deps, context: RequestContext) {
  const db = deps.database.db;
  const sites = await sitesInScope(db, scopePaths(context.actor.grants, 'site.read'));
  const counts = await siteBedsAndOccupancy(
    db,
    sites.map((s) => s.id),
  );
  return sites.map((site) => {
    const c = counts.get(site.id) ?? { rooms: 0, beds: 0, occupied: 0 };
    return { ...site, rooms: c.rooms, ...capacityState(c.beds, c.occupied) };
  });
}

async function siteInScope(db: Db, context: RequestContext, siteId: string, permission: 'site.read' | 'site.manage') {
  const site = await findPlaceById(db, siteId);
  if (site?.kind !== 'quarantine_site' || !pathInScope(site.jurisdictionPath, scopePaths(context.actor.grants, permission)))
    throw notFound('id');
  return site;
}

export async function siteDetail(deps: Deps, context: RequestContext, siteId: string) {
  const site = await siteInScope(deps.database.db, context, siteId, 'site.read');
  const rooms = await roomsOfSite(deps.database.db, siteId);
  const beds = rooms.reduce((sum, r) => sum + r.beds, 0);
  const occupied = rooms.reduce((sum, r) => sum + r.occupied, 0);
  return { id: site.id, name: site.name, address: site.address, rooms, ...capacityState(beds, occupied) };
}

/** Adds rooms `prefix + 1..count` with `beds` each; existing codes are left as they are. */
export async function addRooms(
  deps: Deps,
  context: RequestContext,
  siteId: string,
  input: { prefix: string; count: number; beds: number },
) {
  const site = await siteInScope(deps.database.db, context, siteId, 'site.manage');
  const rows = Array.from({ length: input.count }, (_, i) => ({
    siteId,
    code: `${input.prefix}${String(i + 1).padStart(3, '0')}`,
    beds: input.beds,
  }));
  return deps.database.db.transaction(async (tx) => {
    const created = await insertRooms(tx, rows);
    await recordAudit(tx, context, {
      action: 'site.addRooms',
      entityType: 'place',
      entityId: siteId,
      jurisdictionPath: site.jurisdictionPath,
      after: { ...input, created },
    });
    return { created };
  });
}
