import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../app-deps.ts';
import { contextOf } from '../../http/request-context.ts';
import { type Api, errorResponses, IdParams, Nullable, pageWindow, Uuid } from '../../http/schemas.ts';
import { alertBadge, listAlerts, resolveAlert } from './alert.service.ts';
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
  api.get(
    '/alerts',
    {
      config: { permission: 'alert.read' },
      schema: {
        tags: ['alerts'],
        summary: 'Open alerts in my scope',
        querystring: Type.Object(
          { page: Type.Integer({ minimum: 1, default: 1 }), pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 50 }) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            total: Type.Integer(),
            items: Type.Array(
              Type.Object({
                id: Uuid,
                kind: Type.String(),
                status: Type.String(),
                episodeId: Type.Union([Uuid, Type.Null()]),
                personName: Nullable(Type.String()),
                siteId: Type.Union([Uuid, Type.Null()]),
                details: Type.Record(Type.String(), Type.Unknown()),
                createdAt: Type.String(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    (request) => {
      const { limit, offset } = pageWindow(request.query);
      return listAlerts(deps, contextOf(request), limit, offset);
    },
  );
  api.get(
    '/alerts/badge',
    {
      config: { permission: 'alert.read' },
      schema: {
        tags: ['alerts'],
        summary: 'Count of my open alerts',
        response: { 200: Type.Object({ open: Type.Integer() }), ...errorResponses },
      },
    },
    (request) => alertBadge(deps, contextOf(request)),
  );
  api.post(
    '/alerts/:id/resolve',
    {
      config: { permission: 'alert.read' },
      schema: {
        tags: ['alerts'],
        summary: 'Resolve an alert with a reason',
        params: IdParams,
        body: Type.Object({ reason: Type.String({ minLength: 2, maxLength: 200 }) }, { additionalProperties: false }),
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await resolveAlert(deps, contextOf(request), request.params.id, request.body.reason);
      return reply.status(204).send(null);
    },
  );
}
