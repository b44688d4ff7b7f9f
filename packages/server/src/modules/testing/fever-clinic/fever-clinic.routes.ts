import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../../app-deps.ts';
import { contextOf } from '../../../http/request-context.ts';
import { type Api, errorResponses, IdParams, Page, PageQuery, pageWindow, Uuid } from '../../../http/schemas.ts';
import { tags } from '../testing.schemas.ts';
import { CloseBody, ItemParams, ResultBody, VisitBody, VisitDetail, VisitItem } from './fever-clinic.schemas.ts';
import { closeVisit } from './fever-clinic-close.service.ts';
import { recordItemResult } from './fever-clinic-order.service.ts';
import { listVisits, visitDetail } from './fever-clinic-query.service.ts';
import { registerVisit } from './fever-clinic-visit.service.ts';

/** The fever-clinic four-item screen (TEST-009, KP-K03, MED-003): reception, results, outcome. */
export function feverClinicRoutes(api: Api, deps: AppDeps) {
  api.post(
    '/testing/fever-clinic/visits',
    {
      config: { permission: 'testing.sample' },
      schema: {
        tags,
        summary: 'Register a fever patient at a fever clinic: the four items are ordered at once, the nucleic acid test in a single tube',
        body: VisitBody,
        response: { 201: VisitDetail, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await registerVisit(deps, contextOf(request), request.body)),
  );
  api.get(
    '/testing/fever-clinic/visits',
    {
      config: { permission: 'testing.read' },
      schema: {
        tags,
        summary: 'Fever-clinic visits in my scope, newest first (names masked)',
        querystring: Type.Object(
          {
            jurisdictionId: Type.Optional(Uuid),
            placeId: Type.Optional(Uuid),
            status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('closed')])),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: { 200: Page(VisitItem), ...errorResponses },
      },
    },
    (request) => listVisits(deps, contextOf(request), { ...request.query, ...pageWindow(request.query) }),
  );
  api.get(
    '/testing/fever-clinic/visits/:id',
    {
      config: { permission: 'testing.read' },
      schema: {
        tags,
        summary: 'One visit: its four orders with their results, and the outcomes the results allow (with the clauses)',
        params: IdParams,
        response: { 200: VisitDetail, ...errorResponses },
      },
    },
    (request) => visitDetail(deps, contextOf(request), request.params.id),
  );
  api.put(
    '/testing/fever-clinic/visits/:id/orders/:item',
    {
      config: { permission: 'testing.sample' },
      schema: {
        tags,
        summary: "Record an item's result while the visit is open (the nucleic acid tube's lab result, once in, is kept)",
        params: ItemParams,
        body: ResultBody,
        response: { 200: VisitDetail, ...errorResponses },
      },
    },
    (request) => recordItemResult(deps, contextOf(request), request.params.id, request.params.item, request.body.result),
  );
  api.post(
    '/testing/fever-clinic/visits/:id/close',
    {
      config: { permission: 'testing.sample' },
      schema: {
        tags,
        summary:
          'Close with an outcome the four results allow: symptomatic treatment, isolation observation (suspected) or transfer (confirmed)',
        params: IdParams,
        body: CloseBody,
        response: { 200: VisitDetail, ...errorResponses },
      },
    },
    (request) => closeVisit(deps, contextOf(request), request.params.id, request.body.disposition),
  );
}
