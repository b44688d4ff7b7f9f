import { ID_TYPES } from '@fangkong/core';
import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../app-deps.ts';
import { contextOf } from '../../http/request-context.ts';
import { type Api, errorResponses, IdParams, Nullable, Page, PageQuery, pageWindow, Uuid } from '../../http/schemas.ts';
import { CalendarDateString, Category } from '../key-persons/key-person.schemas.ts';
import { acceptAssistRequest, assistRequestList, receiveAssistRequest, returnAssistRequest } from './assist-request.service.ts';

const tags = ['assist-requests'];

const AssistRequestItem = Type.Object({
  id: Uuid,
  sourceOrg: Type.String(),
  documentNumber: Nullable(Type.String()),
  category: Type.String(),
  startDate: Type.String(),
  name: Type.String(),
  idMasked: Type.String(),
  phoneMasked: Nullable(Type.String()),
  addressMasked: Type.String(),
  routedBy: Nullable(Type.String()),
  jurisdictionId: Uuid,
  jurisdictionName: Type.String(),
  status: Type.String(),
  decisionReason: Nullable(Type.String()),
  episodeId: Nullable(Uuid),
  createdAt: Type.String(),
});
const Decision = Type.Object({ id: Uuid, status: Type.String(), personId: Nullable(Uuid), episodeId: Nullable(Uuid) });

export function assistRequestRoutes(api: Api, deps: AppDeps) {
  api.post(
    '/assist-requests',
    {
      config: { permission: 'keyPerson.write' },
      schema: {
        tags,
        summary: 'Receive an assist request (协查) and route it to the community of the address',
        body: Type.Object(
          {
            sourceOrg: Type.String({ minLength: 2, maxLength: 100 }),
            documentNumber: Type.Optional(Type.String({ maxLength: 60 })),
            category: Category,
            startDate: CalendarDateString,
            name: Type.String({ minLength: 1, maxLength: 60 }),
            idType: Type.Union(ID_TYPES.map((t) => Type.Literal(t))),
            idNumber: Type.String({ minLength: 1, maxLength: 40 }),
            phone: Type.Optional(Type.String({ maxLength: 20 })),
            address: Type.String({ minLength: 4, maxLength: 200 }),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({ id: Uuid, jurisdictionId: Uuid, jurisdictionName: Type.String(), routedBy: Nullable(Type.String()) }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => reply.status(201).send(await receiveAssistRequest(deps, contextOf(request), request.body)),
  );
  api.get(
    '/assist-requests',
    {
      config: { permission: 'keyPerson.read' },
      schema: {
        tags,
        summary: 'Assist requests routed into my scope',
        querystring: Type.Object({ status: Type.Optional(Type.String({ maxLength: 20 })), ...PageQuery }, { additionalProperties: false }),
        response: { 200: Page(AssistRequestItem), ...errorResponses },
      },
    },
    (request) => {
      const { limit, offset } = pageWindow(request.query);
      return assistRequestList(deps, contextOf(request), request.query.status, limit, offset);
    },
  );
  api.post(
    '/assist-requests/:id/accept',
    {
      config: { permission: 'keyPerson.write' },
      schema: {
        tags,
        summary: 'Accept: register the person and start management (optionally in a community below the routed town)',
        params: IdParams,
        body: Type.Object({ jurisdictionId: Type.Optional(Uuid) }, { additionalProperties: false }),
        response: { 200: Decision, ...errorResponses },
      },
    },
    (request) => acceptAssistRequest(deps, contextOf(request), request.params.id, request.body.jurisdictionId),
  );
  api.post(
    '/assist-requests/:id/return',
    {
      config: { permission: 'keyPerson.write' },
      schema: {
        tags,
        summary: 'Return with a reason (e.g. not at this address)',
        params: IdParams,
        body: Type.Object({ reason: Type.String({ minLength: 2, maxLength: 200 }) }, { additionalProperties: false }),
        response: { 200: Decision, ...errorResponses },
      },
    },
    (request) => returnAssistRequest(deps, contextOf(request), request.params.id, request.body.reason),
  );
}
