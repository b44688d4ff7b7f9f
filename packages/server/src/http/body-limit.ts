import { AppError } from '@fangkong/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** `64 KiB`: a body limit as people read it. */
export function bytesLabel(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MiB` : `${Math.round(bytes / 1024)} KiB`;
}

/** 413 naming the limit of the route the request is for. */
export function bodyTooLarge(request: FastifyRequest): AppError {
  return Object.assign(new AppError('invalid', 'bodyTooLarge', 'body', { limit: bytesLabel(request.routeOptions.bodyLimit) }), {
    status: 413,
  });
}

/**
 * Issue 12 defect 2: a body that declares more than its route's `bodyLimit` (Fastify's own per-route
 * limit; 64 KiB for JSON routes) is refused with 413 on arrival, whatever its content type and
 * before the session is looked up; a chunked body is cut by Fastify as soon as it passes the limit.
 */
export function installBodyLimitGuard(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    const declared = Number(request.headers['content-length']);
    if (declared > request.routeOptions.bodyLimit) throw bodyTooLarge(request);
  });
}
