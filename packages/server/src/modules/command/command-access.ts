import { notFound, type Permission, pathInScope, scopePaths } from '@fangkong/core';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../http/context.ts';
import {
  type ExpertGroupRow,
  findExpertGroup,
  findHeadquarters,
  findOrgUnit,
  findRosterMember,
  findWorkingGroup,
  type HeadquartersRow,
  isOnRoster,
  type OrgUnitRow,
  type RosterRow,
  type WorkingGroupRow,
} from './organization.repository.ts';

/** The caller's subtrees for a permission. */
export const scopeOf = (context: RequestContext, permission: Permission) => scopePaths(context.actor.grants, permission);

/** A row inside the caller's scope for the permission, or "not found" naming the field (another jurisdiction never learns it exists). */
export function inScope<T extends { jurisdictionPath: string }>(
  row: T | undefined,
  context: RequestContext,
  permission: Permission,
  field = 'id',
): T {
  if (!row || !pathInScope(row.jurisdictionPath, scopeOf(context, permission))) throw notFound(field);
  return row;
}

export async function headquartersInScope(db: Db, context: RequestContext, id: string, permission: Permission, field = 'id') {
  return inScope<HeadquartersRow>(await findHeadquarters(db, id), context, permission, field);
}

export async function groupInScope(db: Db, context: RequestContext, id: string, permission: Permission, field = 'id') {
  return inScope<WorkingGroupRow>(await findWorkingGroup(db, id), context, permission, field);
}

export async function expertGroupInScope(db: Db, context: RequestContext, id: string, permission: Permission, field = 'id') {
  return inScope<ExpertGroupRow>(await findExpertGroup(db, id), context, permission, field);
}

export async function rosterMemberInScope(db: Db, context: RequestContext, id: string, permission: Permission, field = 'id') {
  return inScope<RosterRow>(await findRosterMember(db, id), context, permission, field);
}

export async function unitInScope(db: Db, context: RequestContext, id: string, permission: Permission, field = 'id') {
  return inScope<OrgUnitRow>(await findOrgUnit(db, id), context, permission, field);
}

/**
 * Phones on a roster are shown in full inside the headquarters only: to those who keep its organization
 * (command.write over its jurisdiction) and to those on its roster; everyone else sees them masked.
 */
export async function phonesVisible(db: Db, context: RequestContext, hq: HeadquartersRow): Promise<boolean> {
  if (pathInScope(hq.jurisdictionPath, scopeOf(context, 'command.write'))) return true;
  return context.actor.userId !== null && isOnRoster(db, hq.id, context.actor.userId);
}
