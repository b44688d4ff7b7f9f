import { useQuery } from '@tanstack/react-query';
import { fetchChildren } from '../../jurisdictions/use-jurisdiction-tree.ts';

/** The jurisdiction itself and its direct children (communities of a town, grids of a community), as Select options. */
export function useAreaOptions(jurisdiction: { id: string; name: string } | null | undefined) {
  const children = useQuery({
    queryKey: ['jurisdictions', jurisdiction?.id, 'children'],
    enabled: Boolean(jurisdiction),
    queryFn: () => fetchChildren(jurisdiction?.id ?? ''),
    staleTime: 60_000,
  });
  if (!jurisdiction) return [];
  return [{ value: jurisdiction.id, label: jurisdiction.name }, ...(children.data ?? []).map((c) => ({ value: c.id, label: c.name }))];
}
