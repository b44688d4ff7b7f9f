import {
  type CaseHome,
  type ControlUnitKind,
  invalid,
  notFound,
  pathInScope,
  suggestDelineation,
  type ZoneOutbreakType,
  zoneRulesOf,
} from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import type { Db } from '../../db/client.ts';
import type { ControlUnitRecord } from '../../db/schema/index.ts';
import type { RequestContext } from '../../http/context.ts';
import { findCase } from '../cases/case.repository.ts';
import { findJurisdictionById, findJurisdictionsByPaths } from '../jurisdictions/jurisdiction.repository.ts';
import { findPersonById } from '../persons/person.repository.ts';
import { findPlaceById } from '../places/place.repository.ts';
import { editionAtOrRefuse } from '../protocols/protocol-in-force.ts';
import { ancestorPath, scopeOf } from './zone-access.ts';

export interface UnitInput {
  kind: ControlUnitKind;
  id: string;
}

/** Jurisdiction levels a `jurisdiction` unit may be (a grid is its own kind). */
const AREA_LEVELS = ['county', 'town', 'village'];

async function resolveUnit(db: Db, scope: readonly string[], unit: UnitInput, field: string): Promise<ControlUnitRecord> {
  if (unit.kind === 'building' || unit.kind === 'unit') {
    const place = await findPlaceById(db, unit.id);
    if (!place || !pathInScope(place.jurisdictionPath, scope)) throw notFound(`${field}.id`);
    if (place.kind !== unit.kind) throw invalid(`${field}.kind`, 'unitKindMismatch', { kind: place.kind });
    return { kind: unit.kind, id: place.id, name: place.address ?? place.name, path: place.jurisdictionPath };
  }
  const where = await findJurisdictionById(db, unit.id);
  if (!where || !pathInScope(where.path, scope)) throw notFound(`${field}.id`);
  const fits = unit.kind === 'grid' ? where.level === 'grid' : AREA_LEVELS.includes(where.level);
  if (!fits) throw invalid(`${field}.kind`, 'unitKindMismatch', { kind: where.level });
  return { kind: unit.kind, id: where.id, name: where.name, path: where.path };
}

/** The minimum control units of a zone (ZONE-003), each inside the caller's scope; a repeated unit is refused. */
export async function resolveUnits(db: Db, scope: readonly string[], units: readonly UnitInput[]): Promise<ControlUnitRecord[]> {
  const resolved: ControlUnitRecord[] = [];
  for (const [index, unit] of units.entries()) {
    if (resolved.some((u) => u.id === unit.id)) throw invalid(`units.${index}.id`, 'duplicateUnit');
    resolved.push(await resolveUnit(db, scope, unit, `units.${index}`));
  }
  return resolved;
}

/** Depth of a village (社区/行政村) path: /province/city/county/town/village/. */
const VILLAGE_DEPTH = 5;

/** The case's home as units: its building (through household and unit), its grid, its community. */
async function homeOf(db: Db, personId: string): Promise<{ home: CaseHome; names: Record<string, string> }> {
  const found = await findPersonById(db, personId);
  const person = found?.person;
  const names: Record<string, string> = {};
  if (!person) return { home: { buildingId: null, gridId: null, villageId: null }, names };
  const household = person.householdId ? await findPlaceById(db, person.householdId) : undefined;
  const parent = household?.parentPlaceId ? await findPlaceById(db, household.parentPlaceId) : undefined;
  const building = parent?.kind === 'building' ? parent : parent?.parentPlaceId ? await findPlaceById(db, parent.parentPlaceId) : undefined;
  const [own] = await findJurisdictionsByPaths(db, [person.jurisdictionPath]);
  const [village] = await findJurisdictionsByPaths(db, [ancestorPath(person.jurisdictionPath, VILLAGE_DEPTH)]);
  for (const named of [building, own, village])
    if (named) names[named.id] = 'address' in named ? (named.address ?? named.name) : named.name;
  return {
    home: { buildingId: building?.id ?? null, gridId: own?.level === 'grid' ? own.id : null, villageId: village?.id ?? null },
    names,
  };
}

/** The spot or zone a case's outbreak type asks for (ZONE-004, SC-21), over the case's own home. */
export async function suggestForCase(
  deps: Pick<AppDeps, 'database' | 'clock'>,
  context: RequestContext,
  caseId: string,
  outbreakType: ZoneOutbreakType,
) {
  const db = deps.database.db;
  const found = await findCase(db, caseId);
  if (!found || !pathInScope(found.jurisdictionPath, scopeOf(context, 'zone.write'))) throw notFound('caseId');
  const edition = await editionAtOrRefuse(db, found.jurisdictionPath, deps.clock(), 'caseId');
  const { home, names } = await homeOf(db, found.personId);
  const suggestion = suggestDelineation(zoneRulesOf(edition), outbreakType, home);
  if (!suggestion) throw invalid('outbreakType', 'noZoneRules');
  return { ...suggestion, unitName: suggestion.unit ? (names[suggestion.unit.id] ?? null) : null, editionId: edition.id };
}
