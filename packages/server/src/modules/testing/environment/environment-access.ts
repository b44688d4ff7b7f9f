import { forbidden, pathInScope } from '@fangkong/core';
import type { Db } from '../../../db/client.ts';
import type { RequestContext } from '../../../http/context.ts';
import { findJurisdictionById } from '../../jurisdictions/jurisdiction.repository.ts';
import { scopeOf } from '../testing-access.ts';

/** The paths to read under: a named jurisdiction inside the caller's testing scope, or the whole scope. */
export async function readPaths(db: Db, context: RequestContext, jurisdictionId: string | undefined): Promise<string[]> {
  const scope = scopeOf(context, 'testing.read');
  if (scope.length === 0) throw forbidden();
  if (!jurisdictionId) return scope;
  const where = await findJurisdictionById(db, jurisdictionId);
  if (!where || !pathInScope(where.path, scope)) throw forbidden('jurisdictionId');
  return [where.path];
}

export const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());
