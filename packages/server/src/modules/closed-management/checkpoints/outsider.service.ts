import {
  categoryRule,
  type IdType,
  invalid,
  type KeyPersonCategory,
  maskIdNumber,
  maskPhone,
  normalizeIdNumber,
  normalizePhone,
  notFound,
  shanghaiDate,
} from '@fangkong/core';
import type { AppDeps } from '../../../app-deps.ts';
import { recordAudit } from '../../../audit/audit.service.ts';
import type { Db } from '../../../db/client.ts';
import type { RequestContext } from '../../../http/context.ts';
import { findActiveEpisode } from '../../key-persons/episode.repository.ts';
import { registerEpisode } from '../../key-persons/episode.service.ts';
import { findPersonByIdHash } from '../../persons/person.repository.ts';
import { registerPersonIn } from '../../persons/person.service.ts';
import { idLookupHash } from '../../persons/person-record.ts';
import { findPlaceById } from '../../places/place.repository.ts';
import { editionAt } from '../../protocols/protocol-in-force.ts';
import { communityPathOf, type PlaceRow, placeInScope } from '../closed-management-access.ts';
import { insertOutsider } from './checkpoint.repository.ts';

type Deps = Pick<AppDeps, 'database' | 'clock' | 'cipher'>;

export interface NewOutsider {
  name: string;
  idType: IdType;
  idNumber: string;
  phone?: string;
  fromPlace: string;
  reason: string;
  destinationHouseholdId: string;
}

/**
 * The gate registers on the community's behalf (seed 001 §三(二)2: outsiders fill the health
 * registration form and go under home medical observation): the person and the follow-up are written
 * with the community's rights, limited to the destination household's community, under the staff's name.
 */
export function onBehalfOfCommunity(context: RequestContext, household: PlaceRow): RequestContext {
  const grant = { role: 'grid_worker' as const, jurisdictionId: household.jurisdictionId, jurisdictionPath: household.jurisdictionPath };
  return { ...context, actor: { ...context.actor, grants: [grant] } };
}

/** A checkpoint guards its own community: the destination household must lie in it. */
async function destinationOf(db: Db, checkpoint: PlaceRow, householdId: string): Promise<PlaceRow> {
  const household = await findPlaceById(db, householdId);
  if (household?.kind !== 'household' || !household.jurisdictionPath.startsWith(communityPathOf(checkpoint.jurisdictionPath))) {
    throw notFound('destinationHouseholdId');
  }
  return household;
}

async function personFor(tx: Db, deps: Deps, context: RequestContext, input: OutsiderFacts, household: PlaceRow) {
  const existing = await findPersonByIdHash(tx, idLookupHash(deps.cipher, input.idType, input.idNumber));
  if (existing) return existing.id;
  const facts = { idType: input.idType, idNumber: input.idNumber, name: input.name, phone: input.phone ?? null };
  return (await registerPersonIn(tx, deps, context, { ...facts, jurisdictionId: household.jurisdictionId, householdId: household.id })).id;
}

/**
 * The follow-up the edition in force at the destination prescribes for someone arriving from elsewhere: home
 * medical observation of outsiders (seed 001 §三(二)2) where the edition has it, else its arrival category — the
 * district's own edition when it activated one (issue 14, RULES-001).
 */
async function arrivalCategory(db: Db, household: PlaceRow, now: Date): Promise<KeyPersonCategory> {
  const edition = await editionAt(db, household.jurisdictionPath, now);
  return edition && categoryRule(edition, 'returning_outsider') ? 'returning_outsider' : 'risk_area_arrival';
}

/** Who an outsider is, as the gate or the community writes it down (the health registration form, seed 001 §三(二)2). */
export type OutsiderFacts = Pick<NewOutsider, 'name' | 'idType' | 'idNumber' | 'phone' | 'fromPlace' | 'reason'>;

/**
 * An outsider brought under the community's management, in the caller's transaction: the person (found by ID or
 * new, in the household) and the home-observation episode the edition prescribes — the gate's registration and a
 * reported outsider once found (SC-38) both ask here. `context` acts for the household's community.
 */
export async function enrolOutsider(
  tx: Db,
  deps: Deps,
  context: RequestContext,
  household: PlaceRow,
  input: OutsiderFacts,
  source: 'checkpoint' | 'community_report',
) {
  const now = deps.clock();
  const personId = await personFor(tx, deps, context, input, household);
  const category = await arrivalCategory(tx, household, now);
  const episode =
    (await findActiveEpisode(tx, personId, category)) ??
    (await registerEpisode(
      deps,
      context,
      { personId, category, startDate: shanghaiDate(now), source, reason: `${input.fromPlace}：${input.reason}` },
      tx,
    ));
  return { personId, episodeId: episode.id };
}

/** Outsider registration: person (found or new), a home-observation episode for the community, and the registration row. */
export async function registerOutsider(deps: Deps, context: RequestContext, checkpointId: string, input: NewOutsider) {
  const db = deps.database.db;
  const checkpoint = await placeInScope(db, context, checkpointId, 'checkpoint.operate', 'checkpoint');
  const household = await destinationOf(db, checkpoint, input.destinationHouseholdId);
  if (!input.fromPlace.trim()) throw invalid('fromPlace', 'required');
  const community = onBehalfOfCommunity(context, household);
  const now = deps.clock();
  return db.transaction(async (tx) => {
    const { personId, episodeId } = await enrolOutsider(tx, deps, community, household, input, 'checkpoint');
    const row = await insertOutsider(tx, {
      checkpointId: checkpoint.id,
      personId,
      name: input.name,
      idHash: idLookupHash(deps.cipher, input.idType, input.idNumber),
      idMasked: maskIdNumber(normalizeIdNumber(input)),
      phoneMasked: input.phone ? maskPhone(normalizePhone(input.phone)) : null,
      fromPlace: input.fromPlace,
      reason: input.reason,
      destinationHouseholdId: household.id,
      episodeId,
      registeredBy: context.actor.userId,
      registeredAt: now,
      jurisdictionPath: household.jurisdictionPath,
    });
    await recordAudit(tx, context, {
      action: 'checkpoint.outsider.register',
      entityType: 'outsider_registration',
      entityId: row.id,
      jurisdictionPath: household.jurisdictionPath,
      after: { personId, episodeId, checkpointId: checkpoint.id, fromPlace: input.fromPlace },
    });
    return {
      id: row.id,
      personId,
      episodeId,
      idMasked: row.idMasked,
      destinationHouseholdId: household.id,
      registeredAt: now.toISOString(),
    };
  });
}
