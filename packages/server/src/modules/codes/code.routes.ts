import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../app-deps.ts';
import { contextOf } from '../../http/request-context.ts';
import { type Api, errorResponses, IdParams, Nullable, Uuid } from '../../http/schemas.ts';
import { Reason } from '../key-persons/key-person.schemas.ts';
import { currentCode, verifyToken } from './code.service.ts';

const tags = ['codes'];
const Colour = Type.Union([Type.Literal('green'), Type.Literal('yellow'), Type.Literal('red')]);

export function codeRoutes(api: Api, deps: AppDeps) {
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
        summary: 'Verify a health code: colour, expiry, validity (nothing else about the person)',
        security: [],
        body: Type.Object({ token: Type.String({ minLength: 10, maxLength: 2000 }) }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            valid: Type.Boolean(),
            colour: Type.Optional(Colour),
            reason: Type.Optional(Type.String()),
            ruleVersion: Type.Optional(Type.String()),
            kid: Nullable(Type.String()),
            issuedAt: Type.Optional(Type.String()),
            expiresAt: Nullable(Type.String()),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const result = await verifyToken(deps, request.body.token);
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
          ...errorResponses,
        },
      },
    },
    (request) => currentCode(deps, contextOf(request), request.params.id),
  );
}
