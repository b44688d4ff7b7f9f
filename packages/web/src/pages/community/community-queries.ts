import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';

export const COMMUNITY_KEY = ['community'] as const;

export function useCommunities() {
  return useQuery({ queryKey: [...COMMUNITY_KEY, 'communities'], queryFn: () => unwrap(api.GET('/api/community/communities')) });
}

export function useRounds(jurisdictionId: string | null) {
  return useQuery({
    queryKey: [...COMMUNITY_KEY, 'rounds', jurisdictionId],
    enabled: jurisdictionId !== null,
    queryFn: () => unwrap(api.GET('/api/community/rounds', { params: { query: { jurisdictionId: jurisdictionId ?? undefined } } })),
  });
}

export function useRound(id: string | null) {
  return useQuery({
    queryKey: [...COMMUNITY_KEY, 'round', id],
    enabled: id !== null,
    queryFn: () => unwrap(api.GET('/api/community/rounds/{id}', { params: { path: { id: id ?? '' } } })),
  });
}

export function useRiskPlaces() {
  return useQuery({ queryKey: [...COMMUNITY_KEY, 'risk-places'], queryFn: () => unwrap(api.GET('/api/community/risk-places')) });
}

/** After any community write: everything on the page is read again. */
export function useRefreshCommunity() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: COMMUNITY_KEY });
}

export type RoundDetail = NonNullable<ReturnType<typeof useRound>['data']>;
export type HouseholdRow = RoundDetail['households'][number];
