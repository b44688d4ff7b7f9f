import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, unwrap } from '../../api/client.ts';
import type { paths } from '../../api/schema.d.ts';
import type { Translate } from '../../i18n/i18n.tsx';
import { camelId, hasMessage } from '../../i18n/labels.ts';

type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;
type Json<P extends keyof paths, M extends 'get' | 'post'> = paths[P][M] extends { responses: infer R }
  ? R extends { 200: infer A }
    ? JsonOf<A>
    : R extends { 201: infer B }
      ? JsonOf<B>
      : never
  : never;

export type HeadquartersDetail = Json<'/api/command/headquarters/{id}', 'get'>;
export type HeadquartersSummary = Json<'/api/command/headquarters', 'get'>['items'][number];
export type GroupView = HeadquartersDetail['groups'][number];
export type RosterEntry = HeadquartersDetail['leadership'][number];
export type TaskItem = Json<'/api/tasks', 'get'>['items'][number];
export type TaskDetail = Json<'/api/tasks/{id}', 'get'>;
export type Inspection = Json<'/api/supervisions', 'get'>['items'][number];
export type Finding = Inspection['findings'][number];

/** Every command query starts with this key: one invalidation refreshes organization, tasks, inspections and ledger. */
export const COMMAND_KEY = ['command'] as const;

export function useInvalidateCommand() {
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries({ queryKey: COMMAND_KEY }), [queryClient]);
}

export function useHeadquartersList() {
  return useQuery({
    queryKey: [...COMMAND_KEY, 'headquarters'],
    queryFn: () => unwrap(api.GET('/api/command/headquarters')),
  });
}

export function useHeadquarters(id: string | undefined) {
  return useQuery({
    queryKey: [...COMMAND_KEY, 'headquarters', id],
    queryFn: () => unwrap(api.GET('/api/command/headquarters/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: Boolean(id),
  });
}

export function useOrgUnits(jurisdictionId?: string) {
  return useQuery({
    queryKey: [...COMMAND_KEY, 'org-units', jurisdictionId],
    queryFn: () => unwrap(api.GET('/api/command/org-units', { params: { query: jurisdictionId ? { jurisdictionId } : {} } })),
  });
}

/** A label under a prefix for an API value (snake_case ids become the camelCase keys); unknown values show as themselves. */
export function commandLabel(t: Translate, prefix: string, value: string | null | undefined): string {
  if (!value) return '—';
  for (const key of [`${prefix}.${value}`, `${prefix}.${camelId(value)}`]) if (hasMessage(key)) return t(key);
  return value;
}

export const TASK_STATE_COLORS: Record<string, string> = { open: 'blue', overdue: 'red', done: 'green', cancelled: 'default' };
export const FINDING_STATE_COLORS: Record<string, string> = {
  rectifying: 'blue',
  overdue: 'red',
  awaiting_recheck: 'orange',
  passed: 'green',
};
