import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { queryRows } from '../../db/query-rows.ts';
import { uuidList } from '../testing/testing-sql.ts';

export interface MapNodeRow {
  id: string;
  parent_id: string | null;
  name: string;
  code: string;
  level: string;
  path: string;
  risk_level: string | null;
}

/** The two levels of jurisdictions below a root (towns and villages under a county), grids left out, with their published grade. */
export function mapNodes(db: Db, rootPath: string): Promise<MapNodeRow[]> {
  const depth = rootPath.split('/').filter(Boolean).length;
  return queryRows<MapNodeRow>(
    db,
    sql`select j.id, j.parent_id, j.name, j.code, j.level, j.path, r.level as risk_level
      from jurisdiction j left join risk_area r on r.jurisdiction_id = j.id and r.status = 'published'
      where j.path like ${`${rootPath}%`} and j.level <> 'grid'
        and array_length(string_to_array(trim(both '/' from j.path), '/'), 1) between ${depth + 1} and ${depth + 2}
      order by j.code`,
  );
}

export interface MarkerRow {
  id: string;
  name: string;
  kind: string;
  lat: number;
  lng: number;
}

/** Places among the ids that carry coordinates (attributes.lat / attributes.lng): markers on the map. */
export function placesWithCoordinates(db: Db, ids: readonly string[]): Promise<MarkerRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return queryRows<MarkerRow>(
    db,
    sql`select p.id, coalesce(p.address, p.name) as name, p.kind, (p.attributes->>'lat')::float8 as lat, (p.attributes->>'lng')::float8 as lng
      from place p where p.id in ${uuidList(ids)} and p.attributes ? 'lat' and p.attributes ? 'lng'`,
  );
}
