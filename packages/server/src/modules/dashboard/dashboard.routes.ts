import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../app-deps.ts';
import { contextOf } from '../../http/request-context.ts';
import { type Api, errorResponses, IdParams, objectOf, pageWindow, Uuid } from '../../http/schemas.ts';
import { sendPdf } from '../../http/send-pdf.ts';
import { sendXlsx, XLSX_MIME } from '../../imports/import-http.ts';
import {
  AcknowledgeBody,
  CloseBody,
  Dashboard,
  DashboardExportQuery,
  DashboardQuery,
  SignalList,
  SignalQuery,
  SignalView,
  SituationReportList,
} from './dashboard.schemas.ts';
import { dashboard } from './dashboard.service.ts';
import { dashboardXlsx } from './dashboard-export.ts';
import { acknowledgeSignal, closeSignal, listSignals } from './early-warning.service.ts';
import { listSituationReports, situationReportFile } from './situation-report.service.ts';

const tags = ['dashboard'];

/** The command dashboard and early-warning signals (issue 17; CASE-007, CASE-008). */
export function dashboardRoutes(api: Api, deps: AppDeps) {
  api.get(
    '/dashboard',
    {
      config: { permission: 'dashboard.read' },
      schema: {
        tags,
        summary:
          'The command dashboard for a jurisdiction and date range: cases by day, key persons, testing, colours, zones, level, reports, tasks, Rt and growth, sentinel series and signals, each with what it was computed from',
        querystring: DashboardQuery,
        response: { 200: Dashboard, ...errorResponses },
      },
    },
    (request) => dashboard(deps, contextOf(request), request.query),
  );
  exportRoutes(api, deps);
  api.get(
    '/early-warning/signals',
    {
      config: { permission: 'dashboard.read' },
      schema: {
        tags,
        summary: 'Early-warning signals in scope (EARS on the sentinel series), newest first, with counts by state',
        querystring: SignalQuery,
        response: { 200: SignalList, ...errorResponses },
      },
    },
    (request) => {
      const { limit, offset } = pageWindow(request.query);
      const { page: _p, pageSize: _s, ...query } = request.query;
      return listSignals(deps, contextOf(request), query, limit, offset);
    },
  );
  api.post(
    '/early-warning/signals/:id/acknowledge',
    {
      config: { permission: 'warning.handle' },
      schema: {
        tags,
        summary: 'Take a signal on for verification (CASE-007)',
        params: IdParams,
        body: AcknowledgeBody,
        response: { 200: SignalView, ...errorResponses },
      },
    },
    (request) => acknowledgeSignal(deps, contextOf(request), request.params.id, request.body.note),
  );
  api.post(
    '/early-warning/signals/:id/close',
    {
      config: { permission: 'warning.handle' },
      schema: {
        tags,
        summary: "Record the verification's outcome and close the signal (CASE-007)",
        params: IdParams,
        body: CloseBody,
        response: { 200: SignalView, ...errorResponses },
      },
    },
    (request) => closeSignal(deps, contextOf(request), request.params.id, request.body),
  );
}

/** The chart data as .xlsx and the daily situation reports as PDF (issue 17 §5; DAILY-007). */
function exportRoutes(api: Api, deps: AppDeps) {
  const read = { permission: 'dashboard.read' } as const;
  api.get(
    '/dashboard/export.xlsx',
    {
      config: read,
      schema: {
        tags,
        summary: 'The data of one dashboard chart (or of every chart, a sheet each) for a jurisdiction and range, as .xlsx',
        querystring: DashboardExportQuery,
        produces: [XLSX_MIME],
      },
    },
    async (request, reply) => {
      const { file, name } = await dashboardXlsx(deps, contextOf(request), request.query);
      return sendXlsx(reply, name, file);
    },
  );
  api.get(
    '/dashboard/situation-reports',
    {
      config: read,
      schema: {
        tags,
        summary: 'The daily situation reports (疫情日报) compiled at the set time, newest first (DAILY-007, INFO-006)',
        querystring: objectOf({ jurisdictionId: Type.Optional(Uuid) }),
        response: { 200: SituationReportList, ...errorResponses },
      },
    },
    (request) => listSituationReports(deps, contextOf(request), request.query),
  );
  api.get(
    '/dashboard/situation-reports/:id/report.pdf',
    {
      config: read,
      schema: { tags, summary: 'One daily situation report as PDF', params: IdParams, produces: ['application/pdf'] },
    },
    async (request, reply) => {
      const { file, name } = await situationReportFile(deps, contextOf(request), request.params.id);
      return sendPdf(reply, encodeURIComponent(name), file);
    },
  );
}
