import { EVENT_PERMIT_STATES } from '@fangkong/core';
import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../app-deps.ts';
import { contextOf } from '../../http/request-context.ts';
import { type Api, errorResponses, IdParams, literals, objectOf, Uuid } from '../../http/schemas.ts';
import { decideEvent, eventList, fileEvent } from './event-permit.service.ts';
import { guestList, registerGuest, revealGuest } from './hotel-guest.service.ts';
import { EventBody, EventSchema, GuestBody, GuestSchema } from './institution.schemas.ts';
import { SHARE_RECIPIENTS, shareOutbox, shareSales } from './pharmacy-sale.service.ts';

const tags = ['institutions'];
const Purpose = objectOf({ purpose: Type.String({ minLength: 1, maxLength: 200 }) });

/** PUB-005: meetings, exams and gatherings filed for approval by the organizer's risk grade (ZONE-012). */
function eventRoutes(api: Api, deps: AppDeps) {
  api.post(
    '/event-permits',
    {
      config: { permission: 'institution.report' },
      schema: {
        tags,
        summary: 'File a meeting, exam or gathering for approval (PUB-005: one plan each; a date past is refused)',
        body: EventBody,
        response: { 201: EventSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await fileEvent(deps, contextOf(request), request.body)),
  );
  api.get(
    '/event-permits',
    {
      config: { permission: 'institution.read' },
      schema: {
        tags,
        summary: 'Filed meetings, exams and gatherings in my scope with the rules’ advice',
        querystring: objectOf({ status: Type.Optional(literals(EVENT_PERMIT_STATES)) }),
        response: { 200: Type.Object({ items: Type.Array(EventSchema) }), ...errorResponses },
      },
    },
    (request) => eventList(deps, contextOf(request), request.query.status),
  );
  api.post(
    '/event-permits/:id/decide',
    {
      config: { permission: 'institution.manage' },
      schema: {
        tags,
        summary: 'Approve or refuse a filing; approval is refused where the grade forbids it and the matter is not urgent (ZONE-012)',
        params: IdParams,
        body: objectOf({ approve: Type.Boolean(), note: Type.Optional(Type.String({ maxLength: 500 })) }),
        response: { 200: EventSchema, ...errorResponses },
      },
    },
    (request) => decideEvent(deps, contextOf(request), request.params.id, request.body),
  );
}

/** PUB-007: hotel guests registered, masked, revealed with a purpose; key-area guests reported to the community. */
function guestRoutes(api: Api, deps: AppDeps) {
  api.post(
    '/institutions/:id/guests',
    {
      config: { permission: 'institution.report' },
      schema: {
        tags,
        summary: 'A hotel registers a guest (PUB-007); a guest from a key area is reported to the community as a task',
        params: IdParams,
        body: GuestBody,
        response: { 201: GuestSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await registerGuest(deps, contextOf(request), request.params.id, request.body)),
  );
  api.get(
    '/hotel-guests',
    {
      config: { permission: 'institution.read' },
      schema: {
        tags,
        summary: 'Hotel guests in my scope, personal data masked',
        querystring: objectOf({ institutionId: Type.Optional(Uuid) }),
        response: { 200: Type.Object({ items: Type.Array(GuestSchema) }), ...errorResponses },
      },
    },
    (request) => guestList(deps, contextOf(request), request.query.institutionId),
  );
  api.post(
    '/hotel-guests/:id/reveal',
    {
      config: { permission: 'institution.read' },
      schema: {
        tags,
        summary: 'A guest in full, with a stated purpose; every view is audited',
        params: IdParams,
        body: Purpose,
        response: {
          200: Type.Object({ id: Uuid, name: Type.String(), idNumber: Type.String(), phone: Type.Union([Type.String(), Type.Null()]) }),
          ...errorResponses,
        },
      },
    },
    (request) => revealGuest(deps, contextOf(request), request.params.id, request.body.purpose),
  );
}

/** PHAR-002 / SC-61: the queued real-name sales handed to the department or the provincial platform. */
function shareRoutes(api: Api, deps: AppDeps) {
  api.get(
    '/pharmacy-sales/outbox',
    {
      config: { permission: 'institution.manage' },
      schema: {
        tags,
        summary: 'How many real-name sales in my scope wait to be shared (PHAR-002)',
        response: {
          200: Type.Object({ pending: Type.Integer(), oldestSoldAt: Type.Union([Type.String(), Type.Null()]) }),
          ...errorResponses,
        },
      },
    },
    (request) => shareOutbox(deps, contextOf(request)),
  );
  api.post(
    '/pharmacy-sales/share',
    {
      config: { permission: 'institution.manage' },
      schema: {
        tags,
        summary:
          'Hand the queued sales in my scope to the department or the provincial platform, in full, once each; audited (PHAR-002, SC-61)',
        body: objectOf({ recipient: literals(SHARE_RECIPIENTS), purpose: Type.String({ minLength: 1, maxLength: 200 }) }),
        response: {
          200: Type.Object({
            recipient: Type.String(),
            sharedAt: Type.String(),
            count: Type.Integer(),
            items: Type.Array(
              Type.Object({
                id: Uuid,
                pharmacyName: Type.String(),
                soldAt: Type.String(),
                buyerName: Type.String(),
                buyerIdNumber: Type.String(),
                buyerPhone: Type.String(),
                drugName: Type.String(),
                drugClass: Type.String(),
                quantity: Type.Integer(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    (request) => shareSales(deps, contextOf(request), request.body),
  );
}

/** Public places, pharmacies' sharing and events (issue 16 part 2: PUB-005, PUB-007, PHAR-002). */
export function permitsGuestsRoutes(api: Api, deps: AppDeps) {
  eventRoutes(api, deps);
  guestRoutes(api, deps);
  shareRoutes(api, deps);
}
