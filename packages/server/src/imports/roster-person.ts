import { AppError, type Permission, pathInScope, scopePaths } from '@fangkong/core';
import type { AppDeps } from '../app-deps.ts';
import type { Db } from '../db/client.ts';
import type { RequestContext } from '../http/context.ts';
import { findJurisdictionByCode, type JurisdictionRow } from '../modules/jurisdictions/jurisdiction.repository.ts';
import { findPersonByIdHash } from '../modules/persons/person.repository.ts';
import { registerPersonIn } from '../modules/persons/person.service.ts';
import { idLookupHash } from '../modules/persons/person-record.ts';
import type { PersonCells } from './person-cells.ts';

type Deps = Pick<AppDeps, 'database' | 'clock' | 'cipher'>;

/** A row's jurisdiction: its community or grid code, else the upload's own; either inside the caller's scope for `permission`. */
export async function rowJurisdiction(
  db: Db,
  context: RequestContext,
  permission: Permission,
  code: string | undefined,
  fallback: JurisdictionRow,
): Promise<JurisdictionRow> {
  const target = code ? await findJurisdictionByCode(db, code) : fallback;
  if (!target || !pathInScope(target.path, scopePaths(context.actor.grants, permission))) {
    throw new AppError('invalid', 'unknownJurisdiction', 'jurisdictionCode');
  }
  return target;
}

export interface RosterPerson {
  id: string;
  name: string;
  jurisdictionId: string;
  jurisdictionPath: string;
  /** Registered by this row: a roster names people the registry may not hold yet. */
  created: boolean;
}

/** The registered person with the row's ID number (one person per ID, however many lists name them), or a new registration in `where`. */
export async function findOrRegisterPerson(
  tx: Db,
  deps: Deps,
  context: RequestContext,
  cells: PersonCells & { address?: string },
  where: JurisdictionRow,
): Promise<RosterPerson> {
  const known = await findPersonByIdHash(tx, idLookupHash(deps.cipher, cells.idType, cells.idNumber));
  if (known) {
    const { id, name, jurisdictionId, jurisdictionPath } = known;
    return { id, name, jurisdictionId, jurisdictionPath, created: false };
  }
  const { id } = await registerPersonIn(tx, deps, context, { ...cells, jurisdictionId: where.id, reason: 'roster import' });
  return { id, name: cells.name, jurisdictionId: where.id, jurisdictionPath: where.path, created: true };
}
