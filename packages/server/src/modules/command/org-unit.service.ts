import { aliasesOfUnit, conflict, invalid, pathInScope } from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../http/context.ts';
import { findJurisdictionById } from '../jurisdictions/jurisdiction.repository.ts';
import { scopeOf, unitInScope } from './command-access.ts';
import { insertOrgUnit, type OrgUnitRow, searchOrgUnits, unitsOfJurisdiction } from './organization.repository.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

export const ORG_UNIT_KINDS = ['department', 'town', 'institution', 'other'] as const;
export type OrgUnitKind = (typeof ORG_UNIT_KINDS)[number];

interface Place {
  jurisdictionId: string;
  jurisdictionPath: string;
}

const kindOfName = (name: string): OrgUnitKind => (name.endsWith('镇') || name.endsWith('街道') ? 'town' : 'department');

const answersTo = (unit: OrgUnitRow, name: string) => unit.name === name || unit.aliases.includes(name);

/**
 * The units of a jurisdiction with these names, made when missing (templates name units by text): one row
 * per unit, found by its name or any alias (ORG-060), so 区交通局 and 区交通运输局 are one unit.
 */
export async function unitsNamed(tx: Db, place: Place, names: readonly string[]): Promise<Map<string, OrgUnitRow>> {
  const known = await unitsOfJurisdiction(tx, place.jurisdictionId);
  const found = new Map<string, OrgUnitRow>();
  for (const name of new Set(names)) {
    let unit = known.find((u) => answersTo(u, name));
    if (!unit) {
      unit = await insertOrgUnit(tx, { name, aliases: [...aliasesOfUnit(name)], kind: kindOfName(name), ...place });
      known.push(unit);
    }
    found.set(name, unit);
  }
  return found;
}

export interface NewOrgUnit {
  jurisdictionId: string;
  name: string;
  aliases?: string[];
  kind?: OrgUnitKind;
}

/** A unit of a jurisdiction in the caller's scope; its name and aliases must not be another unit's there. */
export async function createOrgUnit(deps: Deps, context: RequestContext, input: NewOrgUnit) {
  const db = deps.database.db;
  const place = await findJurisdictionById(db, input.jurisdictionId);
  if (!place || !pathInScope(place.path, scopeOf(context, 'command.write'))) throw invalid('jurisdictionId', 'unknownJurisdiction');
  const name = input.name.trim();
  const aliases = [...new Set((input.aliases ?? []).map((a) => a.trim()).filter((a) => a && a !== name))];
  return db.transaction(async (tx) => {
    const known = await unitsOfJurisdiction(tx, place.id);
    if (known.some((u) => [name, ...aliases].some((n) => answersTo(u, n)))) throw conflict('name', 'unitExists');
    const unit = await insertOrgUnit(tx, {
      name,
      aliases,
      kind: input.kind ?? kindOfName(name),
      jurisdictionId: place.id,
      jurisdictionPath: place.path,
    });
    await recordAudit(tx, context, {
      action: 'command.createUnit',
      entityType: 'org_unit',
      entityId: unit.id,
      jurisdictionPath: place.path,
      after: { name, aliases, kind: unit.kind },
    });
    return { ...unitView(unit), jurisdictionName: place.name };
  });
}

export function unitView(unit: OrgUnitRow) {
  return { id: unit.id, name: unit.name, aliases: unit.aliases, kind: unit.kind, jurisdictionId: unit.jurisdictionId };
}

export async function listOrgUnits(deps: Deps, context: RequestContext, filter: { jurisdictionId?: string; q?: string }) {
  const rows = await searchOrgUnits(deps.database.db, scopeOf(context, 'command.read'), filter);
  return { items: rows.map((r) => ({ ...unitView(r.unit), jurisdictionName: r.jurisdictionName })) };
}

/** Units named by id in a request: each in the caller's scope for the permission, else 400 naming the field. */
export async function unitsForRequest(db: Db, context: RequestContext, ids: readonly string[], field: string) {
  const units: OrgUnitRow[] = [];
  for (const id of new Set(ids)) {
    try {
      units.push(await unitInScope(db, context, id, 'command.read', field));
    } catch {
      throw invalid(field, 'unknownUnit');
    }
  }
  return units;
}
