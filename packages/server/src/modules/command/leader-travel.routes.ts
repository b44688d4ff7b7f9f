import { TRAVEL_REQUEST_STATES } from '@fangkong/core';
import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../app-deps.ts';
import { contextOf } from '../../http/request-context.ts';
import { type Api, errorResponses, IdParams, literals, Nullable, objectOf, Uuid } from '../../http/schemas.ts';
import { Instant, Text } from './command.schemas.ts';
import { decideTravel, leaderTravelOf, requestTravel, withdrawTravel } from './leader-travel.service.ts';

const tags = ['command'];

const TravelRequestSchema = Type.Object({
  id: Uuid,
  rosterMemberId: Uuid,
  name: Type.String(),
  role: Type.String(),
  destination: Type.String(),
  reason: Type.String(),
  departAt: Type.String(),
  returnAt: Type.String(),
  status: literals(TRAVEL_REQUEST_STATES),
  decidedAt: Nullable(Type.String()),
  decisionNote: Nullable(Type.String()),
  canDecide: Type.Boolean(),
});

const LeaderTravelSchema = Type.Object({
  clause: Type.String(),
  isSuperior: Type.Boolean(),
  leaders: Type.Array(
    Type.Object({
      rosterMemberId: Uuid,
      rosterMemberIds: Type.Array(Uuid),
      name: Type.String(),
      roles: Type.Array(Type.String()),
      presence: literals(['present', 'away'] as const),
      until: Nullable(Type.String()),
      canRequest: Type.Boolean(),
    }),
  ),
  requests: Type.Array(TravelRequestSchema),
});

/** 请示报备 (SUP-011, SC-71; seed 004 Part C §三(二)): leaders bound to stay, their travel requests, the superior's decision. */
export function leaderTravelRoutes(api: Api, deps: AppDeps) {
  api.get(
    '/command/headquarters/:id/leader-travel',
    {
      config: { permission: 'command.read' },
      schema: {
        tags,
        summary: 'The leaders bound to stay, present or away (away only under an approved request), and their travel requests (SC-71)',
        params: IdParams,
        response: { 200: LeaderTravelSchema, ...errorResponses },
      },
    },
    (request) => leaderTravelOf(deps, contextOf(request), request.params.id),
  );
  api.post(
    '/command/roster-members/:id/travel-requests',
    {
      config: { permission: 'command.read' },
      schema: {
        tags,
        summary: 'A principal leader or leader in charge requests to leave the area, filed with the superior (SUP-011)',
        params: IdParams,
        body: objectOf({ destination: Text(100), reason: Text(500), departAt: Instant, returnAt: Instant }),
        response: { 201: TravelRequestSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await requestTravel(deps, contextOf(request), request.params.id, request.body)),
  );
  api.post(
    '/command/travel-requests/:id/decision',
    {
      config: { permission: 'command.read' },
      schema: {
        tags,
        summary:
          'The superior approves or refuses a leader’s travel request (a refusal gives its reason); approval makes the leader away for its window',
        params: IdParams,
        body: objectOf({ approve: Type.Boolean(), note: Type.Optional(Type.String({ maxLength: 500 })) }),
        response: { 200: TravelRequestSchema, ...errorResponses },
      },
    },
    (request) => decideTravel(deps, contextOf(request), request.params.id, request.body),
  );
  api.post(
    '/command/travel-requests/:id/withdraw',
    {
      config: { permission: 'command.read' },
      schema: {
        tags,
        summary: 'Withdraw a travel request the superior has not decided yet',
        params: IdParams,
        response: { 200: TravelRequestSchema, ...errorResponses },
      },
    },
    (request) => withdrawTravel(deps, contextOf(request), request.params.id),
  );
}
