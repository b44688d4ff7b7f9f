import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../../app-deps.ts';
import { contextOf } from '../../../http/request-context.ts';
import { type Api, errorResponses, IdParams, Nullable, Uuid } from '../../../http/schemas.ts';
import { OptionalReasonBody, ReasonBody } from '../../codes/code.schemas.ts';
import { Barcode, DateTime, Loose, ResultValue, tags } from '../testing.schemas.ts';
import { approveCorrection, listCorrections, lookUpResult, rejectCorrection, requestCorrection } from './correction.service.ts';

const Result = Type.Union([Type.Literal('negative'), Type.Literal('positive'), Type.Literal('indeterminate')]);
const Status = Type.Union([Type.Literal('pending'), Type.Literal('approved'), Type.Literal('rejected')], { default: 'pending' });

const Correction = Type.Object({
  id: Uuid,
  tubeId: Uuid,
  barcode: Type.String(),
  previousResult: Result,
  newResult: Result,
  reason: Type.String(),
  labReference: Nullable(Type.String()),
  status: Type.String(),
  requestedBy: Uuid,
  requestedByName: Type.String(),
  requestedAt: DateTime,
  decidedByName: Nullable(Type.String()),
  decidedAt: Nullable(DateTime),
  decisionReason: Nullable(Type.String()),
  /** What the approval set off: actions and reasons from the protocol, counts, episode ids. */
  followUp: Nullable(Loose),
});

const CorrectionBody = Type.Object(
  {
    barcode: Barcode,
    result: Result,
    reason: Type.String({ minLength: 2, maxLength: 1000 }),
    labReference: Type.Optional(
      Type.String({ maxLength: 100, description: "The lab's reference or document number for the corrected report" }),
    ),
  },
  { additionalProperties: false },
);

const TubeResult = Type.Object({
  tubeId: Uuid,
  barcode: Type.String(),
  memberCount: Type.Integer(),
  retest: Type.Boolean(),
  result: ResultValue,
  labName: Nullable(Type.String()),
  testedAt: Nullable(DateTime),
  receivedAt: Nullable(DateTime),
  correctedAt: Nullable(DateTime),
  corrections: Type.Array(Correction),
});

const Decided = Type.Object({ id: Uuid, status: Type.String() });

/** Corrections of lab results: one user requests (lab-result rights), a second one decides (testing managers). */
export function correctionRoutes(api: Api, deps: AppDeps) {
  api.get(
    '/testing/lab-results/lookup',
    {
      // Requesters (testing.labResult) and approvers (testing.manage): the service scopes to either.
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: "A tube's result by barcode, with its corrections (the result's history)",
        querystring: Type.Object({ barcode: Barcode }, { additionalProperties: false }),
        response: { 200: TubeResult, ...errorResponses },
      },
    },
    (request) => lookUpResult(deps, contextOf(request), request.query.barcode),
  );
  api.post(
    '/testing/lab-result-corrections',
    {
      config: { permission: 'testing.labResult' },
      schema: {
        tags,
        summary: "Request a correction of a tube's result, with a reason; a second user with testing.manage approves",
        body: CorrectionBody,
        response: { 201: Correction, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await requestCorrection(deps, contextOf(request), request.body)),
  );
  api.get(
    '/testing/lab-result-corrections',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: 'Lab result corrections in my scope (default: pending approval)',
        querystring: Type.Object({ status: Type.Optional(Status) }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(Correction) }), ...errorResponses },
      },
    },
    (request) => listCorrections(deps, contextOf(request), request.query.status ?? 'pending'),
  );
  api.post(
    '/testing/lab-result-corrections/:id/approve',
    {
      config: { permission: 'testing.manage' },
      schema: {
        tags,
        summary: 'Approve a correction (not one you requested): the result changes and its follow-up reruns',
        params: IdParams,
        body: OptionalReasonBody,
        response: { 200: Decided, ...errorResponses },
      },
    },
    (request) => approveCorrection(deps, contextOf(request), request.params.id, request.body.reason),
  );
  api.post(
    '/testing/lab-result-corrections/:id/reject',
    {
      config: { permission: 'testing.manage' },
      schema: {
        tags,
        summary: 'Reject a correction with a reason; the result stays',
        params: IdParams,
        body: ReasonBody,
        response: { 200: Decided, ...errorResponses },
      },
    },
    (request) => rejectCorrection(deps, contextOf(request), request.params.id, request.body.reason),
  );
}
