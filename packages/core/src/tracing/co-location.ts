import { invalid } from '../errors/app-error.ts';
import type { TracingRules } from '../protocols/protocol-types.ts';
import { clipToWindow, type TimeWindow } from './infectious-window.ts';

/** A stay of the case at a place (a trajectory point, or a scan as an instant visit). */
export interface Visit {
  placeId: string;
  from: Date;
  to: Date;
}

/** Someone else's scan at a place. */
export interface PlaceScan {
  personId: string;
  placeId: string;
  at: Date;
}

/** One person found at one of the case's places: the case's stay (inside the window), and the first and last of their scans there. */
export interface CoLocation {
  personId: string;
  placeId: string;
  visit: TimeWindow;
  firstScanAt: Date;
  lastScanAt: Date;
  scans: number;
}

const MINUTE_MS = 60_000;

/**
 * The span a scan must fall in to count: the visit clipped to the infectious window, widened by the
 * tolerance on both sides. Both ends are inclusive — a scan exactly `tolerance` minutes before the visit
 * began counts, one a minute earlier does not (时空伴随, REQUIREMENTS CASE-003).
 */
export function matchSpan(visit: Visit, window: TimeWindow, toleranceMinutes: number): TimeWindow | undefined {
  if (visit.to < visit.from) throw invalid('to', 'endBeforeStart');
  const clipped = clipToWindow(visit, window);
  if (!clipped) return undefined;
  const tolerance = toleranceMinutes * MINUTE_MS;
  return { from: new Date(clipped.from.getTime() - tolerance), to: new Date(clipped.to.getTime() + tolerance) };
}

function keyOf(personId: string, placeId: string, span: TimeWindow) {
  return `${personId}|${placeId}|${span.from.getTime()}`;
}

/** People whose scans share a place with the case inside its window and the tolerance; never the case itself. */
export function coLocations(
  casePersonId: string,
  visits: readonly Visit[],
  scans: readonly PlaceScan[],
  window: TimeWindow,
  rules: TracingRules,
): CoLocation[] {
  const found = new Map<string, CoLocation>();
  for (const visit of visits) {
    const span = matchSpan(visit, window, rules.coLocationToleranceMinutes.minutes);
    const stay = clipToWindow(visit, window);
    if (!span || !stay) continue;
    for (const scan of scans) {
      if (scan.personId === casePersonId || scan.placeId !== visit.placeId || scan.at < span.from || scan.at > span.to) continue;
      const key = keyOf(scan.personId, scan.placeId, span);
      const seen = found.get(key);
      if (!seen) {
        found.set(key, {
          personId: scan.personId,
          placeId: scan.placeId,
          visit: stay,
          firstScanAt: scan.at,
          lastScanAt: scan.at,
          scans: 1,
        });
        continue;
      }
      if (scan.at < seen.firstScanAt) seen.firstScanAt = scan.at;
      if (scan.at > seen.lastScanAt) seen.lastScanAt = scan.at;
      seen.scans += 1;
    }
  }
  return [...found.values()];
}
