import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../app-deps.ts';
import type { LoginThrottle } from '../../auth/login-throttle.ts';
import { contextOf } from '../../http/request-context.ts';
import { type Api, errorResponses, IdParams } from '../../http/schemas.ts';
import { addDependant, listDependants, removeDependant } from './dependant.service.ts';
import { confirmDependantByCode, consentToProxy, listProxies, resendConsentCode, revokeProxy } from './proxy-consent.service.ts';
import { AddedDependantView, CodeSentReply, ConsentCodeBody, DependantBody, DependantView, ProxyView, tags } from './resident.schemas.ts';
import { throttled } from './resident-throttle.ts';

const ProxyChange = Type.Object({ linkId: Type.String(), status: Type.Literal('active') });

/** Family proxy, the proxy's side: dependants added only after the registry's identity check; an adult consents first. */
export function dependantRoutes(api: Api, deps: AppDeps, proxyChecks: LoginThrottle) {
  api.get(
    '/me/dependants',
    {
      config: { permission: 'self.read' },
      schema: {
        tags,
        summary: 'Dependants I hold by proxy (and requests waiting for an adult’s consent), and the limit',
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
        summary:
          'Add a dependant: ID number, name, and the same household or the phone the registry holds; a child is held at once, an adult must consent (refusals are audited)',
        body: DependantBody,
        response: { 201: AddedDependantView, ...errorResponses },
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
      schema: {
        tags,
        summary: 'Stop holding a dependant by proxy, or withdraw a pending request',
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await removeDependant(deps, contextOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
  consentByCodeRoutes(api, deps, proxyChecks);
}

/** The adult's consent given by phone: a code to their registry phone, which they tell the proxy. */
function consentByCodeRoutes(api: Api, deps: AppDeps, proxyChecks: LoginThrottle) {
  api.post(
    '/me/dependants/:id/consent-code',
    {
      config: { permission: 'self.write' },
      schema: {
        tags,
        summary: 'Send the adult a new consent code at the phone the registry holds (rate-limited per phone)',
        params: IdParams,
        response: { 202: CodeSentReply, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(202).send(await resendConsentCode(deps, contextOf(request), request.params.id)),
  );
  api.post(
    '/me/dependants/:id/consent',
    {
      config: { permission: 'self.write' },
      schema: {
        tags,
        summary: 'Enter the code the adult received: their consent, and the proxy becomes active',
        params: IdParams,
        body: ConsentCodeBody,
        response: { 200: ProxyChange, ...errorResponses },
      },
    },
    (request) => {
      const context = contextOf(request);
      throttled(proxyChecks, context.actor.userId ?? request.ip);
      return confirmDependantByCode(deps, context, request.params.id, request.body.code);
    },
  );
}

/** Family proxy, the dependant's side: who holds my code, consent to a request, end a proxy. */
export function proxyRoutes(api: Api, deps: AppDeps) {
  api.get(
    '/me/proxies',
    {
      config: { permission: 'self.read' },
      schema: {
        tags,
        summary: 'Who holds my code by proxy, and requests waiting for my consent',
        response: { 200: Type.Object({ items: Type.Array(ProxyView) }), ...errorResponses },
      },
    },
    (request) => listProxies(deps, contextOf(request)),
  );
  api.post(
    '/me/proxies/:id/consent',
    {
      config: { permission: 'self.write' },
      schema: { tags, summary: 'Consent to a pending proxy request', params: IdParams, response: { 200: ProxyChange, ...errorResponses } },
    },
    (request) => consentToProxy(deps, contextOf(request), request.params.id),
  );
  api.post(
    '/me/proxies/:id/revoke',
    {
      config: { permission: 'self.write' },
      schema: {
        tags,
        summary: 'End a proxy or refuse a request: the proxy sees nothing of me from then on',
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await revokeProxy(deps, contextOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
