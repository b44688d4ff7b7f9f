import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../app-deps.ts';
import { contextOf } from '../../http/request-context.ts';
import { type Api, errorResponses, IdParams, PageQuery, pageWindow, Uuid } from '../../http/schemas.ts';
import { sendPdf } from '../../http/send-pdf.ts';
import { sendXlsx, uploadRoutes, XLSX_MIME, XLSX_UPLOAD_MIMES, xlsxBody } from '../../imports/import-http.ts';
import {
  AggregateReply,
  BoardReply,
  DueReply,
  HistoryReply,
  NewVersionBody,
  objectOf,
  Period,
  PrefillReply,
  Purpose,
  SignatureBody,
  SubmissionDetail,
  SubmissionView,
  SubmitBody,
  TemplateCode,
  TemplateView,
  tags,
} from './report.schemas.ts';
import { aggregateReports } from './report-aggregate.service.ts';
import { complianceBoard, reportsDue } from './report-board.service.ts';
import { blankFile, collectedFile, submissionFile } from './report-export.service.ts';
import { signReport } from './report-signing.service.ts';
import { submitReport } from './report-submission.service.ts';
import { listTemplates, publishVersion, templateInScope, templateView } from './report-template.service.ts';
import { uploadTable } from './report-upload.service.ts';
import { prefillFor, submissionDetail, submissionHistory, submissionView } from './report-view.service.ts';

function templateRoutes(api: Api, deps: AppDeps) {
  api.get(
    '/reports/templates',
    {
      config: { permission: 'report.read' },
      schema: {
        tags,
        summary: 'Report templates that apply at a jurisdiction (fields, reporter, deadline, zero report, signature, aggregation)',
        querystring: objectOf({ jurisdictionId: Type.Optional(Uuid) }),
        response: { 200: Type.Array(TemplateView), ...errorResponses },
      },
    },
    (request) => listTemplates(deps, contextOf(request), request.query),
  );
  api.get(
    '/reports/templates/:id',
    {
      config: { permission: 'report.read' },
      schema: { tags, summary: 'One version of a report template', params: IdParams, response: { 200: TemplateView, ...errorResponses } },
    },
    async (request) => templateView(await templateInScope(deps.database.db, contextOf(request), request.params.id), contextOf(request)),
  );
  api.post(
    '/reports/templates/:id/versions',
    {
      config: { permission: 'report.manage' },
      schema: {
        tags,
        summary: 'Publish a jurisdiction’s own version of a template (deadline, reminder, zero report), with its reason',
        params: IdParams,
        body: NewVersionBody,
        response: { 201: TemplateView, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await publishVersion(deps, contextOf(request), request.params.id, request.body)),
  );
  api.get(
    '/reports/templates/:id/blank.xlsx',
    {
      config: { permission: 'report.submit' },
      schema: { tags, summary: 'The empty table to fill in offline and upload (.xlsx)', params: IdParams, produces: [XLSX_MIME] },
    },
    async (request, reply) => {
      const { file, name } = await blankFile(deps, contextOf(request), request.params.id);
      return sendXlsx(reply, name, file);
    },
  );
}

function submissionRoutes(api: Api, deps: AppDeps) {
  api.get(
    '/reports/due',
    {
      config: { permission: 'report.submit' },
      schema: {
        tags,
        summary: 'The reports due today (or on a date) for the units I report for, with their state',
        querystring: objectOf({ date: Type.Optional(Period) }),
        response: { 200: DueReply, ...errorResponses },
      },
    },
    (request) => reportsDue(deps, contextOf(request), request.query),
  );
  api.get(
    '/reports/prefill',
    {
      config: { permission: 'report.submit' },
      schema: {
        tags,
        summary: 'What the form starts from: figures and rows the platform holds for the unit and day, and any report already sent',
        querystring: objectOf({ templateId: Uuid, unitId: Uuid, period: Period }),
        response: { 200: PrefillReply, ...errorResponses },
      },
    },
    (request) => prefillFor(deps, contextOf(request), request.query),
  );
  api.post(
    '/reports/submissions',
    {
      config: { permission: 'report.submit' },
      schema: {
        tags,
        summary:
          'Send a unit’s report of a day (or a zero report); late after the deadline but accepted; a second one replaces the first with history',
        body: SubmitBody,
        response: { 201: SubmissionView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const context = contextOf(request);
      return reply.status(201).send(submissionView(deps, context, await submitReport(deps, context, request.body)));
    },
  );
  api.post(
    '/reports/submissions/:id/sign',
    {
      config: { permission: 'report.submit' },
      schema: {
        tags,
        summary: 'The responsible person signs a draft (own password again; the seal holder named)',
        params: IdParams,
        body: SignatureBody,
        response: { 200: SubmissionView, ...errorResponses },
      },
    },
    async (request) => {
      const context = contextOf(request);
      return submissionView(deps, context, await signReport(deps, context, request.params.id, request.body));
    },
  );
  uploadRoutes(api, XLSX_UPLOAD_MIMES, (uploads) =>
    uploads.post(
      '/reports/submissions/upload',
      {
        bodyLimit: deps.config.upload.xlsxBytes,
        config: { permission: 'report.submit' },
        schema: {
          tags,
          summary: 'Upload a filled table (.xlsx body): any wrong column or cell refuses it with each error at its row and column',
          consumes: [XLSX_MIME],
          querystring: objectOf({ templateId: Uuid, unitId: Uuid, period: Period }),
          response: { 201: SubmissionView, ...errorResponses },
        },
      },
      async (request, reply) => {
        const context = contextOf(request);
        const saved = await uploadTable(deps, context, request.query, xlsxBody(request.body, deps.config.upload));
        return reply.status(201).send(submissionView(deps, context, saved));
      },
    ),
  );
}

function historyRoutes(api: Api, deps: AppDeps) {
  api.get(
    '/reports/submissions',
    {
      config: { permission: 'report.read' },
      schema: {
        tags,
        summary: 'A unit’s reports day by day (history per unit)',
        querystring: objectOf({
          unitId: Uuid,
          templateCode: Type.Optional(TemplateCode),
          from: Type.Optional(Period),
          to: Type.Optional(Period),
          ...PageQuery,
        }),
        response: { 200: HistoryReply, ...errorResponses },
      },
    },
    (request) => {
      const { unitId, templateCode, from, to } = request.query;
      return submissionHistory(deps, contextOf(request), { unitId, templateCode, from, to, ...pageWindow(request.query) });
    },
  );
  api.get(
    '/reports/submissions/:id',
    {
      config: { permission: 'report.read' },
      schema: {
        tags,
        summary: 'A report with its rows, template version and every revision',
        params: IdParams,
        response: { 200: SubmissionDetail, ...errorResponses },
      },
    },
    (request) => submissionDetail(deps, contextOf(request), request.params.id),
  );
}

function fileRoutes(api: Api, deps: AppDeps) {
  const purposeQuery = objectOf({ purpose: Purpose });
  api.get(
    '/reports/submissions/:id/table.xlsx',
    {
      config: { permission: 'report.read' },
      schema: {
        tags,
        summary: 'A report as the seed’s table (.xlsx); the purpose is audited',
        params: IdParams,
        querystring: purposeQuery,
        produces: [XLSX_MIME],
      },
    },
    async (request, reply) => {
      const { file, name } = await submissionFile(deps, contextOf(request), request.params.id, 'xlsx', request.query.purpose);
      return sendXlsx(reply, name, file);
    },
  );
  api.get(
    '/reports/submissions/:id/print.pdf',
    {
      config: { permission: 'report.read' },
      schema: {
        tags,
        summary: 'The printable signed report (PDF); the purpose is audited',
        params: IdParams,
        querystring: purposeQuery,
        produces: ['application/pdf'],
      },
    },
    async (request, reply) => {
      const { file } = await submissionFile(deps, contextOf(request), request.params.id, 'pdf', request.query.purpose);
      return sendPdf(reply, `report-${request.params.id}.pdf`, file);
    },
  );
  api.get(
    '/reports/exports/collected.xlsx',
    {
      config: { permission: 'report.read' },
      schema: {
        tags,
        summary:
          'A jurisdiction’s collected table of a day (.xlsx): every unit’s rows or figures, the sums, who reported; the purpose is audited',
        querystring: objectOf({
          templateCode: TemplateCode,
          date: Type.Optional(Period),
          jurisdictionId: Type.Optional(Uuid),
          purpose: Purpose,
        }),
        produces: [XLSX_MIME],
      },
    },
    async (request, reply) => {
      const { file, name } = await collectedFile(deps, contextOf(request), request.query);
      return sendXlsx(reply, name, file);
    },
  );
}

function boardRoutes(api: Api, deps: AppDeps) {
  api.get(
    '/reports/board',
    {
      config: { permission: 'report.read' },
      schema: {
        tags,
        summary: 'Compliance board of a day: who reported on time, late, or not yet, per template, and the late list',
        querystring: objectOf({
          date: Type.Optional(Period),
          jurisdictionId: Type.Optional(Uuid),
          templateCode: Type.Optional(TemplateCode),
        }),
        response: { 200: BoardReply, ...errorResponses },
      },
    },
    (request) => complianceBoard(deps, contextOf(request), request.query),
  );
  api.get(
    '/reports/aggregate',
    {
      config: { permission: 'report.read' },
      schema: {
        tags,
        summary: 'A day’s figures summed upward (community → town → district), per child jurisdiction and in total',
        querystring: objectOf({ templateCode: TemplateCode, date: Type.Optional(Period), jurisdictionId: Type.Optional(Uuid) }),
        response: { 200: AggregateReply, ...errorResponses },
      },
    },
    (request) => aggregateReports(deps, contextOf(request), request.query),
  );
}

/** Daily and zero reports (REQUIREMENTS §10, issue 15): templates, submission, signature, board, sums, files. */
export function reportRoutes(api: Api, deps: AppDeps) {
  templateRoutes(api, deps);
  submissionRoutes(api, deps);
  historyRoutes(api, deps);
  fileRoutes(api, deps);
  boardRoutes(api, deps);
}
