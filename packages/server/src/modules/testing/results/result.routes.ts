import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../../app-deps.ts';
import { contextOf } from '../../../http/request-context.ts';
import { type Api, errorResponses, IdParams, Nullable, Uuid } from '../../../http/schemas.ts';
import { PersonResult, Reason, tags } from '../testing.schemas.ts';
import { issueCertificate, verifyCertificate } from './certificate.service.ts';
import { personResults } from './person-results.service.ts';

const TokenParams = Type.Object({ token: Type.String({ pattern: '^[A-Za-z0-9_-]{32}$' }) }, { additionalProperties: false });

export function resultRoutes(api: Api, deps: AppDeps) {
  api.get(
    '/testing/persons/:id/results',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: "A person's results and whether they are negative within 24/48/72 h (the person themself, or testing readers in scope)",
        params: IdParams,
        response: {
          200: Type.Object({
            personId: Uuid,
            name: Type.String(),
            idMasked: Type.String(),
            negativeWithin: Type.Array(Type.Object({ hours: Type.Integer(), negative: Type.Boolean(), because: Type.Array(Reason) })),
            results: Type.Array(PersonResult),
          }),
          ...errorResponses,
        },
      },
    },
    (request) => personResults(deps, contextOf(request), request.params.id),
  );
  api.post(
    '/testing/samples/:id/certificate',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary:
          'Issue a test certificate (检测证明, PDF) for a sample with a result; its QR code (and the x-verify-url header) verifies it publicly',
        params: IdParams,
        produces: ['application/pdf'],
      },
    },
    async (request, reply) => {
      // The link in the QR comes from configuration, never from the request's Host header (issue 12 defect 8).
      const { pdf, verifyUrl } = await issueCertificate(deps, contextOf(request), request.params.id, deps.config.publicUrl);
      return reply
        .header('content-type', 'application/pdf')
        .header('x-verify-url', verifyUrl)
        .header('content-disposition', `inline; filename="certificate-${request.params.id}.pdf"`)
        .send(pdf);
    },
  );
  api.get(
    '/testing/certificates/:token',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'Verify a test certificate: the masked name, the result and its times, nothing else',
        security: [],
        params: TokenParams,
        response: {
          200: Type.Object({
            name: Type.String(),
            result: Type.String(),
            pooled: Type.Boolean(),
            sampledAt: Type.String(),
            resultAt: Nullable(Type.String()),
            issuedAt: Type.String(),
          }),
          ...errorResponses,
        },
      },
    },
    (request) => verifyCertificate(deps, request.params.token),
  );
}
