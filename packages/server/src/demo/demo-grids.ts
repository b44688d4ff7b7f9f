import { childPath, createRandom, type DemoArea, demoUuid } from '@fangkong/core';
import type { JurisdictionInsert, JurisdictionRow } from './demo.repository.ts';

/** A grid (网格) to build: its jurisdiction row and how many residents live in it. */
export interface DemoGrid {
  id: string;
  code: string;
  name: string;
  path: string;
  villageId: string;
  villageCode: string;
  area: DemoArea;
  residents: number;
}

export type CountyNames = Pick<DemoArea, 'province' | 'city' | 'county'>;

/** Splits `total` in proportion to `weights`, rounding on the running sum so the parts add up exactly. */
export function shareOut(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  let cumulative = 0;
  let given = 0;
  return weights.map((weight) => {
    cumulative += weight;
    const upTo = Math.round((total * cumulative) / sum);
    const share = upTo - given;
    given = upTo;
    return share;
  });
}

/** Communities are denser than villages: more grids and more people per grid. */
function gridsOf(seed: number, village: JurisdictionRow, town: JurisdictionRow, names: CountyNames) {
  const random = createRandom(seed, 'grids', village.code);
  const isCommunity = village.name.endsWith('社区');
  const count = isCommunity ? random.int(4, 6) : random.int(3, 5);
  const area = { ...names, town: town.name, village: village.name };
  return Array.from({ length: count }, (_, i) => {
    const code = `${village.code}${String(i + 1).padStart(3, '0')}`;
    const grid = { id: demoUuid(random), code, name: `第${i + 1}网格`, path: childPath(village.path, code), villageId: village.id };
    return { ...grid, villageCode: village.code, area, weight: (0.6 + random.next() * 0.8) * (isCommunity ? 1.3 : 1) };
  });
}

/** Several grids under every village, in code order, with the residents shared out by weight. */
export function planGrids(seed: number, names: CountyNames, divisions: readonly JurisdictionRow[], residents: number): DemoGrid[] {
  const towns = new Map(divisions.filter((d) => d.level === 'town').map((t) => [t.id, t]));
  const planned = divisions
    .filter((d) => d.level === 'village')
    .flatMap((village) => {
      const town = village.parentId ? towns.get(village.parentId) : undefined;
      return town ? gridsOf(seed, village, town, names) : [];
    });
  const shares = shareOut(
    residents,
    planned.map((g) => g.weight),
  );
  return planned.map(({ weight: _, ...grid }, i) => ({ ...grid, residents: shares[i] ?? 0 }));
}

export function gridRow(grid: DemoGrid): JurisdictionInsert {
  return { id: grid.id, code: grid.code, name: grid.name, level: 'grid', parentId: grid.villageId, path: grid.path };
}
