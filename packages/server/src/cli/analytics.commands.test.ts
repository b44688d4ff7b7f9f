import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { earsReference, rtReference } from '@fangkong/core/analytics/fixtures/references';
import { type CliStreams, runCli } from './run.ts';

const BIN = new URL('../../bin/fangkong.mjs', import.meta.url).pathname;
const dir = mkdtempSync(path.join(tmpdir(), 'fangkong-analytics-'));
const dataDir = path.join(dir, 'data');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The real binary, as a script calls it. */
function fangkong(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env: { ...process.env, FANGKONG_DATA_DIR: dataDir } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** The same command line in this process (the binary only adds the streams and the exit). */
async function cli(...args: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const streams: CliStreams = { out: (text) => (stdout += `${text}\n`), err: (text) => (stderr += `${text}\n`) };
  const code = await runCli(args, streams);
  return { code, stdout, stderr };
}

type Row = Record<string, number | string | boolean | null>;
const RT = rtReference();
const EARS = earsReference();

function csv(name: string, header: string, rows: (string | number)[][]): string {
  const file = path.join(dir, name);
  writeFileSync(file, [header, ...rows.map((r) => r.join(','))].join('\n'));
  return file;
}

const incidenceCsv = csv(
  'flu2009.csv',
  't,local',
  RT.incidence.map((n, i) => [i + 1, n]),
);
const RT_KEYS = ['tStart', 'tEnd', 'mean', 'sd', 'q025', 'median', 'q975'];

function assertRowsMatch(actual: Row[], expected: readonly object[], keys: readonly string[]): void {
  assert.equal(actual.length, expected.length);
  actual.forEach((row, i) => {
    assert.deepEqual(Object.keys(row), keys, 'the contract keys, in order');
    for (const key of keys) {
      const [a, e] = [row[key], (expected[i] as Row | undefined)?.[key]];
      if (typeof e === 'number' && typeof a === 'number' && key !== 'tStart' && key !== 'tEnd' && key !== 't') {
        assert.ok(Math.abs(a - e) <= 1e-6, `row ${i} ${key}: ${a}, R ${e}`);
      } else assert.deepEqual(a, key === 'alarm' ? (e ?? false) : e, `row ${i} ${key}`); // earsC's NA alarm is no alarm
    }
  });
}

// Issue 17: `fangkong rt` and `fangkong ears` are contracts checked outside the project (CASE-007, CASE-008, CODE-009).
describe('fangkong rt and ears (no database)', () => {
  it('rt --si-mean 2.6 --si-sd 1.5 --window 7 --json prints EpiEstim’s Flu2009 estimates with the contract keys', async () => {
    const run = await fangkong('rt', '--input', incidenceCsv, '--si-mean', '2.6', '--si-sd', '1.5', '--window', '7', '--json');
    assert.equal(run.code, 0, run.stderr);
    assertRowsMatch(JSON.parse(run.stdout) as Row[], RT.parametric, RT_KEYS);
    assert.match(run.stderr, /day 1's 1 local case\(s\) counted as imported/);
    assert.equal(existsSync(dataDir), false, 'no database is opened');
  });

  it('rt --si-distr (Flu2009$si_distr) with dated days: the windows are named by their dates', async () => {
    const dateOf = (t: number) => new Date(Date.UTC(2009, 3, 26 + t)).toISOString().slice(0, 10);
    const dated = csv(
      'flu2009-dated.csv',
      't,local',
      RT.incidence.map((n, i) => [dateOf(i + 1), n]),
    );
    const run = await cli('rt', '--input', dated, '--si-distr', RT.siDistr.join(','), '--json');
    const rows = JSON.parse(run.stdout) as Row[];
    assert.deepEqual([rows[0]?.tStart, rows[0]?.tEnd], ['2009-04-28', '2009-05-04']);
    const expected = RT.nonParametric.map((r) => ({ ...r, tStart: dateOf(Number(r.tStart)), tEnd: dateOf(Number(r.tEnd)) }));
    assertRowsMatch(rows, expected, RT_KEYS);
  });

  it('rt with an imported column: imported cases feed the infectivity only (EpiEstim local/imported)', async () => {
    const { local, imported, estimates } = RT.imported;
    const file = csv(
      'split.csv',
      't,local,imported',
      local.map((n, i) => [i + 1, n, imported[i] ?? 0]),
    );
    const run = await cli('rt', '--input', file, '--si-mean', '2.6', '--si-sd', '1.5', '--json');
    assertRowsMatch(JSON.parse(run.stdout) as Row[], estimates, RT_KEYS);
  });

  it('rt --window 5 --prior-mean 2 --prior-sd 1: null where EpiEstim gives NA', async () => {
    const run = await cli(
      'rt',
      '--input',
      incidenceCsv,
      '--si-mean',
      '9',
      '--si-sd',
      '3',
      '--window',
      '5',
      '--prior-mean',
      '2',
      '--prior-sd',
      '1',
      '--json',
    );
    const rows = JSON.parse(run.stdout) as Row[];
    assertRowsMatch(rows, RT.custom.estimates, RT_KEYS);
    assert.equal(rows[0]?.mean, null);
  });

  for (const method of ['C1', 'C2', 'C3'] as const) {
    it(`ears --method ${method} --json prints earsC's days, thresholds and identical alarm days`, async () => {
      const series = EARS.simulated;
      assert.ok(series);
      const file = csv(
        'counts.csv',
        't,count',
        series.counts.map((n, i) => [i + 1, n]),
      );
      const run = await cli('ears', '--method', method, '--input', file, '--json');
      assert.equal(run.code, 0, run.stderr);
      assertRowsMatch(JSON.parse(run.stdout) as Row[], series[method], ['t', 'count', 'statistic', 'threshold', 'alarm']);
    });
  }

  it('the binary runs ears too, and names alarm days in text', async () => {
    const file = csv(
      'jump.csv',
      't,count',
      [3, 4, 3, 5, 4, 3, 4, 3, 4, 12].map((n, i) => [i + 1, n]),
    );
    const run = await fangkong('ears', '--method', 'C1', '--input', file);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /3 days monitored, 1 alarm day/);
    assert.match(run.stdout, /10\t12\t.*ALARM/);
  });

  it('a series too short for the window: exit 1, the reason on stderr, nothing on stdout', async () => {
    const short = csv(
      'short.csv',
      't,local',
      [1, 2, 3, 4, 5].map((t) => [t, t]),
    );
    const run = await cli('rt', '--input', short, '--si-mean', '2.6', '--si-sd', '1.5', '--json');
    assert.equal(run.code, 1);
    assert.equal(run.stdout, '');
    const { error } = JSON.parse(run.stderr) as { error: { code: string; field: string; message: { en: string } } };
    assert.deepEqual([error.code, error.field], ['seriesTooShort', 'window']);
    assert.match(error.message.en, /needs at least 8 days/);
    const shortCounts = csv(
      'short-counts.csv',
      't,count',
      [1, 2, 3, 4, 5].map((t) => [t, t]),
    );
    const ears = await cli('ears', '--method', 'C3', '--input', shortCounts);
    assert.equal(ears.code, 1);
    assert.match(ears.stderr, /needs at least 12 days/);
  });

  it('malformed input: the line at fault on stderr and a non-zero exit', async () => {
    const gap = csv('gap.csv', 't,count', [
      [1, 2],
      [3, 4],
    ]);
    const run = await cli('ears', '--method', 'C1', '--input', gap);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /line 3: day 3 does not follow day 1/);
    const negative = csv('negative.csv', 't,local', [
      [1, 2],
      [2, -4],
    ]);
    assert.match((await cli('rt', '--input', negative, '--si-mean', '3', '--si-sd', '1')).stderr, /line 3: local "-4"/);
  });

  it('usage errors exit 2: no serial interval, both kinds, a bad weight list, a bad method, an unreadable file', async () => {
    const cases = [
      ['rt', '--input', incidenceCsv],
      ['rt', '--input', incidenceCsv, '--si-mean', '2.6', '--si-sd', '1.5', '--si-distr', '0,1'],
      ['rt', '--input', incidenceCsv, '--si-mean', '2.6'],
      ['rt', '--input', incidenceCsv, '--si-distr', '0,a'],
      ['rt', '--input', incidenceCsv, '--si-mean', '2.6', '--si-sd', '1.5', '--window', 'week'],
      ['ears', '--method', 'C4', '--input', incidenceCsv],
      ['ears', '--method', 'C1', '--input', path.join(dir, 'missing.csv')],
    ];
    for (const args of cases) {
      const run = await cli(...args);
      assert.equal(run.code, 2, args.join(' '));
      assert.match(run.stderr, /usage error/);
    }
  });

  it('a serial interval EpiEstim would refuse is refused: weight on day 0', async () => {
    const run = await cli('rt', '--input', incidenceCsv, '--si-distr', '0.2,0.8');
    assert.equal(run.code, 1);
    assert.match(run.stderr, /day 0 must be 0/);
  });
});
