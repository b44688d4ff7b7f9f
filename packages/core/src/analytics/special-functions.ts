// The few special functions the analytics need (R's lgamma, pgamma, qgamma, qnorm), written out so core
// stays free of dependencies. Checked against R 4 to 1e-9 in special-functions.test.ts.

const LANCZOS_G = 7;
// Lanczos coefficients for g = 7, n = 9 (Godfrey; as in Numerical Recipes 3rd ed. and many libraries).
const LANCZOS = [
  0.9999999999998099, 676.5203681218851, -1259.1392167224028, 771.3234287776531, -176.6150291621406, 12.507343278686905,
  -0.13857109526572012, 0.000009984369578019572, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos approximation, relative error about 1e-15). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0] ?? 1;
  for (let i = 1; i < LANCZOS.length; i++) sum += (LANCZOS[i] ?? 0) / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

const EPSILON = 1e-16;
const MAX_TERMS = 100_000;

/** P(a, x) by its power series; converges quickly for x < a + 1. */
function lowerGammaSeries(a: number, x: number): number {
  let term = 1 / a;
  let sum = term;
  for (let n = 1; n < MAX_TERMS && Math.abs(term) > Math.abs(sum) * EPSILON; n++) {
    term *= x / (a + n);
    sum += term;
  }
  return sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
}

/** Q(a, x) by its continued fraction (modified Lentz); converges quickly for x ≥ a + 1. */
function upperGammaFraction(a: number, x: number): number {
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_TERMS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < EPSILON) break;
  }
  return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
}

/** The regularized lower incomplete gamma function P(a, x) = γ(a, x) / Γ(a), for a > 0. */
export function regularizedLowerGamma(a: number, x: number): number {
  if (!(a > 0)) throw new RangeError(`gamma shape must be > 0, got ${a}`);
  if (x <= 0) return 0;
  if (x === Number.POSITIVE_INFINITY) return 1;
  return x < a + 1 ? lowerGammaSeries(a, x) : 1 - upperGammaFraction(a, x);
}

/** The gamma distribution's CDF with a shape and a scale (R's `pgamma(x, shape, scale = scale)`). */
export function gammaCdf(x: number, shape: number, scale: number): number {
  return regularizedLowerGamma(shape, x / scale);
}

/**
 * A first guess for P(a, x) = p: Wilson and Hilferty's cube-root normal approximation for a > 1, else the small-x
 * power law (Numerical Recipes 3rd ed. §6.2.1, `invgammp`, with the exact normal quantile in place of its rational one).
 */
function quantileGuess(p: number, a: number): number {
  if (a > 1) return Math.max(1e-3, a * (1 - 1 / (9 * a) + normalQuantile(p) / (3 * Math.sqrt(a))) ** 3);
  const t = 1 - a * (0.253 + a * 0.12);
  return p < t ? (p / t) ** (1 / a) : 1 - Math.log(1 - (p - t) / (1 - t));
}

/**
 * x with P(a, x) = p by Halley's method from the guess above. Halley converges cubically, so once a step is below
 * 1e-8 of x the error left is far below double precision and no further evaluation of P is needed.
 */
function inverseRegularizedLowerGamma(p: number, a: number): number {
  const lnGammaA = logGamma(a);
  let x = quantileGuess(p, a);
  for (let i = 0; i < 100; i++) {
    if (x <= 0) return 0;
    const density = Math.exp(-x + (a - 1) * Math.log(x) - lnGammaA);
    if (density === 0) break;
    const u = (regularizedLowerGamma(a, x) - p) / density;
    const step = u / (1 - 0.5 * Math.min(1, u * ((a - 1) / x - 1)));
    x -= step;
    if (x <= 0) x = 0.5 * (x + step);
    if (Math.abs(step) < 1e-8 * x) break;
  }
  return x;
}

/** The gamma distribution's quantile function (R's `qgamma(p, shape, scale = scale)`). */
export function gammaQuantile(p: number, shape: number, scale: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`probability must be in [0, 1], got ${p}`);
  if (p === 0) return 0;
  if (p === 1) return Number.POSITIVE_INFINITY;
  return inverseRegularizedLowerGamma(p, shape) * scale;
}

const polynomial = (coefficients: readonly number[], x: number) => coefficients.reduceRight((sum, c) => sum * x + c, 0);

// Wichura (1988), Algorithm AS 241 PPND16, the algorithm of R's qnorm: coefficients lowest power first, as the
// nearest doubles of the published 20-digit values.
const CENTRAL_NUM = [
  3.3871328727963665, 133.14166789178438, 1971.5909503065513, 13731.69376550946, 45921.95393154987, 67265.7709270087, 33430.57558358813,
  2509.0809287301227,
];
const CENTRAL_DEN = [
  1, 42.31333070160091, 687.1870074920579, 5394.196021424751, 21213.794301586597, 39307.89580009271, 28729.085735721943, 5226.495278852546,
];
const NEAR_NUM = [
  1.4234371107496835, 4.630337846156546, 5.769497221460691, 3.6478483247632045, 1.2704582524523684, 0.2417807251774506,
  0.022723844989269184, 0.0007745450142783414,
];
const NEAR_DEN = [
  1, 2.053191626637759, 1.6763848301838038, 0.6897673349851, 0.14810397642748008, 0.015198666563616457, 0.0005475938084995345,
  1.0507500716444169e-9,
];
const FAR_NUM = [
  6.657904643501103, 5.463784911164114, 1.7848265399172913, 0.29656057182850487, 0.026532189526576124, 0.0012426609473880784,
  0.000027115555687434876, 2.0103343992922881e-7,
];
const FAR_DEN = [
  1, 0.599832206555888, 0.1369298809227358, 0.014875361290850615, 0.0007868691311456133, 0.000018463183175100548, 1.421511758316446e-7,
  2.0442631033899397e-15,
];

/** The standard normal quantile (R's `qnorm(p)`), by AS 241 (about 16 significant digits). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) {
    if (p === 0) return Number.NEGATIVE_INFINITY;
    if (p === 1) return Number.POSITIVE_INFINITY;
    throw new RangeError(`probability must be in [0, 1], got ${p}`);
  }
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * polynomial(CENTRAL_NUM, r)) / polynomial(CENTRAL_DEN, r);
  }
  const r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  const tail =
    r <= 5 ? polynomial(NEAR_NUM, r - 1.6) / polynomial(NEAR_DEN, r - 1.6) : polynomial(FAR_NUM, r - 5) / polynomial(FAR_DEN, r - 5);
  return q < 0 ? -tail : tail;
}
