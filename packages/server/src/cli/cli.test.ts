import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openPglite, pgliteDir } from '../db/client.ts';
import { copyMigratedPglite } from '../testing/migrated-pglite.ts';

const BIN = new URL('../../bin/fangkong.mjs', import.meta.url).pathname;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI as a child process on an embedded PGlite database in `dataDir` (DATABASE_URL removed). */
function fangkong(dataDir: string, ...args: string[]): Promise<Run> {
  const { DATABASE_URL: _, ...env } = process.env;
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env: { ...env, FANGKONG_DATA_DIR: dataDir } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

const json = <T>(run: Run): T => {
  assert.equal(run.code, 0, run.stderr);
  return JSON.parse(run.stdout) as T;
};

async function countRows(dataDir: string, query: string): Promise<number> {
  const database = await openPglite(pgliteDir(dataDir));
  try {
    const result = await database.pglite?.query<{ n: number }>(query);
    return result?.rows[0]?.n ?? -1;
  } finally {
    await database.close();
  }
}

describe('fangkong CLI', () => {
  let dataDir: string;
  const backupFile = () => path.join(dataDir, 'backup.tar.gz');
  before(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'fangkong-cli-'));
  });
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it('prints help, and exits 2 on usage errors without touching the database', async () => {
    const [help, none, unknown, badRole] = await Promise.all([
      fangkong(dataDir, '--help'),
      fangkong(dataDir),
      fangkong(dataDir, 'divisions', 'import', '--count', '1'),
      fangkong(dataDir, 'user', 'create', '--username', 'u', '--display-name', 'U', '--role', 'king', '--jurisdiction', '32'),
    ]);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /divisions import/);
    assert.deepEqual([none.code, unknown.code, badRole.code], [2, 2, 2]);
    assert.match(unknown.stderr, /usage error/);
    assert.ok(!existsSync(pgliteDir(dataDir)), 'no database was created');
  });

  it('imports divisions with --json: one JSON document on stdout, progress on stderr', async () => {
    // From here on the data dir holds a migrated database (the demo below starts from an empty one).
    await copyMigratedPglite(dataDir);
    const run = await fangkong(dataDir, 'divisions', 'import', '--county', '320412', '--json');
    assert.deepEqual(json(run), { county: '320412', name: '武进区', towns: 18, villages: 297, created: 318, updated: 0 });
    assert.match(run.stderr, /武进区/);
  });

  it('refuses an unknown county with the message in zh-CN and en, exit 1', async () => {
    const run = await fangkong(dataDir, 'divisions', 'import', '--county', '999999', '--json');
    assert.equal(run.code, 1);
    assert.equal(run.stdout, '');
    const { error } = JSON.parse(run.stderr) as { error: { code: string; message: Record<string, string> } };
    assert.deepEqual(error.message, { 'zh-CN': '未知的行政区划代码 999999', en: 'Unknown division code 999999' });
  });

  it('creates a user and prints the one-time password when none is given', async () => {
    const created = json<{ username: string; jurisdiction: string; oneTimePassword: string | null }>(
      await fangkong(
        dataDir,
        'user',
        'create',
        '--username',
        'zhang',
        '--display-name',
        '张网格',
        '--role',
        'grid_worker',
        '--jurisdiction',
        '320412100002',
        '--json',
      ),
    );
    assert.equal(created.username, 'zhang');
    assert.equal(created.jurisdiction, '320412100002');
    assert.match(created.oneTimePassword ?? '', /^[A-Za-z0-9]{14}$/);
  });

  // Issue 12 "Hardening" (retention): the job on demand; a dry run writes nothing, a run leaves its audit event.
  it('runs the retention job: --dry-run changes nothing, a run prints its counts and is audited', async () => {
    type Result = { dryRun: boolean; scans: number; persons: { anonymised: number }; scopes: { scanDays: number }[] };
    const dry = json<Result>(await fangkong(dataDir, 'retention', 'run', '--dry-run', '--json'));
    assert.deepEqual([dry.dryRun, dry.scans, dry.persons.anonymised, dry.scopes.at(-1)?.scanDays], [true, 0, 0, 28]);
    assert.equal(await countRows(dataDir, "select count(*)::int as n from audit_event where action = 'jobs.retention'"), 0);
    const done = await fangkong(dataDir, 'retention', 'run');
    assert.equal(done.code, 0, done.stderr);
    assert.match(done.stdout, /scans 0, pass uses 0, persons anonymised 0/);
    assert.equal(await countRows(dataDir, "select count(*)::int as n from audit_event where action = 'jobs.retention'"), 1);
  });

  it('backs up and restores the PGlite data dir: rows written after the backup are gone', async () => {
    // Issue 12 defect 1: the demo is never seeded into a database that holds accounts it did not make.
    const refused = await fangkong(dataDir, 'demo', 'seed', '--residents', '300', '--json');
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /demoHasAccounts/);
    const demoDir = mkdtempSync(path.join(tmpdir(), 'fangkong-cli-demo-'));
    const seeded = json<{ residents: number }>(await fangkong(demoDir, 'demo', 'seed', '--residents', '300', '--json'));
    assert.equal(seeded.residents, 300);
    const backup = await fangkong(demoDir, 'backup', '--out', backupFile(), '--json');
    assert.equal(json<{ database: string }>(backup).database, 'pglite');
    assert.match(backup.stderr, /data-key/, 'reminds that the data key is not in the backup');
    json(
      await fangkong(
        dataDir,
        'user',
        'create',
        '--username',
        'later',
        '--display-name',
        'L',
        '--role',
        'lab_staff',
        '--jurisdiction',
        '320412',
        '--json',
      ),
    );
    const restored = json<{ previousDataDir: string }>(await fangkong(demoDir, 'restore', '--from', backupFile(), '--json'));
    assert.ok(existsSync(restored.previousDataDir), 'the replaced data dir is kept aside');
    assert.equal(await countRows(demoDir, 'select count(*)::int as n from person'), 300);
    assert.equal(await countRows(demoDir, "select count(*)::int as n from app_user where username = 'later'"), 0);
    rmSync(demoDir, { recursive: true, force: true });
  });
});
