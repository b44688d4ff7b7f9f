import { type TSchema, Type } from '@sinclair/typebox';
import type { AppDeps } from '../../app-deps.ts';
import { LoginThrottle } from '../../auth/login-throttle.ts';
import { anonymousContext, contextOf } from '../../http/request-context.ts';
import { type Api, errorResponses } from '../../http/schemas.ts';
import { fileAppeal, listAppeals } from './appeal-filing.service.ts';
import { confirmArrival, declareHealth, listArrivals, listDeclarations, reportArrival } from './declaration.service.ts';
import { dependantRoutes, proxyRoutes } from './dependant.routes.ts';
import { aboutMe, myCode, myCodeHistory, myResults } from './my-code.service.ts';
import { registerResident, requestRegistrationCode } from './registration.service.ts';
import {
  AppealBody,
  AppealView,
  ArrivalBody,
  ArrivalParams,
  ArrivalView,
  CodeHistoryReply,
  CodeReply,
  CodeSentReply,
  DeclarationBody,
  DeclarationView,
  MeReply,
  PersonParams,
  RegistrationBody,
  RegistrationCodeBody,
  ResultsReply,
  tags,
} from './resident.schemas.ts';
import { throttled } from './resident-throttle.ts';

/** Identity checks a proxy may try per account and hour, on top of the per-address limit of registration. */
const PROXY_CHECKS_PER_HOUR = 10;

/** Residents' own pages (H5): registration, their code and results, declarations, arrival reports, appeals, family proxy. */
export function residentRoutes(api: Api, deps: AppDeps) {
  const proxyChecks = new LoginThrottle(PROXY_CHECKS_PER_HOUR, 3_600_000);
  registrationRoutes(api, deps);

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
  proxyRoutes(api, deps);
}

/**
 * Registration in two steps (issue 12 defect 5): a one-time code to the registry phone, then the account with
 * that code. Both count against one per-address limit; the code step is also limited per phone (in the service).
 */
function registrationRoutes(api: Api, deps: AppDeps) {
  const registrations = new LoginThrottle(deps.config.loginAttemptsPerMinute, 60_000);
  api.post(
    '/residents/register/code',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'Registration step 1: ID number, name and the phone the registry holds must match; a 6-digit code goes to that phone',
        security: [],
        body: RegistrationCodeBody,
        response: { 202: CodeSentReply, ...errorResponses },
      },
    },
    async (request, reply) => {
      throttled(registrations, request.ip);
      const sent = await requestRegistrationCode(deps, anonymousContext(request, 'resident-registration'), request.body);
      return reply.status(202).send(sent);
    },
  );
  api.post(
    '/residents/register',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'Registration step 2: the same facts and the code sent to the registry phone open the account (sign in with the phone)',
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
