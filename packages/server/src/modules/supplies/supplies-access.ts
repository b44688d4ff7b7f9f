import { invalid, isCalendarDate, notFound, type Permission, pathInScope, scopePaths } from '@fangkong/core';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../http/context.ts';
import { findJurisdictionById, findJurisdictionsByPaths, type JurisdictionRow } from '../jurisdictions/jurisdiction.repository.ts';

export const scopeOf = (context: RequestContext, permission: Permission) => scopePaths(context.actor.grants, permission);

/** A row inside the caller's scope, or "not found" at the field (another jurisdiction never learns it exists). */
export function inScope<T extends { jurisdictionPath: string }>(
  row: T | undefined,
  context: RequestContext,
  permission: Permission,
  field = 'id',
): T {
  if (!row || !pathInScope(row.jurisdictionPath, scopeOf(context, permission))) throw notFound(field);
  return row;
}

/** The subtrees a list reads: the caller's scope, or one jurisdiction inside it (404 outside). */
export async function readPaths(db: Db, context: RequestContext, jurisdictionId?: string): Promise<string[]> {
  const scope = scopeOf(context, 'supply.read');
  if (!jurisdictionId) return scope;
  const found = await findJurisdictionById(db, jurisdictionId);
  if (!found || !pathInScope(found.path, scope)) throw notFound('jurisdictionId');
  return [found.path];
}

/** The jurisdiction a question is about: the one asked (404 outside the scope), or the caller's top one. */
export async function readJurisdiction(db: Db, context: RequestContext, jurisdictionId?: string): Promise<JurisdictionRow> {
  const scope = scopeOf(context, 'supply.read');
  const found = jurisdictionId ? await findJurisdictionById(db, jurisdictionId) : (await findJurisdictionsByPaths(db, scope))[0];
  if (!found || !pathInScope(found.path, scope)) throw notFound('jurisdictionId');
  return found;
}

/** The jurisdiction a new record goes in: inside the caller's write scope, else 400 at the field, nothing written. */
export async function writeJurisdiction(db: Db, context: RequestContext, jurisdictionId: string, field = 'jurisdictionId') {
  const found = await findJurisdictionById(db, jurisdictionId);
  if (!found || !pathInScope(found.path, scopeOf(context, 'supply.write'))) throw invalid(field, 'unknownJurisdiction');
  return found;
}

/** Dates of the body that are real calendar days (the pattern alone lets 2020-13-45 through). */
export function checkDates(fields: Record<string, string | undefined>): void {
  for (const [field, value] of Object.entries(fields))
    if (value !== undefined && !isCalendarDate(value)) throw invalid(field, 'invalidDate');
}
