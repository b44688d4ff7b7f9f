import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../../app-deps.ts';
import { contextOf } from '../../../http/request-context.ts';
import { type Api, errorResponses, IdParams, Nullable, Uuid } from '../../../http/schemas.ts';
import { Because, Colour, Decision, tags } from '../closed-management.schemas.ts';
import { listCheckpoints, scanAtCheckpoint } from './checkpoint-scan.service.ts';
import { registerOutsider } from './outsider.service.ts';

const IdType = Type.Union([Type.Literal('resident_id'), Type.Literal('passport'), Type.Literal('other')]);

export function checkpointRoutes(api: Api, deps: AppDeps) {
  api.get(
    '/checkpoints',
    {
      config: { permission: 'checkpoint.operate' },
      schema: {
        tags,
        summary: 'Checkpoints in my scope',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Uuid,
                name: Type.String(),
                code: Type.String(),
                jurisdictionPath: Type.String(),
                address: Nullable(Type.String()),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    (request) => listCheckpoints(deps, contextOf(request)),
  );
  api.post(
    '/checkpoints/:id/scans',
    {
      config: { permission: 'checkpoint.operate' },
      schema: {
        tags,
        summary: 'Checkpoint mode: verify a health code and decide allow / deny / register by its colour, with the clause',
        params: IdParams,
        body: Type.Object({ token: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            scanId: Type.Integer(),
            decision: Decision,
            colour: Nullable(Colour),
            because: Type.Array(Because),
            ruleVersion: Type.String(),
            scannedAt: Type.String(),
          }),
          ...errorResponses,
        },
      },
    },
    (request) => scanAtCheckpoint(deps, contextOf(request), request.params.id, request.body.token),
  );
  api.post(
    '/checkpoints/:id/outsiders',
    {
      config: { permission: 'checkpoint.operate' },
      schema: {
        tags,
        summary: 'Register an outsider at the gate: person, home-observation follow-up for the community, registration (seed 001 §三(二)2)',
        params: IdParams,
        body: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 50 }),
            idType: IdType,
            idNumber: Type.String({ minLength: 4, maxLength: 30 }),
            phone: Type.Optional(Type.String({ maxLength: 20 })),
            fromPlace: Type.String({ minLength: 1, maxLength: 100 }),
            reason: Type.String({ minLength: 1, maxLength: 200 }),
            destinationHouseholdId: Uuid,
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({
            id: Uuid,
            personId: Uuid,
            episodeId: Uuid,
            idMasked: Type.String(),
            destinationHouseholdId: Uuid,
            registeredAt: Type.String(),
          }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => reply.code(201).send(await registerOutsider(deps, contextOf(request), request.params.id, request.body)),
  );
}
