import { COUNTRY_ROOT } from './levels.ts';

/** Materialized paths of a jurisdiction and its ancestors, outermost first: `/32/3204/` → [`/32/`, `/32/3204/`]. */
export function ancestorPaths(path: string): string[] {
  const codes = path.split('/').filter(Boolean);
  return codes.map((_, i) => `/${codes.slice(0, i + 1).join('/')}/`);
}

/** `/32/3204/320412/` → ['CN', '32', '3204', '320412'], the country root first, as profiles name their jurisdiction. */
export function jurisdictionCodesOfPath(path: string): string[] {
  return [COUNTRY_ROOT.code, ...path.split('/').filter(Boolean)];
}

/** Fewer levels than this would leave a grid name alone (「第1网格」), which is ambiguous above one community. */
const MIN_LEVELS = 2;

/**
 * Which levels of a location a viewer needs to read it unambiguously: from just below the root of
 * the viewer's scope that holds it, down to the location itself, and never fewer than two levels
 * (a county officer reads 湖塘镇 / 南街社区 / 第1网格, a community worker 南街社区 / 第1网格)
 * (issue 18 item 6). Outside every scope root, the last two levels.
 */
export function pathFromScope(path: string, scope: readonly string[]): string[] {
  const levels = ancestorPaths(path);
  const root = scope.filter((r) => path.startsWith(r)).sort((a, b) => a.length - b.length)[0];
  const rootDepth = root ? ancestorPaths(root).length : levels.length;
  const start = Math.max(0, Math.min(rootDepth, levels.length - MIN_LEVELS));
  return levels.slice(start);
}
