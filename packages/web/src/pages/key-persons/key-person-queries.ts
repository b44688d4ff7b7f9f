import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { asShape, type ProtocolEdition } from '../../api/key-person-types.ts';

/** Every key-person query starts with this key, so one invalidation refreshes lists, details, work list and timelines. */
export const KEY_PERSONS_KEY = ['key-persons'] as const;
export const ALERTS_KEY = ['alerts'] as const;
export const SITES_KEY = ['quarantine-sites'] as const;

export function useInvalidateKeyPersons() {
  const queryClient = useQueryClient();
  return useCallback(
    () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: KEY_PERSONS_KEY }),
        queryClient.invalidateQueries({ queryKey: ALERTS_KEY }),
        queryClient.invalidateQueries({ queryKey: SITES_KEY }),
      ]),
    [queryClient],
  );
}

export function useEpisode(id: string | null) {
  return useQuery({
    queryKey: [...KEY_PERSONS_KEY, 'episode', id],
    queryFn: () => unwrap(api.GET('/api/key-persons/episodes/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: id !== null,
  });
}

export function useReleaseState(id: string | null) {
  return useQuery({
    queryKey: [...KEY_PERSONS_KEY, 'release', id],
    queryFn: () => unwrap(api.GET('/api/key-persons/episodes/{id}/release', { params: { path: { id: id ?? '' } } })),
    enabled: id !== null,
  });
}

/** Accounts that may sign for people of a jurisdiction (cadres and medics); one row per role held. */
export function useAssignableUsers(jurisdictionId: string | null | undefined) {
  return useQuery({
    queryKey: [...KEY_PERSONS_KEY, 'assignable', jurisdictionId],
    queryFn: () => unwrap(api.GET('/api/key-persons/assignable-users', { params: { query: { jurisdictionId: jurisdictionId ?? '' } } })),
    enabled: Boolean(jurisdictionId),
    staleTime: 60_000,
  });
}

export function useSites(enabled = true) {
  return useQuery({
    queryKey: [...SITES_KEY, 'list'],
    queryFn: () => unwrap(api.GET('/api/quarantine-sites')),
    enabled,
    staleTime: 30_000,
  });
}

export function useSite(id: string | null | undefined) {
  return useQuery({
    queryKey: [...SITES_KEY, 'detail', id],
    queryFn: () => unwrap(api.GET('/api/quarantine-sites/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: Boolean(id),
  });
}

export function useProtocols() {
  return useQuery({
    queryKey: ['protocols'],
    queryFn: async () => asShape<ProtocolEdition[]>(await unwrap(api.GET('/api/protocols'))),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** The edition's name and the profile's name for ids stored with an episode (ids themselves while loading). */
/** `editionName(id)`: an edition's name (新型冠状病毒肺炎防控方案（第九版）) instead of its id; the id only until the list has loaded. */
export function useEditionName(): (editionId: string) => string {
  const protocols = useProtocols();
  return (editionId) => protocols.data?.find((e) => e.id === editionId)?.name ?? editionId;
}

export function useEditionNames(editionId: string, profileId: string | null | undefined) {
  const protocols = useProtocols();
  const edition = protocols.data?.find((e) => e.id === editionId);
  const profile = profileId ? edition?.profiles.find((p) => p.id === profileId) : undefined;
  return { edition: edition?.name ?? editionId, profile: profileId ? (profile?.name ?? profileId) : undefined };
}
