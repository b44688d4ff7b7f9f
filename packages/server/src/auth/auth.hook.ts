import { AppError, hasPermissionAnywhere } from '@fangkong/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../app-deps.ts';
import { resolveSession } from './auth.service.ts';

export const SESSION_COOKIE = 'fk_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function tokenOf(request: FastifyRequest): { token: string; viaCookie: boolean } | null {
  const bearer = request.headers.authorization?.match(/^Bearer (\S+)$/)?.[1];
  if (bearer) return { token: bearer, viaCookie: false };
  const cookie = request.cookies[SESSION_COOKIE];
  return cookie ? { token: cookie, viaCookie: true } : null;
}

/**
 * Resolves the caller and enforces the permission the route declares. A cookie session must send
 * its CSRF token on every unsafe method; bearer tokens (machine clients) are never sent by browsers.
 */
export function installAuthHook(app: FastifyInstance, deps: AppDeps) {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('csrfToken', null);
  app.addHook('onRequest', async (request) => {
    const permission = request.routeOptions.config?.permission;
    if (!permission || permission === 'public') return;
    const credentials = tokenOf(request);
    const resolved = credentials && (await resolveSession(deps.database.db, deps.sessions, credentials.token, deps.clock()));
    if (!credentials || !resolved) throw new AppError('unauthenticated', 'unauthenticated');
    if (credentials.viaCookie && !SAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== resolved.csrfToken) {
      throw new AppError('forbidden', 'csrf', 'x-csrf-token');
    }
    if (resolved.mustChangePassword && !request.routeOptions.config?.beforePasswordChange) {
      // issue 12 defect 6: a one-time password opens nothing but the change of it, whatever the client shows.
      throw new AppError('forbidden', 'passwordChangeRequired');
    }
    request.actor = resolved.actor;
    request.sessionId = resolved.sessionId;
    request.csrfToken = resolved.csrfToken;
    if (permission !== 'authenticated' && !hasPermissionAnywhere(resolved.actor.grants, permission)) {
      throw new AppError('forbidden', 'forbidden');
    }
  });
}

/** Start-up refuses any /api route that does not say what permission it needs. */
export function requireDeclaredPermissions(app: FastifyInstance, registered: { method: string; url: string; permission: string }[]) {
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    const permission = route.config?.permission;
    if (!permission) throw new Error(`route ${String(route.method)} ${route.url} declares no permission`);
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') registered.push({ method, url: route.url, permission });
    }
  });
}
