import { AppError } from '@fangkong/core';
import type { FastifyRequest } from 'fastify';
import type { RequestContext } from './context.ts';

/** The context of an authenticated request; routes with a permission always have an actor. */
export function contextOf(request: FastifyRequest): RequestContext {
  if (!request.actor) throw new AppError('unauthenticated', 'unauthenticated');
  return { actor: request.actor, requestId: request.id, clientIp: request.ip };
}

export function anonymousContext(request: FastifyRequest, username: string): RequestContext {
  return { actor: { userId: null, username, displayName: username, grants: [] }, requestId: request.id, clientIp: request.ip };
}
