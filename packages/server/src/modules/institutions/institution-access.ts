import { AppError, institutionTakesReportsFrom, invalid, notFound, type Permission, pathInScope, scopePaths } from '@fangkong/core';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../http/context.ts';
import { usersCovering } from '../users/user.repository.ts';
import { findInstitution, type InstitutionRow } from './institution.repository.ts';

export const scopeOf = (context: RequestContext, permission: Permission) => scopePaths(context.actor.grants, permission);

/** An institution in the caller's scope for the permission; another jurisdiction's is "not found". */
export async function institutionInScope(db: Db, context: RequestContext, id: string, permission: Permission): Promise<InstitutionRow> {
  const row = await findInstitution(db, id);
  if (!row || !pathInScope(row.jurisdictionPath, scopeOf(context, permission))) throw notFound('id');
  return row;
}

/** An institution named in a body: another jurisdiction's id is a 400 naming the field. */
export async function institutionField(db: Db, context: RequestContext, id: string, permission: Permission, field: string) {
  const row = await findInstitution(db, id);
  if (!row || !pathInScope(row.jurisdictionPath, scopeOf(context, permission))) throw invalid(field, 'outsideJurisdiction');
  return row;
}

/** Who works a follow-up over a jurisdiction: the first user of the first role in order that covers it, else no one (the command sees it). */
export async function followUpAssignee(db: Db, path: string, roles: readonly string[]): Promise<string | null> {
  for (const role of roles) {
    const [user] = await usersCovering(db, path, [role]);
    if (user) return user.id;
  }
  return null;
}

/**
 * An institution's reports come from its named reporter (issue 16 part 1: the person responsible for reporting):
 * another account is refused (403 naming `reporterUserId`); with nobody named, anyone who may report for it may.
 * The system itself (demo seed, CLI: no user) writes as the institution.
 */
export function assertNamedReporter(context: RequestContext, row: InstitutionRow): void {
  if (!institutionTakesReportsFrom(row.reporterUserId, context.actor.userId)) {
    throw new AppError('forbidden', 'notNamedReporter', 'reporterUserId');
  }
}
