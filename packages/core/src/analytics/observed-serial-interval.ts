// The serial interval observed in the platform's own transmission chains, offered as an R_t input beside the
// published ones: the chains' infector → infectee pairs with both onset dates (tracing/serial-interval.ts finds
// them and gives their mean and sd), turned into a discrete distribution EpiEstim can take as `si_distr`.
import { type SerialInterval, serialInterval, type TransmissionPair } from '../tracing/serial-interval.ts';
import type { SerialIntervalDistribution } from './serial-interval-distribution.ts';

export interface ObservedSerialInterval {
  /** Pairs with both onsets (all of them count towards the mean and sd), and the sample mean and sd in days. */
  pairs: number;
  meanDays: number | null;
  sdDays: number | null;
  /**
   * The share of pairs at each interval of 1, 2, … days, with day 0 at 0: usable as `--si-distr`. Pairs of 0 days
   * or fewer (the infectee fell ill the same day or first) cannot enter EpiEstim's distribution and are counted
   * in `pairsNotInDistribution`; null when no pair has a positive interval.
   */
  distribution: SerialIntervalDistribution | null;
  pairsInDistribution: number;
  pairsNotInDistribution: number;
}

/** The empirical distribution of positive intervals (days ≥ 1), index = days, day 0 weighted 0. */
export function empiricalSerialInterval(intervals: readonly number[]): number[] | null {
  const positive = intervals.filter((d) => Number.isInteger(d) && d >= 1);
  if (positive.length === 0) return null;
  const counts: number[] = new Array(Math.max(...positive) + 1).fill(0);
  for (const days of positive) counts[days] = (counts[days] ?? 0) + 1;
  return counts.map((n) => n / positive.length);
}

/** The observed serial interval of the chains, with how many pairs each figure rests on. */
export function observedSerialInterval(pairs: readonly TransmissionPair[]): ObservedSerialInterval {
  const observed: SerialInterval = serialInterval(pairs);
  const intervals = observed.pairs.map((p) => p.days);
  const distribution = empiricalSerialInterval(intervals);
  const inDistribution = intervals.filter((d) => d >= 1).length;
  return {
    pairs: observed.n,
    meanDays: observed.meanDays,
    sdDays: observed.sdDays,
    distribution,
    pairsInDistribution: inDistribution,
    pairsNotInDistribution: observed.n - inDistribution,
  };
}
