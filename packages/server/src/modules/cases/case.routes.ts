import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../app-deps.ts';
import { contextOf } from '../../http/request-context.ts';
import { type Api, errorResponses, IdParams, Page, PageQuery, pageWindow, Uuid } from '../../http/schemas.ts';
import { sendPdf } from '../../http/send-pdf.ts';
import { CalendarDateString } from '../key-persons/key-person.schemas.ts';
import {
  Agency,
  Board,
  CaseDetail,
  CaseEnding,
  CaseItem,
  Classification,
  ClinicalTypeSchema,
  Findings,
  Instant,
  InvestigationFormSchema,
  Json,
  NewCaseBody,
  objectOf,
  SpotActionSchema,
  Suggestion,
  TrajectoryItem,
  TrajectorySource,
} from './case.schemas.ts';
import { classifyCase, endCase, openCase, reportCase, suggestFor } from './case.service.ts';
import { caseBoard, caseDetail, caseList, caseTrajectory, reportCard, reportCardPdfOf } from './case-view.service.ts';
import { addTrajectoryPoint, investigatorsOf, removeTrajectoryPoint, updateInvestigationOf } from './investigation.service.ts';
import { investigationReport } from './investigation-report.service.ts';
import { recordSpotAction } from './spot.service.ts';

const tags = ['cases'];

function caseReadRoutes(api: Api, deps: AppDeps) {
  api.get(
    '/cases',
    {
      config: { permission: 'case.read' },
      schema: {
        tags,
        summary: 'Cases in my scope (personal data masked) with their clocks',
        querystring: objectOf({
          classification: Type.Optional(Classification),
          status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('closed')])),
          q: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
          ...PageQuery,
        }),
        response: { 200: Page(CaseItem), ...errorResponses },
      },
    },
    (request) => {
      const { limit, offset } = pageWindow(request.query);
      const { classification, status, q } = request.query;
      return caseList(deps, contextOf(request), { classification, status, q }, limit, offset);
    },
  );
  api.get(
    '/cases/board',
    {
      config: { permission: 'case.read' },
      schema: {
        tags,
        summary: 'Deadline board (CASE-001): open cases, their clocks and the responsible investigator, worst first',
        response: { 200: Board, ...errorResponses },
      },
    },
    (request) => caseBoard(deps, contextOf(request)),
  );
  api.get(
    '/cases/:id',
    {
      config: { permission: 'case.read' },
      schema: {
        tags,
        summary: 'One case: classification history, clocks, investigation',
        params: IdParams,
        response: { 200: CaseDetail, ...errorResponses },
      },
    },
    (request) => caseDetail(deps, contextOf(request), request.params.id),
  );
  api.get(
    '/cases/:id/trajectory',
    {
      config: { permission: 'case.read' },
      schema: {
        tags,
        summary: 'The trajectory of a case; every read is audited with its purpose',
        params: IdParams,
        querystring: objectOf({ purpose: Type.String({ minLength: 2, maxLength: 100 }) }),
        response: { 200: Type.Object({ items: Type.Array(TrajectoryItem) }), ...errorResponses },
      },
    },
    (request) => caseTrajectory(deps, contextOf(request), request.params.id, request.query.purpose),
  );
  api.get(
    '/cases/:id/investigators',
    {
      config: { permission: 'case.read' },
      schema: {
        tags,
        summary: 'Who may be assigned to the investigation: users holding investigation.write over the case',
        params: IdParams,
        response: {
          200: Type.Object({
            items: Type.Array(Type.Object({ id: Uuid, username: Type.String(), displayName: Type.String(), role: Type.String() })),
          }),
          ...errorResponses,
        },
      },
    },
    (request) => investigatorsOf(deps, contextOf(request), request.params.id),
  );
  api.get(
    '/cases/:id/investigation-report.pdf',
    {
      config: { permission: 'case.read' },
      schema: {
        tags,
        summary: 'The investigation report (流行病学调查报告) as a PDF to file; printing is audited with its purpose',
        params: IdParams,
        querystring: objectOf({ purpose: Type.String({ minLength: 2, maxLength: 100 }) }),
        produces: ['application/pdf'],
      },
    },
    async (request, reply) => {
      const pdf = await investigationReport(deps, contextOf(request), request.params.id, request.query.purpose);
      return sendPdf(reply, `investigation-${request.params.id}.pdf`, pdf);
    },
  );
  api.get(
    '/cases/:id/report-card.pdf',
    {
      config: { permission: 'case.write' },
      schema: {
        tags,
        summary: 'The infectious-disease report card (传染病报告卡) as a PDF; printing is audited with its purpose',
        params: IdParams,
        querystring: objectOf({ purpose: Type.String({ minLength: 2, maxLength: 100 }) }),
        produces: ['application/pdf'],
      },
    },
    async (request, reply) => {
      const pdf = await reportCardPdfOf(deps, contextOf(request), request.params.id, request.query.purpose);
      return sendPdf(reply, `report-card-${request.params.id}.pdf`, pdf);
    },
  );
  api.get(
    '/cases/:id/report-card',
    {
      config: { permission: 'case.write' },
      schema: {
        tags,
        summary: 'The infectious-disease report card (传染病报告卡) with its completeness; audited',
        params: IdParams,
        response: {
          200: Type.Object({ card: Json, completeness: Type.Object({ complete: Type.Boolean(), missing: Type.Array(Type.String()) }) }),
          ...errorResponses,
        },
      },
    },
    (request) => reportCard(deps, contextOf(request), request.params.id),
  );
}

function caseWriteRoutes(api: Api, deps: AppDeps) {
  api.post(
    '/cases/suggest',
    {
      config: { permission: 'case.read' },
      schema: {
        tags,
        summary: 'Suggest a classification from the case definition, clause by clause (nothing written)',
        body: objectOf({ editionId: Type.Optional(Type.String({ maxLength: 40 })), findings: Findings }),
        response: { 200: Suggestion, ...errorResponses },
      },
    },
    (request) => suggestFor(deps.database.db, contextOf(request), request.body.editionId, request.body.findings, deps.clock()),
  );
  api.post(
    '/cases',
    {
      config: { permission: 'case.write' },
      schema: {
        tags,
        summary:
          'Open a case (positive tube, fever clinic, asymptomatic finding or manual): clocks from discovery, the person under key-person management',
        body: NewCaseBody,
        response: {
          201: Type.Object({ id: Uuid, caseNumber: Type.String(), episodeId: Uuid, reportDueAt: Type.String() }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => reply.status(201).send(await openCase(deps, contextOf(request), request.body)),
  );
  api.post(
    '/cases/:id/classify',
    {
      config: { permission: 'case.write' },
      schema: {
        tags,
        summary: 'Confirm a classification (asymptomatic → confirmed is a correction, CASE-006)',
        params: IdParams,
        body: objectOf({
          classification: Classification,
          clinicalType: Type.Optional(ClinicalTypeSchema),
          reason: Type.String({ minLength: 2, maxLength: 200 }),
          findings: Type.Optional(Findings),
        }),
        response: {
          200: Type.Object({ id: Uuid, classification: Type.String(), kind: Type.String(), episodeId: Type.Union([Uuid, Type.Null()]) }),
          ...errorResponses,
        },
      },
    },
    (request) => classifyCase(deps, contextOf(request), request.params.id, request.body),
  );
  api.post(
    '/cases/:id/report',
    {
      config: { permission: 'case.write' },
      schema: {
        tags,
        summary: 'Record the direct network report (网络直报)',
        params: IdParams,
        body: objectOf({
          reportedAt: Type.Optional(Instant),
          reportingUnit: Type.String({ minLength: 2, maxLength: 100 }),
          reportingDoctor: Type.String({ minLength: 1, maxLength: 60 }),
        }),
        response: { 200: Type.Object({ id: Uuid, reportedAt: Type.String(), late: Type.Boolean() }), ...errorResponses },
      },
    },
    (request) => reportCase(deps, contextOf(request), request.params.id, request.body),
  );
  api.post(
    '/cases/:id/end',
    {
      config: { permission: 'case.write' },
      schema: {
        tags,
        summary: 'Report discharge, release or death (CASE-015); the case closes',
        params: IdParams,
        body: objectOf({ ending: CaseEnding, at: Instant, note: Type.Optional(Type.String({ maxLength: 200 })) }),
        response: { 200: Type.Object({ id: Uuid, status: Type.String(), ending: Type.String() }), ...errorResponses },
      },
    },
    (request) => endCase(deps, contextOf(request), request.params.id, request.body),
  );
}

function investigationRoutes(api: Api, deps: AppDeps) {
  api.patch(
    '/cases/:id/investigation',
    {
      config: { permission: 'investigation.write' },
      schema: {
        tags,
        summary: 'The investigation (流调): form, CDC + police assignees, completion, spot sealing',
        params: IdParams,
        body: objectOf({
          form: Type.Optional(InvestigationFormSchema),
          onsetDate: Type.Optional(CalendarDateString),
          assignees: Type.Optional(Type.Array(objectOf({ userId: Uuid, agency: Agency }), { maxItems: 10 })),
          complete: Type.Optional(Type.Boolean()),
          sealed: Type.Optional(Type.Boolean()),
          sealingNote: Type.Optional(Type.String({ maxLength: 200 })),
        }),
        response: { 200: Type.Object({ id: Uuid, state: Type.String(), sealed: Type.Boolean() }), ...errorResponses },
      },
    },
    (request) => updateInvestigationOf(deps, contextOf(request), request.params.id, request.body),
  );
  api.post(
    '/cases/:id/trajectory',
    {
      config: { permission: 'investigation.write' },
      schema: {
        tags,
        summary: 'Add a trajectory point (place, from–to, source)',
        params: IdParams,
        body: objectOf({
          placeId: Type.Optional(Uuid),
          placeText: Type.Optional(Type.String({ minLength: 2, maxLength: 200 })),
          fromAt: Instant,
          toAt: Instant,
          source: TrajectorySource,
          note: Type.Optional(Type.String({ maxLength: 200 })),
        }),
        response: { 201: Type.Object({ id: Uuid }), ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await addTrajectoryPoint(deps, contextOf(request), request.params.id, request.body)),
  );
  api.post(
    '/cases/:id/trajectory/:pointId/spot',
    {
      config: { permission: 'investigation.write' },
      schema: {
        tags,
        summary: 'The place as an outbreak spot: record it sealed, disinfected or lifted (lifted only after both)',
        params: objectOf({ id: Uuid, pointId: Uuid }),
        body: objectOf({ action: SpotActionSchema, note: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) }),
        response: { 200: Type.Object({ id: Uuid, action: Type.String(), at: Type.String() }), ...errorResponses },
      },
    },
    (request) => recordSpotAction(deps, contextOf(request), request.params.id, request.params.pointId, request.body),
  );
  api.post(
    '/cases/:id/trajectory/:pointId/remove',
    {
      config: { permission: 'investigation.write' },
      schema: {
        tags,
        summary: 'Remove a trajectory point (kept for the audit trail)',
        params: objectOf({ id: Uuid, pointId: Uuid }),
        body: objectOf({ reason: Type.String({ minLength: 2, maxLength: 200 }) }),
        response: { 200: Type.Object({ id: Uuid, removed: Type.Boolean() }), ...errorResponses },
      },
    },
    (request) => removeTrajectoryPoint(deps, contextOf(request), request.params.id, request.params.pointId, request.body.reason),
  );
}

/** Cases (REQUIREMENTS §6, issue 11): /api/cases. */
export function caseRoutes(api: Api, deps: AppDeps) {
  caseReadRoutes(api, deps);
  caseWriteRoutes(api, deps);
  investigationRoutes(api, deps);
}
