import type { ReportColumn, ReportFigure, ReportState, SubmittedTemplate } from '@fangkong/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, unwrap } from '../../api/client.ts';
import type { paths } from '../../api/schema.d.ts';
import type { Language, Translate } from '../../i18n/i18n.tsx';

type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;
type Ok<P extends keyof paths, M extends 'get' | 'post'> = paths[P][M] extends { responses: infer R }
  ? R extends { 200: infer A }
    ? JsonOf<A>
    : R extends { 201: infer B }
      ? JsonOf<B>
      : never
  : never;

export type TemplateItem = Ok<'/api/reports/templates', 'get'>[number];
export type DueList = Ok<'/api/reports/due', 'get'>;
export type DueItem = DueList['units'][number]['items'][number];
export type Prefill = Ok<'/api/reports/prefill', 'get'>;
export type SubmissionView = Ok<'/api/reports/submissions', 'post'>;
export type SubmissionDetail = Ok<'/api/reports/submissions/{id}', 'get'>;
export type SubmissionSummary = SubmissionDetail['revisions'][number];
export type Board = Ok<'/api/reports/board', 'get'>;
export type BoardUnit = NonNullable<Board['selected']>['units'][number];
export type Sums = Ok<'/api/reports/aggregate', 'get'>;

export const REPORTS_KEY = ['reports'] as const;

/** The template definition a reply carries (the version the report was, or is to be, made on). */
export const definitionOf = (json: Record<string, unknown>) => json as unknown as SubmittedTemplate;

/** A field's label in the page's language. */
export const labelIn = (language: Language, field: Pick<ReportColumn | ReportFigure, 'label' | 'labelEn'>) =>
  language === 'en' ? field.labelEn : field.label;

export const STATE_COLORS: Record<ReportState, string> = {
  on_time: 'green',
  late: 'orange',
  open: 'default',
  due_soon: 'gold',
  missing: 'red',
};

export const stateLabel = (t: Translate, state: string) => t(`report.state.${state}` as 'report.state.open');
export const statusLabel = (t: Translate, status: string) => t(`report.status.${status}` as 'report.status.draft');

export function useDue() {
  return useQuery({ queryKey: [...REPORTS_KEY, 'due'], queryFn: () => unwrap(api.GET('/api/reports/due')) });
}

export function useTemplates(jurisdictionId?: string) {
  return useQuery({
    queryKey: [...REPORTS_KEY, 'templates', jurisdictionId],
    queryFn: () => unwrap(api.GET('/api/reports/templates', { params: { query: jurisdictionId ? { jurisdictionId } : {} } })),
  });
}

export function usePrefill(templateId: string, unitId: string, period: string) {
  return useQuery({
    queryKey: [...REPORTS_KEY, 'prefill', templateId, unitId, period],
    enabled: Boolean(templateId && unitId && period),
    queryFn: () => unwrap(api.GET('/api/reports/prefill', { params: { query: { templateId, unitId, period } } })),
  });
}

export function useSubmission(id: string | null) {
  return useQuery({
    queryKey: [...REPORTS_KEY, 'submission', id],
    enabled: id !== null,
    queryFn: () => unwrap(api.GET('/api/reports/submissions/{id}', { params: { path: { id: id ?? '' } } })),
  });
}

export function useHistory(unitId: string | undefined) {
  return useQuery({
    queryKey: [...REPORTS_KEY, 'history', unitId],
    enabled: Boolean(unitId),
    queryFn: () => unwrap(api.GET('/api/reports/submissions', { params: { query: { unitId: unitId ?? '', pageSize: 100 } } })),
  });
}

export function useBoard(date: string | undefined, jurisdictionId: string | undefined, templateCode: string | undefined) {
  return useQuery({
    queryKey: [...REPORTS_KEY, 'board', date, jurisdictionId, templateCode],
    refetchInterval: 60_000,
    queryFn: () =>
      unwrap(
        api.GET('/api/reports/board', {
          params: {
            query: { ...(date ? { date } : {}), ...(jurisdictionId ? { jurisdictionId } : {}), ...(templateCode ? { templateCode } : {}) },
          },
        }),
      ),
  });
}

export function useSums(templateCode: string | undefined, date: string | undefined, jurisdictionId: string | undefined) {
  return useQuery({
    queryKey: [...REPORTS_KEY, 'sums', templateCode, date, jurisdictionId],
    enabled: Boolean(templateCode),
    queryFn: () =>
      unwrap(
        api.GET('/api/reports/aggregate', {
          params: { query: { templateCode: templateCode ?? '', ...(date ? { date } : {}), ...(jurisdictionId ? { jurisdictionId } : {}) } },
        }),
      ),
  });
}

/** After a report is sent or signed: the lists, the board and the sums read again. */
export function useInvalidateReports() {
  const client = useQueryClient();
  return useCallback(() => client.invalidateQueries({ queryKey: REPORTS_KEY }), [client]);
}

/** The browser downloads or opens the file itself (the session cookie goes with it); the purpose is audited by the server. */
export function openFile(url: string, download: boolean) {
  const link = document.createElement('a');
  link.href = url;
  link.rel = 'noopener';
  if (!download) link.target = '_blank';
  document.body.append(link);
  link.click();
  link.remove();
}
