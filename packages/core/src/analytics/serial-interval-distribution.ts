import { invalid } from '../errors/app-error.ts';
import { gammaCdf } from './special-functions.ts';

/**
 * A discrete serial interval: `weights[k]` is the probability that the interval is k days. As in EpiEstim, the
 * weight of day 0 is 0 (an infectee cannot count towards the infectivity of the same day) and the weights sum to 1.
 */
export type SerialIntervalDistribution = readonly number[];

/**
 * The serial interval over days 0 … days − 1, discretised from a gamma distribution offset by one day with the
 * given mean and sd, exactly as EpiEstim's `discr_si(seq(0, T - 1), mu, sigma)` (Cori et al. 2013, Web Appendix 11):
 * w_k = k F(k) + (k − 2) F(k − 2) − 2 (k − 1) F(k − 1) + a b (2 F₊(k − 1) − F₊(k − 2) − F₊(k)), floored at 0,
 * where F is the CDF of Gamma(a, b) with a = ((μ − 1)/σ)², b = σ²/(μ − 1) and F₊ that of Gamma(a + 1, b).
 */
export function discretisedGammaSerialInterval(mean: number, sd: number, days: number): number[] {
  if (!(mean > 1))
    throw invalid('siMean', 'invalidValue', { detail: `serial interval mean must be > 1 day (got ${mean}) / 代际间隔均值须大于 1 天` });
  if (!(sd > 0)) throw invalid('siSd', 'invalidValue', { detail: `serial interval sd must be > 0 (got ${sd}) / 代际间隔标准差须大于 0` });
  const shape = ((mean - 1) / sd) ** 2;
  const scale = sd ** 2 / (mean - 1);
  // F and F₊ at −2 … days − 1 (0 up to 0), each computed once and shared by the three days that use it.
  const cdfFrom = (a: number) => Array.from({ length: days + 2 }, (_, i) => (i <= 2 ? 0 : gammaCdf(i - 2, a, scale)));
  const cdf = cdfFrom(shape);
  const cdfPlus = cdfFrom(shape + 1);
  const at = (values: readonly number[], k: number) => values[k + 2] ?? 0;
  return Array.from({ length: days }, (_, k) => {
    const w =
      k * at(cdf, k) +
      (k - 2) * at(cdf, k - 2) -
      2 * (k - 1) * at(cdf, k - 1) +
      shape * scale * (2 * at(cdfPlus, k - 1) - at(cdfPlus, k - 2) - at(cdfPlus, k));
    return Math.max(0, w);
  });
}

/** EpiEstim's `check_si_distr`: no weight on day 0, no negative weight, and a total of 1 (within 0.01). */
export function serialIntervalProblem(weights: readonly number[]): string | null {
  if (weights.length < 2) return 'the serial interval needs at least the weights of days 0 and 1 / 代际间隔分布至少需要第 0、1 天的权重';
  if (weights.some((w) => !Number.isFinite(w) || w < 0)) return 'serial interval weights must be numbers ≥ 0 / 代际间隔权重须为非负数';
  if (weights[0] !== 0) return 'the serial interval weight of day 0 must be 0 / 代际间隔第 0 天的权重须为 0';
  const total = weights.reduce((sum, w) => sum + w, 0);
  if (Math.abs(total - 1) > 0.01) return `serial interval weights must sum to 1 (they sum to ${total}) / 代际间隔权重之和须为 1`;
  return null;
}

/** Mean and sd of a discrete serial interval (EpiEstim reports them as `mean_si`, `std_si` of the distribution used). */
export function serialIntervalMoments(weights: SerialIntervalDistribution): { mean: number; sd: number } {
  const mean = weights.reduce((sum, w, k) => sum + w * k, 0);
  const second = weights.reduce((sum, w, k) => sum + w * k * k, 0);
  return { mean, sd: Math.sqrt(Math.max(0, second - mean ** 2)) };
}
