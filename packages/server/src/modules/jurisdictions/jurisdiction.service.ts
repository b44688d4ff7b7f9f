import { notFound, pathInScope, scopePaths } from '@fangkong/core';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../http/context.ts';
import {
  childrenOf,
  countsByChild,
  directChildCounts,
  findJurisdictionById,
  findJurisdictionsByPaths,
  type JurisdictionRow,
  searchJurisdictions,
} from './jurisdiction.repository.ts';

export interface JurisdictionNode {
  id: string;
  code: string;
  name: string;
  level: string;
  parentId: string | null;
  path: string;
  childCount: number;
  householdCount: number;
  residentCount: number;
}

const readScope = (context: RequestContext) => scopePaths(context.actor.grants, 'jurisdiction.read');

/** A jurisdiction the caller may read, or "not found" (another jurisdiction's record does not exist for them). */
export async function readableJurisdiction(db: Db, context: RequestContext, id: string): Promise<JurisdictionRow> {
  const found = await findJurisdictionById(db, id);
  if (!found || !pathInScope(found.path, readScope(context))) throw notFound('id');
  return found;
}

async function withCounts(db: Db, parentPath: string, parentId: string, rows: JurisdictionRow[]): Promise<JurisdictionNode[]> {
  const [counts, childCounts] = await Promise.all([countsByChild(db, parentPath), directChildCounts(db, parentId)]);
  return rows.map((row) => ({
    ...row,
    childCount: childCounts.get(row.id) ?? 0,
    householdCount: counts.get(row.code)?.householdCount ?? 0,
    residentCount: counts.get(row.code)?.residentCount ?? 0,
  }));
}

/** The tops of the caller's subtrees: where the tree picker starts. */
export async function scopeRoots(db: Db, context: RequestContext): Promise<JurisdictionNode[]> {
  const roots = await findJurisdictionsByPaths(db, readScope(context));
  return Promise.all(
    roots.map(async (root) => {
      const parentPath = root.path.slice(0, root.path.slice(0, -1).lastIndexOf('/') + 1);
      const [node] = await withCounts(db, parentPath, root.parentId ?? root.id, [root]);
      const children = await childrenOf(db, root.id);
      return { ...(node as JurisdictionNode), childCount: children.length };
    }),
  );
}

export async function childrenWithCounts(db: Db, context: RequestContext, parentId: string): Promise<JurisdictionNode[]> {
  const parent = await readableJurisdiction(db, context, parentId);
  return withCounts(db, parent.path, parent.id, await childrenOf(db, parent.id));
}

/** A node with its ancestors inside the caller's scope (the breadcrumb). */
export async function jurisdictionDetail(db: Db, context: RequestContext, id: string) {
  const node = await readableJurisdiction(db, context, id);
  const ancestorPaths = node.path
    .split('/')
    .filter(Boolean)
    .map((_, i, codes) => `/${codes.slice(0, i + 1).join('/')}/`)
    .filter((path) => pathInScope(path, readScope(context)));
  return { ...node, ancestors: await findJurisdictionsByPaths(db, ancestorPaths) };
}

export function findJurisdictions(db: Db, context: RequestContext, text: string) {
  return searchJurisdictions(db, readScope(context), text, 50);
}
