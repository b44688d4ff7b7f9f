// EARS C1, C2 and C3 aberration detection on daily counts (CDC Early Aberration Reporting System;
// Hutwagner, Thompson, Seeman and Treadwell 2003, "The bioterrorism preparedness and response Early Aberration
// Reporting System (EARS)", J Urban Health 80(suppl 1):i89–i96), computed exactly as the R package surveillance's
// `earsC` (Salmon, Schumacher and Höhle 2016, J Stat Softw 70(10)), so that the alarm days are the same:
// - C1: the baseline is the 7 days before day t; C2: the 7 days before t − 2 (a 2-day lag);
//   the threshold is mean + z₁₋α · max(sd, minSigma), sd with n − 1;
// - C3: the statistic is Σ_{i=0..2} max(0, C2(t − i) − 1); the threshold is earsC's
//   y(t) + max(sd₂(t), minSigma) · (z₁₋α − Σ_{i=1..2} max(0, C2(t − i) − 1)), floored at 0
//   (its code uses the day's own count here where its help page writes the baseline mean);
// - alarm when the count is above the threshold (earsC: `observed > upperbound`);
// - days monitored: from the first with a full baseline (C1 day 8, C2 day 10, C3 day 12 with a 7-day baseline).
// A flat baseline (sd 0) makes earsC's C3 threshold NaN and its alarm NA: here threshold null and no alarm.
import { invalid } from '../errors/app-error.ts';
import { normalQuantile } from './special-functions.ts';

export type EarsMethod = 'C1' | 'C2' | 'C3';
export const EARS_METHODS: readonly EarsMethod[] = ['C1', 'C2', 'C3'];

export interface EarsOptions {
  /** Days in the baseline (earsC default 7; at least 3). */
  baseline?: number;
  /** One-sided level (earsC default 0.001 for C1 and C2, 0.025 for C3). */
  alpha?: number;
  /** Floor of the baseline sd (earsC default 0). */
  minSigma?: number;
}

/** One monitored day: its index in the series (0-based), its count, the method's statistic and threshold. */
export interface EarsDay {
  index: number;
  count: number;
  /** C1/C2 z-score or C3 sum; null where a flat baseline makes it infinite or undefined. */
  statistic: number | null;
  /** The count above which the day alarms; null where earsC's is NaN (then no alarm). */
  threshold: number | null;
  alarm: boolean;
}

/** earsC's defaults: a 7-day baseline, α 0.001 for C1 and C2 and 0.025 for C3 (the CDC's choices). */
export function earsDefaults(method: EarsMethod): Required<EarsOptions> {
  return { baseline: 7, alpha: method === 'C3' ? 0.025 : 0.001, minSigma: 0 };
}

/** The first day (0-based) a method can monitor: earsC's `range` starts at baseline + 1, + 3 or + 5 (1-based). */
export function earsFirstDay(method: EarsMethod, baseline: number): number {
  return baseline + { C1: 0, C2: 2, C3: 4 }[method];
}

interface Baseline {
  mean: number;
  sd: number;
}

/** Mean and sd (n − 1) of the `size` counts ending `lag` days before day t. */
function baselineOf(counts: readonly number[], t: number, size: number, lag: number): Baseline {
  let sum = 0;
  for (let i = t - lag - size + 1; i <= t - lag; i++) sum += counts[i] ?? 0;
  const mean = sum / size;
  let squares = 0;
  for (let i = t - lag - size + 1; i <= t - lag; i++) squares += ((counts[i] ?? 0) - mean) ** 2;
  return { mean, sd: Math.sqrt(squares / (size - 1)) };
}

const finiteOrNull = (x: number) => (Number.isFinite(x) ? x : null);

function checkedOptions(method: EarsMethod, options: EarsOptions): Required<EarsOptions> {
  const o = { ...earsDefaults(method), ...options };
  if (!Number.isInteger(o.baseline) || o.baseline < 3)
    throw invalid('baseline', 'invalidValue', {
      detail: 'the baseline must be a whole number of days ≥ 3 (earsC) / 基线须为不少于 3 的整数天数',
    });
  if (!(o.alpha > 0 && o.alpha < 1))
    throw invalid('alpha', 'invalidValue', { detail: 'alpha must be between 0 and 1 / alpha 须在 0 与 1 之间' });
  if (!(o.minSigma >= 0)) throw invalid('minSigma', 'invalidValue', { detail: 'minSigma must be ≥ 0 / minSigma 须为非负数' });
  return o;
}

/** EARS over every day that has a full baseline; a series shorter than that is refused with the length it needs. */
export function earsC(counts: readonly number[], method: EarsMethod, options: EarsOptions = {}): EarsDay[] {
  const { baseline, alpha, minSigma } = checkedOptions(method, options);
  if (counts.some((n) => !Number.isFinite(n) || n < 0))
    throw invalid('counts', 'invalidValue', { detail: 'daily counts must be numbers ≥ 0 / 每日计数须为非负数' });
  const first = earsFirstDay(method, baseline);
  if (counts.length <= first) {
    throw invalid('counts', 'seriesTooShort', {
      detail: `EARS ${method} with a ${baseline}-day baseline needs at least ${first + 1} days; the series has ${counts.length} / EARS ${method}（基线 ${baseline} 天）至少需要 ${first + 1} 天数据，当前只有 ${counts.length} 天`,
    });
  }
  const z = normalQuantile(1 - alpha);
  const days: EarsDay[] = [];
  for (let t = first; t < counts.length; t++)
    days.push(method === 'C3' ? c3Day(counts, t, baseline, minSigma, z) : c12Day(counts, t, method, baseline, minSigma, z));
  return days;
}

function c12Day(counts: readonly number[], t: number, method: 'C1' | 'C2', baseline: number, minSigma: number, z: number): EarsDay {
  const { mean, sd } = baselineOf(counts, t, baseline, method === 'C1' ? 1 : 3);
  const sigma = Math.max(sd, minSigma);
  const count = counts[t] ?? 0;
  const threshold = mean + z * sigma;
  return { index: t, count, statistic: finiteOrNull((count - mean) / sigma), threshold: finiteOrNull(threshold), alarm: count > threshold };
}

/** C2's z-score of day t (NaN or ±∞ on a flat baseline, as in earsC). */
function c2Score(counts: readonly number[], t: number, baseline: number, minSigma: number): number {
  const { mean, sd } = baselineOf(counts, t, baseline, 3);
  return ((counts[t] ?? 0) - mean) / Math.max(sd, minSigma);
}

// Math.max propagates NaN as R's pmax does, so the arithmetic below gives NaN wherever earsC gives NA.
function c3Day(counts: readonly number[], t: number, baseline: number, minSigma: number, z: number): EarsDay {
  const excess = (i: number) => Math.max(0, c2Score(counts, t - i, baseline, minSigma) - 1);
  const count = counts[t] ?? 0;
  const sigma = Math.max(baselineOf(counts, t, baseline, 3).sd, minSigma);
  const threshold = Math.max(0, count + sigma * (z - (excess(2) + excess(1))));
  return {
    index: t,
    count,
    statistic: finiteOrNull(excess(0) + excess(1) + excess(2)),
    threshold: finiteOrNull(threshold),
    alarm: count > threshold,
  };
}
