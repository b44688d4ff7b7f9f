import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../app-deps.ts';
import { contextOf } from '../../http/request-context.ts';
import { type Api, errorResponses, IdParams, PageQuery, pageWindow, Uuid } from '../../http/schemas.ts';
import { accountabilityLedger, addAccountabilityRecord, unitAccountability } from './accountability.service.ts';
import {
  AccountabilityKindSchema,
  AccountabilityRecordSchema,
  CalendarDateString,
  FindingSchema,
  Instant,
  LedgerSchema,
  NewFindingSchema,
  objectOf,
  SupervisionMethodSchema,
  SupervisionSchema,
  Text,
  UnitAccountabilitySchema,
} from './command.schemas.ts';
import { addFinding, createSupervision, recheckFinding, supervisionDetail, supervisionList } from './supervision.service.ts';

const tags = ['supervision'];

function inspectionRoutes(api: Api, deps: AppDeps) {
  api.get(
    '/supervisions',
    {
      config: { permission: 'command.read' },
      schema: {
        tags,
        summary: 'Inspections (督查) in my scope, newest first, with their findings and where each rectification stands',
        querystring: objectOf({ ...PageQuery }),
        response: { 200: Type.Object({ items: Type.Array(SupervisionSchema), total: Type.Integer() }), ...errorResponses },
      },
    },
    (request) => {
      const { limit, offset } = pageWindow(request.query);
      return supervisionList(deps, contextOf(request), limit, offset);
    },
  );
  api.post(
    '/supervisions',
    {
      config: { permission: 'supervision.write' },
      schema: {
        tags,
        summary: 'Record an inspection (SUP-001, SUP-004…009) with findings; each finding’s rectification becomes a task with its deadline',
        body: objectOf({
          headquartersId: Uuid,
          jurisdictionId: Uuid,
          workingGroupId: Type.Optional(Uuid),
          inspectedUnitId: Type.Optional(Uuid),
          method: SupervisionMethodSchema,
          subject: Text(200),
          inspectedAt: Instant,
          inspectors: Type.Optional(Type.String({ maxLength: 300 })),
          summary: Type.Optional(Type.String({ maxLength: 4000 })),
          findings: Type.Optional(Type.Array(NewFindingSchema, { maxItems: 50 })),
        }),
        response: { 201: SupervisionSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createSupervision(deps, contextOf(request), request.body)),
  );
  api.get(
    '/supervisions/:id',
    {
      config: { permission: 'command.read' },
      schema: {
        tags,
        summary: 'One inspection with its findings, rectification tasks and re-checks',
        params: IdParams,
        response: { 200: SupervisionSchema, ...errorResponses },
      },
    },
    (request) => supervisionDetail(deps, contextOf(request), request.params.id),
  );
  api.post(
    '/supervisions/:id/findings',
    {
      config: { permission: 'supervision.write' },
      schema: {
        tags,
        summary: 'Add a finding to an inspection; its rectification becomes a task',
        params: IdParams,
        body: NewFindingSchema,
        response: { 201: FindingSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await addFinding(deps, contextOf(request), request.params.id, request.body)),
  );
  api.post(
    '/supervision-findings/:id/rechecks',
    {
      config: { permission: 'supervision.write' },
      schema: {
        tags,
        summary: 'Re-check (复查) a finding once its rectification is done: passed closes it, failed sets a new deadline and task',
        params: IdParams,
        body: objectOf({ passed: Type.Boolean(), note: Text(1000), newDueAt: Type.Optional(Instant) }),
        response: { 200: FindingSchema, ...errorResponses },
      },
    },
    (request) => recheckFinding(deps, contextOf(request), request.params.id, request.body),
  );
}

function accountabilityRoutes(api: Api, deps: AppDeps) {
  api.get(
    '/accountability',
    {
      config: { permission: 'command.read' },
      schema: {
        tags,
        summary: 'Units in my scope with findings, overdue tasks or accountability records (SUP-002…004)',
        response: { 200: LedgerSchema, ...errorResponses },
      },
    },
    (request) => accountabilityLedger(deps, contextOf(request)),
  );
  api.get(
    '/accountability/units/:id',
    {
      config: { permission: 'command.read' },
      schema: {
        tags,
        summary: 'One unit’s accountability record: commendations, accountability, and its findings',
        params: IdParams,
        response: { 200: UnitAccountabilitySchema, ...errorResponses },
      },
    },
    (request) => unitAccountability(deps, contextOf(request), request.params.id),
  );
  api.post(
    '/accountability/records',
    {
      config: { permission: 'supervision.write' },
      schema: {
        tags,
        summary: 'Record a commendation or a step of accountability for a unit, with its basis (SUP-002, SUP-003, SUP-004)',
        body: objectOf({
          orgUnitId: Uuid,
          kind: AccountabilityKindSchema,
          basis: Text(1000),
          findingId: Type.Optional(Uuid),
          decidedBy: Text(100),
          decidedOn: CalendarDateString,
        }),
        response: { 201: AccountabilityRecordSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await addAccountabilityRecord(deps, contextOf(request), request.body)),
  );
}

export function supervisionRoutes(api: Api, deps: AppDeps) {
  inspectionRoutes(api, deps);
  accountabilityRoutes(api, deps);
}
