import type { AppDeps } from '../../app-deps.ts';
import { contextOf } from '../../http/request-context.ts';
import { type Api, errorResponses, IdParams, pageWindow } from '../../http/schemas.ts';
import { AcknowledgeBody, CloseBody, Dashboard, DashboardQuery, SignalList, SignalQuery, SignalView } from './dashboard.schemas.ts';
import { dashboard } from './dashboard.service.ts';
import { acknowledgeSignal, closeSignal, listSignals } from './early-warning.service.ts';

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
