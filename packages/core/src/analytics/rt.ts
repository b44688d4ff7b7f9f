// The instantaneous reproduction number R_t by the method of Cori, Ferguson, Fraser and Cauchemez (2013),
// "A new framework and software to estimate time-varying reproduction numbers during epidemics",
// Am J Epidemiol 178(9):1505–1512, with the conventions of the R package EpiEstim (`estimate_R`):
// over a window [t_start, t_end] of days, with a Gamma(a, b) prior (shape a, scale b) on R,
//   R | I ~ Gamma(a + Σ I_s^local, 1 / (1/b + Σ Λ_s)),  Λ_s = Σ_{k ≥ 1} w_k (I_{s−k}^local + I_{s−k}^imported),
// so imported cases add to the infectivity but are never counted as infected locally.
import { invalid } from '../errors/app-error.ts';
import {
  discretisedGammaSerialInterval,
  type SerialIntervalDistribution,
  serialIntervalMoments,
  serialIntervalProblem,
} from './serial-interval-distribution.ts';
import { gammaQuantile } from './special-functions.ts';

/** Daily incidence by day of onset, day 1 first. `imported` is optional (then every local case is local). */
export interface Incidence {
  local: readonly number[];
  imported?: readonly number[];
}

/** The gamma prior on R, by its mean and sd (EpiEstim's `mean_prior`, `std_prior`). */
export interface RtPrior {
  mean: number;
  sd: number;
}

/** EpiEstim's default prior: mean 5, sd 5 (deliberately high, so a decline is not an artefact of the prior). */
export const EPIESTIM_DEFAULT_PRIOR: RtPrior = { mean: 5, sd: 5 };

/** EpiEstim's default window: a week. */
export const EPIESTIM_DEFAULT_WINDOW_DAYS = 7;

/** Days numbered from 1, both ends included, as EpiEstim's `t_start`, `t_end`. */
export interface RtWindow {
  tStart: number;
  tEnd: number;
}

/** The posterior of R over one window; the figures are null where EpiEstim gives NA (t_end ≤ the SI's mean). */
export interface RtEstimate extends RtWindow {
  /** Local cases in the window (Σ I_s^local) and the total infectivity (Σ Λ_s): what the posterior rests on. */
  localCases: number;
  infectivity: number;
  shape: number | null;
  scale: number | null;
  mean: number | null;
  sd: number | null;
  q025: number | null;
  q05: number | null;
  q25: number | null;
  median: number | null;
  q75: number | null;
  q95: number | null;
  q975: number | null;
}

/** A parametric serial interval (EpiEstim's `parametric_si`: `mean_si`, `std_si`, discretised by `discr_si`). */
export interface SerialIntervalParameters {
  mean: number;
  sd: number;
}

export interface RtInput {
  incidence: Incidence;
  /** The distribution itself (EpiEstim's `non_parametric_si`), or a mean and sd (`parametric_si`). */
  serialInterval: SerialIntervalDistribution | SerialIntervalParameters;
  /** Sliding windows of this many days (default 7), or the windows themselves. */
  window?: number;
  windows?: readonly RtWindow[];
  prior?: RtPrior;
}

export interface RtResult {
  estimates: RtEstimate[];
  /** Local cases of day 1 counted as imported, as EpiEstim does ("all cases on the first day are assumed imported"). */
  firstDayMovedToImported: number;
  /** The serial interval actually used, as EpiEstim reports it. */
  serialIntervalMean: number;
  serialIntervalSd: number;
}

const QUANTILES = { q025: 0.025, q05: 0.05, q25: 0.25, median: 0.5, q75: 0.75, q95: 0.95, q975: 0.975 } as const;

function checkedCounts(counts: readonly number[], field: string): void {
  const bad = counts.findIndex((n) => !Number.isFinite(n) || n < 0);
  if (bad >= 0)
    throw invalid(field, 'invalidValue', { detail: `day ${bad + 1}: incidence must be a number ≥ 0 / 第 ${bad + 1} 天病例数须为非负数` });
}

/** Local and imported series of equal length, with day 1's local cases moved to imported (EpiEstim's `process_I`). */
export function preparedIncidence(incidence: Incidence): { local: number[]; imported: number[]; moved: number } {
  const local = [...incidence.local];
  const imported = incidence.imported ? [...incidence.imported] : local.map(() => 0);
  if (imported.length !== local.length)
    throw invalid('imported', 'invalidValue', { detail: 'local and imported series differ in length / 本地与输入病例序列长度不同' });
  checkedCounts(local, 'local');
  checkedCounts(imported, 'imported');
  const moved = local[0] ?? 0;
  if (local.length > 0) {
    imported[0] = (imported[0] ?? 0) + moved;
    local[0] = 0;
  }
  return { local, imported, moved };
}

/**
 * Λ_t for t = 1 … T (index t − 1): the infectivity of all cases before day t, weighted by the serial interval
 * (EpiEstim's `overall_infectivity`; Λ_1 is NA there and never used).
 */
export function overallInfectivity(local: readonly number[], imported: readonly number[], weights: SerialIntervalDistribution): number[] {
  const total = local.map((n, i) => n + (imported[i] ?? 0));
  return total.map((_, index) => {
    let sum = 0;
    const reach = Math.min(index, weights.length - 1);
    for (let k = 1; k <= reach; k++) sum += (weights[k] ?? 0) * (total[index - k] ?? 0);
    return sum;
  });
}

/** EpiEstim's default windows: t_start = 2 … T − window + 1, t_end = t_start + window − 1. */
export function slidingWindows(days: number, window: number): RtWindow[] {
  if (!Number.isInteger(window) || window < 1)
    throw invalid('window', 'invalidValue', {
      detail: `window must be a whole number of days ≥ 1 (got ${window}) / 窗口须为不小于 1 的整数天数`,
    });
  if (days < window + 1) {
    throw invalid('window', 'seriesTooShort', {
      detail: `a ${window}-day window needs at least ${window + 1} days of incidence (day 1 only seeds the infectivity); the series has ${days} / ${window} 天窗口至少需要 ${window + 1} 天的发病数据（第 1 天仅作为传染源），当前只有 ${days} 天`,
    });
  }
  return Array.from({ length: days - window }, (_, i) => ({ tStart: i + 2, tEnd: i + 1 + window }));
}

function checkedWindows(windows: readonly RtWindow[], days: number): void {
  for (const w of windows) {
    const fits = Number.isInteger(w.tStart) && Number.isInteger(w.tEnd) && w.tStart >= 2 && w.tStart <= w.tEnd && w.tEnd <= days;
    if (!fits)
      throw invalid('windows', 'invalidValue', {
        detail: `window ${w.tStart}–${w.tEnd} must lie within days 2–${days} / 窗口须在第 2–${days} 天之内`,
      });
  }
}

/** One window's posterior: Gamma(a + Σ local, 1 / (1/b + Σ Λ)), with EpiEstim's NA where t_end ≤ the SI mean. */
function windowEstimate(window: RtWindow, localCases: number, infectivity: number, prior: RtPrior, siMean: number): RtEstimate {
  const empty = {
    shape: null,
    scale: null,
    mean: null,
    sd: null,
    q025: null,
    q05: null,
    q25: null,
    median: null,
    q75: null,
    q95: null,
    q975: null,
  };
  if (!(window.tEnd > siMean)) return { ...window, localCases, infectivity, ...empty };
  const priorShape = (prior.mean / prior.sd) ** 2;
  const priorScale = prior.sd ** 2 / prior.mean;
  const shape = priorShape + localCases;
  const scale = 1 / (1 / priorScale + infectivity);
  const quantiles = Object.fromEntries(Object.entries(QUANTILES).map(([key, p]) => [key, gammaQuantile(p, shape, scale)])) as Record<
    keyof typeof QUANTILES,
    number
  >;
  return { ...window, localCases, infectivity, shape, scale, mean: shape * scale, sd: Math.sqrt(shape) * scale, ...quantiles };
}

function checkedPrior(prior: RtPrior): RtPrior {
  if (!(prior.mean > 0)) throw invalid('priorMean', 'invalidValue', { detail: 'the prior mean must be > 0 / 先验均值须大于 0' });
  if (!(prior.sd > 0)) throw invalid('priorSd', 'invalidValue', { detail: 'the prior sd must be > 0 / 先验标准差须大于 0' });
  return prior;
}

/** R_t over sliding (or given) windows, as EpiEstim's `estimate_R` with a parametric or non-parametric serial interval. */
export function estimateRt(input: RtInput): RtResult {
  const prior = checkedPrior(input.prior ?? EPIESTIM_DEFAULT_PRIOR);
  const { local, imported, moved } = preparedIncidence(input.incidence);
  const weights = serialIntervalWeights(input.serialInterval, local.length);
  const windows = input.windows ?? slidingWindows(local.length, input.window ?? EPIESTIM_DEFAULT_WINDOW_DAYS);
  checkedWindows(windows, local.length);
  const infectivity = overallInfectivity(local, imported, weights);
  const cumulativeCases = cumulative(local);
  const cumulativeInfectivity = cumulative(infectivity);
  const si = serialIntervalMoments(weights);
  const sumOver = (sums: number[], w: RtWindow) => (sums[w.tEnd] ?? 0) - (sums[w.tStart - 1] ?? 0);
  const estimates = windows.map((w) => windowEstimate(w, sumOver(cumulativeCases, w), sumOver(cumulativeInfectivity, w), prior, si.mean));
  return { estimates, firstDayMovedToImported: moved, serialIntervalMean: si.mean, serialIntervalSd: si.sd };
}

/** A given distribution is checked as EpiEstim checks `si_distr`; a parametric one is discretised over days 0 … T − 1. */
function serialIntervalWeights(serialInterval: RtInput['serialInterval'], days: number): SerialIntervalDistribution {
  if (!isDistribution(serialInterval)) return discretisedGammaSerialInterval(serialInterval.mean, serialInterval.sd, days);
  const problem = serialIntervalProblem(serialInterval);
  if (problem) throw invalid('serialInterval', 'invalidValue', { detail: problem });
  return serialInterval;
}

const isDistribution = (si: RtInput['serialInterval']): si is SerialIntervalDistribution => Array.isArray(si);

/** sums[t] = values of days 1 … t (sums[0] = 0). */
function cumulative(values: readonly number[]): number[] {
  const sums = [0];
  for (const v of values) sums.push((sums[sums.length - 1] ?? 0) + v);
  return sums;
}
