import type { JurisdictionLevel, PlaceKind, Reporter, ReportingUnitKind } from '@fangkong/core';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { institution, jurisdiction, place } from '../../db/schema/index.ts';
import { underAnyPath } from '../../db/scope-sql.ts';

/** A reporting unit: a community (jurisdiction) or an institution (place), with the path its scope is judged by. */
export interface ReportingUnit {
  id: string;
  kind: 'jurisdiction' | 'place';
  name: string;
  code: string;
  /** The community's own path, or the path of the jurisdiction the institution stands in. */
  path: string;
  /** The community itself, or the institution's jurisdiction. */
  jurisdictionId: string;
  /** The jurisdiction the unit belongs to (the town of a community, the jurisdiction of a school). */
  parentId: string | null;
  type: ReportingUnitKind;
}

const MAX_UNITS = 5000;

function jurisdictionUnit(row: typeof jurisdiction.$inferSelect): ReportingUnit {
  return {
    id: row.id,
    kind: 'jurisdiction',
    name: row.name,
    code: row.code,
    path: row.path,
    jurisdictionId: row.id,
    parentId: row.parentId,
    type: { kind: 'jurisdiction', level: row.level as JurisdictionLevel },
  };
}

function placeUnit(row: typeof place.$inferSelect): ReportingUnit {
  return {
    id: row.id,
    kind: 'place',
    name: row.name,
    code: row.code,
    path: row.jurisdictionPath,
    jurisdictionId: row.jurisdictionId,
    parentId: row.jurisdictionId,
    type: { kind: 'place', placeKind: row.kind as PlaceKind },
  };
}

/** The unit with this id: a jurisdiction, else a place (ids are UUIDs, so they never collide). */
export async function findUnit(db: Db, id: string): Promise<ReportingUnit | undefined> {
  const [j] = await db.select().from(jurisdiction).where(eq(jurisdiction.id, id)).limit(1);
  if (j) return jurisdictionUnit(j);
  const [p] = await db.select().from(place).where(eq(place.id, id)).limit(1);
  return p ? placeUnit(p) : undefined;
}

/** Every unit that reports on a template inside the given subtrees: communities by level, institutions by kind. */
export async function unitsUnder(db: Db, reporter: Reporter, paths: readonly string[]): Promise<ReportingUnit[]> {
  if (reporter.kind === 'jurisdiction') {
    const rows = await db
      .select()
      .from(jurisdiction)
      .where(and(eq(jurisdiction.level, reporter.level), underAnyPath(jurisdiction.path, paths)))
      .orderBy(asc(jurisdiction.code))
      .limit(MAX_UNITS);
    return rows.map(jurisdictionUnit);
  }
  const rows = await db
    .select()
    .from(place)
    .where(and(eq(place.kind, reporter.placeKind), underAnyPath(place.jurisdictionPath, paths)))
    .orderBy(asc(place.jurisdictionPath), asc(place.code))
    .limit(MAX_UNITS);
  return rows.map(placeUnit);
}

/** The named reporters of the institutions registered at these places (an institution naming nobody gives null). */
export async function institutionReportersAt(db: Db, placeIds: readonly string[]): Promise<Map<string, (string | null)[]>> {
  const reporters = new Map<string, (string | null)[]>();
  if (placeIds.length === 0) return reporters;
  const rows = await db
    .select({ placeId: institution.placeId, reporterUserId: institution.reporterUserId })
    .from(institution)
    .where(inArray(institution.placeId, [...placeIds]));
  for (const row of rows) {
    if (!row.placeId) continue;
    reporters.set(row.placeId, [...(reporters.get(row.placeId) ?? []), row.reporterUserId]);
  }
  return reporters;
}
