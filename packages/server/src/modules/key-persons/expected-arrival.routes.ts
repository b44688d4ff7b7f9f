import { ID_TYPES } from '@fangkong/core';
import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../app-deps.ts';
import { contextOf } from '../../http/request-context.ts';
import { type Api, errorResponses, IdParams, literals, Nullable, objectOf, Uuid } from '../../http/schemas.ts';
import { cancelArrival, listExpectedArrivals, markArrived, receiveArrivalFeed } from './expected-arrival.service.ts';
import { CalendarDateString } from './key-person.schemas.ts';

const tags = ['key-persons'];

const ExpectedArrival = Type.Object({
  id: Uuid,
  personId: Uuid,
  name: Type.String(),
  idMasked: Type.String(),
  origin: Type.String(),
  expectedArrivalDate: Type.String(),
  status: Type.String(),
  source: Type.String(),
  feedReference: Type.String(),
  siteId: Uuid,
  siteName: Type.String(),
  roomId: Uuid,
  roomCode: Type.String(),
  episodeId: Nullable(Uuid),
  cancelReason: Nullable(Type.String()),
});

const ArrivalOutcome = Type.Object({ id: Uuid, status: Type.String(), episodeId: Nullable(Uuid) });

/** LVL-IV-09, SC-13 (seed 002 §九(一)9): expected inbound persons from the police's big-data leads, each with a reserved bed. */
export function expectedArrivalRoutes(api: Api, deps: AppDeps) {
  api.post(
    '/key-persons/expected-arrivals',
    {
      config: { permission: 'keyPerson.write' },
      schema: {
        tags,
        summary:
          'Receive the police big-data feed of expected inbound persons: a pre-arrival record and a reserved centralized quarantine bed for each (all or none)',
        body: objectOf({
          jurisdictionId: Uuid,
          feedReference: Type.String({ minLength: 1, maxLength: 100 }),
          persons: Type.Array(
            objectOf({
              idType: literals(ID_TYPES),
              idNumber: Type.String({ minLength: 1, maxLength: 40 }),
              name: Type.String({ minLength: 1, maxLength: 40 }),
              phone: Type.Optional(Type.String({ minLength: 3, maxLength: 20 })),
              origin: Type.String({ minLength: 1, maxLength: 100 }),
              expectedArrivalDate: CalendarDateString,
            }),
            { minItems: 1, maxItems: 200 },
          ),
        }),
        response: { 201: Type.Object({ created: Type.Integer(), ids: Type.Array(Uuid) }), ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await receiveArrivalFeed(deps, contextOf(request), request.body)),
  );
  api.get(
    '/key-persons/expected-arrivals',
    {
      config: { permission: 'keyPerson.read' },
      schema: {
        tags,
        summary: 'Pre-arrival records in my scope with their reserved site and room (ID masked)',
        querystring: objectOf({ jurisdictionId: Type.Optional(Uuid) }),
        response: { 200: Type.Object({ items: Type.Array(ExpectedArrival) }), ...errorResponses },
      },
    },
    (request) => listExpectedArrivals(deps, contextOf(request), request.query.jurisdictionId),
  );
  api.post(
    '/key-persons/expected-arrivals/:id/arrived',
    {
      config: { permission: 'keyPerson.write' },
      schema: {
        tags,
        summary: 'The expected person arrived: registered as an inbound traveller in the reserved bed (SC-13, LVL-IV-09)',
        params: IdParams,
        response: { 200: ArrivalOutcome, ...errorResponses },
      },
    },
    (request) => markArrived(deps, contextOf(request), request.params.id),
  );
  api.post(
    '/key-persons/expected-arrivals/:id/cancel',
    {
      config: { permission: 'keyPerson.write' },
      schema: {
        tags,
        summary: 'Cancel a reservation with its reason; the bed is free again',
        params: IdParams,
        body: objectOf({ reason: Type.String({ minLength: 1, maxLength: 200 }) }),
        response: { 200: ArrivalOutcome, ...errorResponses },
      },
    },
    (request) => cancelArrival(deps, contextOf(request), request.params.id, request.body.reason),
  );
}
