import { POOL_FOLLOW_UP_STATES } from '@fangkong/core';
import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../../app-deps.ts';
import { contextOf } from '../../../http/request-context.ts';
import { type Api, errorResponses, IdParams, Nullable, Uuid } from '../../../http/schemas.ts';
import { XLSX_MIME } from '../../key-persons/roster/roster.routes.ts';
import { Campaign, Community, FollowUpBoard, ResultValue, tags } from '../testing.schemas.ts';
import { dailyReport, dailyReportFile } from './daily-report.service.ts';
import { testingOverview } from './overview.service.ts';
import { poolMembers } from './pool-members.service.ts';

const JurisdictionRef = Type.Object({ id: Uuid, code: Type.String(), name: Type.String() });
const DateParam = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD (Asia/Shanghai); today when left out' });
const Purpose = Type.String({
  minLength: 2,
  maxLength: 200,
  description: 'Why the report leaves the platform (recorded in the audit log)',
});
const ReportQuery = { date: Type.Optional(DateParam), jurisdictionId: Type.Optional(Uuid) };
const Counted = (key: string) => Type.Array(Type.Object({ [key]: Type.String(), n: Type.Integer() }));

const Overview = Type.Object({
  asOf: Type.String(),
  since: Type.String({ description: 'Campaigns closed and single tubes opened before this are left out' }),
  jurisdictions: Type.Array(JurisdictionRef),
  campaignsTotal: Type.Integer(),
  campaigns: Type.Array(
    Type.Composite([
      Campaign,
      Type.Object({ jurisdictionName: Type.String(), expected: Type.Integer(), sampled: Type.Integer(), towns: Type.Array(Community) }),
    ]),
  ),
  ...FollowUpBoard.properties,
  positivesByState: Type.Object(Object.fromEntries(POOL_FOLLOW_UP_STATES.map((s) => [s, Type.Integer()]))),
});

const PoolMembers = Type.Object({
  tubeId: Uuid,
  barcode: Type.String(),
  result: ResultValue,
  resultAt: Nullable(Type.String()),
  memberCount: Type.Integer(),
  membersOutsideScope: Type.Integer(),
  members: Type.Array(
    Type.Object({
      personId: Uuid,
      nameMasked: Type.String(),
      idMasked: Type.String(),
      communityId: Nullable(Uuid),
      communityName: Nullable(Type.String()),
      controlTask: Nullable(Type.String({ description: 'open | closed; null when the tube set none off' })),
      retestTask: Nullable(Type.String()),
      caseCandidate: Type.Boolean(),
      retest: Nullable(
        Type.Object({ barcode: Type.String(), sampledAt: Nullable(Type.String()), result: ResultValue, resultAt: Nullable(Type.String()) }),
      ),
      episode: Nullable(Type.Object({ id: Uuid, category: Type.String(), status: Type.String() })),
      state: Type.String({ description: 'retesting | awaitingResult | cleared | case' }),
    }),
  ),
});

const DailyReport = Type.Object({
  date: Type.String(),
  generatedAt: Type.String(),
  jurisdictions: Type.Array(Type.Composite([JurisdictionRef, Type.Object({ path: Type.String() })])),
  sampled: Type.Object({ total: Type.Integer(), byPurpose: Counted('purpose'), byPayer: Counted('payer') }),
  tubes: Type.Object({ opened: Type.Integer(), closed: Type.Integer(), inTransitAtEnd: Type.Integer() }),
  results: Type.Array(
    Type.Object({ result: Type.String(), tubes: Type.Integer(), persons: Type.Integer(), pools: Type.Integer(), retests: Type.Integer() }),
  ),
  positives: Type.Object({
    pools: Type.Integer(),
    membersUnderControl: Type.Integer(),
    singles: Type.Integer(),
    retestsPositive: Type.Integer(),
    handedOver: Type.Integer(),
  }),
  turnaround: Type.Object({
    overLimit: Type.Integer(),
    bySetting: Type.Array(
      Type.Object({
        setting: Type.String(),
        limitHours: Nullable(Type.Number()),
        results: Type.Integer(),
        overLimit: Type.Integer(),
        maxHours: Nullable(Type.Number()),
      }),
    ),
  }),
});

/** The command view of testing across campaigns, a pool's members, and the daily report upward (TEST-007). */
export function overviewRoutes(api: Api, deps: AppDeps) {
  api.get(
    '/testing/overview',
    {
      config: { permission: 'testing.read' },
      schema: {
        tags,
        summary:
          'Open campaigns (and those closed in the last days) with progress per town, tubes in transit, results pending by lab against the turnaround limit, today’s positives and their follow-up',
        querystring: Type.Object(
          { jurisdictionId: Type.Optional(Uuid), closedWithinDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 30, default: 3 })) },
          { additionalProperties: false },
        ),
        response: { 200: Overview, ...errorResponses },
      },
    },
    (request) =>
      testingOverview(deps, contextOf(request), {
        jurisdictionId: request.query.jurisdictionId,
        closedWithinDays: request.query.closedWithinDays ?? 3,
      }),
  );
  api.get(
    '/testing/tubes/:id/members',
    {
      config: { permission: 'testing.read' },
      schema: {
        tags,
        summary: 'The members of a tube in my scope (masked) with their control and retest tasks, retest result and hand-over',
        params: IdParams,
        response: { 200: PoolMembers, ...errorResponses },
      },
    },
    (request) => poolMembers(deps, contextOf(request), request.params.id),
  );
  api.get(
    '/testing/reports/daily',
    {
      config: { permission: 'testing.read' },
      schema: {
        tags,
        summary: 'The day’s testing summary for upward reporting (TEST-007): samples, tubes, results by outcome, positives, turnaround',
        querystring: Type.Object(ReportQuery, { additionalProperties: false }),
        response: { 200: DailyReport, ...errorResponses },
      },
    },
    (request) => dailyReport(deps, contextOf(request), request.query),
  );
  api.get(
    '/testing/reports/daily.xlsx',
    {
      config: { permission: 'testing.read' },
      schema: {
        tags,
        summary: 'The daily testing report as Excel; the purpose is recorded',
        querystring: Type.Object({ ...ReportQuery, purpose: Purpose }, { additionalProperties: false }),
        produces: [XLSX_MIME],
      },
    },
    async (request, reply) => {
      const { date, file } = await dailyReportFile(deps, contextOf(request), request.query);
      return reply
        .header('content-type', XLSX_MIME)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`核酸检测日报-${date}.xlsx`)}`)
        .send(file);
    },
  );
}
