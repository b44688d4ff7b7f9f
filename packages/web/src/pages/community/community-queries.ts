import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import type { Translate } from '../../i18n/i18n.tsx';
import { labelOf } from '../../i18n/labels.ts';

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

/** The published risk areas as select options, each with its grade: 武汉市（高风险）. */
export function riskPlaceOptions(t: Translate, places: readonly { jurisdictionId: string; name: string; level: string }[] | undefined) {
  return (places ?? []).map((p) => ({ value: p.jurisdictionId, label: `${p.name}（${labelOf(t, 'zone.risk', p.level)}）` }));
}

/** After any community write: everything on the page is read again. */
export function useRefreshCommunity() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: COMMUNITY_KEY });
}

export type RoundDetail = NonNullable<ReturnType<typeof useRound>['data']>;
export type HouseholdRow = RoundDetail['households'][number];
