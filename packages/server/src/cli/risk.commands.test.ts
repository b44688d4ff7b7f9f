import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';

const BIN = new URL('../../bin/fangkong.mjs', import.meta.url).pathname;
const dir = mkdtempSync(path.join(tmpdir(), 'fangkong-risk-'));

function fangkong(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { env: { ...process.env, FANGKONG_DATA_DIR: path.join(dir, 'data') } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

function inputFile(name: string, content: unknown): string {
  const file = path.join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

const day = (daysBefore: number) => new Date(Date.UTC(2020, 2, 15 - daysBefore)).toISOString().slice(0, 10);
const many = (jurisdiction: string, n: number, daysBefore: number, cluster: string | null) =>
  Array.from({ length: n }, () => ({ jurisdiction, reportDate: day(daysBefore), cluster }));

interface Graded {
  jurisdiction: string;
  level: string;
  because: { rule: string; source: string; clause: string; says: string }[];
}

// Issue 14 (a contract checked outside the project), ZONE-001: `fangkong risk classify` under the 2020 national rule
describe('fangkong risk classify (no database)', () => {
  it('grades every jurisdiction of the input at the thresholds: 0/1/50/51 cases, with and without a cluster, days 13/14/15', async () => {
    const cases = [
      ...many('A-1', 1, 0, null),
      ...many('A-50', 50, 3, 'x'),
      ...many('A-51c', 51, 3, 'y'),
      ...many('A-51', 51, 3, null),
      ...many('D-13', 2, 13, null),
      ...many('D-14', 2, 14, null),
      ...many('D-15', 2, 15, null),
      ...many('LATER', 1, -1, null),
    ];
    const run = await fangkong(
      'risk',
      'classify',
      '--edition',
      'seed-2020',
      '--as-of',
      '2020-03-15',
      '--input',
      inputFile('c.json', cases),
      '--json',
    );
    assert.equal(run.code, 0, run.stderr);
    const graded = JSON.parse(run.stdout) as Graded[];
    assert.deepEqual(
      graded.map((g) => [g.jurisdiction, g.level]),
      [
        ['A-1', 'medium'],
        ['A-50', 'medium'],
        ['A-51c', 'high'],
        ['A-51', 'medium'],
        ['D-13', 'medium'],
        ['D-14', 'low'],
        ['D-15', 'low'],
        ['LATER', 'low'],
      ],
    );
    assert.deepEqual(Object.keys(graded[0] ?? {}), ['jurisdiction', 'level', 'because']);
    for (const g of graded) assert.ok(g.because.length > 0 && g.because.every((r) => r.rule && r.source && r.says));
  });

  it('an empty list grades nothing', async () => {
    const run = await fangkong(
      'risk',
      'classify',
      '--edition',
      'seed-2020',
      '--as-of',
      '2020-03-15',
      '--input',
      inputFile('e.json', []),
      '--json',
    );
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), []);
  });

  it('the 9th edition grades by its own rule (an infection 6 days ago is high)', async () => {
    const file = inputFile('n.json', [{ jurisdiction: '320412100001', reportDate: '2022-07-04', cluster: null }]);
    const run = await fangkong('risk', 'classify', '--edition', 'cn-2022-9th', '--as-of', '2022-07-10', '--input', file, '--json');
    assert.equal((JSON.parse(run.stdout) as Graded[])[0]?.level, 'high');
  });

  it('an unknown edition, or malformed input, exits non-zero with a message on stderr and nothing on stdout', async () => {
    const good = inputFile('g.json', many('A', 1, 0, null));
    const refusals = [
      ['--edition', 'no-such', '--as-of', '2020-03-15', '--input', good],
      ['--edition', 'seed-2020', '--as-of', '2020-03-15', '--input', inputFile('obj.json', { jurisdiction: 'A' })],
      [
        '--edition',
        'seed-2020',
        '--as-of',
        '2020-03-15',
        '--input',
        inputFile('date.json', [{ jurisdiction: 'A', reportDate: '2020-02-30', cluster: null }]),
      ],
      ['--edition', 'seed-2020', '--as-of', '2020-03-15', '--input', inputFile('noj.json', [{ reportDate: '2020-03-01', cluster: null }])],
      ['--edition', 'seed-2020', '--as-of', '2020-03-15', '--input', inputFile('text.json', 'not json')],
      ['--edition', 'seed-2020', '--as-of', '15/03/2020', '--input', good],
    ];
    for (const args of refusals) {
      const run = await fangkong('risk', 'classify', ...args, '--json');
      assert.notEqual(run.code, 0, args.join(' '));
      assert.equal(run.stdout, '', args.join(' '));
      assert.match(run.stderr, /"code":"(unknownEdition|riskInputMalformed|invalidDate)"/, args.join(' '));
    }
  });
});
