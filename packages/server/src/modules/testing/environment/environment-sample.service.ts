import {
  conflict,
  type EnvironmentSpecimenKind,
  environmentRulesOf,
  environmentSampleProblems,
  forbidden,
  invalid,
  notFound,
  pathInScope,
} from '@fangkong/core';
import type { AppDeps } from '../../../app-deps.ts';
import { recordAudit } from '../../../audit/audit.service.ts';
import type { RequestContext } from '../../../http/context.ts';
import { findPlaceById } from '../../places/place.repository.ts';
import { checkBarcode } from '../sampling/scan.service.ts';
import { findTubeByBarcode, insertTube } from '../sampling/tube.repository.ts';
import { isUniqueViolation, rulesInForce, scopeOf } from '../testing-access.ts';
import { insertEnvironmentSample } from './environment-sample.repository.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

export interface EnvironmentSampleInput {
  placeId: string;
  barcode: string;
  specimenKind: EnvironmentSpecimenKind;
  goodsDescription?: string;
  coldChain?: boolean;
  imported?: boolean;
  originCountry?: string;
  batchNumber?: string;
  /** When it was taken; now when left out. */
  sampledAt?: string;
  labName?: string;
  note?: string;
}

const trimmed = (value: string | undefined) => (value?.trim() ? value.trim() : null);

/** The place in the caller's sampling scope (another jurisdiction's place is not found), and the sample's checks. */
async function checkedPlace(deps: Deps, context: RequestContext, input: EnvironmentSampleInput) {
  const scope = scopeOf(context, 'testing.sample');
  if (scope.length === 0) throw forbidden();
  const place = await findPlaceById(deps.database.db, input.placeId);
  if (!place || !pathInScope(place.jurisdictionPath, scope)) throw notFound('placeId');
  const [problem] = environmentSampleProblems({ ...input, placeKind: place.kind });
  if (problem) throw invalid(problem.field, problem.code);
  return place;
}

function sampledAtOf(input: EnvironmentSampleInput, now: Date): Date {
  const at = input.sampledAt ? new Date(input.sampledAt) : now;
  if (at.getTime() > now.getTime()) throw invalid('sampledAt', 'futureDate');
  return at;
}

/**
 * An environment or goods sample of a place (TEST-014): its own closed tube of one specimen and no
 * people, filed under the place's jurisdiction, so the lab import finds and results it by barcode.
 */
export async function registerEnvironmentSample(deps: Deps, context: RequestContext, input: EnvironmentSampleInput) {
  const db = deps.database.db;
  const place = await checkedPlace(deps, context, input);
  checkBarcode(input.barcode);
  if (await findTubeByBarcode(db, input.barcode)) throw conflict('barcode', 'tubeExists');
  const sampledAt = sampledAtOf(input, deps.clock());
  const { edition, rules } = await rulesInForce(db, sampledAt, place.jurisdictionPath);
  environmentRulesOf(rules);
  const goods = {
    goodsDescription: trimmed(input.goodsDescription),
    coldChain: input.coldChain ?? false,
    imported: input.imported ?? false,
    originCountry: trimmed(input.originCountry),
    batchNumber: trimmed(input.batchNumber),
  };
  const written = db.transaction(async (tx) => {
    const tube = await insertTube(tx, {
      barcode: input.barcode,
      poolSize: 1,
      zoneType: 'general',
      setting: 'environment',
      status: 'closed',
      memberCount: 1,
      openedAt: sampledAt,
      closedAt: sampledAt,
      labName: trimmed(input.labName),
      editionId: edition.id,
      jurisdictionPath: place.jurisdictionPath,
      createdBy: context.actor.userId,
    });
    const id = await insertEnvironmentSample(tx, {
      tubeId: tube.id,
      placeId: place.id,
      specimenKind: input.specimenKind,
      ...goods,
      note: trimmed(input.note),
      sampledAt,
      sampledBy: context.actor.userId,
      editionId: edition.id,
      jurisdictionId: place.jurisdictionId,
      jurisdictionPath: place.jurisdictionPath,
    });
    const after = {
      placeId: place.id,
      barcode: input.barcode,
      specimenKind: input.specimenKind,
      ...goods,
      sampledAt: sampledAt.toISOString(),
    };
    await recordAudit(tx, context, {
      action: 'testing.environmentSample',
      entityType: 'environment_sample',
      entityId: id,
      jurisdictionPath: place.jurisdictionPath,
      after,
    });
    return { id, tubeId: tube.id, editionId: edition.id, placeName: place.name, ...after };
  });
  return written.catch((error: unknown) => {
    throw isUniqueViolation(error, 'tube_barcode_unique') ? conflict('barcode', 'tubeExists') : error;
  });
}
