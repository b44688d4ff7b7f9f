import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../../app-deps.ts';
import { contextOf } from '../../../http/request-context.ts';
import { type Api, errorResponses, IdParams, Nullable, Page, PageQuery, pageWindow, Uuid } from '../../../http/schemas.ts';
import { GroupParams, Loose, Reason, ResultValue, tags } from '../testing.schemas.ts';
import { addMember, groupCoverage, groupMembers, leaveGroup } from './group.service.ts';

const DateString = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD (Asia/Shanghai)' });
const State = Type.Union([Type.Literal('covered'), Type.Literal('due'), Type.Literal('overdue')]);

export function groupRoutes(api: Api, deps: AppDeps) {
  api.get(
    '/testing/groups',
    {
      config: { permission: 'testing.read' },
      schema: {
        tags,
        summary: 'The 12 mandatory-testing groups with their cycles and coverage in my scope (or one jurisdiction)',
        querystring: Type.Object({ jurisdictionId: Type.Optional(Uuid) }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            editionId: Type.String(),
            date: Type.String(),
            groups: Type.Array(
              Type.Object({
                group: Type.String(),
                cycle: Nullable(Loose),
                basis: Nullable(Type.Omit(Reason, ['rule'])),
                members: Type.Integer(),
                covered: Type.Integer(),
                due: Type.Integer(),
                overdue: Type.Integer(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    (request) => groupCoverage(deps, contextOf(request), request.query.jurisdictionId),
  );
  api.get(
    '/testing/groups/:group/members',
    {
      config: { permission: 'testing.read' },
      schema: {
        tags,
        summary: "A group's roster with each member's state (state=overdue: who to chase)",
        params: GroupParams,
        querystring: Type.Object(
          { jurisdictionId: Type.Optional(Uuid), state: Type.Optional(State), ...PageQuery },
          { additionalProperties: false },
        ),
        response: {
          200: Page(
            Type.Object({
              id: Uuid,
              personId: Uuid,
              name: Type.String(),
              idMasked: Type.String(),
              phoneMasked: Nullable(Type.String()),
              jurisdictionName: Type.String(),
              jurisdictionLabel: Type.String(),
              unitName: Nullable(Type.String()),
              joinedOn: Type.String(),
              lastSampledAt: Nullable(Type.String()),
              lastResult: ResultValue,
              lastPooled: Type.Boolean(),
              /** From an active key-person episode (leaves with it), not from a roster. */
              fromKeyPersons: Type.Boolean(),
              state: State,
              dueDate: Type.String(),
            }),
          ),
          ...errorResponses,
        },
      },
    },
    (request) => groupMembers(deps, contextOf(request), request.params.group, { ...request.query, ...pageWindow(request.query) }),
  );
  api.post(
    '/testing/groups/:group/members',
    {
      config: { permission: 'testing.manage' },
      schema: {
        tags,
        summary: "Put a person on a group's roster",
        params: GroupParams,
        body: Type.Object(
          { personId: Uuid, unitName: Type.Optional(Type.String({ maxLength: 100 })), joinedOn: Type.Optional(DateString) },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ id: Uuid, group: Type.String(), personId: Uuid, joinedOn: Type.String() }), ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await addMember(deps, contextOf(request), request.params.group, request.body)),
  );
  api.post(
    '/testing/group-members/:id/leave',
    {
      config: { permission: 'testing.manage' },
      schema: {
        tags,
        summary: 'Take a person off a roster, with the reason',
        params: IdParams,
        body: Type.Object({ reason: Type.String({ minLength: 2, maxLength: 200 }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ id: Uuid, leftOn: Type.String() }), ...errorResponses },
      },
    },
    (request) => leaveGroup(deps, contextOf(request), request.params.id, request.body.reason),
  );
}
