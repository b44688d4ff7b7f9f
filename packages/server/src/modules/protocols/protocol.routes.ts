import { Type } from '@sinclair/typebox';
import { type Api, errorResponses } from '../../http/schemas.ts';
import { protocolList, protocolPlan } from './protocol.service.ts';

const Loose = Type.Record(Type.String(), Type.Unknown());

export function protocolRoutes(api: Api) {
  api.get(
    '/protocols',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['protocols'],
        summary: 'Protocol editions with their legal basis, dates, categories and local profiles',
        response: { 200: Type.Array(Loose), ...errorResponses },
      },
    },
    () => protocolList(),
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
}
