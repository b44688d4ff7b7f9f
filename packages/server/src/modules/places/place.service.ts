import { forbidden, notFound, pathInScope, scopePaths } from '@fangkong/core';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../http/context.ts';
import { findJurisdictionById } from '../jurisdictions/jurisdiction.repository.ts';
import { householdMembers } from '../persons/person.repository.ts';
import { findPlaceById, searchPlaces } from './place.repository.ts';

const readScope = (context: RequestContext) => scopePaths(context.actor.grants, 'place.read');

export interface PlaceQuery {
  jurisdictionId?: string;
  kind?: string;
  parentPlaceId?: string;
  q?: string;
  limit: number;
  offset: number;
}

export async function listPlaces(db: Db, context: RequestContext, query: PlaceQuery) {
  const scope = readScope(context);
  let underPath: string | undefined;
  if (query.jurisdictionId) {
    const target = await findJurisdictionById(db, query.jurisdictionId);
    if (!target || !pathInScope(target.path, scope)) throw forbidden('jurisdictionId');
    underPath = target.path;
  }
  return searchPlaces(db, {
    scopePaths: scope,
    underPath,
    kind: query.kind,
    parentPlaceId: query.parentPlaceId,
    namePart: query.q,
    limit: query.limit,
    offset: query.offset,
  });
}

/** A place with its members when it is a household (masked: full values are on the person view). */
export async function placeDetail(db: Db, context: RequestContext, id: string) {
  const found = await findPlaceById(db, id);
  if (!found || !pathInScope(found.jurisdictionPath, readScope(context))) throw notFound('id');
  const members = found.kind === 'household' && pathInScope(found.jurisdictionPath, scopePaths(context.actor.grants, 'person.read'));
  return {
    id: found.id,
    kind: found.kind,
    name: found.name,
    code: found.code,
    parentPlaceId: found.parentPlaceId,
    jurisdictionId: found.jurisdictionId,
    address: found.address,
    attributes: found.attributes,
    members: members ? await householdMembers(db, found.id) : [],
  };
}
