import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EARS_METHODS, type EarsDay, earsC, earsDefaults } from './ears.ts';
import { type EarsReferenceDay, earsReference } from './fixtures/references.ts';

// surveillance 1.20.3's earsC with its default control, written by fixtures/make-fixtures.R.
const R = earsReference();
const TOLERANCE = 1e-6;

function assertClose(actual: number | null, expected: number | null, what: string): void {
  if (expected === null) assert.equal(actual, null, `${what}: R gives NA`);
  else assert.ok(actual !== null && Math.abs(actual - expected) <= TOLERANCE, `${what}: ${actual}, R ${expected}`);
}

function assertSameAsEarsC(days: readonly EarsDay[], expected: readonly EarsReferenceDay[], label: string): void {
  assert.deepEqual(
    days.map((d) => d.index + 1),
    expected.map((e) => e.t),
    `${label}: the same days monitored`,
  );
  days.forEach((d, i) => {
    const e = expected[i] as EarsReferenceDay;
    assert.equal(d.count, e.count);
    assertClose(d.statistic, e.statistic, `${label} day ${e.t} statistic`);
    assertClose(d.threshold, e.threshold, `${label} day ${e.t} threshold`);
    // earsC's NA alarm (a flat baseline) is not an alarm here.
    assert.equal(d.alarm, e.alarm ?? false, `${label} day ${e.t} alarm`);
  });
}

// Issue 17, CASE-007 (dynamic warning indicators), CASE-008 (ILI surveillance warns), CODE-009 (early warning).
describe('EARS C1, C2, C3 as surveillance::earsC with its defaults (CASE-007, CASE-008, CODE-009)', () => {
  for (const [name, series] of Object.entries(R)) {
    for (const method of EARS_METHODS) {
      it(`${name} series, ${method}: the same days, thresholds to 1e-6 and identical alarm days`, () => {
        assertSameAsEarsC(earsC(series.counts, method), series[method], `${name} ${method}`);
      });
    }
  }

  it('the references hold alarms and quiet days for every method, and flat-baseline days for C3', () => {
    for (const method of EARS_METHODS) {
      const all = Object.values(R).flatMap((s) => s[method]);
      assert.ok(all.some((d) => d.alarm === true) && all.some((d) => d.alarm === false), method);
    }
    assert.ok(R.sparse?.C3.some((d) => d.alarm === null));
  });

  it("earsC's defaults: baseline 7, alpha 0.001 for C1 and C2, 0.025 for C3", () => {
    assert.deepEqual(earsDefaults('C1'), { baseline: 7, alpha: 0.001, minSigma: 0 });
    assert.deepEqual(earsDefaults('C2'), { baseline: 7, alpha: 0.001, minSigma: 0 });
    assert.deepEqual(earsDefaults('C3'), { baseline: 7, alpha: 0.025, minSigma: 0 });
  });

  it('C1 alarms on a jump above mean + 3.09 sd of the 7 days before; C2 sees the same jump against days t − 9 … t − 3', () => {
    const counts = [3, 4, 3, 5, 4, 3, 4, 3, 4, 12];
    const c1 = earsC(counts, 'C1');
    assert.deepEqual(
      c1.map((d) => d.alarm),
      [false, false, true],
    );
    const last = c1[2] as EarsDay;
    assert.ok(Math.abs((last.threshold ?? 0) - (26 / 7 + 3.090232306167813 * sd([4, 3, 5, 4, 3, 4, 3]))) < 1e-12);
    assert.deepEqual(
      earsC(counts, 'C2').map((d) => [d.index, d.alarm]),
      [[9, true]],
    );
  });

  it('a series shorter than the baseline plus the lag is refused with the days it needs', () => {
    for (const [method, needs] of [
      ['C1', 8],
      ['C2', 10],
      ['C3', 12],
    ] as const) {
      assert.throws(() => earsC(new Array(needs - 1).fill(1), method), { code: 'seriesTooShort', field: 'counts' });
      assert.equal(earsC(new Array(needs).fill(1), method).length, 1);
    }
  });

  it('a baseline under 3 days or a negative count is refused (as earsC)', () => {
    assert.throws(() => earsC(new Array(20).fill(1), 'C1', { baseline: 2 }), { field: 'baseline' });
    assert.throws(() => earsC([1, 2, 3, 4, 5, 6, 7, -1], 'C1'), { field: 'counts' });
  });
});

function sd(values: number[]): number {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (values.length - 1));
}
