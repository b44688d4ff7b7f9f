import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { formatTime as formatShared } from '../../components/time.ts';
import type { Translate } from '../../i18n/i18n.tsx';
import { camelId, hasMessage } from '../../i18n/labels.ts';

/** The label of an API id under a testing prefix (`testing.status.open`), or the id itself. */
export function testingLabel(t: Translate, prefix: string, id: string | null | undefined): string {
  if (!id) return '';
  const key = `testing.${prefix}.${camelId(id)}`;
  return hasMessage(key) ? t(key) : id;
}

export const CAMPAIGNS_KEY = ['testing', 'campaigns'] as const;

export function useCampaigns() {
  return useQuery({
    queryKey: CAMPAIGNS_KEY,
    queryFn: () => unwrap(api.GET('/api/testing/campaigns', { params: { query: { page: 1, pageSize: 200 } } })),
  });
}

export function useCampaign(id: string | undefined) {
  return useQuery({
    queryKey: [...CAMPAIGNS_KEY, id, 'detail'],
    enabled: Boolean(id),
    queryFn: () => unwrap(api.GET('/api/testing/campaigns/{id}', { params: { path: { id: id ?? '' } } })),
  });
}

export function useDashboard(id: string | undefined) {
  return useQuery({
    queryKey: [...CAMPAIGNS_KEY, id, 'dashboard'],
    enabled: Boolean(id),
    refetchInterval: 10_000,
    queryFn: () => unwrap(api.GET('/api/testing/campaigns/{id}/dashboard', { params: { path: { id: id ?? '' } } })),
  });
}

export function useUnsampled(id: string | undefined, page: number) {
  return useQuery({
    queryKey: [...CAMPAIGNS_KEY, id, 'unsampled', page],
    enabled: Boolean(id),
    queryFn: () =>
      unwrap(api.GET('/api/testing/campaigns/{id}/unsampled', { params: { path: { id: id ?? '' }, query: { page, pageSize: 20 } } })),
  });
}

export function useOverview(jurisdictionId: string | undefined, closedWithinDays: number) {
  return useQuery({
    queryKey: ['testing', 'overview', jurisdictionId, closedWithinDays],
    refetchInterval: 30_000,
    queryFn: () =>
      unwrap(api.GET('/api/testing/overview', { params: { query: { closedWithinDays, ...(jurisdictionId ? { jurisdictionId } : {}) } } })),
  });
}

export function usePoolMembers(tubeId: string) {
  return useQuery({
    queryKey: ['testing', 'tubes', tubeId, 'members'],
    queryFn: () => unwrap(api.GET('/api/testing/tubes/{id}/members', { params: { path: { id: tubeId } } })),
  });
}

export function useDailyReport(jurisdictionId: string | undefined, date: string) {
  return useQuery({
    queryKey: ['testing', 'daily-report', jurisdictionId, date],
    queryFn: () =>
      unwrap(api.GET('/api/testing/reports/daily', { params: { query: { date, ...(jurisdictionId ? { jurisdictionId } : {}) } } })),
  });
}

/** A fresh tube barcode for tubes without a printed one: the prefix, then 6–32 letters, digits or dashes in all. */
export const newBarcode = (prefix: string) =>
  `${prefix}-${Date.now().toString(36).toUpperCase()}${Math.floor(Math.random() * 1296)
    .toString(36)
    .toUpperCase()}`;

export const percent = (sampled: number, expected: number) => (expected === 0 ? 0 : Math.min(100, Math.round((sampled / expected) * 100)));

export function useInvalidateTesting() {
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries({ queryKey: ['testing'] }), [queryClient]);
}

/** The testing pages' times in the one display format (components/time.ts): 2026-12-05 14:30, empty when none. */
export const formatTime = (iso: string | null | undefined) => (iso ? formatShared(iso, 'YYYY-MM-DD HH:mm') : '');
