import { ENVIRONMENT_SPECIMENS, isEnvironmentSpecimenKind, SAMPLED_PLACE_KINDS } from '@fangkong/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import type { Language, Translate } from '../../i18n/i18n.tsx';
import { camelId, hasMessage } from '../../i18n/labels.ts';

/** Under ['testing'], so useInvalidateTesting refreshes these too. */
export const ENVIRONMENT_KEY = ['testing', 'environment'] as const;
export const PAGE_SIZE = 20;

export type SamplingState = 'overdue' | 'due' | 'covered';
export type ResultFilter = 'pending' | 'positive' | 'negative' | 'indeterminate';

/** The specimen's label in the UI language, from the fixed list in core. */
export function specimenLabel(language: Language, kind: string): string {
  return isEnvironmentSpecimenKind(kind) ? ENVIRONMENT_SPECIMENS[kind].label[language] : kind;
}

export function useDue(jurisdictionId: string | undefined, state: SamplingState | undefined, page: number) {
  return useQuery({
    queryKey: [...ENVIRONMENT_KEY, 'due', jurisdictionId, state, page],
    placeholderData: keepPreviousData,
    queryFn: () =>
      unwrap(api.GET('/api/testing/environment/due', { params: { query: { jurisdictionId, state, page, pageSize: PAGE_SIZE } } })),
  });
}

export function useSamples(jurisdictionId: string | undefined, result: ResultFilter | undefined, page: number) {
  return useQuery({
    queryKey: [...ENVIRONMENT_KEY, 'samples', jurisdictionId, result, page],
    placeholderData: keepPreviousData,
    queryFn: () =>
      unwrap(api.GET('/api/testing/environment/samples', { params: { query: { jurisdictionId, result, page, pageSize: PAGE_SIZE } } })),
  });
}

export function useSample(id: string | null) {
  return useQuery({
    queryKey: [...ENVIRONMENT_KEY, 'sample', id],
    enabled: Boolean(id),
    queryFn: () => unwrap(api.GET('/api/testing/environment/samples/{id}', { params: { path: { id: id ?? '' } } })),
  });
}

export function useRisks(jurisdictionId: string | undefined, includeCleared: boolean) {
  return useQuery({
    queryKey: [...ENVIRONMENT_KEY, 'risks', jurisdictionId, includeCleared],
    queryFn: () => unwrap(api.GET('/api/testing/environment/risks', { params: { query: { jurisdictionId, includeCleared } } })),
  });
}

export function useBatchTrace(batchNumber: string) {
  return useQuery({
    queryKey: [...ENVIRONMENT_KEY, 'batch', batchNumber],
    enabled: batchNumber.length > 0,
    queryFn: () => unwrap(api.GET('/api/testing/environment/batches/{batchNumber}', { params: { path: { batchNumber } } })),
  });
}

/** Venues (never homes) whose name holds the text, for the place picker. */
export function usePlaceOptions(q: string) {
  return useQuery({
    queryKey: ['places', 'environment-picker', q],
    placeholderData: keepPreviousData,
    queryFn: () => unwrap(api.GET('/api/places', { params: { query: { q: q || undefined, pageSize: 50 } } })),
    select: (page) => page.items.filter((p) => (SAMPLED_PLACE_KINDS as readonly string[]).includes(p.kind)),
  });
}

/** The label of an API id under an environment prefix (`environment.task.batchTrace`), or the id itself. */
export function environmentLabel(t: Translate, prefix: string, id: string | null | undefined): string {
  if (!id) return '';
  const key = `environment.${prefix}.${camelId(id)}`;
  return hasMessage(key) ? t(key) : id;
}
