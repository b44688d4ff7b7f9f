import { AppError, choosePool, forbidden, invalid, notFound, pathInScope, type TestingRules, type ZoneType } from '@fangkong/core';
import type { AppDeps } from '../../../app-deps.ts';
import { recordAudit } from '../../../audit/audit.service.ts';
import type { Db } from '../../../db/client.ts';
import type { RequestContext } from '../../../http/context.ts';
import { findJurisdictionById, type JurisdictionRow } from '../../jurisdictions/jurisdiction.repository.ts';
import { zonesUnder } from '../../zones/control-zone.repository.ts';
import { closeOpenTubes } from '../sampling/tube.repository.ts';
import { overlapsScope, rulesInForce, rulesOfCampaign, scopeOf } from '../testing-access.ts';
import {
  type CampaignRow,
  campaignsMeeting,
  findCampaign,
  insertCampaign,
  insertPoint,
  insertZones,
  pointsOf,
  updateCampaign,
  upsertZone,
  zonesOf,
} from './campaign.repository.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

export interface ZoneInput {
  jurisdictionId: string;
  zoneType: ZoneType;
  poolSize?: number;
  household?: boolean;
}

export interface NewCampaign {
  name: string;
  jurisdictionId: string;
  startsAt: string;
  endsAt?: string;
  defaultPoolSize?: number;
  zones?: ZoneInput[];
}

/** A pool the protocol allows for the zone type, or a 400 naming the allowed sizes. */
function pool(rules: TestingRules, zone: ZoneInput, field: string) {
  const decision = choosePool(rules, zone.zoneType, { size: zone.poolSize, household: zone.household });
  if (decision.decision === 'refused') throw invalid(field, 'poolSizeNotAllowed', { allowed: decision.allowed.join(' / ') });
  return decision;
}

async function zoneRows(db: Db, rules: TestingRules, campaign: { id: string; jurisdictionPath: string }, zones: ZoneInput[]) {
  const rows = [];
  for (const [index, zone] of zones.entries()) {
    const where = await findJurisdictionById(db, zone.jurisdictionId);
    if (!where?.path.startsWith(campaign.jurisdictionPath)) throw invalid(`zones.${index}.jurisdictionId`, 'zoneOutsideCampaign');
    const chosen = pool(rules, zone, `zones.${index}.poolSize`);
    rows.push({
      campaignId: campaign.id,
      zoneType: zone.zoneType,
      poolSize: chosen.size,
      household: chosen.household,
      jurisdictionId: where.id,
      jurisdictionPath: where.path,
    });
  }
  return rows;
}

async function managedJurisdiction(db: Db, context: RequestContext, id: string): Promise<JurisdictionRow> {
  const where = await findJurisdictionById(db, id);
  if (!where || !pathInScope(where.path, scopeOf(context, 'testing.manage'))) throw forbidden('jurisdictionId');
  return where;
}

/** Opens a campaign under the edition in force now: its default pool and zones checked against that edition. */
export async function createCampaign(deps: Deps, context: RequestContext, input: NewCampaign) {
  const db = deps.database.db;
  const where = await managedJurisdiction(db, context, input.jurisdictionId);
  const { edition, profile, rules } = await rulesInForce(db, deps.clock(), where.path);
  const general = pool(rules, { jurisdictionId: where.id, zoneType: 'general', poolSize: input.defaultPoolSize }, 'defaultPoolSize');
  if (input.endsAt && input.endsAt <= input.startsAt) throw invalid('endsAt', 'endsBeforeStart');
  return db.transaction(async (tx) => {
    const campaign = await insertCampaign(tx, {
      name: input.name,
      editionId: edition.id,
      profileId: profile?.id ?? null,
      startsAt: new Date(input.startsAt),
      endsAt: input.endsAt ? new Date(input.endsAt) : null,
      defaultZoneType: 'general',
      defaultPoolSize: general.size,
      jurisdictionId: where.id,
      jurisdictionPath: where.path,
      createdBy: context.actor.userId,
    });
    await insertZones(tx, await zoneRows(tx, rules, campaign, input.zones ?? []));
    await recordAudit(tx, context, {
      action: 'testing.createCampaign',
      entityType: 'test_campaign',
      entityId: campaign.id,
      jurisdictionPath: where.path,
      after: {
        name: input.name,
        edition: edition.id,
        profile: profile?.id ?? null,
        defaultPoolSize: general.size,
        zones: input.zones ?? [],
      },
    });
    return campaign;
  });
}

/** A campaign the caller's scope meets for the permission, or "not found". */
export async function campaignInScope(db: Db, context: RequestContext, id: string, permission: Parameters<typeof scopeOf>[1]) {
  const campaign = await findCampaign(db, id);
  if (!campaign || !overlapsScope(campaign.jurisdictionPath, scopeOf(context, permission))) throw notFound('id');
  return campaign;
}

/** Managing needs the whole campaign inside the caller's scope. */
async function managedCampaign(db: Db, context: RequestContext, id: string): Promise<CampaignRow> {
  const campaign = await findCampaign(db, id);
  if (!campaign || !pathInScope(campaign.jurisdictionPath, scopeOf(context, 'testing.manage'))) throw notFound('id');
  return campaign;
}

function open(campaign: CampaignRow): CampaignRow {
  if (campaign.status !== 'open') throw new AppError('conflict', 'campaignClosed', 'id');
  return campaign;
}

export function campaignSummary(campaign: CampaignRow) {
  return {
    id: campaign.id,
    name: campaign.name,
    editionId: campaign.editionId,
    status: campaign.status,
    startsAt: campaign.startsAt.toISOString(),
    endsAt: campaign.endsAt?.toISOString() ?? null,
    closedAt: campaign.closedAt?.toISOString() ?? null,
    defaultPoolSize: campaign.defaultPoolSize,
    jurisdictionId: campaign.jurisdictionId,
  };
}

export async function listCampaigns(deps: Deps, context: RequestContext, limit: number, offset: number) {
  const page = await campaignsMeeting(deps.database.db, scopeOf(context, 'testing.read'), limit, offset);
  return {
    total: page.total,
    items: page.items.map((row) => ({ ...campaignSummary(row.campaign), jurisdictionName: row.jurisdictionName })),
  };
}

export async function campaignDetail(deps: Deps, context: RequestContext, id: string) {
  const db = deps.database.db;
  const campaign = await campaignInScope(db, context, id, 'testing.read');
  const [zones, points, controlZones] = await Promise.all([
    zonesOf(db, id),
    pointsOf(db, id, scopeOf(context, 'testing.read')),
    zonesUnder(db, [campaign.jurisdictionPath], 'active', 200),
  ]);
  const rules = await rulesOfCampaign(db, campaign);
  return {
    ...campaignSummary(campaign),
    zones: zones.map((z) => ({ jurisdictionId: z.jurisdictionId, zoneType: z.zoneType, poolSize: z.poolSize, household: z.household })),
    points: points.map(pointSummary),
    // Control zones drawn inside the campaign (issue 14): their residents are pooled as the zone type allows.
    controlZones: controlZones.map((z) => {
      const pooled = choosePool(rules, z.zoneType as ZoneType);
      return { zoneId: z.id, name: z.name, zoneType: z.zoneType, poolSize: pooled.size, allowed: pooled.allowed };
    }),
  };
}

export async function setZone(deps: Deps, context: RequestContext, id: string, zone: ZoneInput) {
  const db = deps.database.db;
  const campaign = open(await managedCampaign(db, context, id));
  const [row] = await zoneRows(db, await rulesOfCampaign(db, campaign), campaign, [zone]);
  if (!row) throw invalid('jurisdictionId', 'zoneOutsideCampaign');
  return db.transaction(async (tx) => {
    const saved = await upsertZone(tx, row);
    await recordAudit(tx, context, {
      action: 'testing.setZone',
      entityType: 'campaign_zone',
      entityId: saved.id,
      jurisdictionPath: saved.jurisdictionPath,
      after: { campaignId: id, zoneType: saved.zoneType, poolSize: saved.poolSize, household: saved.household },
    });
    return { jurisdictionId: saved.jurisdictionId, zoneType: saved.zoneType, poolSize: saved.poolSize, household: saved.household };
  });
}

export interface NewPoint {
  name: string;
  jurisdictionId: string;
  address?: string;
  opensAt: string;
  closesAt: string;
  staff: number;
  expectedResidents: number;
  labName?: string;
}

export function pointSummary(point: Awaited<ReturnType<typeof insertPoint>>) {
  const { id, name, address, opensAt, closesAt, staff, expectedResidents, labName, jurisdictionId } = point;
  return { id, name, address, opensAt, closesAt, staff, expectedResidents, labName, jurisdictionId };
}

export async function addPoint(deps: Deps, context: RequestContext, id: string, input: NewPoint) {
  const db = deps.database.db;
  const campaign = open(await managedCampaign(db, context, id));
  const where = await findJurisdictionById(db, input.jurisdictionId);
  if (!where?.path.startsWith(campaign.jurisdictionPath)) throw invalid('jurisdictionId', 'pointOutsideCampaign');
  if (input.closesAt <= input.opensAt) throw invalid('closesAt', 'endsBeforeStart');
  return db.transaction(async (tx) => {
    const point = await insertPoint(tx, { ...input, campaignId: id, jurisdictionId: where.id, jurisdictionPath: where.path });
    await recordAudit(tx, context, {
      action: 'testing.addPoint',
      entityType: 'collection_point',
      entityId: point.id,
      jurisdictionPath: where.path,
      after: { campaignId: id, ...input },
    });
    return pointSummary(point);
  });
}

/** Closing ends sampling; tubes still open are closed with what they hold and go to the lab. */
export async function closeCampaign(deps: Deps, context: RequestContext, id: string) {
  const db = deps.database.db;
  const campaign = open(await managedCampaign(db, context, id));
  const now = deps.clock();
  return db.transaction(async (tx) => {
    await updateCampaign(tx, id, { status: 'closed', closedAt: now });
    const tubes = await closeOpenTubes(tx, id, now);
    await recordAudit(tx, context, {
      action: 'testing.closeCampaign',
      entityType: 'test_campaign',
      entityId: id,
      jurisdictionPath: campaign.jurisdictionPath,
      before: { status: campaign.status },
      after: { status: 'closed', tubesClosed: tubes },
    });
    return { ...campaignSummary({ ...campaign, status: 'closed', closedAt: now }), tubesClosed: tubes };
  });
}
