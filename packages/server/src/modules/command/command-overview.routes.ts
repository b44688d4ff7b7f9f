import { RESPONSE_LEVELS } from '@fangkong/core';
import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../app-deps.ts';
import { contextOf } from '../../http/request-context.ts';
import { type Api, errorResponses, literals, Nullable, Uuid } from '../../http/schemas.ts';
import { objectOf, TaskCounts, TaskSchema } from './command.schemas.ts';
import { commandOverview } from './command-overview.service.ts';

const Count = Type.Integer({ minimum: 0 });

const CommandOverview = Type.Object({
  jurisdiction: Type.Object({ id: Uuid, name: Type.String(), level: Type.String() }),
  date: Type.String(),
  level: Nullable(
    Type.Object({
      level: literals(RESPONSE_LEVELS),
      jurisdictionId: Nullable(Uuid),
      jurisdictionName: Nullable(Type.String()),
      /** Set by an ancestor (a district's level covers its towns). */
      inherited: Type.Boolean(),
    }),
  ),
  /** Levels set by jurisdictions under this one (a town's own level below a district). */
  levelsBelow: Type.Array(Type.Object({ level: literals(RESPONSE_LEVELS), jurisdictionId: Uuid, jurisdictionName: Type.String() })),
  measures: Nullable(
    Type.Object({
      checklist: Count,
      open: Count,
      overdue: Count,
      done: Count,
      groups: Type.Array(
        Type.Object({
          workingGroupId: Nullable(Uuid),
          nameZh: Nullable(Type.String()),
          nameEn: Nullable(Type.String()),
          jurisdictionName: Nullable(Type.String()),
          open: Count,
          overdue: Count,
          done: Count,
        }),
      ),
    }),
  ),
  tasks: Type.Object({ ...TaskCounts.properties, overdueItems: Type.Array(TaskSchema) }),
  findings: Type.Object({ open: Count, overdue: Count }),
  /** Null when the caller does not read zones there. */
  zones: Nullable(
    Type.Object({
      /** The place first, then each jurisdiction directly under it (a district's towns). */
      grades: Type.Array(
        Type.Object({ jurisdictionId: Uuid, name: Type.String(), level: Type.String(), riskLevel: Nullable(Type.String()) }),
      ),
      /** The active control zones under the place. */
      zones: Type.Array(
        Type.Object({ id: Uuid, name: Type.String(), zoneType: Type.String(), jurisdictionId: Uuid, startAt: Type.String() }),
      ),
    }),
  ),
  reports: Nullable(Type.Object({ date: Type.String(), expected: Count, onTime: Count, late: Count, pending: Count, missing: Count })),
  cases: Nullable(
    Type.Object({
      date: Type.String(),
      total: Count,
      byClassification: Type.Array(Type.Object({ classification: Type.String(), count: Count })),
    }),
  ),
});

/** The commander's landing (issue 13 "command view"). */
export function commandOverviewRoutes(api: Api, deps: AppDeps) {
  api.get(
    '/command/overview',
    {
      config: { permission: 'command.read' },
      schema: {
        tags: ['command'],
        summary:
          "The commander's overview of a jurisdiction: level in force and its measures' progress per group, open and overdue tasks, open findings, risk grades and active zones, today's reports and cases",
        querystring: objectOf({ jurisdictionId: Type.Optional(Uuid) }),
        response: { 200: CommandOverview, ...errorResponses },
      },
    },
    (request) => commandOverview(deps, contextOf(request), request.query.jurisdictionId),
  );
}
