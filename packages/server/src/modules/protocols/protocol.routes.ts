import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../app-deps.ts';
import { contextOf } from '../../http/request-context.ts';
import { type Api, errorResponses } from '../../http/schemas.ts';
import { planInForce } from './plan-in-force.service.ts';
import { protocolPlan } from './protocol.service.ts';
import { protocolListWithDistrict } from './protocol-in-force.ts';

const Loose = Type.Record(Type.String(), Type.Unknown());

export function protocolRoutes(api: Api, deps: AppDeps) {
  api.get(
    '/protocols',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['protocols'],
        summary:
          "Protocol editions with their legal basis, dates, categories and local profiles: the shipped ones and the district's adopted ones",
        response: { 200: Type.Array(Loose), ...errorResponses },
      },
    },
    () => protocolListWithDistrict(deps.database.db),
  );
  api.get(
    '/protocols/plan',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['protocols'],
        summary: 'The plan of a category under an edition from a start date (day 0)',
        querystring: Type.Object(
          {
            edition: Type.String({ maxLength: 40 }),
            category: Type.String({ maxLength: 40 }),
            start: Type.String({ maxLength: 10 }),
            profile: Type.Optional(Type.String({ maxLength: 40 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Loose, ...errorResponses },
      },
    },
    (request) => protocolPlan(request.query),
  );
  api.get(
    '/protocols/plan-in-force',
    {
      config: { permission: 'keyPerson.read' },
      schema: {
        tags: ['protocols'],
        summary:
          "The plan registering a person of the jurisdiction would give from the start date: the edition and local profile in force there (the district's own when active), as registration chooses them",
        querystring: Type.Object(
          {
            jurisdictionId: Type.String({ format: 'uuid' }),
            category: Type.String({ maxLength: 40 }),
            start: Type.String({ maxLength: 10 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Loose, ...errorResponses },
      },
    },
    (request) => planInForce(deps, contextOf(request), request.query),
  );
}
