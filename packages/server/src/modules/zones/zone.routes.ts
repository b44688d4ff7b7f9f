import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../app-deps.ts';
import { contextOf } from '../../http/request-context.ts';
import { type Api, errorResponses, IdParams, Uuid } from '../../http/schemas.ts';
import { CalendarDateString } from '../key-persons/key-person.schemas.ts';
import { suggestForCase } from './control-units.ts';
import { drawZone, liftZone, listZones, zoneDetail } from './control-zone.service.ts';
import { assessRisk, confirmRisk, listRiskAreas, proposeRisk, publishRisk } from './risk-area.service.ts';
import {
  Assessment,
  Checklist,
  GradeQuery,
  NewZoneBody,
  OutbreakTypeSchema,
  RiskArea,
  RiskLevelSchema,
  Suggestion,
  tags,
  Zone,
  ZoneDetail,
  ZoneMap,
} from './zone.schemas.ts';
import { zoneMap } from './zone-map.service.ts';

const body = <T extends Parameters<typeof Type.Object>[0]>(properties: T) => Type.Object(properties, { additionalProperties: false });

function riskRoutes(api: Api, deps: AppDeps) {
  api.get(
    '/risk-areas',
    {
      config: { permission: 'zone.read' },
      schema: {
        tags,
        summary: 'Risk grades in my scope (ZONE-001): current and pending by default, every one with show=all',
        querystring: body({ show: Type.Optional(Type.Union(['current', 'published', 'pending', 'all'].map((s) => Type.Literal(s)))) }),
        response: { 200: Type.Object({ items: Type.Array(RiskArea) }), ...errorResponses },
      },
    },
    (request) => listRiskAreas(deps, contextOf(request), request.query.show),
  );
  api.get(
    '/risk-areas/assessment',
    {
      config: { permission: 'zone.read' },
      schema: {
        tags,
        summary: 'The grade the edition gives every unit in my scope today, with reasons, beside its published and pending grade',
        querystring: body({ jurisdictionId: Type.Optional(Uuid), ...GradeQuery }),
        response: { 200: Assessment, ...errorResponses },
      },
    },
    (request) => assessRisk(deps, contextOf(request), request.query),
  );
  api.post(
    '/risk-areas',
    {
      config: { permission: 'risk.propose' },
      schema: {
        tags,
        summary: 'Propose the computed grade of a unit (its reasons kept); one pending proposal per unit',
        body: body({ jurisdictionId: Uuid, ...GradeQuery }),
        response: { 201: RiskArea, ...errorResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await proposeRisk(deps, contextOf(request), request.body)),
  );
  api.post(
    '/risk-areas/:id/confirm',
    {
      config: { permission: 'risk.publish' },
      schema: {
        tags,
        summary: 'Confirm a proposed grade (another grade than computed needs a note)',
        params: IdParams,
        body: body({ level: Type.Optional(RiskLevelSchema), note: Type.Optional(Type.String({ maxLength: 500 })) }),
        response: { 200: RiskArea, ...errorResponses },
      },
    },
    (request) => confirmRisk(deps, contextOf(request), request.params.id, request.body),
  );
  api.post(
    '/risk-areas/:id/publish',
    {
      config: { permission: 'risk.publish' },
      schema: {
        tags,
        summary: 'Publish a confirmed grade with the issuing authority and the publication record; the previous grade ends',
        params: IdParams,
        body: body({
          issuingAuthority: Type.Optional(Type.String({ maxLength: 100 })),
          publicationRef: Type.Optional(Type.String({ maxLength: 200 })),
          effectiveFrom: Type.Optional(CalendarDateString),
        }),
        response: { 200: RiskArea, ...errorResponses },
      },
    },
    (request) => publishRisk(deps, contextOf(request), request.params.id, request.body),
  );
}

function zoneRoutes(api: Api, deps: AppDeps) {
  api.get(
    '/control-zones',
    {
      config: { permission: 'zone.read' },
      schema: {
        tags,
        summary: 'Control zones in my scope, newest first',
        querystring: body({ status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('lifted')])) }),
        response: { 200: Type.Object({ items: Type.Array(Zone) }), ...errorResponses },
      },
    },
    (request) => listZones(deps, contextOf(request), request.query.status),
  );
  api.get(
    '/control-zones/suggestion',
    {
      config: { permission: 'zone.write' },
      schema: {
        tags,
        summary: 'The spot or zone the outbreak type asks for over a case’s home (ZONE-004, SC-21)',
        querystring: body({ caseId: Uuid, outbreakType: OutbreakTypeSchema }),
        response: { 200: Suggestion, ...errorResponses },
      },
    },
    (request) => suggestForCase(deps, contextOf(request), request.query.caseId, request.query.outbreakType),
  );
  api.post(
    '/control-zones',
    {
      config: { permission: 'zone.write' },
      schema: {
        tags,
        summary: 'Draw a zone over minimum control units with its basis (ZONE-002, ZONE-003)',
        body: NewZoneBody,
        response: { 201: Zone, ...errorResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await drawZone(deps, contextOf(request), request.body)),
  );
  api.get(
    '/control-zones/:id',
    {
      config: { permission: 'zone.read' },
      schema: {
        tags,
        summary: 'A zone with its residents, its lifting checklist today and its effects (pool, code colour, passes)',
        params: IdParams,
        response: { 200: ZoneDetail, ...errorResponses },
      },
    },
    (request) => zoneDetail(deps, contextOf(request), request.params.id),
  );
  api.post(
    '/control-zones/:id/lift',
    {
      config: { permission: 'zone.lift' },
      schema: {
        tags,
        summary: 'Lift a zone whose checklist holds; before that only as the commander’s override with a reason (audited)',
        params: IdParams,
        body: body({ override: Type.Optional(Type.Boolean()), reason: Type.Optional(Type.String({ maxLength: 500 })) }),
        response: { 200: Type.Composite([Zone, Type.Object({ checklist: Checklist })]), ...errorResponses },
      },
    },
    (request) => liftZone(deps, contextOf(request), request.params.id, request.body),
  );
  api.get(
    '/zone-map',
    {
      config: { permission: 'zone.read' },
      schema: {
        tags,
        summary: 'The district as a schematic map: jurisdictions with their published grades, active zones and markers',
        querystring: body({ jurisdictionId: Type.Optional(Uuid) }),
        response: { 200: ZoneMap, ...errorResponses },
      },
    },
    (request) => zoneMap(deps, contextOf(request), request.query.jurisdictionId),
  );
}

/** Risk areas and control zones (issue 14). */
export function zonesRoutes(api: Api, deps: AppDeps) {
  riskRoutes(api, deps);
  zoneRoutes(api, deps);
}
