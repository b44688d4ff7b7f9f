import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';

const BIN = new URL('../../bin/fangkong.mjs', import.meta.url).pathname;
const dataDir = path.join(mkdtempSync(path.join(tmpdir(), 'fangkong-protocol-')), 'data');

function fangkong(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env: { ...process.env, FANGKONG_DATA_DIR: dataDir } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

interface Plan {
  edition: string;
  category: string;
  phases: { type: string; from: string; to: string | null }[];
  tests: { date: string; kind: string }[];
  releaseDate: string | null;
  followUps: { date: string; kind: string }[];
  because: { source: string; clause: string }[];
}

describe('fangkong protocol (no database)', () => {
  it('protocol list names the editions with their categories', async () => {
    const run = await fangkong('protocol', 'list', '--json');
    assert.equal(run.code, 0, run.stderr);
    const editions = JSON.parse(run.stdout) as { id: string; categories: string[] }[];
    assert.deepEqual(
      editions.map((e) => e.id),
      ['seed-2020', 'cn-2022-9th'],
    );
    assert.ok(editions[0]?.categories.includes('close_contact'));
  });

  it('protocol plan prints the contract shape with inclusive dates (9th edition close contact)', async () => {
    const run = await fangkong(
      'protocol',
      'plan',
      '--edition',
      'cn-2022-9th',
      '--category',
      'close_contact',
      '--start',
      '2022-07-01',
      '--json',
    );
    const plan = JSON.parse(run.stdout) as Plan;
    assert.deepEqual(plan.phases, [
      { type: 'centralized_quarantine', from: '2022-07-01', to: '2022-07-07' },
      { type: 'home_health_monitoring', from: '2022-07-08', to: '2022-07-10' },
    ]);
    assert.deepEqual(
      plan.tests.map((t) => t.date),
      ['2022-07-01', '2022-07-02', '2022-07-03', '2022-07-05', '2022-07-07', '2022-07-10'],
    );
    assert.equal(plan.releaseDate, '2022-07-07');
    assert.ok(plan.because.every((r) => r.source && r.clause));
  });

  // KP-J01, SC-17: discharged-patient follow-up visits at D+14, D+28, 3 and 6 months
  it('discharged patients get the seed follow-ups at D+14, D+28, 3 and 6 months', async () => {
    const run = await fangkong(
      'protocol',
      'plan',
      '--edition',
      'seed-2020',
      '--category',
      'discharged_patient',
      '--start',
      '2020-05-10',
      '--json',
    );
    const plan = JSON.parse(run.stdout) as Plan;
    assert.deepEqual(
      plan.followUps.map((f) => f.date),
      ['2020-05-24', '2020-06-07', '2020-08-10', '2020-11-10'],
    );
  });

  it('an unknown edition is an error on stderr with a non-zero exit, and no database is created', async () => {
    const run = await fangkong('protocol', 'plan', '--edition', 'nope', '--category', 'close_contact', '--start', '2020-03-01', '--json');
    assert.notEqual(run.code, 0);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /unknownEdition/);
    assert.equal(existsSync(dataDir), false);
  });
});

// Issue 14 part 3 (RULES-001): a protocol file is checked before import, every issue with its path, no database.
describe('fangkong protocol check (no database)', () => {
  it('a shipped edition exported to a file is valid; a self-contradicting one names the path and exits 1', async () => {
    const { exportEdition, findEdition } = await import('@fangkong/core');
    const { writeFileSync } = await import('node:fs');
    const dir = mkdtempSync(path.join(tmpdir(), 'fangkong-protocol-doc-'));
    const document = exportEdition(findEdition('cn-2022-9th') as NonNullable<ReturnType<typeof findEdition>>);
    writeFileSync(path.join(dir, 'ok.json'), JSON.stringify(document));
    const valid = await fangkong('protocol', 'check', '--input', path.join(dir, 'ok.json'), '--json');
    assert.equal(valid.code, 0, valid.stderr);
    assert.deepEqual(JSON.parse(valid.stdout), { valid: true, kind: 'edition', issues: [] });
    document.edition.effectiveTo = '2020-01-01';
    writeFileSync(path.join(dir, 'bad.json'), JSON.stringify(document));
    const invalid = await fangkong('protocol', 'check', '--input', path.join(dir, 'bad.json'), '--json');
    assert.equal(invalid.code, 1);
    assert.deepEqual(JSON.parse(invalid.stdout).issues, [{ path: 'edition.effectiveTo', reason: 'endBeforeStart' }]);
    assert.equal(existsSync(dataDir), false, 'no database is opened');
  });
});
