// The dashboard's analytics figures: core's estimators asked over the subtree's incidence by onset (confirmed and
// asymptomatic cases), never computed here. Rt takes the imported cases apart from the local ones, as EpiEstim's
// estimate_R with `incid` of columns local and imported (issue 17): they add to the infectivity, never to the
// numerator. A series too short or empty gives the estimator's own reason.
import {
  AppError,
  EPIESTIM_DEFAULT_PRIOR,
  EPIESTIM_DEFAULT_WINDOW_DAYS,
  estimateRt,
  exponentialGrowth,
  PUBLISHED_SERIAL_INTERVALS,
} from '@fangkong/core';

/** The serial interval the dashboard's Rt uses unless the chains give one (Nishiura et al. 2020, COVID-19). */
const DEFAULT_SERIAL_INTERVAL = 'covid19-nishiura-2020';
/** Days at the end of the range the growth rate and doubling time are fitted over. */
const GROWTH_DAYS = 14;

type Unavailable = { available: false; reason: string; detail: string | null };

function unavailable(error: unknown): Unavailable {
  if (error instanceof AppError) return { available: false, reason: error.code, detail: String(error.params.detail ?? '') || null };
  throw error;
}

export interface ObservedInterval {
  pairs: number;
  meanDays: number | null;
  sdDays: number | null;
}

/** Cases by onset day: all of them, and the local and imported parts (local + imported = total each day). */
export interface Incidence {
  total: readonly number[];
  local: readonly number[];
  imported: readonly number[];
}

export function rtOf(days: readonly string[], incidence: Incidence) {
  const si = PUBLISHED_SERIAL_INTERVALS.find((p) => p.id === DEFAULT_SERIAL_INTERVAL) ?? PUBLISHED_SERIAL_INTERVALS[0];
  if (!si) return { available: false as const, reason: 'noSerialInterval', detail: null };
  // An empty series would give the prior back as if it were an estimate: say there is nothing to estimate from.
  if (incidence.total.every((n) => n === 0))
    return {
      available: false as const,
      reason: 'noIncidence',
      detail: 'no confirmed or asymptomatic case with an onset date in the range / 所选时段内无有发病日期的确诊或无症状病例',
    };
  try {
    const result = estimateRt({
      incidence: { local: [...incidence.local], imported: [...incidence.imported] },
      serialInterval: { mean: si.mean, sd: si.sd },
      window: EPIESTIM_DEFAULT_WINDOW_DAYS,
    });
    return {
      available: true as const,
      method: 'Cori et al. 2013 (EpiEstim estimate_R), weekly sliding windows',
      serialInterval: { id: si.id, mean: si.mean, sd: si.sd, source: si.source },
      prior: EPIESTIM_DEFAULT_PRIOR,
      firstDayMovedToImported: result.firstDayMovedToImported,
      // A window with no infector in it (Σ Λ = 0) has the prior for its posterior (EpiEstim reports it so): shown as
      // no estimate rather than a flat R of the prior's mean over weeks without cases.
      estimates: result.estimates.map((e) => {
        const informative = e.infectivity > 0;
        return {
          tStart: days[e.tStart - 1] ?? '',
          tEnd: days[e.tEnd - 1] ?? '',
          mean: informative ? e.mean : null,
          q025: informative ? e.q025 : null,
          q975: informative ? e.q975 : null,
        };
      }),
    };
  } catch (error) {
    return unavailable(error);
  }
}

export function growthOf(incidence: readonly number[]) {
  const recent = incidence.slice(-GROWTH_DAYS);
  try {
    const g = exponentialGrowth(recent);
    return { available: true as const, ...g };
  } catch (error) {
    return unavailable(error);
  }
}
