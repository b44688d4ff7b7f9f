import { ROLES } from '@fangkong/core';
import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../app-deps.ts';
import { contextOf } from '../../http/request-context.ts';
import { type Api, errorResponses, IdParams, Nullable, Page, PageQuery, pageWindow, Uuid } from '../../http/schemas.ts';
import { changeUser, createUser, grantRole, listUsersWithRoles, resetPassword, revokeRole } from './user.service.ts';

const RoleName = Type.Union(ROLES.map((r) => Type.Literal(r)));

const UserItem = Type.Object({
  id: Uuid,
  username: Type.String(),
  displayName: Type.String(),
  disabled: Type.Boolean(),
  lockedUntil: Nullable(Type.String()),
  lastLoginAt: Nullable(Type.String()),
  roles: Type.Array(Type.Object({ id: Uuid, role: Type.String(), jurisdictionId: Uuid, jurisdictionName: Type.String() })),
});

const Reason = Type.String({ minLength: 2, maxLength: 200 });
const OneTimePassword = Type.Object({ oneTimePassword: Nullable(Type.String()) });
const tags = ['users'];

export function userRoutes(api: Api, deps: AppDeps) {
  api.get(
    '/users',
    {
      config: { permission: 'user.read' },
      schema: {
        tags,
        summary: 'Accounts with a role inside my scope',
        querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 40 })), ...PageQuery }, { additionalProperties: false }),
        response: { 200: Page(UserItem), ...errorResponses },
      },
    },
    (request) => {
      const { limit, offset } = pageWindow(request.query);
      return listUsersWithRoles(deps, contextOf(request), request.query.q, limit, offset);
    },
  );
  api.post(
    '/users',
    {
      config: { permission: 'user.admin' },
      schema: {
        tags,
        summary: 'Create an account with its first role; without a password a one-time password is returned',
        body: Type.Object(
          {
            username: Type.String({ minLength: 3, maxLength: 40, pattern: '^[A-Za-z0-9_.-]+$' }),
            displayName: Type.String({ minLength: 1, maxLength: 60 }),
            password: Type.Optional(Type.String({ maxLength: 200 })),
            role: RoleName,
            jurisdictionId: Uuid,
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Composite([Type.Object({ id: Uuid, username: Type.String() }), OneTimePassword]), ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createUser(deps, contextOf(request), request.body)),
  );
  api.patch(
    '/users/:id',
    {
      config: { permission: 'user.admin' },
      schema: {
        tags,
        summary: 'Rename, disable or enable (unlocks) an account',
        params: IdParams,
        body: Type.Object(
          {
            displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
            disabled: Type.Optional(Type.Boolean()),
            reason: Reason,
          },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { reason, ...changes } = request.body;
      await changeUser(deps, contextOf(request), request.params.id, changes, reason);
      return reply.status(204).send(null);
    },
  );
  api.post(
    '/users/:id/reset-password',
    {
      config: { permission: 'user.admin' },
      schema: {
        tags,
        summary: 'Issue a one-time password',
        params: IdParams,
        body: Type.Object({ reason: Reason }, { additionalProperties: false }),
        response: { 200: OneTimePassword, ...errorResponses },
      },
    },
    (request) => resetPassword(deps, contextOf(request), request.params.id, request.body.reason),
  );
  api.post(
    '/users/:id/roles',
    {
      config: { permission: 'user.admin' },
      schema: {
        tags,
        summary: 'Grant a role on a jurisdiction subtree',
        params: IdParams,
        body: Type.Object({ role: RoleName, jurisdictionId: Uuid }, { additionalProperties: false }),
        response: { 201: Type.Object({ id: Uuid }), ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await grantRole(deps, contextOf(request), request.params.id, request.body.role, request.body.jurisdictionId)),
  );
  api.delete(
    '/users/:id/roles/:assignmentId',
    {
      config: { permission: 'user.admin' },
      schema: {
        tags,
        summary: 'Revoke a role',
        params: Type.Object({ id: Uuid, assignmentId: Uuid }, { additionalProperties: false }),
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await revokeRole(deps, contextOf(request), request.params.id, request.params.assignmentId);
      return reply.status(204).send(null);
    },
  );
}
