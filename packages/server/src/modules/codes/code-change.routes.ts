import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../app-deps.ts';
import { contextOf } from '../../http/request-context.ts';
import { type Api, errorResponses, IdParams, Uuid } from '../../http/schemas.ts';
import { decideAppealOf, listAppeals } from './appeal.service.ts';
import {
  Appeal,
  AppealDecisionBody,
  ChangeRequestBody,
  CodeChange,
  CodeState,
  Decided,
  OptionalReasonBody,
  ReasonBody,
} from './code.schemas.ts';
import { approveCodeChange, listCodeChanges, rejectCodeChange, requestCodeChange } from './code-change.service.ts';
import { codeHistory } from './code-history.service.ts';

const tags = ['codes'];
const ChangeStatus = Type.Union([Type.Literal('pending'), Type.Literal('approved'), Type.Literal('rejected')], { default: 'pending' });
const AppealStatus = Type.Union([Type.Literal('open'), Type.Literal('upheld'), Type.Literal('rejected')], { default: 'open' });

/** Staff side of health codes: colour history, manual changes with a second approver, the appeals queue. */
export function codeChangeRoutes(api: Api, deps: AppDeps) {
  api.get(
    '/persons/:id/code/history',
    {
      config: { permission: 'code.read' },
      schema: {
        tags,
        summary: "A person's colour history (reasons, rule version, source), manual changes and appeals",
        params: IdParams,
        response: {
          200: Type.Object({ personId: Uuid, states: Type.Array(CodeState), changes: Type.Array(CodeChange), appeals: Type.Array(Appeal) }),
          ...errorResponses,
        },
      },
    },
    (request) => codeHistory(deps, contextOf(request), request.params.id),
  );
  api.post(
    '/persons/:id/code-changes',
    {
      config: { permission: 'code.change' },
      schema: {
        tags,
        summary: 'Request a manual colour change citing its basis (a record of the person, or a rule); a second user approves',
        params: IdParams,
        body: ChangeRequestBody,
        response: { 201: CodeChange, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await requestCodeChange(deps, contextOf(request), request.params.id, request.body)),
  );
  api.get(
    '/code-changes',
    {
      config: { permission: 'code.read' },
      schema: {
        tags,
        summary: 'Manual colour changes in my scope (default: pending approval)',
        querystring: Type.Object({ status: Type.Optional(ChangeStatus) }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(CodeChange) }), ...errorResponses },
      },
    },
    (request) => listCodeChanges(deps, contextOf(request), request.query.status ?? 'pending'),
  );
  api.post(
    '/code-changes/:id/approve',
    {
      config: { permission: 'code.approve' },
      schema: {
        tags,
        summary: 'Approve a manual colour change (not one you requested); the colour applies at once',
        params: IdParams,
        body: OptionalReasonBody,
        response: { 200: Decided, ...errorResponses },
      },
    },
    (request) => approveCodeChange(deps, contextOf(request), request.params.id, request.body.reason),
  );
  api.post(
    '/code-changes/:id/reject',
    {
      config: { permission: 'code.approve' },
      schema: {
        tags,
        summary: 'Reject a manual colour change with a reason',
        params: IdParams,
        body: ReasonBody,
        response: { 200: Decided, ...errorResponses },
      },
    },
    (request) => rejectCodeChange(deps, contextOf(request), request.params.id, request.body.reason),
  );
  api.get(
    '/appeals',
    {
      config: { permission: 'code.read' },
      schema: {
        tags,
        summary: 'The appeals queue in my scope: nearest deadline first, overdue flagged (default: open)',
        querystring: Type.Object({ status: Type.Optional(AppealStatus) }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(Appeal) }), ...errorResponses },
      },
    },
    (request) => listAppeals(deps, contextOf(request), request.query.status ?? 'open'),
  );
  api.post(
    '/appeals/:id/decide',
    {
      config: { permission: 'appeal.decide' },
      schema: {
        tags,
        summary: 'Decide an appeal with a reason the person sees; upheld with a colour applies it with the appeal as basis',
        params: IdParams,
        body: AppealDecisionBody,
        response: { 200: Decided, ...errorResponses },
      },
    },
    (request) => decideAppealOf(deps, contextOf(request), request.params.id, request.body),
  );
}
