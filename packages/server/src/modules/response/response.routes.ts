import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../app-deps.ts';
import { contextOf } from '../../http/request-context.ts';
import { type Api, errorResponses, IdParams } from '../../http/schemas.ts';
import { recordReassessment } from './reassessment.service.ts';
import {
  ApprovalBody,
  ChangeView,
  ConfirmationBody,
  MeasureSyncView,
  Overview,
  ProposalBody,
  ReassessmentBody,
  ReassessmentView,
} from './response.schemas.ts';
import {
  approveChange,
  confirmChange,
  fileChange,
  proposeChange,
  reissueMeasureTasks,
  rejectChange,
  responseOverview,
} from './response.service.ts';

const tags = ['response levels'];
const Reason = Type.String({ minLength: 1, maxLength: 2000 });

/** Emergency response levels IV–I per jurisdiction (REQUIREMENTS §2): proposal → chain → approval → filing. */
export function responseRoutes(api: Api, deps: AppDeps) {
  api.get(
    '/response-levels/:id',
    {
      config: { permission: 'response.read' },
      schema: {
        tags,
        summary:
          "A jurisdiction's response: level in force, change under way, history, suggested level with reasons, termination check, measures checklist",
        params: IdParams,
        querystring: Type.Object(
          { importRiskOngoing: Type.Optional(Type.Boolean()), capacityInsufficient: Type.Optional(Type.Boolean()) },
          { additionalProperties: false },
        ),
        response: { 200: Overview, ...errorResponses },
      },
    },
    (request) => responseOverview(deps, contextOf(request), request.params.id, request.query),
  );
  api.post(
    '/response-levels/:id/proposals',
    {
      config: { permission: 'response.propose' },
      schema: {
        tags,
        summary: 'Propose a level (or the end of the response) with the assessment (LVL-003, LVL-010)',
        params: IdParams,
        body: ProposalBody,
        response: { 201: ChangeView, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await proposeChange(deps, contextOf(request), request.params.id, request.body)),
  );
  api.post(
    '/response-levels/:id/reassessments',
    {
      config: { permission: 'response.propose' },
      schema: {
        tags,
        summary: 'Record the experts’ re-assessment of the level in force: trend, effect of the measures, keep or change (LVL-011)',
        params: IdParams,
        body: ReassessmentBody,
        response: { 201: ReassessmentView, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await recordReassessment(deps, contextOf(request), request.params.id, request.body)),
  );
  api.post(
    '/response-level-changes/:id/confirmations',
    {
      config: { permission: 'response.confirm' },
      schema: {
        tags,
        summary: "Record an expert body's decision, in chain order (LVL-002)",
        params: IdParams,
        body: ConfirmationBody,
        response: { 200: ChangeView, ...errorResponses },
      },
    },
    (request) => confirmChange(deps, contextOf(request), request.params.id, request.body),
  );
  api.post(
    '/response-level-changes/:id/approve',
    {
      config: { permission: 'response.approve' },
      schema: {
        tags,
        summary: "The commander's approval (not the proposer's); ending early needs an override reason (LVL-015)",
        params: IdParams,
        body: ApprovalBody,
        response: { 200: ChangeView, ...errorResponses },
      },
    },
    (request) => approveChange(deps, contextOf(request), request.params.id, request.body),
  );
  api.post(
    '/response-level-changes/:id/file',
    {
      config: { permission: 'response.file' },
      schema: {
        tags,
        summary: 'File the approved change with the municipal health commission (备案)',
        params: IdParams,
        body: Type.Object({ reference: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false }),
        response: { 200: ChangeView, ...errorResponses },
      },
    },
    (request) => fileChange(deps, contextOf(request), request.params.id, request.body.reference),
  );
  api.post(
    '/response-level-changes/:id/reject',
    {
      config: { permission: 'response.read' },
      schema: {
        tags,
        summary: 'Reject a change before approval (the approver), or withdraw it (its proposer)',
        params: IdParams,
        body: Type.Object({ reason: Reason }, { additionalProperties: false }),
        response: { 200: ChangeView, ...errorResponses },
      },
    },
    (request) => rejectChange(deps, contextOf(request), request.params.id, request.body.reason),
  );
  api.post(
    '/response-levels/:id/measure-tasks',
    {
      config: { permission: 'response.approve' },
      schema: {
        tags,
        summary: "Issue the level in force's measures that are not yet tasks (idempotent; LVL-018)",
        params: IdParams,
        response: { 200: MeasureSyncView, ...errorResponses },
      },
    },
    (request) => reissueMeasureTasks(deps, contextOf(request), request.params.id),
  );
}
