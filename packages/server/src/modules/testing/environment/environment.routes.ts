import { LAB_RESULTS } from '@fangkong/core';
import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../../app-deps.ts';
import { contextOf } from '../../../http/request-context.ts';
import { type Api, errorResponses, IdParams, Page, PageQuery, pageWindow, Uuid } from '../../../http/schemas.ts';
import { tags } from '../testing.schemas.ts';
import {
  BatchReply,
  DueReply,
  Registered,
  RisksReply,
  SampleBody,
  SampleDetail,
  SampledPlaceKind,
  SampleItem,
  SamplingState,
} from './environment.schemas.ts';
import { environmentSampleDetail, listEnvironmentSamples } from './environment-query.service.ts';
import { registerEnvironmentSample } from './environment-sample.service.ts';
import { closeEnvironmentTask } from './environment-task.service.ts';
import { dueForSampling, placeRisks, placesHoldingBatch } from './place-status.service.ts';

const ResultFilter = Type.Union([Type.Literal('pending'), ...LAB_RESULTS.map((r) => Type.Literal(r))]);

/** Environment and goods sampling (TEST-014, MKT-001): samples of places, their plans, risk flags and follow-up. */
export function environmentRoutes(api: Api, deps: AppDeps) {
  api.post(
    '/testing/environment/samples',
    {
      config: { permission: 'testing.sample' },
      schema: {
        tags,
        summary: 'Register an environment or goods sample of a place in its own tube (resulted by the lab import like any tube)',
        body: SampleBody,
        response: { 201: Registered, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await registerEnvironmentSample(deps, contextOf(request), request.body)),
  );
  api.get(
    '/testing/environment/samples',
    {
      config: { permission: 'testing.read' },
      schema: {
        tags,
        summary: 'Environment and goods samples in my scope, newest first, with results and open follow-up',
        querystring: Type.Object(
          {
            jurisdictionId: Type.Optional(Uuid),
            placeId: Type.Optional(Uuid),
            result: Type.Optional(ResultFilter),
            batchNumber: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: { 200: Page(SampleItem), ...errorResponses },
      },
    },
    (request) => listEnvironmentSamples(deps, contextOf(request), { ...request.query, ...pageWindow(request.query) }),
  );
  api.get(
    '/testing/environment/samples/:id',
    {
      config: { permission: 'testing.read' },
      schema: {
        tags,
        summary: "One sample with the alerts and tasks its result set off (with their clauses) and its place's risk flag",
        params: IdParams,
        response: { 200: SampleDetail, ...errorResponses },
      },
    },
    (request) => environmentSampleDetail(deps, contextOf(request), request.params.id),
  );
  api.get(
    '/testing/environment/due',
    {
      config: { permission: 'testing.read' },
      schema: {
        tags,
        summary: 'Places due for regular environment sampling under the protocol in force (state=overdue: where to go first)',
        querystring: Type.Object(
          {
            jurisdictionId: Type.Optional(Uuid),
            placeKind: Type.Optional(SampledPlaceKind),
            state: Type.Optional(SamplingState),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: { 200: DueReply, ...errorResponses },
      },
    },
    (request) => dueForSampling(deps, contextOf(request), { ...request.query, ...pageWindow(request.query, 50) }),
  );
  api.get(
    '/testing/environment/risks',
    {
      config: { permission: 'testing.read' },
      schema: {
        tags,
        summary: 'Places flagged by a positive environment or goods sample, until a later sample of the place is negative',
        querystring: Type.Object(
          { jurisdictionId: Type.Optional(Uuid), includeCleared: Type.Optional(Type.Boolean()) },
          { additionalProperties: false },
        ),
        response: { 200: RisksReply, ...errorResponses },
      },
    },
    (request) => placeRisks(deps, contextOf(request), request.query),
  );
  api.get(
    '/testing/environment/batches/:batchNumber',
    {
      config: { permission: 'testing.read' },
      schema: {
        tags,
        summary: 'Batch trace: the places in my scope where goods of a batch number were sampled, with their results',
        params: Type.Object({ batchNumber: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false }),
        response: { 200: BatchReply, ...errorResponses },
      },
    },
    (request) => placesHoldingBatch(deps, contextOf(request), request.params.batchNumber),
  );
  api.post(
    '/testing/environment/tasks/:id/close',
    {
      config: { permission: 'testing.sample' },
      schema: {
        tags,
        summary: "Close a place's follow-up task (disinfected, workers screened, batch traced, sampled again) saying what was done",
        params: IdParams,
        body: Type.Object({ note: Type.String({ minLength: 1, maxLength: 500 }) }, { additionalProperties: false }),
        response: {
          200: Type.Object({ id: Uuid, kind: Type.String(), status: Type.String(), closedAt: Type.String() }),
          ...errorResponses,
        },
      },
    },
    (request) => closeEnvironmentTask(deps, contextOf(request), request.params.id, request.body.note),
  );
}
