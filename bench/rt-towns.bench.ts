// R_t for every town of a district over a year (issue 17): 18 towns × 365 days of daily local and imported
// cases, each with EpiEstim's weekly sliding windows (358 per town), the published COVID-19 serial interval
// (Nishiura et al. 2020, discretised over the year as EpiEstim's discr_si) and the default prior; every window's
// posterior mean, sd and seven quantiles. The figure is the seconds for all towns (goal < 1). Beside it, in the
// same run, a baseline: the 7-day moving sums of the same series (what an epidemic curve already costs), and
// the ratio of the two.
import { performance } from 'node:perf_hooks';
import { createRandom, estimateRt, PUBLISHED_SERIAL_INTERVALS } from '@fangkong/core';
import type { Benchmark } from './bench-types.ts';

const TOWNS = 18;
const DAYS = 365;
const WINDOW = 7;

/** A town's year: two epidemic waves of different size and timing, Poisson-like noise, a few imported cases. */
function townIncidence(town: number): { local: number[]; imported: number[] } {
  const random = createRandom(20200128, 'rt-towns', town);
  const peakA = 60 + town * 3;
  const peakB = 220 + ((town * 7) % 60);
  const local = Array.from({ length: DAYS }, (_, day) => {
    const expected = 40 * Math.exp(-(((day - peakA) / 18) ** 2)) + (10 + town) * Math.exp(-(((day - peakB) / 30) ** 2)) + 0.3;
    return Math.max(0, Math.round(expected + (random.next() - 0.5) * 2 * Math.sqrt(expected)));
  });
  const imported = local.map(() => (random.chance(0.05) ? random.int(1, 3) : 0));
  return { local, imported };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

function timeSeconds(work: () => void): number {
  const started = performance.now();
  work();
  return (performance.now() - started) / 1000;
}

const bench: Benchmark = {
  name: 'rt-towns',
  unit: 's',
  goal: 1,
  better: 'lower',
  async run({ quick }) {
    const repeats = quick ? 3 : 9;
    const towns = Array.from({ length: TOWNS }, (_, i) => townIncidence(i));
    const si = PUBLISHED_SERIAL_INTERVALS.find((p) => p.id === 'covid19-nishiura-2020') ?? { mean: 4.7, sd: 2.9 };
    let windows = 0;
    const rt = () => {
      windows = 0;
      for (const incidence of towns)
        windows += estimateRt({ incidence, serialInterval: { mean: si.mean, sd: si.sd }, window: WINDOW }).estimates.length;
    };
    let checksum = 0;
    const movingSums = () => {
      for (const { local, imported } of towns) {
        let sum = 0;
        for (let day = 0; day < DAYS; day++) {
          sum += (local[day] ?? 0) + (imported[day] ?? 0);
          if (day >= WINDOW) sum -= (local[day - WINDOW] ?? 0) + (imported[day - WINDOW] ?? 0);
          checksum += sum;
        }
      }
    };
    rt(); // warm-up (JIT)
    const rtSeconds = Array.from({ length: repeats }, () => timeSeconds(rt));
    const baseSeconds = Array.from({ length: repeats }, () => timeSeconds(movingSums));
    const figure = round(median(rtSeconds), 4);
    const baseline = median(baseSeconds);
    const cases = towns.reduce((sum, t) => sum + t.local.reduce((a, b) => a + b, 0), 0);
    return {
      figure,
      sizes: { towns: TOWNS, days: DAYS, window: WINDOW, windows, repeats, cases },
      details: [
        `data: ${TOWNS} towns × ${DAYS} days, ${cases} local cases; serial interval mean ${si.mean} sd ${si.sd} (discretised over ${DAYS} days)`,
        `R_t: ${windows} weekly windows (posterior mean, sd, 7 quantiles each), median of ${repeats} runs ${figure} s (min ${round(Math.min(...rtSeconds), 4)} s)`,
        `baseline, 7-day moving sums of the same series: median ${round(baseline * 1000, 4)} ms (checksum ${checksum})`,
        `ratio: R_t = ${round(figure / Math.max(baseline, 1e-9), 0)} × the moving sums`,
      ],
    };
  },
};

export default bench;
