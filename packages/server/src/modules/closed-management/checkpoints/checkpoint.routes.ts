import { COMPOUND_ENTRY_REGIMES, ENTRY_CHECKS } from '@fangkong/core';
import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../../app-deps.ts';
import { contextOf } from '../../../http/request-context.ts';
import { type Api, errorResponses, IdParams, literals, Nullable, Uuid } from '../../../http/schemas.ts';
import { Because, Colour, Decision, tags } from '../closed-management.schemas.ts';
import { listCheckpoints, scanAtCheckpoint } from './checkpoint-scan.service.ts';
import { checkEntry, entryRegime } from './compound-entry.service.ts';
import { registerOutsider } from './outsider.service.ts';

const IdType = Type.Union([Type.Literal('resident_id'), Type.Literal('passport'), Type.Literal('other')]);
const EntryCheck = literals(ENTRY_CHECKS);
const Clause = Type.Object({
  source: Type.String(),
  clause: Type.String(),
  says: Type.String(),
  configured: Type.Optional(Type.Boolean()),
});
/** The compound-entry regime in force at a checkpoint (SC-42 / SC-43) and the profile clause that chose it (null: none did). */
const Regime = {
  regime: literals(COMPOUND_ENTRY_REGIMES),
  required: Type.Array(EntryCheck),
  colours: Type.Array(Colour),
  feverCelsius: Type.Number(),
  basis: Clause,
  chosenBy: Nullable(Clause),
};

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
  api.get(
    '/checkpoints/:id/entry-regime',
    {
      config: { permission: 'checkpoint.operate' },
      schema: {
        tags,
        summary:
          'The compound-entry regime in force at the checkpoint (seed 000 normalized checks or seed 003 four musts), as the local profile chooses',
        params: IdParams,
        response: { 200: Type.Object(Regime), ...errorResponses },
      },
    },
    (request) => entryRegime(deps, contextOf(request), request.params.id),
  );
  api.post(
    '/checkpoints/:id/entry-checks',
    {
      config: { permission: 'checkpoint.operate' },
      schema: {
        tags,
        summary:
          'Compound entry: the checks done for one person (code, temperature, mask, details), decided by the regime in force (COMM-013)',
        params: IdParams,
        body: Type.Object(
          {
            token: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
            temperatureCelsius: Type.Optional(Type.Number({ minimum: 30, maximum: 45 })),
            masked: Type.Optional(Type.Boolean()),
            registered: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            scanId: Type.Integer(),
            allowed: Type.Boolean(),
            missing: Type.Array(EntryCheck),
            colour: Nullable(Colour),
            because: Type.Array(Because),
            ...Regime,
            checkedAt: Type.String(),
          }),
          ...errorResponses,
        },
      },
    },
    (request) => checkEntry(deps, contextOf(request), request.params.id, request.body),
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
