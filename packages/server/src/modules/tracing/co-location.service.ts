import { type CoLocation, coLocations, matchSpan, type TimeWindow, type TracingRules, type Visit } from '@fangkong/core';
import type { Db } from '../../db/client.ts';
import { scansInSpans, scanVisitsOf } from './co-location.repository.ts';

/**
 * People co-located with a case (REQUIREMENTS CASE-003, KP-D05): the case's own scans in the window and
 * the visits the investigation recorded are matched against everyone's scans at the same places. Core
 * decides the spans and the matching; SQL only fetches the scans inside them.
 */
export async function coLocatedPeople(
  db: Db,
  casePersonId: string,
  window: TimeWindow,
  recordedVisits: readonly Visit[],
  rules: TracingRules,
): Promise<CoLocation[]> {
  const visits = [...(await scanVisitsOf(db, casePersonId, window)), ...recordedVisits];
  const spans = visits.flatMap((v) => {
    const span = matchSpan(v, window, rules.coLocationToleranceMinutes.minutes);
    return span ? [{ ...span, placeId: v.placeId }] : [];
  });
  const scans = await scansInSpans(db, spans, casePersonId);
  return coLocations(casePersonId, visits, scans, window, rules);
}
