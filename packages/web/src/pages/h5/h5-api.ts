import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';

const path = (personId: string) => ({ params: { path: { personId } } });

export const H5_KEY = ['h5'] as const;

export function useMe() {
  return useQuery({ queryKey: [...H5_KEY, 'me'], queryFn: () => unwrap(api.GET('/api/me')), retry: false });
}

export function useDependants() {
  return useQuery({ queryKey: [...H5_KEY, 'dependants'], queryFn: () => unwrap(api.GET('/api/me/dependants')) });
}

export function useProxies() {
  return useQuery({ queryKey: [...H5_KEY, 'proxies'], queryFn: () => unwrap(api.GET('/api/me/proxies')) });
}

export function useCode(personId: string | undefined) {
  return useQuery({
    queryKey: [...H5_KEY, 'code', personId],
    queryFn: () => unwrap(api.GET('/api/me/persons/{personId}/code', path(personId ?? ''))),
    enabled: Boolean(personId),
    refetchInterval: 240_000,
  });
}

export function useCodeHistory(personId: string | undefined) {
  return useQuery({
    queryKey: [...H5_KEY, 'history', personId],
    queryFn: () => unwrap(api.GET('/api/me/persons/{personId}/code-history', path(personId ?? ''))),
    enabled: Boolean(personId),
  });
}

export function useResults(personId: string | undefined) {
  return useQuery({
    queryKey: [...H5_KEY, 'results', personId],
    queryFn: () => unwrap(api.GET('/api/me/persons/{personId}/results', path(personId ?? ''))),
    enabled: Boolean(personId),
  });
}

export function useArrivals(personId: string | undefined) {
  return useQuery({
    queryKey: [...H5_KEY, 'arrivals', personId],
    queryFn: () => unwrap(api.GET('/api/me/persons/{personId}/arrivals', path(personId ?? ''))),
    enabled: Boolean(personId),
  });
}

export function useAppeals(personId: string | undefined) {
  return useQuery({
    queryKey: [...H5_KEY, 'appeals', personId],
    queryFn: () => unwrap(api.GET('/api/me/persons/{personId}/appeals', path(personId ?? ''))),
    enabled: Boolean(personId),
  });
}

/** A write that refreshes every resident view afterwards (colour may change with a declaration or arrival). */
export function useH5Mutation<TInput, TOutput>(run: (input: TInput) => Promise<TOutput>, onDone?: (output: TOutput) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    meta: { ownErrors: true },
    onSuccess: async (output) => {
      await queryClient.invalidateQueries({ queryKey: H5_KEY });
      onDone?.(output);
    },
  });
}

export const h5Api = {
  declare: (personId: string, body: { temperature?: number; symptoms: string[] }) =>
    unwrap(api.POST('/api/me/persons/{personId}/declarations', { ...path(personId), body })),
  reportArrival: (
    personId: string,
    body: { inbound: boolean; fromPlace: string; fromRiskLevel: 'low' | 'medium' | 'high'; expectedArrival: string },
  ) => unwrap(api.POST('/api/me/persons/{personId}/arrivals', { ...path(personId), body })),
  arrived: (personId: string, id: string) =>
    unwrap(api.POST('/api/me/persons/{personId}/arrivals/{id}/arrived', { params: { path: { personId, id } } })),
  addDependant: (body: {
    idType: 'resident_id' | 'passport' | 'other';
    idNumber: string;
    name: string;
    relation: 'child' | 'parent' | 'grandparent' | 'spouse' | 'other';
    phone?: string;
  }) => unwrap(api.POST('/api/me/dependants', { body })),
  removeDependant: (id: string) => unwrap(api.POST('/api/me/dependants/{id}/revoke', { params: { path: { id } } })),
  confirmDependant: (id: string, code: string) =>
    unwrap(api.POST('/api/me/dependants/{id}/consent', { params: { path: { id } }, body: { code } })),
  resendConsentCode: (id: string) => unwrap(api.POST('/api/me/dependants/{id}/consent-code', { params: { path: { id } } })),
  consentToProxy: (id: string) => unwrap(api.POST('/api/me/proxies/{id}/consent', { params: { path: { id } } })),
  revokeProxy: (id: string) => unwrap(api.POST('/api/me/proxies/{id}/revoke', { params: { path: { id } } })),
  appeal: (personId: string, reason: string) =>
    unwrap(api.POST('/api/me/persons/{personId}/appeals', { ...path(personId), body: { reason } })),
};

/** Notices published for the public or the residents over the place the resident lives in (COMM-043). */
export function useMyNotices() {
  return useQuery({ queryKey: [...H5_KEY, 'notices'], queryFn: () => unwrap(api.GET('/api/me/notices')) });
}

/** SC-38: a resident's report of an unregistered outsider to their own community. */
export function useOutsiderReport() {
  return useMutation({
    mutationFn: (body: { description: string; whereabouts: string }) => unwrap(api.POST('/api/me/outsider-reports', { body })),
  });
}
