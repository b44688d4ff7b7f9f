import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, unwrap } from '../../api/client.ts';
import type { paths } from '../../api/schema.d.ts';

type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;
type Json<P extends keyof paths, M extends 'get' | 'post'> = paths[P][M] extends { responses: infer R }
  ? R extends { 200: infer A }
    ? JsonOf<A>
    : R extends { 201: infer B }
      ? JsonOf<B>
      : never
  : never;

export type InstitutionItem = Json<'/api/institutions', 'get'>['items'][number];
export type InstitutionDay = Json<'/api/institutions/{id}', 'get'>;
export type SaleItem = Json<'/api/pharmacy-sales', 'get'>['items'][number];
export type InstitutionTask = Json<'/api/institution-tasks', 'get'>['items'][number];

export const INSTITUTION_KEY = 'institutions';

export function useInstitutions(kind: string | undefined) {
  return useQuery({
    queryKey: [INSTITUTION_KEY, 'list', kind ?? 'all'],
    queryFn: () => unwrap(api.GET('/api/institutions', { params: { query: kind ? { kind: kind as InstitutionItem['kind'] } : {} } })),
  });
}

export function useInstitutionDay(id: string | null) {
  return useQuery({
    queryKey: [INSTITUTION_KEY, 'day', id],
    enabled: id !== null,
    queryFn: () => unwrap(api.GET('/api/institutions/{id}', { params: { path: { id: id ?? '' } } })),
  });
}

export function useSales(institutionId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: [INSTITUTION_KEY, 'sales', institutionId ?? 'all'],
    enabled,
    queryFn: () =>
      unwrap(api.GET('/api/pharmacy-sales', { params: { query: { pageSize: 50, ...(institutionId ? { institutionId } : {}) } } })),
  });
}

export function useInstitutionTasks(enabled = true) {
  return useQuery({
    queryKey: [INSTITUTION_KEY, 'tasks'],
    enabled,
    queryFn: () => unwrap(api.GET('/api/institution-tasks', {})),
  });
}

export function useInvalidateInstitutions() {
  const client = useQueryClient();
  return useCallback(() => client.invalidateQueries({ queryKey: [INSTITUTION_KEY] }), [client]);
}
