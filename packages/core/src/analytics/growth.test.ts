import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { growthReference } from './fixtures/references.ts';
import { exponentialGrowth } from './growth.ts';

// R's glm(y ~ t, family = quasipoisson) with confint.default, written by fixtures/make-fixtures.R.
const R = growthReference();
const close = (actual: number, expected: number) => Math.abs(actual - expected) <= 1e-6;

// Issue 17, CASE-009 (transmission speed), CASE-007: growth rate and doubling time with their intervals.
describe('growth rate and doubling time from a log-linear fit of daily counts (CASE-007, CASE-009)', () => {
  it('the growth rate, its sd, dispersion and 95% interval are those of R quasi-Poisson glm to 1e-6 (Flu2009 days 1–21)', () => {
    const fit = exponentialGrowth(R.rising.counts);
    assert.ok(close(fit.growthRate, R.rising.growthRate), `r ${fit.growthRate}, R ${R.rising.growthRate}`);
    assert.ok(close(fit.standardError, R.rising.standardError));
    assert.ok(close(fit.dispersion, R.rising.dispersion));
    assert.ok(close(fit.growthRateLower, R.rising.lower) && close(fit.growthRateUpper, R.rising.upper));
  });

  it('doubling time is ln 2 / r, its interval ln 2 over the bounds of r', () => {
    const fit = exponentialGrowth(R.rising.counts);
    assert.ok(close(fit.doublingTime?.days ?? 0, Math.LN2 / R.rising.growthRate));
    assert.ok(close(fit.doublingTime?.lower ?? 0, Math.LN2 / R.rising.upper));
    assert.ok(close(fit.doublingTime?.upper ?? 0, Math.LN2 / R.rising.lower));
    assert.equal(fit.halvingTime, null);
  });

  it('a decline (Flu2009 days 19–32, zero days kept) gives a halving time and no doubling time', () => {
    const fit = exponentialGrowth(R.falling.counts);
    assert.ok(
      close(fit.growthRate, R.falling.growthRate) &&
        close(fit.growthRateLower, R.falling.lower) &&
        close(fit.growthRateUpper, R.falling.upper),
    );
    assert.equal(fit.doublingTime, null);
    assert.ok(close(fit.halvingTime?.days ?? 0, -Math.LN2 / R.falling.growthRate));
  });

  it('when the interval of r reaches 0, the doubling time has no upper bound (null)', () => {
    const fit = exponentialGrowth([3, 5, 2, 6, 3, 4, 5]);
    assert.ok(fit.growthRate > 0 && fit.growthRateLower < 0);
    assert.equal(fit.doublingTime?.upper, null);
  });

  it('exact doubling every day is found exactly', () => {
    const fit = exponentialGrowth([1, 2, 4, 8, 16, 32]);
    assert.ok(Math.abs((fit.doublingTime?.days ?? 0) - 1) < 1e-9);
  });

  it('fewer than 3 days, or fewer than 2 days with cases, is refused as too short', () => {
    assert.throws(() => exponentialGrowth([1, 2]), { code: 'seriesTooShort' });
    assert.throws(() => exponentialGrowth([0, 0, 5, 0]), { code: 'seriesTooShort' });
  });
});
