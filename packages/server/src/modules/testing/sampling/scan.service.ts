import {
  AppError,
  barcodeProblem,
  conflict,
  fitsTube,
  type IdType,
  invalid,
  maskName,
  notFound,
  pathInScope,
  payerFor,
  strictestZoneType,
  type ZoneAssignment,
  type ZoneType,
  zoneFor,
} from '@fangkong/core';
import type { AppDeps } from '../../../app-deps.ts';
import { recordAudit } from '../../../audit/audit.service.ts';
import type { Db } from '../../../db/client.ts';
import type { RequestContext } from '../../../http/context.ts';
import { findPersonById, findPersonByIdHash, type PersonRow } from '../../persons/person.repository.ts';
import { idLookupHash } from '../../persons/person-record.ts';
import { zoneTypesOfPerson } from '../../zones/residence-facts.ts';
import { type CampaignRow, findPointWithCampaign, type PointRow } from '../campaigns/campaign.repository.ts';
import { isUniqueViolation, rulesOfCampaign, scopeOf } from '../testing-access.ts';
import { householdSize } from './sampling.repository.ts';
import {
  closeTube,
  findTubeByBarcode,
  insertCampaignSample,
  openTube,
  setTubeHousehold,
  type TubeRow,
  takePlace,
} from './tube.repository.ts';

type Deps = Pick<AppDeps, 'database' | 'clock' | 'cipher'>;

export interface PersonCode {
  personId?: string;
  idType?: IdType;
  idNumber?: string;
}

export interface ScanInput extends PersonCode {
  barcode: string;
}

export function checkBarcode(barcode: string): void {
  const problem = barcodeProblem(barcode);
  if (problem) throw invalid('barcode', problem);
}

/** The resident's code carries their id; an ID card gives type and number, looked up by keyed hash. */
export async function personByCode(deps: Deps, db: Db, code: PersonCode): Promise<PersonRow> {
  if (code.personId) {
    const found = await findPersonById(db, code.personId);
    if (!found) throw notFound('personId');
    return found.person;
  }
  if (!code.idType || !code.idNumber) throw invalid('personId', 'required');
  const found = await findPersonByIdHash(db, idLookupHash(deps.cipher, code.idType, code.idNumber));
  if (!found) throw notFound('idNumber');
  return found;
}

function checkOpen(campaign: CampaignRow, now: Date): void {
  if (campaign.status !== 'open' || (campaign.endsAt && now > campaign.endsAt)) throw new AppError('conflict', 'campaignClosed', 'id');
  if (now < campaign.startsAt) throw new AppError('conflict', 'campaignNotStarted', 'id');
}

interface ScanPlan {
  point: PointRow;
  campaign: CampaignRow;
  person: PersonRow;
  pointZone: ZoneAssignment;
  personZone: ZoneType;
}

async function planScan(deps: Deps, context: RequestContext, pointId: string, input: ScanInput): Promise<ScanPlan> {
  const db = deps.database.db;
  const found = await findPointWithCampaign(db, pointId);
  if (!found || !pathInScope(found.point.jurisdictionPath, scopeOf(context, 'testing.sample'))) throw notFound('id');
  checkOpen(found.campaign, deps.clock());
  checkBarcode(input.barcode);
  const person = await personByCode(deps, db, input);
  if (!person.jurisdictionPath.startsWith(found.campaign.jurisdictionPath)) throw invalid('personId', 'personOutsideCampaign');
  const { campaign, point } = found;
  const zones = found.zones.map((z) => ({ ...z, zoneType: z.zoneType as ZoneType }));
  const fallback = { path: campaign.jurisdictionPath, zoneType: 'general' as const, poolSize: campaign.defaultPoolSize, household: false };
  return {
    point,
    campaign,
    person,
    pointZone: zoneFor(zones, point.jurisdictionPath, fallback),
    // A control zone over the resident's home tightens the campaign's zone (issue 14): the strictest one decides the pool.
    personZone: strictestZoneType([
      zoneFor(zones, person.jurisdictionPath, fallback).zoneType,
      ...(await zoneTypesOfPerson(db, person.id)),
    ]),
  };
}

/** The scanned tube: a new barcode opens a tube with the pool of the point's zone; a used one must be open and here. */
async function tubeFor(tx: Db, plan: ScanPlan, barcode: string, userId: string | null, now: Date): Promise<TubeRow> {
  // Nine scans in ten find their tube open already: look it up before trying to open one.
  const tube =
    (await findTubeByBarcode(tx, barcode)) ??
    (await openTube(tx, {
      barcode,
      campaignId: plan.campaign.id,
      collectionPointId: plan.point.id,
      poolSize: plan.pointZone.poolSize,
      household: plan.pointZone.household,
      zoneType: plan.pointZone.zoneType,
      setting: 'campaign',
      openedAt: now,
      labName: plan.point.labName,
      editionId: plan.campaign.editionId,
      jurisdictionPath: plan.point.jurisdictionPath,
      createdBy: userId,
    }));
  if (tube.collectionPointId !== plan.point.id) throw conflict('barcode', 'tubeElsewhere');
  if (tube.status !== 'open') throw conflict('barcode', 'tubeClosed');
  if (!fitsTube(await rulesOfCampaign(tx, plan.campaign), plan.personZone, tube)) {
    throw invalid('barcode', 'poolTooLargeForZone', { zone: plan.personZone });
  }
  return tube;
}

/** Household tubes take one household only, and are full when all its registered members are in. */
async function capacityOf(tx: Db, tube: TubeRow, person: PersonRow): Promise<number> {
  if (!tube.household) return tube.poolSize;
  if (!person.householdId) throw invalid('personId', 'noHousehold');
  if (tube.householdId && tube.householdId !== person.householdId) throw invalid('personId', 'otherHousehold');
  await setTubeHousehold(tx, tube.id, person.householdId);
  return householdSize(tx, person.householdId);
}

interface ScanWrite {
  context: RequestContext;
  barcode: string;
  payer: string;
  now: Date;
}

/** Inside the scan's transaction: the place in the tube, the sample, its pool member, closing a full tube, the audit. */
async function writeScan(tx: Db, plan: ScanPlan, w: ScanWrite) {
  const { campaign, person, point } = plan;
  const tube = await tubeFor(tx, plan, w.barcode, w.context.actor.userId, w.now);
  const capacity = await capacityOf(tx, tube, person);
  const position = await takePlace(tx, tube.id, capacity);
  if (position === undefined) throw conflict('barcode', 'tubeClosed');
  // A resident already sampled in the campaign fails here on the unique index (campaign, person): see scanAtPoint.
  const sampleId = await insertCampaignSample(
    tx,
    {
      personId: person.id,
      campaignId: campaign.id,
      collectionPointId: point.id,
      purpose: 'campaign',
      payer: w.payer,
      sampledAt: w.now,
      sampledBy: w.context.actor.userId,
      jurisdictionPath: person.jurisdictionPath,
    },
    { tubeId: tube.id, position },
  );
  const closed = position >= capacity;
  if (closed) await closeTube(tx, tube.id, w.now);
  await recordAudit(tx, w.context, {
    action: 'testing.sample',
    entityType: 'sample',
    entityId: sampleId,
    jurisdictionPath: person.jurisdictionPath,
    after: { personId: person.id, barcode: tube.barcode, campaignId: campaign.id, pointId: point.id, position, payer: w.payer },
  });
  return {
    sampleId,
    tube: { id: tube.id, barcode: tube.barcode, poolSize: tube.poolSize, household: tube.household, memberCount: position, closed },
  };
}

/**
 * A scan at a collection point: the resident goes into the open tube of that barcode, which closes
 * when full. Refused after the campaign closed, for a closed or foreign tube, a resident already
 * sampled in the campaign, or a pool larger than the resident's zone allows.
 */
export async function scanAtPoint(deps: Deps, context: RequestContext, pointId: string, input: ScanInput) {
  const plan = await planScan(deps, context, pointId, input);
  const { campaign, person } = plan;
  // A campaign sample is paid as the campaign says whatever groups the person is on (TEST-002).
  const rules = await rulesOfCampaign(deps.database.db, campaign);
  const payer = payerFor(rules, { purpose: 'campaign', groups: [] }).decision ?? rules.payer.campaign;
  const write = { context, barcode: input.barcode, payer, now: deps.clock() };
  try {
    const written = await deps.database.db.transaction((tx) => writeScan(tx, plan, write));
    return { ...written, personId: person.id, personName: maskName(person.name), idMasked: person.idMasked, payer };
  } catch (error) {
    // The unique index (campaign, person) is the check: it holds for two scans of one resident at once too.
    throw isUniqueViolation(error, 'sample_campaign_person_idx') ? conflict('personId', 'alreadySampled') : error;
  }
}
