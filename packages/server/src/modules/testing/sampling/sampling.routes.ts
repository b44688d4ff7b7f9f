import { ID_TYPES } from '@fangkong/core';
import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../../app-deps.ts';
import { contextOf } from '../../../http/request-context.ts';
import { type Api, errorResponses, IdParams, Nullable, Uuid } from '../../../http/schemas.ts';
import { Barcode, PayerSchema, tags } from '../testing.schemas.ts';
import { scanAtPoint } from './scan.service.ts';
import { takeSingleSample } from './single-sample.service.ts';
import { closeTubeByHand } from './tube.service.ts';

const IdType = Type.Union(ID_TYPES.map((t) => Type.Literal(t)));
const Tube = Type.Object({
  id: Uuid,
  barcode: Type.String(),
  poolSize: Type.Integer(),
  household: Type.Boolean(),
  memberCount: Type.Integer(),
  closed: Type.Boolean(),
});
const Sampled = {
  sampleId: Uuid,
  personId: Uuid,
  personName: Type.String(),
  idMasked: Type.String(),
  payer: Type.String(),
};

export function samplingRoutes(api: Api, deps: AppDeps) {
  api.post(
    '/testing/collection-points/:id/scans',
    {
      config: { permission: 'testing.sample' },
      schema: {
        tags,
        summary: "Scan a resident's code (person id) or ID card into the open tube of a barcode; the tube closes when full",
        params: IdParams,
        body: Type.Object(
          {
            barcode: Barcode,
            personId: Type.Optional(Uuid),
            idType: Type.Optional(IdType),
            idNumber: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ ...Sampled, tube: Tube }), ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await scanAtPoint(deps, contextOf(request), request.params.id, request.body)),
  );
  api.post(
    '/testing/tubes/close',
    {
      config: { permission: 'testing.sample' },
      schema: {
        tags,
        summary: 'Close a tube that is not full (it goes to the lab with what it holds)',
        body: Type.Object({ barcode: Barcode }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            id: Uuid,
            barcode: Type.String(),
            poolSize: Type.Integer(),
            memberCount: Type.Integer(),
            status: Type.String(),
          }),
          ...errorResponses,
        },
      },
    },
    (request) => closeTubeByHand(deps, contextOf(request), request.body.barcode),
  );
  api.post(
    '/testing/samples',
    {
      config: { permission: 'testing.sample' },
      schema: {
        tags,
        summary:
          'A single-tube sample outside a campaign: mandatory group, voluntary (who pays), fever clinic, or the retest of a pool member',
        body: Type.Object(
          {
            personId: Uuid,
            barcode: Barcode,
            purpose: Type.Union([Type.Literal('mandatory'), Type.Literal('voluntary'), Type.Literal('retest')]),
            payer: Type.Optional(PayerSchema),
            setting: Type.Optional(Type.Union([Type.Literal('fever_clinic'), Type.Literal('routine')])),
            labName: Type.Optional(Type.String({ maxLength: 100 })),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({ ...Sampled, barcode: Type.String(), tubeId: Uuid, retestOfTubeId: Nullable(Uuid) }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => reply.status(201).send(await takeSingleSample(deps, contextOf(request), request.body)),
  );
}
