import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TransmissionPair } from '../tracing/serial-interval.ts';
import { empiricalSerialInterval, observedSerialInterval } from './observed-serial-interval.ts';
import { PUBLISHED_SERIAL_INTERVALS } from './published-serial-intervals.ts';
import { estimateRt } from './rt.ts';
import { serialIntervalProblem } from './serial-interval-distribution.ts';

const pair = (n: number, infectorOnset: string | null, infecteeOnset: string | null): TransmissionPair => ({
  infectorCaseId: `a${n}`,
  infecteeCaseId: `b${n}`,
  infectorOnset,
  infecteeOnset,
});

// Issue 17, CASE-009 (transmission speed): the serial interval of the platform's own chains as an R_t input.
describe('the serial interval observed in the chains (CASE-009)', () => {
  const pairs = [
    pair(1, '2022-07-01', '2022-07-03'),
    pair(2, '2022-07-01', '2022-07-04'),
    pair(3, '2022-07-02', '2022-07-04'),
    pair(4, '2022-07-05', '2022-07-05'),
    pair(5, '2022-07-06', '2022-07-05'),
    pair(6, null, '2022-07-05'),
  ];

  it('rests on the pairs with both onsets; says how many of them can enter the distribution', () => {
    const si = observedSerialInterval(pairs);
    assert.equal(si.pairs, 5);
    assert.equal(si.meanDays, 1.2);
    assert.equal(si.pairsInDistribution, 3);
    assert.equal(si.pairsNotInDistribution, 2);
  });

  it('gives a distribution EpiEstim accepts as si_distr (day 0 at 0, summing to 1) and R_t can use', () => {
    const { distribution } = observedSerialInterval(pairs);
    assert.ok(distribution);
    assert.deepEqual(distribution, [0, 0, 2 / 3, 1 / 3]);
    assert.equal(serialIntervalProblem(distribution), null);
    const { estimates } = estimateRt({ incidence: { local: [1, 2, 3, 5, 6, 9, 11, 14, 18] }, serialInterval: distribution });
    assert.equal(estimates.length, 2);
  });

  it('no pair with a positive interval: no distribution', () => {
    assert.equal(empiricalSerialInterval([0, -1]), null);
    assert.equal(observedSerialInterval([]).distribution, null);
  });

  it('published serial intervals carry their source and are valid parametric inputs', () => {
    for (const published of PUBLISHED_SERIAL_INTERVALS) {
      assert.ok(published.source.length > 20 && published.mean > 1 && published.sd > 0, published.id);
    }
  });
});
