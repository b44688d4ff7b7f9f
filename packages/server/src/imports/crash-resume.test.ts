import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  type CrashRun,
  cleanImport,
  fingerprintOf,
  freshImportDatabase,
  type ImportDatabase,
  type ImportKind,
  inProcessServer,
  type KillPoint,
  labImport,
  labResultFile,
  prepareImportDatabase,
  prepareImportWorld,
  rosterImport,
  rosterWorkbook,
  runImportsThroughCrashes,
  serverOn,
  sharedImportEnv,
} from '../testing/crash-import.ts';
import { type Fingerprint, fingerprintMismatches, importFingerprint } from '../testing/import-fingerprint.ts';
import { copyMigratedPglite } from '../testing/migrated-pglite.ts';
import { freePort } from '../testing/server-process.ts';
import { createTestRuntime, type TestRuntime } from '../testing/test-runtime.ts';

/**
 * Issue 12 "Hardening", crash during import (TEST-007 lab results, KP-001 roster import): the real
 * server takes a lab result file and a roster at once and is killed with SIGKILL three times, twice
 * while the lab file is half applied and once while the roster is; each time it is restarted and the
 * same files are sent again. The end state equals a clean import of the same files into a fresh
 * database: no row lost or doubled, no task, alert, episode or schedule item written twice, one job
 * per file, the same counts. PGlite by default, PostgreSQL when DATABASE_URL is set.
 */
const TUBES = 3000;
/** Three roster batches of 100: the roster kill finds one under way even if a batch got in before it. */
const ROSTER_ROWS = 250;
/** Small batches, so a few thousand rows take many transactions and a kill can land between them. */
const ENV = sharedImportEnv({ FANGKONG_LAB_IMPORT_BATCH_ROWS: '200' });
const KILL_DURING: ImportKind['name'][] = ['lab', 'lab', 'roster'];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Kills once the named job has committed a batch since the restart and is not finished: mid-import. */
const midImport =
  (name: ImportKind['name'], kinds: ImportKind[]): KillPoint =>
  async (_round, standing) => {
    for (const until = Date.now() + 120_000; Date.now() < until; await sleep(10)) {
      await Promise.all(kinds.map((kind) => standing.read(kind)));
      const now = standing.jobs.get(name);
      const from = standing.resumedAt.get(name);
      if (now !== undefined && from !== undefined && now.processed > from && now.processed < now.total) return;
    }
    const seen = JSON.stringify({ jobs: Object.fromEntries(standing.jobs), resumedAt: Object.fromEntries(standing.resumedAt) });
    throw new Error(`the ${name} import was not under way to kill: ${seen}`);
  };

describe('crash during import: SIGKILL mid-import, restart and resume equal a clean import', () => {
  let crashDb: ImportDatabase | undefined;
  let cleanRuntime: TestRuntime | undefined;
  let crashed: CrashRun;
  let clean: CrashRun;
  let crashedPrint: Fingerprint;
  let cleanPrint: Fingerprint;

  before(async () => {
    const lab = labResultFile(TUBES);
    const roster = await rosterWorkbook(ROSTER_ROWS);
    crashDb = await freshImportDatabase('fangkong_test_crash', process.env.DATABASE_URL, ENV);
    if (crashDb.kind === 'pglite' && crashDb.env.FANGKONG_DATA_DIR) await copyMigratedPglite(crashDb.env.FANGKONG_DATA_DIR);
    const { villageId } = await prepareImportDatabase(crashDb, TUBES);
    const kinds = [labImport(lab), rosterImport(roster, villageId)];
    const kills = KILL_DURING.map((name) => midImport(name, kinds));
    crashed = await runImportsThroughCrashes(serverOn(crashDb, await freePort()), kinds, kills);
    crashedPrint = await fingerprintOf(crashDb);

    cleanRuntime = await createTestRuntime(ENV);
    const cleanWorld = await prepareImportWorld(cleanRuntime.deps, TUBES);
    const app = cleanRuntime.app;
    clean = await cleanImport(() => inProcessServer(app), [labImport(lab), rosterImport(roster, cleanWorld.villageId)]);
    cleanPrint = await importFingerprint(cleanRuntime.deps.database.db);
  });
  after(async () => {
    await crashDb?.drop();
    await cleanRuntime?.close();
  });

  it('each kill landed mid-import: after every restart a job resumed after some of its rows, not all', (t) => {
    const where = crashed.kills.map((kill) => JSON.stringify(kill.resumedAt)).join(' ');
    t.diagnostic(
      `crashed run ${crashed.seconds.toFixed(1)} s (${crashed.startSeconds.toFixed(1)} s starting the server); resumed at ${where}`,
    );
    t.diagnostic(`clean run ${clean.seconds.toFixed(1)} s`);
    assert.equal(crashed.kills.length, KILL_DURING.length);
    for (const kill of crashed.kills) {
      const midway = Object.entries(kill.resumedAt).filter(([name, rows]) => rows > 0 && rows < (crashed.final[name]?.total ?? 0));
      assert.ok(midway.length > 0, `restart ${kill.round} resumed ${JSON.stringify(kill.resumedAt)}`);
    }
  });

  it('no committed batch was lost to a kill: each job resumed at or after the rows it was seen to have committed', () => {
    for (const kill of crashed.kills)
      for (const [name, seen] of Object.entries(kill.seenBefore))
        assert.ok(
          (kill.resumedAt[name] ?? seen) >= seen,
          `restart ${kill.round}: ${name} seen at ${seen}, resumed at ${kill.resumedAt[name]}`,
        );
  });

  it('every re-sent file resumed its own job: one job per file, finished', () => {
    assert.equal(crashed.newJobs, 0);
    assert.equal(crashedPrint.import_job?.rows, 2);
    for (const name of ['lab', 'roster']) assert.equal(crashed.final[name]?.status, 'done');
  });

  it('the jobs report the same counts as the clean import, follow-up (tasks, alerts) included', () => {
    for (const name of ['lab', 'roster']) {
      const { id: _a, ...got } = crashed.final[name] ?? {};
      const { id: _b, ...expected } = clean.final[name] ?? {};
      assert.deepEqual(got, expected, name);
    }
    assert.equal(clean.final.lab?.created, TUBES);
    assert.equal(clean.final.roster?.created, ROSTER_ROWS);
  });

  it('results, tubes, people, episodes, schedule items, events, tasks, alerts and audit equal the clean import row for row', () => {
    assert.ok((cleanPrint.task?.rows ?? 0) > 0 && (cleanPrint.alert?.rows ?? 0) > 0, 'the file raises tasks and alerts');
    assert.deepEqual(fingerprintMismatches(crashedPrint, cleanPrint), []);
    assert.deepEqual(crashedPrint, cleanPrint);
  });
});
