import { readFileSync } from 'node:fs';
import {
  type DailySeries,
  type DayLabel,
  EARS_METHODS,
  type EarsMethod,
  type EarsOptions,
  EPIESTIM_DEFAULT_PRIOR,
  EPIESTIM_DEFAULT_WINDOW_DAYS,
  earsC,
  estimateRt,
  parseDailySeriesCsv,
  type RtInput,
  type SeriesColumns,
} from '@fangkong/core';
import { type Command, type OptionValues, optionalInteger, requiredString, UsageError } from './command.ts';

// Epidemiologists script these: the input is a CSV file (or `-` for stdin), nothing is stored, no database opens.

function readSeries(values: OptionValues, columns: SeriesColumns): DailySeries {
  const file = requiredString(values, 'input');
  let text: string;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (error) {
    throw new UsageError(`--input: cannot read ${file} (${(error as Error).message}) / 无法读取输入文件`);
  }
  return parseDailySeriesCsv(text, columns);
}

function optionalNumber(values: OptionValues, name: string): number | undefined {
  const value = values[name];
  if (value === undefined) return undefined;
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
  if (!Number.isFinite(number)) throw new UsageError(`--${name} must be a number / --${name} 应为数字`);
  return number;
}

function serialIntervalOption(values: OptionValues): RtInput['serialInterval'] {
  const mean = optionalNumber(values, 'si-mean');
  const sd = optionalNumber(values, 'si-sd');
  const distribution = values['si-distr'];
  const parametric = mean !== undefined || sd !== undefined;
  if (parametric === (distribution !== undefined)) {
    throw new UsageError('give either --si-mean and --si-sd, or --si-distr / 请指定 --si-mean 与 --si-sd，或 --si-distr（二选一）');
  }
  if (parametric) {
    if (mean === undefined || sd === undefined) throw new UsageError('--si-mean and --si-sd go together / --si-mean 与 --si-sd 须同时给出');
    return { mean, sd };
  }
  const weights = String(distribution)
    .split(',')
    .map((w) => (w.trim() === '' ? Number.NaN : Number(w)));
  if (weights.some((w) => !Number.isFinite(w)))
    throw new UsageError('--si-distr must be numbers separated by commas: p0,p1,… / --si-distr 应为逗号分隔的数字');
  return weights;
}

const formatted = (x: number | null) => (x === null ? 'NA' : x.toFixed(3));

const rtCommand: Command = {
  words: ['rt'],
  summary: '瞬时再生数 Rt（Cori 法，同 EpiEstim） / instantaneous reproduction number Rt (Cori et al., as EpiEstim)',
  usage: [
    'fangkong rt --input <incidence.csv> (--si-mean <m> --si-sd <s> | --si-distr <p0,p1,…>) [--window <days>] [--prior-mean <m> --prior-sd <s>] [--json]',
    `  CSV columns: t,local[,imported] (t: 1, 2, 3 … or YYYY-MM-DD, every day once); --input - reads stdin`,
    `  sliding windows of --window days (default ${EPIESTIM_DEFAULT_WINDOW_DAYS}) from day 2; prior mean ${EPIESTIM_DEFAULT_PRIOR.mean}, sd ${EPIESTIM_DEFAULT_PRIOR.sd} (EpiEstim's)`,
    '  prints [{ tStart, tEnd, mean, sd, q025, median, q975 }] (null where EpiEstim gives NA: window ending before the mean serial interval)',
  ].join('\n'),
  options: {
    input: { type: 'string' },
    'si-mean': { type: 'string' },
    'si-sd': { type: 'string' },
    'si-distr': { type: 'string' },
    window: { type: 'string' },
    'prior-mean': { type: 'string' },
    'prior-sd': { type: 'string' },
  },
  run: async (values, io) => {
    const serialInterval = serialIntervalOption(values);
    const window = optionalInteger(values, 'window') ?? EPIESTIM_DEFAULT_WINDOW_DAYS;
    const prior = {
      mean: optionalNumber(values, 'prior-mean') ?? EPIESTIM_DEFAULT_PRIOR.mean,
      sd: optionalNumber(values, 'prior-sd') ?? EPIESTIM_DEFAULT_PRIOR.sd,
    };
    const series = readSeries(values, { required: ['local'], optional: ['imported'] });
    const incidence = { local: series.columns.local ?? [], imported: series.columns.imported };
    const result = estimateRt({ incidence, serialInterval, window, prior });
    if (result.firstDayMovedToImported > 0) {
      io.log(
        `注意：第 1 天的 ${result.firstDayMovedToImported} 例本地病例按输入病例计（同 EpiEstim） / note: day 1's ${result.firstDayMovedToImported} local case(s) counted as imported, as EpiEstim does`,
      );
    }
    const day = (t: number): DayLabel => series.days[t - 1] ?? t;
    const rows = result.estimates.map((e) => ({
      tStart: day(e.tStart),
      tEnd: day(e.tEnd),
      mean: e.mean,
      sd: e.sd,
      q025: e.q025,
      median: e.median,
      q975: e.q975,
    }));
    const text = [
      `serial interval mean ${result.serialIntervalMean.toFixed(2)} d, sd ${result.serialIntervalSd.toFixed(2)} d; prior mean ${prior.mean}, sd ${prior.sd}; ${window}-day windows`,
      'tStart\ttEnd\tmean\tsd\tq025\tmedian\tq975',
      ...rows.map((r) => [r.tStart, r.tEnd, ...[r.mean, r.sd, r.q025, r.median, r.q975].map(formatted)].join('\t')),
    ];
    return { json: rows, text };
  },
};

function earsMethod(values: OptionValues): EarsMethod {
  const method = requiredString(values, 'method').toUpperCase();
  if (!(EARS_METHODS as readonly string[]).includes(method))
    throw new UsageError(`--method must be one of / 方法应为: ${EARS_METHODS.join(', ')}`);
  return method as EarsMethod;
}

function earsOptions(values: OptionValues): EarsOptions {
  const options: EarsOptions = {};
  const baseline = optionalInteger(values, 'baseline');
  const alpha = optionalNumber(values, 'alpha');
  const minSigma = optionalNumber(values, 'min-sigma');
  if (baseline !== undefined) options.baseline = baseline;
  if (alpha !== undefined) options.alpha = alpha;
  if (minSigma !== undefined) options.minSigma = minSigma;
  return options;
}

const earsCommand: Command = {
  words: ['ears'],
  summary: 'EARS C1/C2/C3 异常探测（同 surveillance::earsC） / EARS C1, C2, C3 aberration detection (as surveillance::earsC)',
  usage: [
    'fangkong ears --method C1|C2|C3 --input <counts.csv> [--baseline <days>] [--alpha <a>] [--min-sigma <s>] [--json]',
    '  CSV columns: t,count (t: 1, 2, 3 … or YYYY-MM-DD, every day once); --input - reads stdin',
    '  defaults as earsC: baseline 7 days, alpha 0.001 (C1, C2) or 0.025 (C3), min-sigma 0',
    '  prints [{ t, count, statistic, threshold, alarm }] for every day with a full baseline (C1 from day 8, C2 day 10, C3 day 12)',
  ].join('\n'),
  options: {
    method: { type: 'string' },
    input: { type: 'string' },
    baseline: { type: 'string' },
    alpha: { type: 'string' },
    'min-sigma': { type: 'string' },
  },
  run: async (values) => {
    const method = earsMethod(values);
    const options = earsOptions(values);
    const series = readSeries(values, { required: ['count'] });
    const days = earsC(series.columns.count ?? [], method, options);
    const rows = days.map((d) => ({
      t: series.days[d.index] ?? d.index + 1,
      count: d.count,
      statistic: d.statistic,
      threshold: d.threshold,
      alarm: d.alarm,
    }));
    const alarms = rows.filter((r) => r.alarm).length;
    const text = [
      `EARS ${method}: ${rows.length} days monitored, ${alarms} alarm day(s) / 监测 ${rows.length} 天，预警 ${alarms} 天`,
      't\tcount\tstatistic\tthreshold\talarm',
      ...rows.map((r) => [r.t, r.count, formatted(r.statistic), formatted(r.threshold), r.alarm ? 'ALARM' : ''].join('\t')),
    ];
    return { json: rows, text };
  },
};

export const ANALYTICS_COMMANDS: readonly Command[] = [rtCommand, earsCommand];
