import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../app-deps.ts';
import { searchAudit } from '../../audit/audit.service.ts';
import { contextOf } from '../../http/request-context.ts';
import { type Api, errorResponses, Nullable, Page, PageQuery, pageWindow, Uuid } from '../../http/schemas.ts';

const Values = Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]);

const AuditItem = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  actorUserId: Nullable(Type.String()),
  actorName: Type.String(),
  action: Type.String(),
  entityType: Type.String(),
  entityId: Nullable(Type.String()),
  jurisdictionPath: Nullable(Type.String()),
  before: Values,
  after: Values,
  reason: Nullable(Type.String()),
  requestId: Nullable(Type.String()),
  clientIp: Nullable(Type.String()),
});

export function auditRoutes(api: Api, deps: AppDeps) {
  api.get(
    '/audit',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: 'Audit events inside my scope, newest first',
        querystring: Type.Object(
          {
            jurisdictionId: Type.Optional(Uuid),
            actor: Type.Optional(Type.String({ maxLength: 60 })),
            action: Type.Optional(Type.String({ maxLength: 60 })),
            entityType: Type.Optional(Type.String({ maxLength: 40 })),
            entityId: Type.Optional(Type.String({ maxLength: 60 })),
            from: Type.Optional(Type.String({ format: 'date-time' })),
            to: Type.Optional(Type.String({ format: 'date-time' })),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: { 200: Page(AuditItem), ...errorResponses },
      },
    },
    async (request) => {
      const { page: _p, pageSize: _s, ...filters } = request.query;
      const result = await searchAudit(deps.database.db, contextOf(request), { ...filters, ...pageWindow(request.query) });
      return { total: result.total, items: result.items.map((e) => ({ ...e, at: e.at.toISOString() })) };
    },
  );
}
