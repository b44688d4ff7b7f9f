import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../app-deps.ts';
import { contextOf } from '../../http/request-context.ts';
import { type Api, errorResponses, IdParams, Nullable, Page, PageQuery, pageWindow, Uuid } from '../../http/schemas.ts';
import { CalendarDateString } from '../key-persons/key-person.schemas.ts';
import { chainDetail, chains, clusters, followUpStatus, serialIntervalOfChains } from './chain.service.ts';
import { caseContacts, confirmContact, contactCandidates, rejectContact } from './contact.service.ts';
import { createEvent, getEvent, listEvents, removeEvent, updateEvent } from './event.service.ts';

const tags = ['tracing'];
const Text2 = Type.Object({ zh: Type.String(), en: Type.String() });
const ContactCategory = Type.Union([Type.Literal('close_contact'), Type.Literal('secondary_contact')]);
const CaseParams = Type.Object({ caseId: Uuid }, { additionalProperties: false });

const CandidateItem = Type.Object({
  personId: Uuid,
  name: Type.String(),
  idMasked: Type.String(),
  kind: Type.String(),
  reason: Text2,
  reasons: Type.Array(Type.Object({ kind: Type.String(), zh: Type.String(), en: Type.String() })),
  suggestedCategory: ContactCategory,
  exposedFrom: Nullable(Type.String()),
  exposedTo: Type.String(),
  outsideJurisdiction: Type.Boolean(),
});
const ContactItem = Type.Object({
  id: Uuid,
  personId: Uuid,
  name: Type.String(),
  idMasked: Type.String(),
  kind: Type.String(),
  reason: Text2,
  status: Type.String(),
  category: Nullable(Type.String()),
  episodeId: Nullable(Uuid),
  episodeStatus: Nullable(Type.String()),
  assistRequestId: Nullable(Uuid),
  decisionNote: Nullable(Type.String()),
  exposedTo: Type.String(),
});
const Decision = Type.Object({
  id: Uuid,
  status: Type.String(),
  category: Nullable(Type.String()),
  episodeId: Nullable(Uuid),
  assistRequestId: Nullable(Uuid),
});
const EventBody = Type.Object(
  {
    name: Type.String({ minLength: 2, maxLength: 100 }),
    kind: Type.Union([Type.Literal('gathering'), Type.Literal('workplace'), Type.Literal('market_day'), Type.Literal('other')]),
    placeId: Type.Optional(Uuid),
    placeText: Type.Optional(Type.String({ maxLength: 200 })),
    fromAt: Type.String({ format: 'date-time' }),
    toAt: Type.String({ format: 'date-time' }),
    participantIds: Type.Array(Uuid, { maxItems: 2000 }),
  },
  { additionalProperties: false },
);
const EventItem = Type.Object({
  id: Uuid,
  name: Type.String(),
  kind: Type.String(),
  placeId: Nullable(Uuid),
  placeText: Nullable(Type.String()),
  fromAt: Type.String(),
  toAt: Type.String(),
  participantIds: Type.Array(Uuid),
});
const ChainNode = Type.Object({
  caseId: Uuid,
  infectorCaseId: Nullable(Uuid),
  depth: Type.Integer(),
  caseNumber: Type.String(),
  classification: Type.String(),
  onsetDate: Nullable(Type.String()),
  name: Type.String(),
  contacts: Type.Integer(),
});
const ChainItem = Type.Object({
  rootId: Uuid,
  caseNumber: Type.String(),
  size: Type.Integer(),
  depth: Type.Integer(),
  contacts: Type.Integer(),
});
const ChainDetail = Type.Object({ rootId: Uuid, truncated: Type.Boolean(), nodes: Type.Array(ChainNode) });

function contactRoutes(api: Api, deps: AppDeps) {
  api.get(
    '/tracing/cases/:caseId/candidates',
    {
      config: { permission: 'keyPerson.read' },
      schema: {
        tags,
        summary: 'Contact candidates of a case with why and the suggested category (household, roster, events, co-location)',
        params: CaseParams,
        response: {
          200: Type.Object({ window: Type.Object({ from: Type.String(), to: Type.String() }), items: Type.Array(CandidateItem) }),
          ...errorResponses,
        },
      },
    },
    (request) => contactCandidates(deps, contextOf(request), request.params.caseId),
  );
  api.get(
    '/tracing/cases/:caseId/contacts',
    {
      config: { permission: 'keyPerson.read' },
      schema: {
        tags,
        summary: 'Confirmed and rejected contacts of a case with their episode status',
        params: CaseParams,
        response: { 200: Type.Array(ContactItem), ...errorResponses },
      },
    },
    (request) => caseContacts(deps, contextOf(request), request.params.caseId),
  );
  const DecisionBody = Type.Object(
    { personId: Uuid, category: Type.Optional(ContactCategory), note: Type.Optional(Type.String({ maxLength: 200 })) },
    { additionalProperties: false },
  );
  api.post(
    '/tracing/cases/:caseId/contacts',
    {
      config: { permission: 'keyPerson.write' },
      schema: {
        tags,
        summary: 'Confirm a candidate: key-person episode in my scope, else an assist request (协查) to theirs',
        params: CaseParams,
        body: DecisionBody,
        response: { 201: Decision, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await confirmContact(deps, contextOf(request), request.params.caseId, request.body)),
  );
  api.post(
    '/tracing/cases/:caseId/rejections',
    {
      config: { permission: 'keyPerson.write' },
      schema: {
        tags,
        summary: 'Reject a candidate with the reason (note)',
        params: CaseParams,
        body: DecisionBody,
        response: { 201: Decision, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await rejectContact(deps, contextOf(request), request.params.caseId, request.body)),
  );
}

function eventRoutes(api: Api, deps: AppDeps) {
  api.get(
    '/tracing/events',
    {
      config: { permission: 'keyPerson.read' },
      schema: {
        tags,
        summary: 'Transmission events in my scope',
        querystring: Type.Object({ ...PageQuery }, { additionalProperties: false }),
        response: { 200: Page(EventItem), ...errorResponses },
      },
    },
    (request) => {
      const { limit, offset } = pageWindow(request.query);
      return listEvents(deps, contextOf(request), limit, offset);
    },
  );
  api.post(
    '/tracing/events',
    {
      config: { permission: 'keyPerson.write' },
      schema: { tags, summary: 'Record an event with its participants', body: EventBody, response: { 201: EventItem, ...errorResponses } },
    },
    async (request, reply) => reply.status(201).send(await createEvent(deps, contextOf(request), request.body)),
  );
  api.get(
    '/tracing/events/:id',
    {
      config: { permission: 'keyPerson.read' },
      schema: { tags, summary: 'One event', params: IdParams, response: { 200: EventItem, ...errorResponses } },
    },
    (request) => getEvent(deps, contextOf(request), request.params.id),
  );
  api.put(
    '/tracing/events/:id',
    {
      config: { permission: 'keyPerson.write' },
      schema: { tags, summary: 'Change an event', params: IdParams, body: EventBody, response: { 200: EventItem, ...errorResponses } },
    },
    (request) => updateEvent(deps, contextOf(request), request.params.id, request.body),
  );
  api.delete(
    '/tracing/events/:id',
    {
      config: { permission: 'keyPerson.write' },
      schema: { tags, summary: 'Delete an event', params: IdParams, response: { 204: Type.Null(), ...errorResponses } },
    },
    async (request, reply) => {
      await removeEvent(deps, contextOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}

function chainRoutes(api: Api, deps: AppDeps) {
  api.get(
    '/chains',
    {
      config: { permission: 'keyPerson.read' },
      schema: {
        tags,
        summary: 'Transmission chains: a page of root cases with every case below them (one recursive query per page)',
        querystring: Type.Object(
          { from: Type.Optional(CalendarDateString), to: Type.Optional(CalendarDateString), ...PageQuery },
          { additionalProperties: false },
        ),
        response: { 200: Page(ChainItem), ...errorResponses },
      },
    },
    (request) => {
      const { limit, offset } = pageWindow(request.query);
      return chains(deps, contextOf(request), { from: request.query.from, to: request.query.to }, limit, offset);
    },
  );
  api.get(
    '/chains/:id',
    {
      config: { permission: 'keyPerson.read' },
      schema: {
        tags,
        summary: 'The cases of one chain (by its root case), nearest generations first, at most `limit`',
        params: IdParams,
        querystring: Type.Object(
          { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000, default: 1000 })) },
          { additionalProperties: false },
        ),
        response: { 200: ChainDetail, ...errorResponses },
      },
    },
    (request) => chainDetail(deps, contextOf(request), request.params.id, request.query.limit ?? 1000),
  );
  api.get(
    '/chains/serial-interval',
    {
      config: { permission: 'keyPerson.read' },
      schema: {
        tags,
        summary: 'Observed serial interval from infector → infectee pairs with onset dates',
        response: {
          200: Type.Object({
            n: Type.Integer(),
            meanDays: Nullable(Type.Number()),
            sdDays: Nullable(Type.Number()),
            pairs: Type.Array(
              Type.Object({
                infectorCaseId: Uuid,
                infecteeCaseId: Uuid,
                infectorOnset: Nullable(Type.String()),
                infecteeOnset: Nullable(Type.String()),
                days: Type.Number(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    (request) => serialIntervalOfChains(deps, contextOf(request)),
  );
  api.get(
    '/clusters',
    {
      config: { permission: 'keyPerson.read' },
      schema: {
        tags,
        summary: 'Clusters (聚集性疫情) by the rule of the edition in force',
        response: {
          200: Type.Object({
            rule: Nullable(Type.Object({ minCases: Type.Integer(), windowDays: Type.Integer(), grouping: Type.String() })),
            items: Type.Array(
              Type.Object({
                name: Text2,
                caseIds: Type.Array(Uuid),
                areaKey: Nullable(Type.String()),
                from: Type.String(),
                to: Type.String(),
                size: Type.Integer(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    (request) => clusters(deps, contextOf(request)),
  );
  api.get(
    '/tracing/follow-up',
    {
      config: { permission: 'keyPerson.read' },
      schema: {
        tags,
        summary: 'Per investigator: contacts under follow-up, checks done against due, lost, turned cases',
        response: {
          200: Type.Array(
            Type.Object({
              investigatorId: Nullable(Uuid),
              investigator: Nullable(Type.String()),
              underFollowUp: Type.Integer(),
              checksDue: Type.Integer(),
              checksDone: Type.Integer(),
              lost: Type.Integer(),
              becameCases: Type.Integer(),
            }),
          ),
          ...errorResponses,
        },
      },
    },
    (request) => followUpStatus(deps, contextOf(request)),
  );
}

/** Contact tracing, events and chains (REQUIREMENTS §4.4, §6; issue 11 §4, §6). */
export function tracingRoutes(api: Api, deps: AppDeps) {
  contactRoutes(api, deps);
  eventRoutes(api, deps);
  chainRoutes(api, deps);
}
