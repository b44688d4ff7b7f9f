import { ALERT_KINDS, ALERT_SEVERITIES, ALERT_STATUSES } from '@fangkong/core';
import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../app-deps.ts';
import { contextOf } from '../../http/request-context.ts';
import { type Api, errorResponses, IdParams, Nullable, pageWindow, Uuid } from '../../http/schemas.ts';
import { alertBadge, listAlerts, resolveAlert } from './alert.service.ts';

const Severity = Type.Union(ALERT_SEVERITIES.map((s) => Type.Literal(s)));
const Status = Type.Union(ALERT_STATUSES.map((s) => Type.Literal(s)));
const Kind = Type.Union(ALERT_KINDS.map((k) => Type.Literal(k)));

const AlertItem = Type.Object({
  id: Uuid,
  kind: Type.String(),
  severity: Severity,
  status: Type.String(),
  /** The episode the alert is about, or that of the first member of its tube. */
  episodeId: Nullable(Uuid),
  siteId: Nullable(Uuid),
  personNameMasked: Nullable(Type.String()),
  /** Members of the alert's tube living under its jurisdiction (pool and single-tube alerts). */
  members: Nullable(Type.Integer()),
  tubeCode: Nullable(Type.String()),
  /** Web route of the record the alert is about. */
  link: Nullable(Type.String()),
  details: Type.Record(Type.String(), Type.Unknown()),
  createdAt: Type.String(),
});

export function alertRoutes(api: Api, deps: AppDeps) {
  api.get(
    '/alerts',
    {
      config: { permission: 'alert.read' },
      schema: {
        tags: ['alerts'],
        summary: 'Alerts in my scope: open first, then by severity, then newest; filter by kind, status, severity, jurisdiction',
        querystring: Type.Object(
          {
            page: Type.Integer({ minimum: 1, default: 1 }),
            pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
            kind: Type.Optional(Kind),
            status: Type.Optional(Status),
            severity: Type.Optional(Severity),
            jurisdictionId: Type.Optional(Uuid),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ total: Type.Integer(), items: Type.Array(AlertItem) }), ...errorResponses },
      },
    },
    (request) => {
      const { limit, offset } = pageWindow(request.query);
      const { kind, status, severity, jurisdictionId } = request.query;
      return listAlerts(deps, contextOf(request), { kind, status, severity, jurisdictionId, limit, offset });
    },
  );
  api.get(
    '/alerts/badge',
    {
      config: { permission: 'alert.read' },
      schema: {
        tags: ['alerts'],
        summary: 'Count of my open alerts',
        response: { 200: Type.Object({ open: Type.Integer() }), ...errorResponses },
      },
    },
    (request) => alertBadge(deps, contextOf(request)),
  );
  api.post(
    '/alerts/:id/resolve',
    {
      config: { permission: 'alert.read' },
      schema: {
        tags: ['alerts'],
        summary: 'Resolve an alert with a reason',
        params: IdParams,
        body: Type.Object({ reason: Type.String({ minLength: 2, maxLength: 200 }) }, { additionalProperties: false }),
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await resolveAlert(deps, contextOf(request), request.params.id, request.body.reason);
      return reply.status(204).send(null);
    },
  );
}
