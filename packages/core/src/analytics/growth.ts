// Exponential growth rate r and doubling time from daily counts, by a log-linear regression of the counts on the
// day: log E[y_t] = b + r t, fitted as a quasi-Poisson generalised linear model (McCullagh & Nelder, Generalized
// Linear Models, 2nd ed. 1989, §2.5 iteratively reweighted least squares and §9 quasi-likelihood). Unlike least
// squares on log counts (the R package incidence's `fit`, which must drop zero days), days without cases stay in
// the fit, and the dispersion estimated from the Pearson residuals widens the interval when counts vary more than
// Poisson. The interval is Wald's, r ± z·se (R: `confint.default(glm(y ~ t, family = quasipoisson))`).
// Doubling time = ln 2 / r (Wallinga & Lipsitch 2007, Proc R Soc B 274:599–604, relate r to R).
import { invalid } from '../errors/app-error.ts';
import { normalQuantile } from './special-functions.ts';

/** A time, in days, with its confidence interval; `upper` null when the interval is unbounded (r's CI reaches 0). */
export interface DaysWithInterval {
  days: number;
  lower: number;
  upper: number | null;
}

export interface ExponentialGrowth {
  /** Days in the fit and cases in them. */
  days: number;
  cases: number;
  /** Growth rate per day and its confidence interval. */
  growthRate: number;
  growthRateLower: number;
  growthRateUpper: number;
  standardError: number;
  /** Pearson dispersion of the quasi-Poisson fit (1 would be Poisson). */
  dispersion: number;
  confidence: number;
  /** ln 2 / r while growing (r > 0), else null; `halvingTime` the same for a decline. */
  doublingTime: DaysWithInterval | null;
  halvingTime: DaysWithInterval | null;
}

interface LinearFit {
  intercept: number;
  slope: number;
  means: number[];
}

/** One weighted least-squares step of IRLS for log μ = b + r t. */
function weightedStep(t: readonly number[], y: readonly number[], means: readonly number[]): Omit<LinearFit, 'means'> {
  let sw = 0;
  let swt = 0;
  let swz = 0;
  let swtt = 0;
  let swtz = 0;
  for (let i = 0; i < t.length; i++) {
    const mu = means[i] ?? 1;
    const ti = t[i] ?? 0;
    const z = Math.log(mu) + ((y[i] ?? 0) - mu) / mu;
    sw += mu;
    swt += mu * ti;
    swz += mu * z;
    swtt += mu * ti * ti;
    swtz += mu * ti * z;
  }
  const slope = (sw * swtz - swt * swz) / (sw * swtt - swt * swt);
  return { slope, intercept: (swz - slope * swt) / sw };
}

/** Iteratively reweighted least squares from R's start (μ = y + 0.1) to convergence of both coefficients. */
function poissonLogLinearFit(t: readonly number[], y: readonly number[]): LinearFit | null {
  let means = y.map((v) => v + 0.1);
  let previous = { intercept: Number.NaN, slope: Number.NaN };
  for (let iteration = 0; iteration < 100; iteration++) {
    const step = weightedStep(t, y, means);
    means = t.map((ti) => Math.exp(step.intercept + step.slope * ti));
    const settled =
      Math.abs(step.slope - previous.slope) <= 1e-13 * (1 + Math.abs(step.slope)) &&
      Math.abs(step.intercept - previous.intercept) <= 1e-13 * (1 + Math.abs(step.intercept));
    if (settled) return { ...step, means };
    previous = step;
  }
  return Math.abs(previous.slope) < 50 ? { ...previous, means } : null;
}

function timeWithInterval(rate: number, lower: number, upper: number): DaysWithInterval | null {
  if (!(rate > 0)) return null;
  return { days: Math.LN2 / rate, lower: Math.LN2 / upper, upper: lower > 0 ? Math.LN2 / lower : null };
}

/**
 * The exponential growth of daily counts (day 1 first, each day once): r with its Wald confidence interval from a
 * quasi-Poisson log-linear fit, and the doubling (or halving) time with the interval ln 2 / r's bounds give.
 */
export function exponentialGrowth(counts: readonly number[], confidence = 0.95): ExponentialGrowth {
  if (counts.some((n) => !Number.isFinite(n) || n < 0))
    throw invalid('counts', 'invalidValue', { detail: 'daily counts must be numbers ≥ 0 / 每日计数须为非负数' });
  if (!(confidence > 0 && confidence < 1))
    throw invalid('confidence', 'invalidValue', { detail: 'confidence must be between 0 and 1 / 置信水平须在 0 与 1 之间' });
  const daysWithCases = counts.filter((n) => n > 0).length;
  if (counts.length < 3 || daysWithCases < 2) {
    throw invalid('counts', 'seriesTooShort', {
      detail: `a growth rate needs at least 3 days, 2 of them with cases (got ${counts.length} days, ${daysWithCases} with cases) / 增长率至少需要 3 天数据且其中 2 天有病例`,
    });
  }
  const t = counts.map((_, i) => i + 1);
  const fit = poissonLogLinearFit(t, counts);
  if (!fit) throw invalid('counts', 'invalidValue', { detail: 'the counts do not fit an exponential curve / 计数无法拟合指数曲线' });
  return summarise(t, counts, fit, confidence);
}

function summarise(t: readonly number[], y: readonly number[], fit: LinearFit, confidence: number): ExponentialGrowth {
  const n = t.length;
  const pearson = y.reduce((sum, v, i) => sum + (v - (fit.means[i] ?? 1)) ** 2 / (fit.means[i] ?? 1), 0);
  const dispersion = pearson / (n - 2);
  const sw = fit.means.reduce((s, mu) => s + mu, 0);
  const swt = fit.means.reduce((s, mu, i) => s + mu * (t[i] ?? 0), 0);
  const swtt = fit.means.reduce((s, mu, i) => s + mu * (t[i] ?? 0) ** 2, 0);
  const standardError = Math.sqrt((dispersion * sw) / (sw * swtt - swt * swt));
  const z = normalQuantile((1 + confidence) / 2);
  const lower = fit.slope - z * standardError;
  const upper = fit.slope + z * standardError;
  return {
    days: n,
    cases: y.reduce((s, v) => s + v, 0),
    growthRate: fit.slope,
    growthRateLower: lower,
    growthRateUpper: upper,
    standardError,
    dispersion,
    confidence,
    doublingTime: timeWithInterval(fit.slope, lower, upper),
    halvingTime: timeWithInterval(-fit.slope, -upper, -lower),
  };
}
