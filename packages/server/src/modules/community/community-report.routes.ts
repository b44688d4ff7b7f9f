import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../app-deps.ts';
import { contextOf } from '../../http/request-context.ts';
import { type Api, errorResponses, IdParams, objectOf, Uuid } from '../../http/schemas.ts';
import {
  CommunityReport,
  CommunityReportBody,
  OutsiderFoundBody,
  PoliceReferralBody,
  ResidentReportBody,
  tags,
} from './community.schemas.ts';
import {
  communityReportList,
  outsiderFound,
  outsiderNotFound,
  recordCommunityReport,
  referToPolice,
  residentOutsiderReport,
} from './community-report.service.ts';

const write = { permission: 'community.write' as const };

/** What a community is told of (seed 001 §三(二)2–3): unregistered outsiders (SC-38) and refusals referred to the police (SC-39). */
export function communityReportRoutes(api: Api, deps: AppDeps) {
  api.post(
    '/community/reports',
    {
      config: write,
      schema: {
        tags,
        summary: 'Record an unregistered outsider (the town tracks them, SC-38) or a refusal of a measure (for the police, SC-39)',
        body: CommunityReportBody,
        response: { 201: CommunityReport, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await recordCommunityReport(deps, contextOf(request), request.body)),
  );
  api.post(
    '/me/outsider-reports',
    {
      config: { permission: 'self.write' },
      schema: {
        tags,
        summary: 'A resident reports an unregistered outsider to their own community (seed 001 §三(二)2, SC-38)',
        body: ResidentReportBody,
        response: { 201: CommunityReport, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await residentOutsiderReport(deps, contextOf(request), request.body)),
  );
  api.get(
    '/community/reports',
    {
      config: { permission: 'community.read' },
      schema: {
        tags,
        summary: 'Reports of outsiders and refusals in scope (or one jurisdiction), newest first; names masked',
        querystring: objectOf({ jurisdictionId: Type.Optional(Uuid), open: Type.Optional(Type.Boolean()) }),
        response: { 200: Type.Object({ items: Type.Array(CommunityReport) }), ...errorResponses },
      },
    },
    (request) => communityReportList(deps, contextOf(request), request.query.jurisdictionId, request.query.open ?? false),
  );
  api.post(
    '/community/reports/:id/found',
    {
      config: write,
      schema: {
        tags,
        summary:
          'The reported outsider is found: registered in a household under home medical observation; the tracking task closes (SC-38)',
        params: IdParams,
        body: OutsiderFoundBody,
        response: { 200: CommunityReport, ...errorResponses },
      },
    },
    (request) => outsiderFound(deps, contextOf(request), request.params.id, request.body),
  );
  api.post(
    '/community/reports/:id/not-found',
    {
      config: write,
      schema: {
        tags,
        summary: 'The tracking ends without finding the person, saying why (SC-38)',
        params: IdParams,
        body: objectOf({ note: Type.String({ minLength: 1, maxLength: 200 }) }),
        response: { 200: CommunityReport, ...errorResponses },
      },
    },
    (request) => outsiderNotFound(deps, contextOf(request), request.params.id, request.body.note),
  );
  api.post(
    '/community/reports/:id/refer',
    {
      config: write,
      schema: {
        tags,
        summary: 'Refer a refusal to the police (KP-I03, COMM-034, SC-39)',
        params: IdParams,
        body: PoliceReferralBody,
        response: { 200: CommunityReport, ...errorResponses },
      },
    },
    (request) => referToPolice(deps, contextOf(request), request.params.id, request.body),
  );
}
