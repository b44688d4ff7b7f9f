import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../app-deps.ts';
import { contextOf } from '../../http/request-context.ts';
import { type Api, errorResponses, IdParams, Uuid } from '../../http/schemas.ts';
import {
  createExercise,
  createPlan,
  createPreparation,
  listExercises,
  listPlans,
  listPreparations,
  updatePreparationItem,
} from './preparedness.service.ts';
import {
  ExerciseView,
  JurisdictionQuery,
  NewExerciseBody,
  NewPlanBody,
  NewPreparationBody,
  PlanView,
  PreparationPatchBody,
  PreparationsReply,
  PreparationView,
  preparednessTags as tags,
} from './supplies.schemas.ts';

const read = { permission: 'supply.read' } as const;
const write = { permission: 'supply.write' } as const;

function itemRoutes(api: Api, deps: AppDeps) {
  api.get(
    '/preparedness/items',
    {
      config: read,
      schema: {
        tags,
        summary: 'Facilities and preparation items, and the PREP-001 checklist',
        querystring: JurisdictionQuery,
        response: { 200: PreparationsReply, ...errorResponses },
      },
    },
    (request) => listPreparations(deps, contextOf(request), request.query),
  );
  api.post(
    '/preparedness/items',
    {
      config: write,
      schema: {
        tags,
        summary: 'Record a facility (designated hospital, quarantine site, NAT lab…) or a checklist item',
        body: NewPreparationBody,
        response: { 201: PreparationView, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createPreparation(deps, contextOf(request), request.body)),
  );
  api.patch(
    '/preparedness/items/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Change a preparation item’s status or capacity',
        params: IdParams,
        body: PreparationPatchBody,
        response: { 200: PreparationView, ...errorResponses },
      },
    },
    (request) => updatePreparationItem(deps, contextOf(request), request.params.id, request.body),
  );
}

function planRoutes(api: Api, deps: AppDeps) {
  api.get(
    '/preparedness/plans',
    {
      config: read,
      schema: {
        tags,
        summary: 'Emergency plans with their review state (PREP-004)',
        querystring: JurisdictionQuery,
        response: { 200: Type.Array(PlanView), ...errorResponses },
      },
    },
    (request) => listPlans(deps, contextOf(request), request.query),
  );
  api.post(
    '/preparedness/plans',
    {
      config: write,
      schema: {
        tags,
        summary: 'Record an emergency plan with its review date (PREP-004)',
        body: NewPlanBody,
        response: { 201: PlanView, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createPlan(deps, contextOf(request), request.body)),
  );
  api.get(
    '/preparedness/exercises',
    {
      config: read,
      schema: {
        tags,
        summary: 'Drills and training held, newest first (PREP-002, PREP-003)',
        querystring: JurisdictionQuery,
        response: { 200: Type.Array(ExerciseView), ...errorResponses },
      },
    },
    (request) => listExercises(deps, contextOf(request), request.query),
  );
  api.post(
    '/preparedness/exercises',
    {
      config: write,
      schema: {
        tags,
        summary: 'Record a drill or training with attendance and findings',
        body: NewExerciseBody,
        response: { 201: Type.Object({ id: Uuid }), ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createExercise(deps, contextOf(request), request.body)),
  );
}

export function preparednessRoutes(api: Api, deps: AppDeps) {
  itemRoutes(api, deps);
  planRoutes(api, deps);
}
