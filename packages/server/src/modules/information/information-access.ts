import {
  type Approval,
  authorityLevel,
  type InfoResult,
  type InformationRules,
  informationRules,
  invalid,
  notFound,
  type Permission,
  pathInScope,
  scopePaths,
} from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../http/context.ts';
import { findJurisdictionById, type JurisdictionRow } from '../jurisdictions/jurisdiction.repository.ts';
import { editionAt, editionsById } from '../protocols/protocol-in-force.ts';

export type Deps = Pick<AppDeps, 'database' | 'clock'>;

export const scopeOf = (context: RequestContext, permission: Permission) => scopePaths(context.actor.grants, permission);

/** A jurisdiction named in a body: outside the caller's scope it is an unknown one (400 naming the field). */
export async function jurisdictionIn(db: Db, context: RequestContext, id: string, permission: Permission): Promise<JurisdictionRow> {
  const found = await findJurisdictionById(db, id);
  if (!found || !pathInScope(found.path, scopeOf(context, permission))) throw invalid('jurisdictionId', 'unknownJurisdiction');
  return found;
}

/** A record in the path: another jurisdiction's answers 404. */
export function inScopeOr404<T extends { jurisdictionPath: string }>(
  row: T | undefined,
  context: RequestContext,
  permission: Permission,
): T {
  if (!row || !pathInScope(row.jurisdictionPath, scopeOf(context, permission))) throw notFound('id');
  return row;
}

/**
 * The edition in force at the place now, by the one answer (`protocolInForce`: the district's own edition when it
 * activated one, else shipped; issue 14, RULES-001), with its information rules; a new item keeps the edition.
 */
export async function informationNow(db: Db, path: string, now: Date): Promise<{ editionId: string; rules: InformationRules }> {
  const edition = await editionAt(db, path, now);
  if (!edition) throw invalid('date', 'noEditionInForce');
  return { editionId: edition.id, rules: informationRules(edition) };
}

/** The information rules of the editions items were logged under (shipped or the district's own), each looked up once. */
export async function informationRulesOf(db: Db, editionIds: readonly string[]): Promise<(editionId: string) => InformationRules> {
  const editions = await editionsById(db, editionIds);
  return (editionId) => {
    const edition = editions.get(editionId);
    if (!edition) throw notFound('editionId');
    return informationRules(edition);
  };
}

export interface StoredApproval {
  by: string;
  name: string;
  level: Approval['level'];
  at: string;
  note: string;
}

/** The caller's approval of an item at `path`: their authority is the level of their grant over it (INFO-001). */
export function approvalBy(context: RequestContext, path: string, now: Date, note: string): Approval {
  const level = authorityLevel(scopeOf(context, 'information.approve'), path);
  if (!level) throw notFound('id');
  return { by: context.actor.userId ?? '', level, at: now, note };
}

export const approvalsOf = (stored: unknown): Approval[] =>
  (stored as StoredApproval[]).map((a) => ({ by: a.by, level: a.level, at: new Date(a.at), note: a.note }));

/** Approvals as stored, each with the approver's display name as it was at the time. */
export function storedApprovals(approvals: readonly Approval[], previous: unknown, context: RequestContext): StoredApproval[] {
  const names = new Map((previous as StoredApproval[]).map((a) => [a.by, a.name]));
  return approvals.map((a) => ({
    by: a.by,
    name: names.get(a.by) ?? context.actor.displayName,
    level: a.level,
    at: a.at.toISOString(),
    note: a.note,
  }));
}

export function settled<T>(result: InfoResult<T>): T {
  if (!result.ok) throw result.problem;
  return result.value;
}
