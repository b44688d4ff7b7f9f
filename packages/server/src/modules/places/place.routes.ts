import { PLACE_KINDS } from '@fangkong/core';
import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../app-deps.ts';
import { contextOf } from '../../http/request-context.ts';
import { type Api, errorResponses, IdParams, Nullable, Page, PageQuery, pageWindow, Uuid } from '../../http/schemas.ts';
import { listPlaces, placeDetail } from './place.service.ts';

const PlaceItem = Type.Object({
  id: Uuid,
  kind: Type.String(),
  name: Type.String(),
  code: Type.String(),
  parentPlaceId: Nullable(Uuid),
  jurisdictionId: Uuid,
  jurisdictionName: Type.String(),
  address: Nullable(Type.String()),
});
const PlaceDetail = Type.Object({
  id: Uuid,
  kind: Type.String(),
  name: Type.String(),
  code: Type.String(),
  parentPlaceId: Nullable(Uuid),
  jurisdictionId: Uuid,
  address: Nullable(Type.String()),
  attributes: Type.Record(Type.String(), Type.Unknown()),
  members: Type.Array(Type.Object({ id: Uuid, name: Type.String(), householdRole: Nullable(Type.String()), idMasked: Type.String() })),
});

export function placeRoutes(api: Api, deps: AppDeps) {
  const db = deps.database.db;
  api.get(
    '/places',
    {
      config: { permission: 'place.read' },
      schema: {
        tags: ['places'],
        summary: 'Buildings, units, households and venues inside my scope',
        querystring: Type.Object(
          {
            jurisdictionId: Type.Optional(Uuid),
            kind: Type.Optional(Type.Union(PLACE_KINDS.map((k) => Type.Literal(k)))),
            parentPlaceId: Type.Optional(Uuid),
            q: Type.Optional(Type.String({ maxLength: 40 })),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: { 200: Page(PlaceItem), ...errorResponses },
      },
    },
    (request) => listPlaces(db, contextOf(request), { ...request.query, ...pageWindow(request.query) }),
  );
  api.get(
    '/places/:id',
    {
      config: { permission: 'place.read' },
      schema: {
        tags: ['places'],
        summary: 'One place; a household lists its members',
        params: IdParams,
        response: { 200: PlaceDetail, ...errorResponses },
      },
    },
    (request) => placeDetail(db, contextOf(request), request.params.id),
  );
}
