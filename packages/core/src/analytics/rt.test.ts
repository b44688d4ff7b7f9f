import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AppError } from '../errors/app-error.ts';
import { type RtReferenceRow, rtReference } from './fixtures/references.ts';
import { EPIESTIM_DEFAULT_PRIOR, estimateRt, overallInfectivity, type RtEstimate, slidingWindows } from './rt.ts';
import { discretisedGammaSerialInterval, serialIntervalProblem } from './serial-interval-distribution.ts';

type Row = RtReferenceRow;

// EpiEstim 2.2.4's estimate_R on its documented Flu2009 example, written by fixtures/make-fixtures.R.
const R = rtReference();
const FIELDS = ['mean', 'sd', 'q025', 'q05', 'q25', 'median', 'q75', 'q95', 'q975'] as const;
const TOLERANCE = 1e-6;

function assertSameEstimates(actual: readonly RtEstimate[], expected: readonly Row[]): void {
  assert.equal(actual.length, expected.length, 'as many windows as EpiEstim');
  actual.forEach((a, i) => {
    const e = expected[i] as Row;
    assert.deepEqual([a.tStart, a.tEnd], [e.tStart, e.tEnd]);
    for (const field of FIELDS) {
      const [x, y] = [a[field], e[field]];
      if (y === null) assert.equal(x, null, `window ${e.tStart}–${e.tEnd} ${field}: EpiEstim gives NA`);
      else assert.ok(x !== null && Math.abs(x - y) <= TOLERANCE, `window ${e.tStart}–${e.tEnd} ${field}: ${x}, EpiEstim ${y}`);
    }
  });
}

// Issue 17, CASE-007 (monitoring and early warning), CASE-009 (transmission speed): R_t as EpiEstim computes it.
describe('R_t by Cori et al. (2013), as EpiEstim::estimate_R on Flu2009 (CASE-007, CASE-009)', () => {
  it("the discretised gamma serial interval (mean 2.6, sd 1.5) is EpiEstim's discr_si to 1e-12", () => {
    const weights = discretisedGammaSerialInterval(2.6, 1.5, R.incidence.length);
    for (const [k, w] of R.discrSi.entries())
      assert.ok(Math.abs((weights[k] ?? Number.NaN) - w) < 1e-12, `day ${k}: ${weights[k]}, EpiEstim ${w}`);
  });

  it('parametric serial interval (mean 2.6, sd 1.5), weekly sliding windows, default prior: every window to 1e-6', () => {
    const { estimates } = estimateRt({ incidence: { local: R.incidence }, serialInterval: { mean: 2.6, sd: 1.5 } });
    assertSameEstimates(estimates, R.parametric);
  });

  it('non-parametric serial interval (Flu2009$si_distr): every window to 1e-6', () => {
    const { estimates } = estimateRt({ incidence: { local: R.incidence }, serialInterval: R.siDistr, window: 7 });
    assertSameEstimates(estimates, R.nonParametric);
  });

  it('imported cases add to the infectivity but not to the local cases R counts', () => {
    const { local, imported, estimates: expected } = R.imported;
    const { estimates } = estimateRt({ incidence: { local, imported }, serialInterval: { mean: 2.6, sd: 1.5 } });
    assertSameEstimates(estimates, expected);
    const allLocal = estimateRt({ incidence: { local: R.incidence }, serialInterval: { mean: 2.6, sd: 1.5 } }).estimates;
    assert.ok((estimates[4]?.mean ?? 0) < (allLocal[4]?.mean ?? 0), 'declaring cases imported lowers R');
  });

  it('a 5-day window, prior mean 2 sd 1, and NA where the window ends before the mean serial interval (9 days)', () => {
    const c = R.custom;
    const result = estimateRt({
      incidence: { local: R.incidence },
      serialInterval: { mean: c.meanSi, sd: c.sdSi },
      window: c.window,
      prior: { mean: c.priorMean, sd: c.priorSd },
    });
    assert.ok(Math.abs(result.serialIntervalMean - c.siMean) < 1e-9);
    assertSameEstimates(result.estimates, c.estimates);
    assert.ok(c.estimates.some((e) => e.mean === null) && c.estimates.some((e) => e.mean !== null), 'the fixture has both kinds');
  });

  it("EpiEstim's default windows: t_start 2 … T − 6, t_end t_start + 6; default prior mean 5, sd 5", () => {
    assert.deepEqual(slidingWindows(9, 7), [
      { tStart: 2, tEnd: 8 },
      { tStart: 3, tEnd: 9 },
    ]);
    assert.deepEqual(EPIESTIM_DEFAULT_PRIOR, { mean: 5, sd: 5 });
  });

  it("day 1's local cases are counted as imported (EpiEstim's process_I), and the result says how many", () => {
    const result = estimateRt({ incidence: { local: [4, 1, 2, 3, 2, 1, 2, 2, 3] }, serialInterval: R.siDistr });
    assert.equal(result.firstDayMovedToImported, 4);
    const sameAsImported = estimateRt({
      incidence: { local: [0, 1, 2, 3, 2, 1, 2, 2, 3], imported: [4, 0, 0, 0, 0, 0, 0, 0, 0] },
      serialInterval: R.siDistr,
    });
    assert.deepEqual(result.estimates, sameAsImported.estimates);
  });

  it('the infectivity Λ_t weighs earlier cases, local and imported, by the serial interval', () => {
    assert.deepEqual(overallInfectivity([0, 2, 0], [1, 0, 0], [0, 0.5, 0.5]), [0, 0.5, 1.5]);
  });

  it('a series too short for one window is refused with the length it needs, not answered with nothing', () => {
    assert.throws(
      () => estimateRt({ incidence: { local: [1, 2, 3, 4, 5, 6, 7] }, serialInterval: R.siDistr }),
      (error: AppError) =>
        error.code === 'seriesTooShort' && error.field === 'window' && /at least 8 days/.test(String(error.params.detail)),
    );
  });

  it('a serial interval is refused as EpiEstim refuses it: weight on day 0, negative, or not summing to 1; parametric mean ≤ 1', () => {
    assert.match(serialIntervalProblem([0.1, 0.9]) ?? '', /day 0/);
    assert.match(serialIntervalProblem([0, 1.2, -0.2]) ?? '', /≥ 0/);
    assert.match(serialIntervalProblem([0, 0.5, 0.3]) ?? '', /sum to 1/);
    assert.equal(serialIntervalProblem([0, 0.5, 0.496]), null, 'within 0.01 of 1, as EpiEstim');
    assert.throws(() => estimateRt({ incidence: { local: R.incidence }, serialInterval: { mean: 1, sd: 1 } }), { field: 'siMean' });
    assert.throws(() => estimateRt({ incidence: { local: R.incidence }, serialInterval: [0, 1], prior: { mean: 5, sd: 0 } }), {
      field: 'priorSd',
    });
  });

  it('negative or non-numeric incidence is refused with the day at fault', () => {
    assert.throws(() => estimateRt({ incidence: { local: [0, 1, -1, 2, 3, 4, 5, 6, 7] }, serialInterval: [0, 1] }), { field: 'local' });
  });
});
