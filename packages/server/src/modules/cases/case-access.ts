import { type CaseRules, caseRules, notFound, type Permission, pathInScope, scopePaths } from '@fangkong/core';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../http/context.ts';
import { editionById, editionsById } from '../protocols/protocol-in-force.ts';
import { type CaseRow, findCase } from './case.repository.ts';

/** A case inside the caller's scope for this permission, or 404 (another jurisdiction never learns it exists). */
export async function caseInScope(db: Db, context: RequestContext, id: string, permission: Permission): Promise<CaseRow> {
  const found = await findCase(db, id);
  if (!found || !pathInScope(found.jurisdictionPath, scopePaths(context.actor.grants, permission))) throw notFound('id');
  return found;
}

/** The case rules of the edition the case was opened under: shipped or the district's own (issue 14, RULES-001). */
export async function rulesOfCase(db: Db, row: Pick<CaseRow, 'editionId'>): Promise<CaseRules> {
  const edition = await editionById(db, row.editionId);
  if (!edition) throw notFound('editionId');
  return caseRules(edition);
}

/** The case rules of each case of a list, by the edition each was opened under (each edition looked up once). */
export async function rulesOfCases(
  db: Db,
  rows: readonly Pick<CaseRow, 'editionId'>[],
): Promise<(row: Pick<CaseRow, 'editionId'>) => CaseRules> {
  const editions = await editionsById(
    db,
    rows.map((r) => r.editionId),
  );
  return (row) => {
    const edition = editions.get(row.editionId);
    if (!edition) throw notFound('editionId');
    return caseRules(edition);
  };
}
