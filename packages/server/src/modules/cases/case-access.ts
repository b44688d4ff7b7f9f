import { type CaseRules, caseRules, findEdition, notFound, type Permission, pathInScope, scopePaths } from '@fangkong/core';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../http/context.ts';
import { type CaseRow, findCase } from './case.repository.ts';

/** A case inside the caller's scope for this permission, or 404 (another jurisdiction never learns it exists). */
export async function caseInScope(db: Db, context: RequestContext, id: string, permission: Permission): Promise<CaseRow> {
  const found = await findCase(db, id);
  if (!found || !pathInScope(found.jurisdictionPath, scopePaths(context.actor.grants, permission))) throw notFound('id');
  return found;
}

/** The case rules of the edition the case was opened under. */
export function rulesOfCase(row: Pick<CaseRow, 'editionId'>): CaseRules {
  const edition = findEdition(row.editionId);
  if (!edition) throw notFound('editionId');
  return caseRules(edition);
}
