import { AppError, PERMISSIONS, roleGrants } from '@fangkong/core';
import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../app-deps.ts';
import { SESSION_COOKIE } from '../../auth/auth.hook.ts';
import { findUserById } from '../../auth/auth.repository.ts';
import { login, logout } from '../../auth/auth.service.ts';
import { LoginThrottle } from '../../auth/login-throttle.ts';
import { anonymousContext, contextOf } from '../../http/request-context.ts';
import { type Api, errorResponses, Uuid } from '../../http/schemas.ts';
import { changeOwnPassword } from '../users/user.service.ts';

const Me = Type.Object({
  id: Uuid,
  username: Type.String(),
  displayName: Type.String(),
  csrfToken: Type.String(),
  roles: Type.Array(Type.Object({ role: Type.String(), jurisdictionId: Uuid, jurisdictionPath: Type.String() })),
  permissions: Type.Array(Type.String()),
  mustChangePassword: Type.Boolean({ description: 'true after a one-time password: the UI asks for a new one first' }),
  linkedToPerson: Type.Boolean({ description: 'true when the account stands for a person (a resident): /api/me answers for them' }),
});

const tags = ['auth'];

export function authRoutes(api: Api, deps: AppDeps) {
  const throttle = new LoginThrottle(deps.config.loginAttemptsPerMinute, 60_000);
  const db = deps.database.db;
  api.post(
    '/auth/login',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'Sign in; sets the session cookie and returns the CSRF token',
        security: [],
        body: Type.Object(
          { username: Type.String({ minLength: 1, maxLength: 60 }), password: Type.String({ minLength: 1, maxLength: 200 }) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ csrfToken: Type.String(), expiresAt: Type.String() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const wait = throttle.take(request.ip, Date.now());
      if (wait > 0) throw new AppError('tooMany', 'tooManyRequests', undefined, { retryAfter: wait });
      const { username, password } = request.body;
      const result = await login(db, deps.config, anonymousContext(request, username), username, password, deps.clock());
      reply.setCookie(SESSION_COOKIE, result.token, {
        httpOnly: true,
        sameSite: 'strict',
        path: '/',
        // Behind a TLS proxy the request may arrive as http: an https public address makes the cookie Secure too.
        secure: request.protocol === 'https' || deps.config.publicUrl.startsWith('https:'),
        expires: result.expiresAt,
      });
      return { csrfToken: result.csrfToken, expiresAt: result.expiresAt.toISOString() };
    },
  );
  api.post(
    '/auth/logout',
    {
      config: { permission: 'authenticated', beforePasswordChange: true },
      schema: { tags, summary: 'Sign out', response: { 204: Type.Null(), ...errorResponses } },
    },
    async (request, reply) => {
      if (request.sessionId) await logout(db, deps.sessions, contextOf(request), request.sessionId);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );
  api.get(
    '/auth/me',
    {
      config: { permission: 'authenticated', beforePasswordChange: true },
      schema: { tags, summary: 'Who I am, my roles and permissions', response: { 200: Me, ...errorResponses } },
    },
    async (request) => {
      const { actor } = contextOf(request);
      const user = actor.userId ? await findUserById(db, actor.userId) : undefined;
      return {
        mustChangePassword: user?.mustChangePassword ?? false,
        linkedToPerson: Boolean(user?.personId),
        id: actor.userId ?? '',
        username: actor.username,
        displayName: actor.displayName,
        csrfToken: request.csrfToken ?? '',
        roles: actor.grants.map(({ role, jurisdictionId, jurisdictionPath }) => ({ role, jurisdictionId, jurisdictionPath })),
        permissions: PERMISSIONS.filter((p) => actor.grants.some((g) => roleGrants(g.role, p))),
      };
    },
  );
  api.post(
    '/auth/password',
    {
      config: { permission: 'authenticated', beforePasswordChange: true },
      schema: {
        tags,
        summary: 'Change my password; ends my other sessions',
        body: Type.Object(
          { currentPassword: Type.String({ minLength: 1, maxLength: 200 }), newPassword: Type.String({ minLength: 1, maxLength: 200 }) },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await changeOwnPassword(deps, contextOf(request), request.sessionId, request.body.currentPassword, request.body.newPassword);
      return reply.status(204).send(null);
    },
  );
}
