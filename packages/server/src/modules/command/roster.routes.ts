import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../app-deps.ts';
import { contextOf } from '../../http/request-context.ts';
import { type Api, errorResponses, IdParams, Nullable, Uuid } from '../../http/schemas.ts';
import { CalendarDateString, DutyShift, objectOf, Phone, Reason, RosterEntrySchema, RosterRoleSchema, Text } from './command.schemas.ts';
import { dutyOf, setDuty } from './duty.service.ts';
import { addRosterMember, changeRosterMember, peopleOf, removeRosterMember } from './roster.service.ts';

const tags = ['command'];

const RosterFields = {
  userId: Type.Optional(Nullable(Uuid)),
  title: Type.Optional(Nullable(Text(100))),
  orgUnitId: Type.Optional(Nullable(Uuid)),
  phone: Type.Optional(Nullable(Phone)),
  sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
};

function rosterMemberRoutes(api: Api, deps: AppDeps) {
  api.post(
    '/command/roster-members',
    {
      config: { permission: 'command.write' },
      schema: {
        tags,
        summary: 'Put someone on a roster: the leadership, a working group or an expert group, with a role and phone (ORG-005)',
        body: objectOf({
          headquartersId: Uuid,
          workingGroupId: Type.Optional(Uuid),
          expertGroupId: Type.Optional(Uuid),
          name: Text(40),
          role: RosterRoleSchema,
          ...RosterFields,
        }),
        response: { 201: RosterEntrySchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await addRosterMember(deps, contextOf(request), request.body)),
  );
  api.patch(
    '/command/roster-members/:id',
    {
      config: { permission: 'command.write' },
      schema: {
        tags,
        summary: 'Change a roster entry (name, title, unit, role, phone)',
        params: IdParams,
        body: objectOf({ name: Type.Optional(Text(40)), role: Type.Optional(RosterRoleSchema), ...RosterFields, reason: Reason }),
        response: { 200: RosterEntrySchema, ...errorResponses },
      },
    },
    (request) => changeRosterMember(deps, contextOf(request), request.params.id, request.body),
  );
  api.delete(
    '/command/roster-members/:id',
    {
      config: { permission: 'command.write' },
      schema: {
        tags,
        summary: 'Take someone off a roster (and its duty schedule)',
        params: IdParams,
        response: { 200: Type.Object({ id: Uuid, removed: Type.Boolean() }), ...errorResponses },
      },
    },
    (request) => removeRosterMember(deps, contextOf(request), request.params.id),
  );
  api.get(
    '/command/headquarters/:id/people',
    {
      config: { permission: 'command.read' },
      schema: {
        tags,
        summary: 'The roster by person: every role each person holds (SC-69)',
        params: IdParams,
        response: {
          200: Type.Object({
            phonesVisible: Type.Boolean(),
            items: Type.Array(
              Type.Object({
                key: Type.String(),
                name: Type.String(),
                userId: Nullable(Uuid),
                phone: Nullable(Type.String()),
                roles: Type.Array(
                  Type.Object({
                    rosterMemberId: Uuid,
                    role: Type.String(),
                    title: Nullable(Type.String()),
                    groupName: Nullable(Type.String()),
                    expertGroupName: Nullable(Type.String()),
                  }),
                ),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    (request) => peopleOf(deps, contextOf(request), request.params.id),
  );
}

const DutyItem = Type.Object({
  id: Uuid,
  dutyDate: Type.String(),
  shift: Type.String(),
  dutyRole: Type.String(),
  rosterMemberId: Uuid,
  name: Type.String(),
  title: Nullable(Type.String()),
  phone: Nullable(Type.String()),
});
const DutySchedule = Type.Object({ items: Type.Array(DutyItem), uncovered: Type.Array(Type.String()) });

function dutyRoutes(api: Api, deps: AppDeps) {
  api.get(
    '/command/headquarters/:id/duty',
    {
      config: { permission: 'command.read' },
      schema: {
        tags,
        summary: 'Duty schedule over a period and the days without 24-hour cover (ORG-065)',
        params: IdParams,
        querystring: objectOf({ from: CalendarDateString, to: CalendarDateString }),
        response: { 200: DutySchedule, ...errorResponses },
      },
    },
    (request) => dutyOf(deps, contextOf(request), request.params.id, request.query.from, request.query.to),
  );
  api.put(
    '/command/headquarters/:id/duty',
    {
      config: { permission: 'command.write' },
      schema: {
        tags,
        summary: 'Who is on duty for one day and shift: a leader and officers from the roster',
        params: IdParams,
        body: objectOf({
          dutyDate: CalendarDateString,
          shift: DutyShift,
          leaderRosterMemberId: Type.Optional(Uuid),
          officerRosterMemberIds: Type.Array(Uuid, { maxItems: 20 }),
        }),
        response: { 200: DutySchedule, ...errorResponses },
      },
    },
    (request) => setDuty(deps, contextOf(request), request.params.id, request.body),
  );
}

/** Rosters (ORG-005, SC-69) and the duty schedule (ORG-065) of a headquarters. */
export function rosterRoutes(api: Api, deps: AppDeps) {
  rosterMemberRoutes(api, deps);
  dutyRoutes(api, deps);
}
