import { forbidden, type Permission, pathInScope } from '@fangkong/core';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../http/context.ts';
import type { JurisdictionRow } from '../jurisdictions/jurisdiction.repository.ts';
import { findJurisdictionById } from '../jurisdictions/jurisdiction.repository.ts';
import { scopeOf } from '../testing/testing-access.ts';

/** A jurisdiction named as a filter: inside the caller's scope for the permission, or 403 naming the field. */
export async function jurisdictionInScope(db: Db, context: RequestContext, permission: Permission, id: string): Promise<JurisdictionRow> {
  const row = await findJurisdictionById(db, id);
  if (!row || !pathInScope(row.path, scopeOf(context, permission))) throw forbidden('jurisdictionId');
  return row;
}

/** Does the caller hold this permission over the path? (a dashboard section the caller may not read is left out, saying so) */
export function holds(context: RequestContext, permission: Permission, path: string): boolean {
  return pathInScope(path, scopeOf(context, permission));
}
