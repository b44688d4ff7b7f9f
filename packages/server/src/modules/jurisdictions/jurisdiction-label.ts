import { pathFromScope } from '@fangkong/core';
import type { Db } from '../../db/client.ts';
import { findJurisdictionsByPaths } from './jurisdiction.repository.ts';

/**
 * Readable locations for a list: each path as its names from the viewer's scope down
 * (湖塘镇 / 南街社区 / 第1网格), resolved in one query (issue 18 item 6). Every list that shows
 * where a person lives asks here.
 */
export async function jurisdictionLabels(db: Db, paths: readonly string[], scope: readonly string[]): Promise<Map<string, string>> {
  const levelsOf = new Map([...new Set(paths)].map((path) => [path, pathFromScope(path, scope)]));
  const wanted = [...new Set([...levelsOf.values()].flat())];
  const names = new Map((await findJurisdictionsByPaths(db, wanted)).map((j) => [j.path, j.name]));
  return new Map([...levelsOf].map(([path, levels]) => [path, levels.map((level) => names.get(level) ?? level).join(' / ')]));
}
