import { notFound } from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import type { RequestContext } from '../../http/context.ts';
import { findJurisdictionsByPaths } from '../jurisdictions/jurisdiction.repository.ts';
import { zonesUnder } from './control-zone.repository.ts';
import { zoneView } from './control-zone.service.ts';
import { publishedOf } from './risk-area.repository.ts';
import { jurisdictionInScope, scopeOf } from './zone-access.ts';
import { mapNodes, placesWithCoordinates } from './zone-map.repository.ts';

type Deps = Pick<AppDeps, 'database'>;

/**
 * The district map (issue 14 part 2): the jurisdiction tree two levels below the root with each node's
 * published grade, the active zones with their units, and the buildings and sites that carry coordinates.
 * Boundaries are not available offline, so the page draws the tree as a schematic map.
 */
export async function zoneMap(deps: Deps, context: RequestContext, jurisdictionId?: string) {
  const db = deps.database.db;
  const root = jurisdictionId
    ? await jurisdictionInScope(db, context, jurisdictionId, 'zone.read')
    : (await findJurisdictionsByPaths(db, scopeOf(context, 'zone.read')))[0];
  if (!root) throw notFound('jurisdictionId');
  const [nodes, zones] = await Promise.all([mapNodes(db, root.path), zonesUnder(db, [root.path], 'active', 500)]);
  const placeIds = zones.flatMap((z) => z.units.filter((u) => u.kind === 'building' || u.kind === 'unit').map((u) => u.id));
  const places = await placesWithCoordinates(db, placeIds);
  const zoneOfPlace = new Map(zones.flatMap((z) => z.units.map((u) => [u.id, z.zoneType] as const)));
  return {
    root: { id: root.id, name: root.name, code: root.code, level: root.level },
    nodes: nodes.map((n) => ({
      id: n.id,
      parentId: n.parent_id,
      name: n.name,
      code: n.code,
      level: n.level,
      path: n.path,
      riskLevel: n.risk_level,
    })),
    zones: zones.map(zoneView),
    markers: places.map((p) => ({ ...p, zoneType: zoneOfPlace.get(p.id) ?? null })),
  };
}

/**
 * What the commander's overview shows of risk and zones (issue 13 part 4): the published grade of the place
 * and of each jurisdiction directly under it (the towns of a district, the communities of a town), and the
 * active control zones under it. Other modules ask here instead of reading the zones' tables.
 */
export async function zoneSummary(deps: Deps, context: RequestContext, jurisdictionId: string) {
  const map = await zoneMap(deps, context, jurisdictionId);
  const own = await publishedOf(deps.database.db, map.root.id);
  const grade = (n: { id: string; name: string; level: string }, riskLevel: string | null) => ({
    jurisdictionId: n.id,
    name: n.name,
    level: n.level,
    riskLevel,
  });
  return {
    grades: [grade(map.root, own?.level ?? null), ...map.nodes.filter((n) => n.parentId === map.root.id).map((n) => grade(n, n.riskLevel))],
    zones: map.zones.map((z) => ({
      id: z.id,
      name: z.name,
      zoneType: z.zoneType,
      jurisdictionId: z.jurisdictionId,
      startAt: z.startAt,
    })),
  };
}
