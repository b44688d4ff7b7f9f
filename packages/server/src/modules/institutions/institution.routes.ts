import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../app-deps.ts';
import { contextOf } from '../../http/request-context.ts';
import { type Api, errorResponses, IdParams, objectOf, PageQuery, pageWindow, Uuid } from '../../http/schemas.ts';
import {
  AbsenceBody,
  CalendarDay,
  DutyRecordBody,
  HealthCheckBody,
  IncidentBody,
  InstitutionDaySchema,
  InstitutionSchema,
  InstitutionTaskSchema,
  KindSchema,
  NewInstitutionBody,
  SaleBody,
  SaleSchema,
  SentinelSchema,
  VisitCountBody,
} from './institution.schemas.ts';
import { institutionImportRoutes } from './institution-import.routes.ts';
import { recordIncident } from './institution-incident.service.ts';
import { recordAbsence, recordDuty, recordHealthCheck, recordVisitCounts } from './institution-records.service.ts';
import { institutionDay, institutionList, registerInstitution, setReporter } from './institution-registry.service.ts';
import { institutionTaskList, sentinelWeek } from './institution-tasks.service.ts';
import { permitsGuestsRoutes } from './permits-guests.routes.ts';
import { recordSale, revealSale, saleList } from './pharmacy-sale.service.ts';

const tags = ['institutions'];
const Ok = Type.Object({}, { additionalProperties: true });

function registryRoutes(api: Api, deps: AppDeps) {
  api.get(
    '/institutions',
    {
      config: { permission: 'institution.read' },
      schema: {
        tags,
        summary: 'Institutions in my scope with their profile findings (issue 16; SCH-010, ENT-003/004)',
        querystring: objectOf({ kind: Type.Optional(KindSchema) }),
        response: { 200: Type.Object({ items: Type.Array(InstitutionSchema), total: Type.Integer() }), ...errorResponses },
      },
    },
    (request) => institutionList(deps, contextOf(request), request.query.kind),
  );
  api.post(
    '/institutions',
    {
      config: { permission: 'institution.manage' },
      schema: {
        tags,
        summary: 'Register an institution; its profile is checked (a school with more classes than students is refused)',
        body: NewInstitutionBody,
        response: { 201: InstitutionSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await registerInstitution(deps, contextOf(request), request.body)),
  );
  api.put(
    '/institutions/:id/reporter',
    {
      config: { permission: 'institution.manage' },
      schema: {
        tags,
        summary: "Name (or clear) the account that reports for an institution: only it then submits the institution's reports",
        params: IdParams,
        body: objectOf({ reporterUserId: Type.Union([Uuid, Type.Null()]) }),
        response: { 200: InstitutionSchema, ...errorResponses },
      },
    },
    (request) => setReporter(deps, contextOf(request), request.params.id, request.body.reporterUserId),
  );
  api.get(
    '/institutions/:id',
    {
      config: { permission: 'institution.read' },
      schema: {
        tags,
        summary: "An institution's day: duties at the level in force with their state, school checks, absences, incidents",
        params: IdParams,
        querystring: objectOf({ day: Type.Optional(CalendarDay) }),
        response: { 200: InstitutionDaySchema, ...errorResponses },
      },
    },
    (request) => institutionDay(deps, contextOf(request), request.params.id, request.query.day),
  );
}

function recordRoutes(api: Api, deps: AppDeps) {
  api.post(
    '/institutions/:id/duty-records',
    {
      config: { permission: 'institution.report' },
      schema: {
        tags,
        summary: 'A duty done (or not) on a day (MKT-005, INST-, PUB-, TRN-)',
        params: IdParams,
        body: DutyRecordBody,
        response: { 201: Ok, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await recordDuty(deps, contextOf(request), request.params.id, request.body)),
  );
  api.post(
    '/institutions/:id/health-checks',
    {
      config: { permission: 'institution.report' },
      schema: {
        tags,
        summary: "A school's morning, noon or evening check (SCH-004)",
        params: IdParams,
        body: HealthCheckBody,
        response: { 201: Ok, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await recordHealthCheck(deps, contextOf(request), request.params.id, request.body)),
  );
  api.post(
    '/institutions/:id/absences',
    {
      config: { permission: 'institution.report' },
      schema: {
        tags,
        summary: 'An illness absence (SCH-005, SC-51): traced; with fever a fast-track NAT task',
        params: IdParams,
        body: AbsenceBody,
        response: {
          201: Type.Object({
            id: Uuid,
            day: Type.String(),
            traceBy: Type.String(),
            natTaskId: Type.Union([Uuid, Type.Null()]),
            natDueAt: Type.Union([Type.String(), Type.Null()]),
          }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => reply.status(201).send(await recordAbsence(deps, contextOf(request), request.params.id, request.body)),
  );
  api.post(
    '/institutions/:id/visit-counts',
    {
      config: { permission: 'institution.report' },
      schema: {
        tags,
        summary: "A medical institution's fever-clinic and primary-care visits of a day (MED-007)",
        params: IdParams,
        body: VisitCountBody,
        response: { 201: Ok, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await recordVisitCounts(deps, contextOf(request), request.params.id, request.body)),
  );
  api.post(
    '/institutions/:id/incidents',
    {
      config: { permission: 'institution.incident' },
      schema: {
        tags,
        summary: "A case or positive sample at an institution starts the protocol's steps as tasks (CASE-013, SC-66)",
        params: IdParams,
        body: IncidentBody,
        response: { 201: Ok, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await recordIncident(deps, contextOf(request), request.params.id, request.body)),
  );
}

function pharmacyRoutes(api: Api, deps: AppDeps) {
  api.post(
    '/institutions/:id/pharmacy-sales',
    {
      config: { permission: 'institution.report' },
      schema: {
        tags,
        summary:
          "A real-name sale of a fever, cough, antiviral or antibiotic drug (PHAR-001, SC-61); the buyer goes to their community's work list",
        params: IdParams,
        body: SaleBody,
        response: { 201: SaleSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await recordSale(deps, contextOf(request), request.params.id, request.body)),
  );
  api.get(
    '/pharmacy-sales',
    {
      config: { permission: 'institution.read' },
      schema: {
        tags,
        summary: 'Real-name sales in my scope, buyers masked',
        querystring: objectOf({ institutionId: Type.Optional(Uuid), ...PageQuery }),
        response: { 200: Type.Object({ items: Type.Array(SaleSchema), total: Type.Integer() }), ...errorResponses },
      },
    },
    (request) => {
      const { limit, offset } = pageWindow(request.query);
      return saleList(deps, contextOf(request), request.query.institutionId, limit, offset);
    },
  );
  api.post(
    '/pharmacy-sales/:id/reveal',
    {
      config: { permission: 'institution.read' },
      schema: {
        tags,
        summary: 'The buyer in full, with a stated purpose; every view is audited',
        params: IdParams,
        body: objectOf({ purpose: Type.String({ minLength: 1, maxLength: 200 }) }),
        response: {
          200: Type.Object({ id: Uuid, buyerName: Type.String(), buyerIdNumber: Type.String(), buyerPhone: Type.String() }),
          ...errorResponses,
        },
      },
    },
    (request) => revealSale(deps, contextOf(request), request.params.id, request.body.purpose),
  );
}

function taskRoutes(api: Api, deps: AppDeps) {
  api.get(
    '/institution-tasks',
    {
      config: { permission: 'institution.read' },
      schema: {
        tags,
        summary: 'Follow-ups institutions started: pharmacy buyers, absence NATs, incident steps (open first)',
        querystring: objectOf({ institutionId: Type.Optional(Uuid) }),
        response: { 200: Type.Object({ items: Type.Array(InstitutionTaskSchema), total: Type.Integer() }), ...errorResponses },
      },
    },
    (request) => institutionTaskList(deps, contextOf(request), request.query.institutionId),
  );
  api.get(
    '/institution-sentinels',
    {
      config: { permission: 'institution.read' },
      schema: {
        tags,
        summary: "The week's sentinel daily counts in my scope (pharmacy purchases, illness absences, visits): what early warning reads",
        response: { 200: Type.Object({ from: Type.String(), to: Type.String(), items: Type.Array(SentinelSchema) }), ...errorResponses },
      },
    },
    (request) => sentinelWeek(deps, contextOf(request)),
  );
}

/** Institutions (issue 16): registry, duties, school checks and absences, visit counts, pharmacy sales, incidents. */
export function institutionRoutes(api: Api, deps: AppDeps) {
  registryRoutes(api, deps);
  institutionImportRoutes(api, deps);
  recordRoutes(api, deps);
  pharmacyRoutes(api, deps);
  taskRoutes(api, deps);
  permitsGuestsRoutes(api, deps);
}
