import { communityPathOf } from '../testing-access.ts';

/** The district (county, 6-digit NBS code) a path lies in, or the path itself above that level: market supervision sits there. */
export function districtPathOf(path: string): string {
  return /^(.*?\/\d{6}\/)/.exec(path)?.[1] ?? path;
}

/** Where a place's follow-up lives: the place's own path, its community's and its district's. */
export function followUpPaths(placePath: string): string[] {
  return [...new Set([placePath, communityPathOf(placePath), districtPathOf(placePath)])];
}
