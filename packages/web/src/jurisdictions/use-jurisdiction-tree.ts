import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { api, unwrap } from '../api/client.ts';
import type { JurisdictionNode } from '../api/types.ts';

export const ROOTS_KEY = ['jurisdictions', 'roots'] as const;
const childrenKey = (id: string) => ['jurisdictions', id, 'children'] as const;

export function fetchRoots() {
  return unwrap(api.GET('/api/jurisdictions/roots'));
}

export function fetchChildren(id: string) {
  return unwrap(api.GET('/api/jurisdictions/{id}/children', { params: { path: { id } } }));
}

export interface JurisdictionTree {
  roots: JurisdictionNode[];
  loading: boolean;
  childrenOf: Readonly<Record<string, JurisdictionNode[]>>;
  /** Every node loaded so far, by id. */
  byId: ReadonlyMap<string, JurisdictionNode>;
  loadChildren: (id: string) => Promise<void>;
}

/** The caller's subtrees, loaded lazily: the roots first, children when a node is opened. */
export function useJurisdictionTree(): JurisdictionTree {
  const queryClient = useQueryClient();
  const roots = useQuery({ queryKey: ROOTS_KEY, queryFn: fetchRoots, staleTime: 60_000 });
  const [childrenOf, setChildrenOf] = useState<Record<string, JurisdictionNode[]>>({});
  const loadChildren = useCallback(
    async (id: string) => {
      const rows = await queryClient.fetchQuery({ queryKey: childrenKey(id), queryFn: () => fetchChildren(id), staleTime: 60_000 });
      setChildrenOf((previous) => ({ ...previous, [id]: rows }));
    },
    [queryClient],
  );
  const byId = useMemo(() => {
    const all = [...(roots.data ?? []), ...Object.values(childrenOf).flat()];
    return new Map(all.map((node) => [node.id, node]));
  }, [roots.data, childrenOf]);
  return useMemo(
    () => ({ roots: roots.data ?? [], loading: roots.isLoading, childrenOf, byId, loadChildren }),
    [roots.data, roots.isLoading, childrenOf, byId, loadChildren],
  );
}

export interface TreeItem<T> {
  key: string;
  value: string;
  title: T;
  isLeaf: boolean;
  children?: TreeItem<T>[];
}

/** antd Tree / TreeSelect data from the loaded nodes; `title` renders each node. */
export function toTreeItems<T>(tree: JurisdictionTree, nodes: JurisdictionNode[], title: (node: JurisdictionNode) => T): TreeItem<T>[] {
  return nodes.map((node) => {
    const loaded = tree.childrenOf[node.id];
    return {
      key: node.id,
      value: node.id,
      title: title(node),
      isLeaf: node.childCount === 0,
      ...(loaded ? { children: toTreeItems(tree, loaded, title) } : {}),
    };
  });
}
