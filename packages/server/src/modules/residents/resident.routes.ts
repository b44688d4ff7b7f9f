import { AppError } from '@fangkong/core';
import { type TSchema, Type } from '@sinclair/typebox';
import type { AppDeps } from '../../app-deps.ts';
import { LoginThrottle } from '../../auth/login-throttle.ts';
import { anonymousContext, contextOf } from '../../http/request-context.ts';
import { type Api, errorResponses, IdParams } from '../../http/schemas.ts';
import { fileAppeal, listAppeals } from './appeal-filing.service.ts';
import { confirmArrival, declareHealth, listArrivals, listDeclarations, reportArrival } from './declaration.service.ts';
import { addDependant, listDependants, removeDependant } from './dependant.service.ts';
import { aboutMe, myCode, myCodeHistory, myResults } from './my-code.service.ts';
import { registerResident } from './registration.service.ts';
import {
  AppealBody,
  AppealView,
  ArrivalBody,
  ArrivalParams,
  ArrivalView,
  CodeHistoryReply,
  CodeReply,
  DeclarationBody,
  DeclarationView,
  DependantBody,
  DependantView,
  MeReply,
  PersonParams,
  RegistrationBody,
  ResultsReply,
  tags,
} from './resident.schemas.ts';

/** Identity checks a proxy may try per account and hour, on top of the per-address limit of registration. */
const PROXY_CHECKS_PER_HOUR = 10;

function throttled(throttle: LoginThrottle, key: string) {
  const wait = throttle.take(key, Date.now());
  if (wait > 0) throw new AppError('tooMany', 'tooManyRequests', undefined, { retryAfter: wait });
}

/** Residents' own pages (H5): registration, their code and results, declarations, arrival reports, appeals, family proxy. */
export function residentRoutes(api: Api, deps: AppDeps) {
  const registrations = new LoginThrottle(deps.config.loginAttemptsPerMinute, 60_000);
  const proxyChecks = new LoginThrottle(PROXY_CHECKS_PER_HOUR, 3_600_000);
  api.post(
    '/residents/register',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'A resident opens an account: ID number, name and the phone the registry holds must all match (sign in with the phone)',
        security: [],
        body: RegistrationBody,
        response: { 201: Type.Object({ username: Type.String() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      throttled(registrations, request.ip);
      const created = await registerResident(deps, anonymousContext(request, 'resident-registration'), request.body);
      return reply.status(201).send(created);
    },
  );
  api.get(
    '/me',
    {
      config: { permission: 'self.read' },
      schema: { tags, summary: 'The person this resident account stands for', response: { 200: MeReply, ...errorResponses } },
    },
    (request) => aboutMe(deps, contextOf(request)),
  );
  personRoutes(api, deps);
  dependantRoutes(api, deps, proxyChecks);
}

/** Routes about one person: the caller, or a dependant held by proxy (audited as such); anyone else is 404. */
function personRoutes(api: Api, deps: AppDeps) {
  const read = <T extends TSchema>(summary: string, path: string, response: T) => ({
    config: { permission: 'self.read' as const },
    schema: { tags, summary, params: PersonParams, response: { 200: response, ...errorResponses } },
    path,
  });
  const code = read(
    'My (or a dependant’s) colour with its reasons and a signed token for the QR (audited)',
    '/me/persons/:personId/code',
    CodeReply,
  );
  api.get(code.path, code, (request) => myCode(deps, contextOf(request), request.params.personId));
  const history = read('Colours the person had, newest first', '/me/persons/:personId/code-history', CodeHistoryReply);
  api.get(history.path, history, (request) => myCodeHistory(deps, contextOf(request), request.params.personId));
  const results = read('Recent test results and negative-within windows', '/me/persons/:personId/results', ResultsReply);
  api.get(results.path, results, (request) => myResults(deps, contextOf(request), request.params.personId));
  const declarations = read(
    'Health declarations of the last 14 days',
    '/me/persons/:personId/declarations',
    Type.Object({ today: Type.String(), items: Type.Array(DeclarationView) }),
  );
  api.get(declarations.path, declarations, (request) => listDeclarations(deps, contextOf(request), request.params.personId));
  const arrivals = read(
    'Arrival reports',
    '/me/persons/:personId/arrivals',
    Type.Object({ items: Type.Array(ArrivalView), daysAheadRequired: Type.Integer() }),
  );
  api.get(arrivals.path, arrivals, (request) => listArrivals(deps, contextOf(request), request.params.personId));
  const appeals = read(
    'Appeals filed and their status or decision',
    '/me/persons/:personId/appeals',
    Type.Object({ items: Type.Array(AppealView) }),
  );
  api.get(appeals.path, appeals, (request) => listAppeals(deps, contextOf(request), request.params.personId));
  api.post(
    '/me/persons/:personId/declarations',
    {
      config: { permission: 'self.write' },
      schema: {
        tags,
        summary: "Today's health declaration (replaces an earlier one of the same day)",
        params: PersonParams,
        body: DeclarationBody,
        response: { 200: DeclarationView, ...errorResponses },
      },
    },
    (request) => declareHealth(deps, contextOf(request), request.params.personId, request.body),
  );
  api.post(
    '/me/persons/:personId/arrivals',
    {
      config: { permission: 'self.write' },
      schema: {
        tags,
        summary: 'Report an arrival; an inbound report fewer than 3 days ahead is marked late (seed 000 §三(三)1)',
        params: PersonParams,
        body: ArrivalBody,
        response: { 201: Type.Intersect([ArrivalView, Type.Object({ daysAheadRequired: Type.Integer() })]), ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await reportArrival(deps, contextOf(request), request.params.personId, request.body)),
  );
  api.post(
    '/me/persons/:personId/arrivals/:id/arrived',
    {
      config: { permission: 'self.write' },
      schema: {
        tags,
        summary: 'Say the person has reached the destination',
        params: ArrivalParams,
        response: { 200: ArrivalView, ...errorResponses },
      },
    },
    (request) => confirmArrival(deps, contextOf(request), request.params.personId, request.params.id),
  );
  api.post(
    '/me/persons/:personId/appeals',
    {
      config: { permission: 'self.write' },
      schema: {
        tags,
        summary: 'Appeal the current colour (staff decide within the configured hours)',
        params: PersonParams,
        body: AppealBody,
        response: { 201: AppealView, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await fileAppeal(deps, contextOf(request), request.params.personId, request.body.reason)),
  );
}

/** Family proxy: dependants added only after the registry's identity check; failed checks refused and audited. */
function dependantRoutes(api: Api, deps: AppDeps, proxyChecks: LoginThrottle) {
  api.get(
    '/me/dependants',
    {
      config: { permission: 'self.read' },
      schema: {
        tags,
        summary: 'Dependants I hold by proxy, and the limit',
        response: { 200: Type.Object({ limit: Type.Integer(), items: Type.Array(DependantView) }), ...errorResponses },
      },
    },
    (request) => listDependants(deps, contextOf(request)),
  );
  api.post(
    '/me/dependants',
    {
      config: { permission: 'self.write' },
      schema: {
        tags,
        summary: 'Add a dependant: ID number, name, and the same household or the phone the registry holds (refusals are audited)',
        body: DependantBody,
        response: { 201: DependantView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const context = contextOf(request);
      throttled(proxyChecks, context.actor.userId ?? request.ip);
      return reply.status(201).send(await addDependant(deps, context, request.body));
    },
  );
  api.post(
    '/me/dependants/:id/revoke',
    {
      config: { permission: 'self.write' },
      schema: { tags, summary: 'Stop holding a dependant by proxy', params: IdParams, response: { 204: Type.Null(), ...errorResponses } },
    },
    async (request, reply) => {
      await removeDependant(deps, contextOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
