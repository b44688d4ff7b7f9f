import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { CodeKeyRing } from '../codes/code-keys.ts';
import { signCode } from '../codes/code-token.ts';

const BIN = new URL('../../bin/fangkong.mjs', import.meta.url).pathname;
const dir = mkdtempSync(path.join(tmpdir(), 'fangkong-code-'));
const dataDir = path.join(dir, 'data');
const keysFile = path.join(dir, 'public-keys.json');

function fangkong(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env: { ...process.env, FANGKONG_DATA_DIR: dataDir } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('fangkong code verify (offline, as a checkpoint device)', () => {
  let ring: CodeKeyRing;

  before(async () => {
    ring = await CodeKeyRing.open(dataDir);
    const exported = await fangkong('code', 'keys', '--json');
    assert.equal(exported.code, 0, exported.stderr);
    writeFileSync(keysFile, exported.stdout);
  });

  it('a valid code prints its colour, expiry and validity, exit 0', async () => {
    const token = await signCode({ sub: 'p-1', c: 'yellow', v: 'seed-2020/codes-1' }, await ring.current(), new Date(), 300);
    const run = await fangkong('code', 'verify', token, '--keys', keysFile, '--json');
    assert.equal(run.code, 0, run.stderr);
    const result = JSON.parse(run.stdout) as { valid: boolean; colour: string; expiresAt: string };
    assert.deepEqual([result.valid, result.colour], [true, 'yellow']);
    assert.ok(Date.parse(result.expiresAt) > Date.now());
  });

  // Issue 12 defect 4, CODE-002: offline, the colour shown is the colour as of issue, and the text says when
  it('the text output says the colour is the one at issue time, and gives that time', async () => {
    const issued = new Date(Math.floor(Date.now() / 1000) * 1000 - 3_600_000);
    const token = await signCode({ sub: 'p-1', c: 'green', v: 'seed-2020/codes-1' }, await ring.current(), issued, 86_400);
    const run = await fangkong('code', 'verify', token, '--keys', keysFile);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /valid: green/);
    assert.ok(run.stdout.includes(`the colour as of issue at ${issued.toISOString()}`), run.stdout);
  });

  it('an expired code is invalid with its reason, exit 1', async () => {
    const issued = new Date(Math.floor(Date.now() / 1000) * 1000 - 3_600_000);
    const token = await signCode({ sub: 'p-1', c: 'green', v: 'seed-2020/codes-1' }, await ring.current(), issued, 300);
    const run = await fangkong('code', 'verify', token, '--keys', keysFile, '--json');
    assert.equal(run.code, 1);
    const expiresAt = new Date(issued.getTime() + 300_000).toISOString();
    assert.deepEqual(JSON.parse(run.stdout), { valid: false, reason: 'expired', kid: (await ring.current()).kid, expiresAt });
  });

  it('without the token it is a usage error, exit 2', async () => {
    const run = await fangkong('code', 'verify', '--keys', keysFile, '--json');
    assert.equal(run.code, 2);
  });
});
