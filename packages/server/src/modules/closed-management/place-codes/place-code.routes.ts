import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../../app-deps.ts';
import { contextOf } from '../../../http/request-context.ts';
import { type Api, errorResponses, IdParams, Uuid } from '../../../http/schemas.ts';
import { tags } from '../closed-management.schemas.ts';
import { codeForPlace, listPlaceCodes, placeCodePoster } from './place-code.service.ts';

const PlaceCode = Type.Object({
  id: Uuid,
  placeId: Uuid,
  placeName: Type.String(),
  placeKind: Type.String(),
  code: Type.String(),
  status: Type.String(),
});

export function placeCodeRoutes(api: Api, deps: AppDeps) {
  api.post(
    '/places/:id/code',
    {
      config: { permission: 'place.code' },
      schema: {
        tags,
        summary: "A place's code (场所码), made on first ask",
        params: IdParams,
        response: { 200: PlaceCode, ...errorResponses },
      },
    },
    (request) => codeForPlace(deps, contextOf(request), request.params.id),
  );
  api.get(
    '/place-codes',
    {
      config: { permission: 'place.code' },
      schema: {
        tags,
        summary: 'Place codes in my scope',
        response: { 200: Type.Object({ items: Type.Array(PlaceCode) }), ...errorResponses },
      },
    },
    (request) => listPlaceCodes(deps, contextOf(request)),
  );
  api.get(
    '/place-codes/:id/poster',
    {
      config: { permission: 'place.code' },
      schema: { tags, summary: 'Printable poster (PDF, A4) with the QR', params: IdParams, produces: ['application/pdf'] },
    },
    async (request, reply) => {
      const pdf = await placeCodePoster(deps, contextOf(request), request.params.id);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="place-code-${request.params.id}.pdf"`)
        .send(pdf);
    },
  );
}
