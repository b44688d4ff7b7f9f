import { api, unwrap } from '../../api/client.ts';
import type { paths } from '../../api/schema.d.ts';

type Ok<P extends keyof paths> = paths[P]['get'] extends { responses: { 200: { content: { 'application/json': infer T } } } } ? T : never;
export type DashboardData = Ok<'/api/dashboard'>;
export type SignalList = Ok<'/api/early-warning/signals'>;
export type Signal = SignalList['items'][number];

export const fetchDashboard = (query: { jurisdictionId?: string; from?: string; to?: string }) =>
  unwrap(api.GET('/api/dashboard', { params: { query } }));

export const fetchSignals = (jurisdictionId: string | undefined) =>
  unwrap(api.GET('/api/early-warning/signals', { params: { query: { ...(jurisdictionId ? { jurisdictionId } : {}), pageSize: 50 } } }));

export const fetchSituationReports = (jurisdictionId: string | undefined) =>
  unwrap(api.GET('/api/dashboard/situation-reports', { params: { query: jurisdictionId ? { jurisdictionId } : {} } }));
