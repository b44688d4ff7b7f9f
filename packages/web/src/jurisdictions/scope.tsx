import { createContext, type ReactNode, useContext, useMemo, useState } from 'react';
import type { JurisdictionNode } from '../api/types.ts';
import { type JurisdictionTree, useJurisdictionTree } from './use-jurisdiction-tree.ts';

export type ScopedJurisdiction = Pick<JurisdictionNode, 'id' | 'name' | 'level' | 'path' | 'code'>;

interface Scope {
  /** The jurisdiction the pages are narrowed to; null until the roots have loaded. */
  jurisdiction: ScopedJurisdiction | null;
  select: (jurisdiction: ScopedJurisdiction) => void;
  /** One lazily loaded tree shared by the header picker and the jurisdiction browser. */
  tree: JurisdictionTree;
}

const ScopeContext = createContext<Scope | null>(null);

/** The tree picker's selection, shared by every page (persons, places, the jurisdiction browser). */
export function ScopeProvider({ children }: { children: ReactNode }) {
  const [jurisdiction, select] = useState<ScopedJurisdiction | null>(null);
  const tree = useJurisdictionTree();
  const value = useMemo(() => ({ jurisdiction, select, tree }), [jurisdiction, tree]);
  return <ScopeContext value={value}>{children}</ScopeContext>;
}

export function useScope(): Scope {
  const scope = useContext(ScopeContext);
  if (!scope) throw new Error('useScope outside ScopeProvider');
  return scope;
}
