import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../app-deps.ts';
import { contextOf } from '../../http/request-context.ts';
import { type Api, errorResponses, IdParams, Uuid } from '../../http/schemas.ts';
import { childrenWithCounts, findJurisdictions, jurisdictionDetail, scopeRoots } from './jurisdiction.service.ts';

const Jurisdiction = Type.Object({
  id: Uuid,
  code: Type.String(),
  name: Type.String(),
  level: Type.String(),
  parentId: Type.Union([Uuid, Type.Null()]),
  path: Type.String(),
});

const JurisdictionNode = Type.Composite([
  Jurisdiction,
  Type.Object({ childCount: Type.Integer(), householdCount: Type.Integer(), residentCount: Type.Integer() }),
]);

const tags = ['jurisdictions'];

export function jurisdictionRoutes(api: Api, deps: AppDeps) {
  const db = deps.database.db;
  api.get(
    '/jurisdictions/roots',
    {
      config: { permission: 'jurisdiction.read' },
      schema: { tags, summary: 'The tops of my jurisdiction subtrees', response: { 200: Type.Array(JurisdictionNode), ...errorResponses } },
    },
    (request) => scopeRoots(db, contextOf(request)),
  );
  api.get(
    '/jurisdictions/search',
    {
      config: { permission: 'jurisdiction.read' },
      schema: {
        tags,
        summary: 'Find jurisdictions by name or code inside my scope',
        querystring: Type.Object({ q: Type.String({ minLength: 1, maxLength: 40 }) }, { additionalProperties: false }),
        response: { 200: Type.Array(Jurisdiction), ...errorResponses },
      },
    },
    (request) => findJurisdictions(db, contextOf(request), request.query.q),
  );
  api.get(
    '/jurisdictions/:id',
    {
      config: { permission: 'jurisdiction.read' },
      schema: {
        tags,
        summary: 'One jurisdiction with its ancestors',
        params: IdParams,
        response: { 200: Type.Composite([Jurisdiction, Type.Object({ ancestors: Type.Array(Jurisdiction) })]), ...errorResponses },
      },
    },
    (request) => jurisdictionDetail(db, contextOf(request), request.params.id),
  );
  api.get(
    '/jurisdictions/:id/children',
    {
      config: { permission: 'jurisdiction.read' },
      schema: {
        tags,
        summary: 'Children with counts of households and residents',
        params: IdParams,
        response: { 200: Type.Array(JurisdictionNode), ...errorResponses },
      },
    },
    (request) => childrenWithCounts(db, contextOf(request), request.params.id),
  );
}
