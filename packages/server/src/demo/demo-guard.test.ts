import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { ensureCountryRoot } from '../bootstrap/root-jurisdiction.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { queryRows } from '../db/query-rows.ts';
import { systemContext } from '../http/context.ts';
import { createUser } from '../modules/users/user.service.ts';
import { addUser } from '../testing/factories.ts';
import { createTestRuntime, type TestRuntime } from '../testing/test-runtime.ts';
import { DEMO_PASSWORD } from './demo-accounts.ts';
import { isLoopbackHost, refuseExposedDemoSeed, refuseServingDemoAccounts } from './demo-guard.ts';
import { seedDemoIfEmpty } from './demo-seed.ts';

const MAIN = fileURLToPath(new URL('../main.ts', import.meta.url));

/** Runs main.ts with `env` until it exits (or `ms` pass, then it is killed): its exit code and output. */
function runMain(env: Record<string, string>, ms: number): Promise<{ code: number | null; output: string; ms: number }> {
  const started = Date.now();
  const { FANGKONG_DEMO: _demo, DATABASE_URL: _url, ...inherited } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], { env: { ...inherited, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), ms);
  return new Promise((resolve) => {
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output, ms: Date.now() - started });
    });
  });
}

// ASVS V14.1 / V2.1 (no default credentials reachable); SEC ids in the names below.
describe('issue 12 defect 1: the demo with its public password stays on this machine', () => {
  it('knows loopback addresses from the rest', () => {
    for (const host of ['127.0.0.1', 'localhost', '::1', '[::1]', '127.3.4.5', '::ffff:127.0.0.1']) assert.ok(isLoopbackHost(host), host);
    for (const host of ['0.0.0.0', '::', '192.168.1.10', '10.0.0.1', 'example.org', '::ffff:10.0.0.1'])
      assert.ok(!isLoopbackHost(host), host);
  });

  it('refuses to seed the demo on a non-loopback HOST unless FANGKONG_DEMO=1 (issue 12 defect 1)', () => {
    assert.throws(
      () => refuseExposedDemoSeed(loadConfig({ HOST: '0.0.0.0' })),
      (error: unknown) => error instanceof ConfigError && /FANGKONG_DEMO=1/.test(error.message) && /0\.0\.0\.0/.test(error.message),
    );
    refuseExposedDemoSeed(loadConfig({ HOST: '0.0.0.0', FANGKONG_DEMO: '1' }));
    refuseExposedDemoSeed(loadConfig({ HOST: '0.0.0.0', FANGKONG_DEMO: '0' }));
    refuseExposedDemoSeed(loadConfig({}));
  });

  it('npm start on HOST=0.0.0.0 exits non-zero with the reason before it opens the database (issue 12 defect 1)', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'fangkong-demo-guard-'));
    const run = await runMain({ HOST: '0.0.0.0', PORT: '0', FANGKONG_DATA_DIR: dataDir, FANGKONG_DEMO_RESIDENTS: '0' }, 60_000);
    assert.equal(run.code, 1, run.output);
    assert.match(run.output, /not a loopback address/);
    assert.doesNotMatch(run.output, /fangkong ready/);
  });

  describe('with a database', () => {
    let runtime: TestRuntime;
    let rootId: string;
    before(async () => {
      runtime = await createTestRuntime();
      rootId = await ensureCountryRoot(runtime.deps.database.db);
    });
    after(() => runtime.close());

    it('never seeds into a database that holds a non-demo account (issue 12 defect 1)', async () => {
      await addUser(runtime.deps, 'real-officer', 'system_admin', rootId);
      const lines: string[] = [];
      const summary = await seedDemoIfEmpty(runtime.deps, { residents: 10, log: (line) => lines.push(line) });
      assert.equal(summary, null);
      const [count] = await queryRows<{ n: number }>(runtime.deps.database.db, sql`select count(*)::int as n from app_user`);
      assert.equal(count?.n, 1);
      assert.ok(lines.some((line) => /non-demo accounts/.test(line)));
    });

    it('refuses to serve demo accounts with the public password on a non-loopback HOST unless FANGKONG_DEMO=1 (issue 12 defect 1)', async () => {
      await createUser(runtime.deps, systemContext('test'), {
        username: 'commander',
        displayName: 'commander',
        password: DEMO_PASSWORD,
        role: 'district_commander',
        jurisdictionId: rootId,
      });
      const withHost = (env: Record<string, string>) => ({ ...runtime.deps, config: loadConfig(env) });
      await assert.rejects(refuseServingDemoAccounts(withHost({ HOST: '0.0.0.0', FANGKONG_DEMO: '0' })), (error: unknown) => {
        return error instanceof ConfigError && /commander/.test(error.message);
      });
      await refuseServingDemoAccounts(withHost({ HOST: '0.0.0.0', FANGKONG_DEMO: '1' }));
      await refuseServingDemoAccounts(withHost({ HOST: '127.0.0.1' }));
    });
  });
});
