import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../app-deps.ts';
import { contextOf } from '../../http/request-context.ts';
import { type Api, errorResponses, IdParams, Page, PageQuery, pageWindow, Uuid } from '../../http/schemas.ts';
import { assignableUsers, assignEpisode } from './assignment.service.ts';
import { convertEpisode } from './conversion.service.ts';
import { releaseDocumentRoutes } from './documents/release-documents.routes.ts';
import { registerEpisode } from './episode.service.ts';
import { episodeDetail, episodeSummary, listEpisodes, personTimeline } from './episode-query.service.ts';
import {
  CalendarDateString,
  Category,
  EpisodeSummary,
  NewEpisodeBody,
  Reason,
  ReleaseState,
  SignatoryRole,
  TestResult,
  WorkItem,
} from './key-person.schemas.ts';
import { recordObservation, recordTest } from './recording.service.ts';
import { releaseStatus, signRelease } from './release.service.ts';
import { rosterRoutes } from './roster/roster.routes.ts';
import { acceptTransfer, listTransfers, requestTransfer, returnTransfer } from './transfer.service.ts';
import { workList } from './work-list.service.ts';

const tags = ['key-persons'];
const Loose = Type.Record(Type.String(), Type.Unknown());

export function keyPersonRoutes(api: Api, deps: AppDeps) {
  api.get(
    '/key-persons/episodes',
    {
      config: { permission: 'keyPerson.read' },
      schema: {
        tags,
        summary: 'Episodes of management inside my scope',
        querystring: Type.Object(
          { status: Type.Optional(Type.String({ maxLength: 20 })), category: Type.Optional(Category), ...PageQuery },
          { additionalProperties: false },
        ),
        response: {
          200: Page(
            Type.Composite([
              EpisodeSummary,
              Type.Object({
                personName: Type.String(),
                idMasked: Type.String(),
                jurisdictionName: Type.String(),
                jurisdictionLabel: Type.String(),
              }),
            ]),
          ),
          ...errorResponses,
        },
      },
    },
    (request) => listEpisodes(deps, contextOf(request), { ...request.query, ...pageWindow(request.query) }),
  );
  api.post(
    '/key-persons/episodes',
    {
      config: { permission: 'keyPerson.write' },
      schema: {
        tags,
        summary: 'Put a person under management under the protocol in force',
        body: NewEpisodeBody,
        response: { 201: EpisodeSummary, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(episodeSummary(await registerEpisode(deps, contextOf(request), request.body))),
  );
  api.get(
    '/key-persons/episodes/:id',
    {
      config: { permission: 'keyPerson.read' },
      schema: {
        tags,
        summary: 'An episode with its plan, schedule, observations, signatures and tasks',
        params: IdParams,
        response: {
          200: Type.Composite([
            EpisodeSummary,
            Type.Object({
              personName: Type.String(),
              idMasked: Type.String(),
              siteName: Type.Union([Type.String(), Type.Null()]),
              roomCode: Type.Union([Type.String(), Type.Null()]),
              plan: Loose,
              schedule: Type.Array(Loose),
              observations: Type.Array(Loose),
              signatures: Type.Array(Loose),
              tasks: Type.Array(Loose),
            }),
          ]),
          ...errorResponses,
        },
      },
    },
    (request) => episodeDetail(deps, contextOf(request), request.params.id),
  );
  api.post(
    '/key-persons/episodes/:id/observations',
    {
      config: { permission: 'keyPerson.write' },
      schema: {
        tags,
        summary: 'Record a temperature check and symptoms; fever or symptoms raise an alert and a fever-clinic transfer task',
        params: IdParams,
        body: Type.Object(
          {
            observedAt: Type.String({ format: 'date-time' }),
            temperature: Type.Union([Type.Number({ minimum: 30, maximum: 45 }), Type.Null()]),
            notMeasuredReason: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
            symptoms: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 20 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ id: Uuid, escalated: Type.Boolean(), because: Type.Array(Reason) }), ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await recordObservation(deps, contextOf(request), request.params.id, request.body)),
  );
  api.patch(
    '/key-persons/schedule-items/:id',
    {
      config: { permission: 'keyPerson.write' },
      schema: {
        tags,
        summary: 'Record a sample and its result; a positive result creates a case candidate',
        params: IdParams,
        body: Type.Object({ sampledAt: Type.String({ format: 'date-time' }), result: TestResult }, { additionalProperties: false }),
        response: { 200: Type.Object({ id: Uuid, result: Type.String() }), ...errorResponses },
      },
    },
    (request) => recordTest(deps, contextOf(request), request.params.id, request.body),
  );
  api.get(
    '/key-persons/episodes/:id/release',
    {
      config: { permission: 'keyPerson.read' },
      schema: {
        tags,
        summary: 'Whether the episode may be released, and why',
        params: IdParams,
        response: { 200: ReleaseState, ...errorResponses },
      },
    },
    (request) => releaseStatus(deps, contextOf(request), request.params.id),
  );
  api.post(
    '/key-persons/episodes/:id/release/signatures',
    {
      config: { permission: 'keyPerson.sign' },
      schema: {
        tags,
        summary: 'Sign the release as the assigned cadre or medic; refused with reasons while conditions fail',
        params: IdParams,
        body: Type.Object({ role: SignatoryRole }, { additionalProperties: false }),
        response: { 200: Type.Object({ decision: Type.String(), missing: Type.Array(Type.String()) }), ...errorResponses },
      },
    },
    (request) => signRelease(deps, contextOf(request), request.params.id, request.body.role),
  );
  api.get(
    '/key-persons/work-list',
    {
      config: { permission: 'keyPerson.read' },
      schema: {
        tags,
        summary: "Today's tests and checks due, overdue items and releases due in my scope",
        querystring: Type.Object(
          {
            date: Type.Optional(CalendarDateString),
            mine: Type.Optional(Type.Boolean()),
            siteId: Type.Optional(Uuid),
            limit: Type.Integer({ minimum: 1, maximum: 5000, default: 500 }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            date: Type.String(),
            testsDue: Type.Array(WorkItem),
            testsOverdue: Type.Array(WorkItem),
            followUpsDue: Type.Array(WorkItem),
            checksDue: Type.Array(WorkItem),
            checksOverdue: Type.Array(WorkItem),
            releaseDue: Type.Array(WorkItem),
          }),
          ...errorResponses,
        },
      },
    },
    (request) => workList(deps, contextOf(request), request.query),
  );
  api.get(
    '/key-persons/persons/:id/timeline',
    {
      config: { permission: 'keyPerson.read' },
      schema: {
        tags,
        summary: 'Every event of every episode of a person',
        params: IdParams,
        response: {
          200: Type.Object({ personId: Uuid, episodes: Type.Array(EpisodeSummary), events: Type.Array(Loose) }),
          ...errorResponses,
        },
      },
    },
    (request) => personTimeline(deps, contextOf(request), request.params.id),
  );
  transferRoutes(api, deps);
  assignmentRoutes(api, deps);
  rosterRoutes(api, deps);
  releaseDocumentRoutes(api, deps);
  api.post(
    '/key-persons/episodes/:id/conversions',
    {
      config: { permission: 'keyPerson.write' },
      schema: {
        tags,
        summary: 'Move the person to another category (e.g. close contact → confirmed); the history stays',
        params: IdParams,
        body: Type.Object(
          { category: Category, startDate: CalendarDateString, reason: Type.String({ minLength: 2, maxLength: 200 }) },
          { additionalProperties: false },
        ),
        response: { 201: EpisodeSummary, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(episodeSummary(await convertEpisode(deps, contextOf(request), request.params.id, request.body))),
  );
}

const Transfer = Type.Object({
  id: Uuid,
  episodeId: Uuid,
  personName: Type.String(),
  idMasked: Type.String(),
  category: Type.String(),
  fromJurisdictionPath: Type.String(),
  toJurisdictionId: Uuid,
  toSiteId: Type.Union([Uuid, Type.Null()]),
  reason: Type.String(),
  createdAt: Type.String(),
});
const Decision = Type.Object({ id: Uuid, status: Type.String() });

function transferRoutes(api: Api, deps: AppDeps) {
  api.post(
    '/key-persons/episodes/:id/transfers',
    {
      config: { permission: 'keyPerson.write' },
      schema: {
        tags,
        summary: 'Ask another jurisdiction or site to take the person over (nothing moves until accepted)',
        params: IdParams,
        body: Type.Object(
          {
            toJurisdictionId: Uuid,
            toSiteId: Type.Optional(Uuid),
            toRoomId: Type.Optional(Uuid),
            reason: Type.String({ minLength: 2, maxLength: 200 }),
          },
          { additionalProperties: false },
        ),
        response: { 201: Decision, ...errorResponses },
      },
    },
    async (request, reply) => {
      const transfer = await requestTransfer(deps, contextOf(request), request.params.id, request.body);
      return reply.status(201).send({ id: transfer.id, status: transfer.status });
    },
  );
  api.get(
    '/key-persons/transfers',
    {
      config: { permission: 'keyPerson.read' },
      schema: { tags, summary: 'Pending transfers into or out of my scope', response: { 200: Type.Array(Transfer), ...errorResponses } },
    },
    (request) => listTransfers(deps, contextOf(request)),
  );
  api.post(
    '/key-persons/transfers/:id/accept',
    {
      config: { permission: 'keyPerson.write' },
      schema: {
        tags,
        summary: 'Accept an incoming transfer',
        params: IdParams,
        body: Type.Object({ roomId: Type.Optional(Uuid) }, { additionalProperties: false }),
        response: { 200: Decision, ...errorResponses },
      },
    },
    (request) => acceptTransfer(deps, contextOf(request), request.params.id, request.body.roomId),
  );
  api.post(
    '/key-persons/transfers/:id/return',
    {
      config: { permission: 'keyPerson.write' },
      schema: {
        tags,
        summary: 'Return an incoming transfer with a reason',
        params: IdParams,
        body: Type.Object({ reason: Type.String({ minLength: 2, maxLength: 200 }) }, { additionalProperties: false }),
        response: { 200: Decision, ...errorResponses },
      },
    },
    (request) => returnTransfer(deps, contextOf(request), request.params.id, request.body.reason),
  );
}

function assignmentRoutes(api: Api, deps: AppDeps) {
  api.get(
    '/key-persons/assignable-users',
    {
      config: { permission: 'keyPerson.read' },
      schema: {
        tags,
        summary: 'Accounts that may sign releases for people of a jurisdiction (cadres and medics)',
        querystring: Type.Object({ jurisdictionId: Uuid }, { additionalProperties: false }),
        response: {
          200: Type.Array(Type.Object({ id: Uuid, username: Type.String(), displayName: Type.String(), role: Type.String() })),
          ...errorResponses,
        },
      },
    },
    (request) => assignableUsers(deps, contextOf(request), request.query.jurisdictionId),
  );
  api.patch(
    '/key-persons/episodes/:id/assignment',
    {
      config: { permission: 'keyPerson.write' },
      schema: {
        tags,
        summary: 'Name the assigned cadre and/or medic who sign the release',
        params: IdParams,
        body: Type.Object(
          {
            assignedCadreId: Type.Optional(Uuid),
            assignedMedicId: Type.Optional(Uuid),
            reason: Type.String({ minLength: 2, maxLength: 200 }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ id: Uuid, assignedCadreId: Type.Optional(Uuid), assignedMedicId: Type.Optional(Uuid) }),
          ...errorResponses,
        },
      },
    },
    (request) => assignEpisode(deps, contextOf(request), request.params.id, request.body),
  );
}
