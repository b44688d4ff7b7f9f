import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../../app-deps.ts';
import { contextOf } from '../../../http/request-context.ts';
import { type Api, errorResponses, IdParams, Nullable, Uuid } from '../../../http/schemas.ts';
import { DateString, PassVerdict, tags } from '../closed-management.schemas.ts';
import { issuePass, listPasses, revokePass, usePass } from './pass.service.ts';

const Pass = Type.Object({
  id: Uuid,
  passNumber: Type.String(),
  householdId: Uuid,
  status: Type.String(),
  validFrom: Type.String(),
  validTo: Nullable(Type.String()),
  revokedReason: Nullable(Type.String()),
});

export function passRoutes(api: Api, deps: AppDeps) {
  api.post(
    '/passes',
    {
      config: { permission: 'pass.manage' },
      schema: {
        tags,
        summary: 'Issue a household pass (one household, one pass: seed 001 §三(五))',
        body: Type.Object({ householdId: Uuid, validTo: Type.Optional(DateString) }, { additionalProperties: false }),
        response: { 201: Pass, ...errorResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await issuePass(deps, contextOf(request), request.body)),
  );
  api.get(
    '/passes',
    {
      config: { permission: 'pass.manage' },
      schema: {
        tags,
        summary: 'Household passes in my scope',
        querystring: Type.Object(
          { status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('revoked')])) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            items: Type.Array(Type.Intersect([Pass, Type.Object({ householdName: Type.String(), createdAt: Type.Unknown() })])),
          }),
          ...errorResponses,
        },
      },
    },
    (request) => listPasses(deps, contextOf(request), request.query.status),
  );
  api.post(
    '/passes/:id/revoke',
    {
      config: { permission: 'pass.manage' },
      schema: {
        tags,
        summary: 'Revoke a household pass (the gate refuses it from now on)',
        params: IdParams,
        body: Type.Object({ reason: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false }),
        response: { 200: Pass, ...errorResponses },
      },
    },
    (request) => revokePass(deps, contextOf(request), request.params.id, request.body.reason),
  );
  api.post(
    '/checkpoints/:id/pass-uses',
    {
      config: { permission: 'checkpoint.operate' },
      schema: {
        tags,
        summary:
          'Check a household pass at the gate: revoked, expired or too soon (one person every two days) is refused with the next allowed date',
        params: IdParams,
        body: Type.Object(
          {
            passNumber: Type.String({ minLength: 1, maxLength: 20 }),
            direction: Type.Union([Type.Literal('out'), Type.Literal('in')]),
            personId: Type.Optional(Uuid),
          },
          { additionalProperties: false },
        ),
        response: { 200: PassVerdict, ...errorResponses },
      },
    },
    (request) => usePass(deps, contextOf(request), request.params.id, request.body),
  );
}
