import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../app-deps.ts';
import { contextOf } from '../../http/request-context.ts';
import { type Api, errorResponses, IdParams, Nullable, Uuid } from '../../http/schemas.ts';
import { addRooms, listSites, siteDetail } from './site.service.ts';

const Capacity = {
  beds: Type.Integer(),
  occupied: Type.Integer(),
  free: Type.Integer(),
  ratio: Type.Number(),
  alert: Type.Boolean(),
  full: Type.Boolean(),
  noRooms: Type.Boolean(),
};

export function siteRoutes(api: Api, deps: AppDeps) {
  api.get(
    '/quarantine-sites',
    {
      config: { permission: 'site.read' },
      schema: {
        tags: ['quarantine-sites'],
        summary: 'Quarantine sites in my scope with beds and occupancy (alert at 90 %)',
        response: {
          200: Type.Array(
            Type.Object({
              id: Uuid,
              name: Type.String(),
              jurisdictionId: Uuid,
              jurisdictionPath: Type.String(),
              address: Nullable(Type.String()),
              rooms: Type.Integer(),
              ...Capacity,
            }),
          ),
          ...errorResponses,
        },
      },
    },
    (request) => listSites(deps, contextOf(request)),
  );
  api.get(
    '/quarantine-sites/:id',
    {
      config: { permission: 'site.read' },
      schema: {
        tags: ['quarantine-sites'],
        summary: 'A site with its rooms',
        params: IdParams,
        response: {
          200: Type.Object({
            id: Uuid,
            name: Type.String(),
            address: Nullable(Type.String()),
            rooms: Type.Array(Type.Object({ id: Uuid, code: Type.String(), beds: Type.Integer(), occupied: Type.Integer() })),
            ...Capacity,
          }),
          ...errorResponses,
        },
      },
    },
    (request) => siteDetail(deps, contextOf(request), request.params.id),
  );
  api.post(
    '/quarantine-sites/:id/rooms',
    {
      config: { permission: 'site.manage' },
      schema: {
        tags: ['quarantine-sites'],
        summary: 'Add numbered rooms with beds',
        params: IdParams,
        body: Type.Object(
          {
            prefix: Type.String({ minLength: 1, maxLength: 10 }),
            count: Type.Integer({ minimum: 1, maximum: 2000 }),
            beds: Type.Integer({ minimum: 1, maximum: 20 }),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ created: Type.Integer() }), ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await addRooms(deps, contextOf(request), request.params.id, request.body)),
  );
}
