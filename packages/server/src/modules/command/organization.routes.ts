import { COMMAND_EXPERT_GROUP_TEMPLATES, GROUP_TEMPLATE_SETS, WORKING_GROUP_TEMPLATES } from '@fangkong/core';
import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../app-deps.ts';
import { contextOf } from '../../http/request-context.ts';
import { type Api, errorResponses, IdParams, Nullable, Uuid } from '../../http/schemas.ts';
import { sendXlsx, XLSX_MIME } from '../../imports/import-http.ts';
import {
  Duties,
  ExpertGroupSchema,
  ExpertKind,
  ExpertLevel,
  GroupSchema,
  HeadquartersDetailSchema,
  HeadquartersKindSchema,
  HeadquartersSummary,
  OrgUnitKind,
  OrgUnitSchema,
  objectOf,
  Phone,
  Purpose,
  Reason,
  TemplateSet,
  TemplatesSchema,
  Text,
  UnitIds,
} from './command.schemas.ts';
import { addExpertGroup, changeExpertGroup } from './expert-group.service.ts';
import { exportGroupTable } from './group-table.service.ts';
import { changeHeadquarters, createHeadquarters, headquartersDetail, listHeadquartersIn } from './headquarters.service.ts';
import { createOrgUnit, listOrgUnits } from './org-unit.service.ts';
import { rosterRoutes } from './roster.routes.ts';
import { addWorkingGroup, changeWorkingGroup, groupRevisions } from './working-group.service.ts';

const tags = ['command'];

function headquartersRoutes(api: Api, deps: AppDeps) {
  api.get(
    '/command/templates',
    {
      config: { permission: 'command.read' },
      schema: {
        tags,
        summary: 'The seeds’ working-group and expert-group templates (seed 002: 12 district groups; seeds 001 / 004 A: 7 each)',
        response: { 200: TemplatesSchema, ...errorResponses },
      },
    },
    () => ({ sets: [...GROUP_TEMPLATE_SETS], groups: [...WORKING_GROUP_TEMPLATES], expertGroups: [...COMMAND_EXPERT_GROUP_TEMPLATES] }),
  );
  api.get(
    '/command/headquarters',
    {
      config: { permission: 'command.read' },
      schema: {
        tags,
        summary: 'Headquarters in my scope (ORG-001) with their group and task counts',
        response: { 200: Type.Object({ items: Type.Array(HeadquartersSummary) }), ...errorResponses },
      },
    },
    (request) => listHeadquartersIn(deps, contextOf(request)),
  );
  api.post(
    '/command/headquarters',
    {
      config: { permission: 'command.write' },
      schema: {
        tags,
        summary: 'Set up the headquarters of a district, town or community, its groups from a seed template (ORG-001, ORG-010)',
        body: objectOf({
          jurisdictionId: Uuid,
          name: Type.Optional(Text(100)),
          kind: Type.Optional(HeadquartersKindSchema),
          templateSet: Type.Optional(Type.Union([TemplateSet, Type.Literal('none')])),
          officeLocation: Type.Optional(Text(200)),
          officePhone: Type.Optional(Phone),
        }),
        response: { 201: HeadquartersDetailSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createHeadquarters(deps, contextOf(request), request.body)),
  );
  api.get(
    '/command/headquarters/:id',
    {
      config: { permission: 'command.read' },
      schema: {
        tags,
        summary: 'The organization of a headquarters: leadership, groups with duties and rosters, expert groups (phones masked outside it)',
        params: IdParams,
        response: { 200: HeadquartersDetailSchema, ...errorResponses },
      },
    },
    (request) => headquartersDetail(deps, contextOf(request), request.params.id),
  );
  api.patch(
    '/command/headquarters/:id',
    {
      config: { permission: 'command.write' },
      schema: {
        tags,
        summary: 'Change the name or office of a headquarters (ORG-006); raises its version',
        params: IdParams,
        body: objectOf({
          name: Type.Optional(Text(100)),
          officeLocation: Type.Optional(Nullable(Text(200))),
          officePhone: Type.Optional(Nullable(Phone)),
          reason: Reason,
        }),
        response: { 200: HeadquartersDetailSchema, ...errorResponses },
      },
    },
    (request) => changeHeadquarters(deps, contextOf(request), request.params.id, request.body),
  );
  api.get(
    '/command/headquarters/:id/groups.xlsx',
    {
      config: { permission: 'command.read' },
      schema: {
        tags,
        summary: '工作组名单及职责 and 领导小组成员名单 as the seeds lay them out (Excel); an export of phones, so its purpose is recorded',
        params: IdParams,
        querystring: objectOf({ purpose: Purpose }),
        produces: [XLSX_MIME],
      },
    },
    async (request, reply) => {
      const { file, fileName } = await exportGroupTable(deps, contextOf(request), request.params.id, request.query.purpose);
      return sendXlsx(reply, fileName, file);
    },
  );
}

function groupRoutes(api: Api, deps: AppDeps) {
  api.post(
    '/command/headquarters/:id/groups',
    {
      config: { permission: 'command.write' },
      schema: {
        tags,
        summary: 'Add a working group, from a template key or by hand (ORG-010)',
        params: IdParams,
        body: objectOf({
          templateKey: Type.Optional(Text(80)),
          nameZh: Type.Optional(Text(60)),
          nameEn: Type.Optional(Text(120)),
          leadOfficial: Type.Optional(Text(100)),
          duties: Type.Optional(Duties),
          leadUnitIds: Type.Optional(UnitIds),
          memberUnitIds: Type.Optional(UnitIds),
        }),
        response: { 201: GroupSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await addWorkingGroup(deps, contextOf(request), request.params.id, request.body)),
  );
  api.patch(
    '/command/working-groups/:id',
    {
      config: { permission: 'command.write' },
      schema: {
        tags,
        summary: 'Change a group: names, lead official, duties, lead and member units, status; the version before is kept',
        params: IdParams,
        body: objectOf({
          nameZh: Type.Optional(Text(60)),
          nameEn: Type.Optional(Text(120)),
          leadOfficial: Type.Optional(Nullable(Text(100))),
          duties: Type.Optional(Duties),
          leadUnitIds: Type.Optional(UnitIds),
          memberUnitIds: Type.Optional(UnitIds),
          status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('dissolved')])),
          reason: Reason,
        }),
        response: { 200: GroupSchema, ...errorResponses },
      },
    },
    (request) => changeWorkingGroup(deps, contextOf(request), request.params.id, request.body),
  );
  api.get(
    '/command/working-groups/:id/revisions',
    {
      config: { permission: 'command.read' },
      schema: {
        tags,
        summary: 'Earlier versions of a group, with who changed it and why',
        params: IdParams,
        response: {
          200: Type.Object({
            current: Type.Integer(),
            items: Type.Array(
              Type.Object({
                version: Type.Integer(),
                reason: Type.String(),
                changedAt: Type.String(),
                changedByName: Nullable(Type.String()),
                snapshot: Type.Record(Type.String(), Type.Unknown()),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    (request) => groupRevisions(deps, contextOf(request), request.params.id),
  );
  api.post(
    '/command/headquarters/:id/expert-groups',
    {
      config: { permission: 'command.write' },
      schema: {
        tags,
        summary: 'Add an expert group: the headquarters’ own, or a higher level’s reviewers as an outside body (ORG-050)',
        params: IdParams,
        body: objectOf({
          templateKey: Type.Optional(Text(80)),
          kind: Type.Optional(ExpertKind),
          level: Type.Optional(ExpertLevel),
          nameZh: Type.Optional(Text(60)),
          nameEn: Type.Optional(Text(120)),
          established: Type.Optional(Type.Boolean()),
          recommendedBy: Type.Optional(Text(100)),
          duties: Type.Optional(Duties),
        }),
        response: { 201: ExpertGroupSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await addExpertGroup(deps, contextOf(request), request.params.id, request.body)),
  );
  api.patch(
    '/command/expert-groups/:id',
    {
      config: { permission: 'command.write' },
      schema: {
        tags,
        summary: 'Change an expert group (e.g. “目前未成立” → established)',
        params: IdParams,
        body: objectOf({
          nameZh: Type.Optional(Text(60)),
          nameEn: Type.Optional(Text(120)),
          established: Type.Optional(Type.Boolean()),
          recommendedBy: Type.Optional(Nullable(Text(100))),
          duties: Type.Optional(Duties),
          reason: Reason,
        }),
        response: { 200: ExpertGroupSchema, ...errorResponses },
      },
    },
    (request) => changeExpertGroup(deps, contextOf(request), request.params.id, request.body),
  );
}

function unitRoutes(api: Api, deps: AppDeps) {
  api.get(
    '/command/org-units',
    {
      config: { permission: 'command.read' },
      schema: {
        tags,
        summary: 'Lead, member and responsible units in my scope, found by name or alias (ORG-060)',
        querystring: objectOf({ jurisdictionId: Type.Optional(Uuid), q: Type.Optional(Text(40)) }),
        response: { 200: Type.Object({ items: Type.Array(OrgUnitSchema) }), ...errorResponses },
      },
    },
    (request) => listOrgUnits(deps, contextOf(request), request.query),
  );
  api.post(
    '/command/org-units',
    {
      config: { permission: 'command.write' },
      schema: {
        tags,
        summary: 'Add a unit of a jurisdiction, with the other spellings it answers to',
        body: objectOf({
          jurisdictionId: Uuid,
          name: Text(60),
          aliases: Type.Optional(Type.Array(Text(60), { maxItems: 20 })),
          kind: Type.Optional(OrgUnitKind),
        }),
        response: { 201: OrgUnitSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createOrgUnit(deps, contextOf(request), request.body)),
  );
}

export function organizationRoutes(api: Api, deps: AppDeps) {
  headquartersRoutes(api, deps);
  groupRoutes(api, deps);
  unitRoutes(api, deps);
  rosterRoutes(api, deps);
}
