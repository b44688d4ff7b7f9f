import { AppError } from '@fangkong/core';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { RateLimiter } from '../../codes/rate-limit.ts';
import { contextOf } from '../../http/request-context.ts';
import { type Api, ErrorReply, errorResponses, IdParams, Nullable, Uuid } from '../../http/schemas.ts';
import { Reason } from '../key-persons/key-person.schemas.ts';
import { Colour } from './code.schemas.ts';
import { currentCode, verifyToken } from './code.service.ts';
import { issuePaperCode } from './paper-code.service.ts';

const tags = ['codes'];
const limited = { ...errorResponses, 429: ErrorReply };

/** 429 with Retry-After when any key (account, client address, device) is over its limit. */
function limit(limiter: RateLimiter, keys: string[]) {
  const wait = limiter.take(keys, Date.now());
  if (wait > 0) throw new AppError('tooMany', 'tooManyRequests', undefined, { retryAfter: wait });
}

/** Per account, and per client address at ten times that (an office behind one address has many workers). */
function limitIssue(limiters: { account: RateLimiter; address: RateLimiter }, request: FastifyRequest) {
  limit(limiters.account, [`account:${request.actor?.userId ?? 'none'}`]);
  limit(limiters.address, [`address:${request.ip}`]);
}

export function codeRoutes(api: Api, deps: AppDeps) {
  const verifyLimiter = new RateLimiter(deps.config.codeVerifyPerMinute);
  const issueLimiters = {
    account: new RateLimiter(deps.config.codeIssuePerMinute),
    address: new RateLimiter(deps.config.codeIssuePerMinute * 10),
  };
  api.get(
    '/codes/keys',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'Public keys (JWK set) that verify health codes offline',
        security: [],
        response: { 200: Type.Object({ keys: Type.Array(Type.Record(Type.String(), Type.Unknown())) }) },
      },
    },
    () => deps.codeKeys.publicKeys(),
  );
  api.post(
    '/codes/verify',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary:
          'Verify a health code: colour, expiry, validity (nothing else about the person). A long-lived (paper) code is answered with the colour now and the colour at issue. Replays are bounded by the short expiry; place and device ids count towards rate limits only and are not stored',
        security: [],
        body: Type.Object(
          {
            token: Type.String({ minLength: 10, maxLength: 2000 }),
            placeId: Type.Optional(Type.String({ maxLength: 64 })),
            deviceId: Type.Optional(Type.String({ maxLength: 64 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            valid: Type.Boolean(),
            colour: Type.Optional(Colour),
            colourAtIssue: Type.Optional(Colour),
            colourCheckedAt: Type.Optional(Type.String({ description: 'set when the colour now was looked up (a long-lived code)' })),
            changedSinceIssue: Type.Optional(Type.Boolean()),
            reason: Type.Optional(Type.String()),
            ruleVersion: Type.Optional(Type.String()),
            kid: Nullable(Type.String()),
            issuedAt: Type.Optional(Type.String()),
            expiresAt: Nullable(Type.String()),
          }),
          ...limited,
        },
      },
    },
    async (request) => {
      const { token, deviceId } = request.body;
      limit(verifyLimiter, deviceId ? [`address:${request.ip}`, `device:${deviceId}`] : [`address:${request.ip}`]);
      const result = await verifyToken(deps, token);
      // The subject (person reference) stays on the server: a verifier learns the colour, not who it is.
      if (!result.valid) return result;
      const { subject: _subject, ...shown } = result;
      return shown;
    },
  );
  api.get(
    '/persons/:id/code',
    {
      config: { permission: 'person.read' },
      schema: {
        tags,
        summary: "A person's health-code colour with its reasons and a signed token for the QR (audited)",
        params: IdParams,
        response: {
          200: Type.Object({
            personId: Uuid,
            colour: Colour,
            ruleVersion: Type.String(),
            because: Type.Array(Reason),
            token: Type.String(),
            expiresAt: Type.String(),
          }),
          ...limited,
        },
      },
    },
    (request) => {
      limitIssue(issueLimiters, request);
      return currentCode(deps, contextOf(request), request.params.id);
    },
  );
  api.get(
    '/persons/:id/paper-code.pdf',
    {
      config: { permission: 'code.change' },
      schema: {
        tags,
        summary:
          'Print a paper code (PDF) for a person without a phone: the signed token as a big QR, valid for the configured days; audited with the purpose',
        params: IdParams,
        querystring: Type.Object({ purpose: Type.String({ minLength: 2, maxLength: 200 }) }, { additionalProperties: false }),
        produces: ['application/pdf'],
      },
    },
    async (request, reply) => {
      limitIssue(issueLimiters, request);
      const paper = await issuePaperCode(deps, contextOf(request), request.params.id, request.query.purpose);
      return reply
        .header('content-type', 'application/pdf')
        .header('x-code-token', paper.token)
        .header('x-valid-until', paper.validUntil)
        .header('content-disposition', `inline; filename="paper-code-${request.params.id}.pdf"`)
        .send(paper.pdf);
    },
  );
}
