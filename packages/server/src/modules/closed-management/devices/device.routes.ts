import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../../app-deps.ts';
import { contextOf } from '../../../http/request-context.ts';
import { type Api, errorResponses, IdParams, Uuid } from '../../../http/schemas.ts';
import { Colour, Decision, tags } from '../closed-management.schemas.ts';
import { authenticateDevice, DeviceRateLimiter, listDevices, registerDevice, retireDevice } from './device.service.ts';
import { ingestScans } from './scan-ingest.service.ts';

const Device = Type.Object({ id: Uuid, checkpointId: Uuid, name: Type.String(), status: Type.String(), lastSequence: Type.Integer() });

export function deviceRoutes(api: Api, deps: AppDeps) {
  const limiter = new DeviceRateLimiter(120, () => new Date());
  api.post(
    '/checkpoints/:id/devices',
    {
      config: { permission: 'checkpoint.manage' },
      schema: {
        tags,
        summary: 'Register a scanning device for a checkpoint; its key is shown once',
        params: IdParams,
        body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 50 }) }, { additionalProperties: false }),
        response: { 201: Type.Intersect([Device, Type.Object({ key: Type.String() })]), ...errorResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await registerDevice(deps, contextOf(request), request.params.id, request.body.name)),
  );
  api.get(
    '/checkpoints/:id/devices',
    {
      config: { permission: 'checkpoint.manage' },
      schema: {
        tags,
        summary: "A checkpoint's devices",
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(Device) }), ...errorResponses },
      },
    },
    (request) => listDevices(deps, contextOf(request), request.params.id),
  );
  api.post(
    '/checkpoints/:id/devices/:deviceId/revoke',
    {
      config: { permission: 'checkpoint.manage' },
      schema: {
        tags,
        summary: 'Revoke a device: its scans are refused from now on',
        params: Type.Object({ id: Uuid, deviceId: Uuid }, { additionalProperties: false }),
        response: { 200: Device, ...errorResponses },
      },
    },
    (request) => retireDevice(deps, contextOf(request), request.params.id, request.params.deviceId),
  );
  api.post(
    '/scans/batch',
    {
      // A device, not a user: it authenticates with x-device-key (unknown → 401, revoked → 403), rate-limited per device.
      // Up to 5000 scans a batch: more than the JSON default, bounded all the same (issue 12 defect 2).
      bodyLimit: 4 * 1024 * 1024,
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'Bulk scan ingest from an offline checkpoint device (x-device-key), idempotent by device sequence',
        security: [],
        headers: Type.Object({ 'x-device-key': Type.Optional(Type.String()) }),
        body: Type.Object(
          {
            scans: Type.Array(
              Type.Object(
                {
                  sequence: Type.Integer(),
                  scannedAt: Type.String(),
                  token: Type.Optional(Type.String({ maxLength: 2000 })),
                  personId: Type.Optional(Type.String()),
                  colourSeen: Type.Optional(Colour),
                  decision: Decision,
                  reason: Type.Optional(Type.String({ maxLength: 200 })),
                },
                { additionalProperties: false },
              ),
              { minItems: 1, maxItems: 5000 },
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            accepted: Type.Integer(),
            duplicate: Type.Integer(),
            rejected: Type.Integer(),
            items: Type.Array(
              Type.Object({
                sequence: Type.Integer(),
                outcome: Type.Union([Type.Literal('accepted'), Type.Literal('duplicate'), Type.Literal('rejected')]),
                reason: Type.Optional(Type.String()),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const device = await authenticateDevice(deps.database.db, request.headers['x-device-key']);
      limiter.take(device.id);
      return ingestScans(deps, device, request.body.scans);
    },
  );
}
