// Issue 12 "Hardening", crash during import: the real server (a child process) takes a lab result
// file of 1 000 000 rows (`--quick`: 100 000) and a roster of 2 000 close contacts (1 000) at once and
// is killed with SIGKILL at 10 seeded random points (FANGKONG_BENCH_SEED, default 2026: a run is
// repeatable), restarted each time and sent the same files again, which resumes each job. The
// same files go into a second fresh database without a kill. The two must hold the same rows (count
// and checksum of results, tubes, people, episodes, schedule items, events, tasks, alerts, audit and
// jobs): any mismatch fails the benchmark. The figure is the crashed run's time ÷ the clean run's.
// PostgreSQL on 127.0.0.1:5432 (or DATABASE_URL's server) by default, in databases it creates and
// drops (fk_crash_bench_*, fk_crash_clean_*); `--pglite` runs both on PGlite in temp data dirs.
import {
  type CrashRun,
  cleanImport,
  fingerprintOf,
  freshImportDatabase,
  type ImportDatabase,
  type ImportKind,
  type KillPoint,
  labImport,
  labResultFile,
  prepareImportDatabase,
  rosterImport,
  rosterWorkbook,
  runImportsThroughCrashes,
  serverOn,
  sharedImportEnv,
} from '../packages/server/src/testing/crash-import.ts';
import { type Fingerprint, fingerprintMismatches } from '../packages/server/src/testing/import-fingerprint.ts';
import { freePort } from '../packages/server/src/testing/server-process.ts';
import type { Benchmark } from './bench-types.ts';

const KILLS = 10;
const DEFAULT_POSTGRES = 'postgres://postgres@127.0.0.1:5432/postgres';

/** mulberry32: a small seeded generator, so the kill moments of a run can be had again. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The first half of the kills aims at the lab import, the second half at the roster import (each
 * at the other once its own is done; both run all along). Each picks, at random, a share (10–50 %) of the rows its job still has to apply, waits (the
 * jobs polled every 100 ms) until the job has got that far since the restart, then a random 0–1 s
 * more, so it lands somewhere in a batch, in a re-send or a parse, not only on a batch boundary.
 */
function randomKills(random: () => number): KillPoint[] {
  return Array.from({ length: KILLS }, (_, index) => {
    const share = 0.1 + 0.4 * random();
    const extraMs = 1000 * random();
    const names: ImportKind['name'][] = index < KILLS / 2 ? ['lab', 'roster'] : ['roster', 'lab'];
    return async (_round, standing) => {
      for (;;) {
        if (await standing.refresh()) return;
        const target = names.find((name) => standing.jobs.get(name)?.status !== 'done');
        const job = target ? standing.jobs.get(target) : undefined;
        const from = target ? standing.resumedAt.get(target) : undefined;
        if (job && from !== undefined && job.processed >= from + share * (job.total - from)) {
          await sleep(extraMs);
          return;
        }
        await sleep(100);
      }
    };
  });
}

/** Kills after which some job resumed part-way (neither before its first row nor after its last). */
const midImportKills = (run: CrashRun) =>
  run.kills.filter((kill) => Object.entries(kill.resumedAt).some(([name, rows]) => rows > 0 && rows < (run.final[name]?.total ?? 0)))
    .length;

interface Sides {
  crash: ImportDatabase;
  clean: ImportDatabase;
}

async function runBoth(sides: Sides, tubes: number, rosterRows: number, seed: number) {
  const lab = labResultFile(tubes);
  const roster = await rosterWorkbook(rosterRows);
  const [crashWorld, cleanWorld] = [await prepareImportDatabase(sides.crash, tubes), await prepareImportDatabase(sides.clean, tubes)];
  const kindsOf = (villageId: string): ImportKind[] => [labImport(lab), rosterImport(roster, villageId)];
  const clean = await cleanImport(serverOn(sides.clean, await freePort()), kindsOf(cleanWorld.villageId));
  const kills = randomKills(seeded(seed));
  const crashed = await runImportsThroughCrashes(serverOn(sides.crash, await freePort()), kindsOf(crashWorld.villageId), kills);
  return {
    clean,
    crashed,
    cleanPrint: await fingerprintOf(sides.clean),
    crashedPrint: await fingerprintOf(sides.crash),
    fileMB: lab.length / 1e6,
  };
}

function landed(run: CrashRun): string[] {
  return run.kills.map((kill) => {
    const at = Object.entries(kill.resumedAt).map(
      ([name, rows]) => `${name} ${rows}/${run.final[name]?.total ?? '?'} (seen ${kill.seenBefore[name] ?? 0} before the kill)`,
    );
    return `  kill ${kill.round}: resumed at ${at.join(', ') || 'the start (the kill came before any upload was answered)'}`;
  });
}

/** Rows seen committed before a kill that were not there after it (durability: must be 0). */
const lostRows = (run: CrashRun) =>
  run.kills.reduce(
    (sum, kill) =>
      sum + Object.entries(kill.seenBefore).reduce((n, [name, seen]) => n + Math.max(0, seen - (kill.resumedAt[name] ?? seen)), 0),
    0,
  );

/** The job counts that differ between the two runs (follow-up included), by import. */
function countMismatches(crashed: CrashRun, clean: CrashRun): string[] {
  return ['lab', 'roster'].filter((name) => {
    const { id: _a, ...got } = crashed.final[name] ?? {};
    const { id: _b, ...expected } = clean.final[name] ?? {};
    return JSON.stringify(got) !== JSON.stringify(expected);
  });
}

const tableLine = (print: Fingerprint) =>
  Object.entries(print)
    .map(([table, { rows }]) => `${table} ${rows}`)
    .join(', ');

const bench: Benchmark = {
  name: 'crash-import',
  unit: '× clean import time',
  goal: 3,
  better: 'lower',
  async run({ quick, pglite }) {
    const tubes = quick ? 100_000 : 1_000_000;
    const rosterRows = quick ? 1_000 : 2_000;
    // Ten kills need many batches to land in: 20 of each file at full size, 10 at --quick.
    const labBatchRows = quick ? 10_000 : 50_000;
    const seed = Number(process.env.FANGKONG_BENCH_SEED ?? 2026);
    const postgres = pglite ? undefined : (process.env.DATABASE_URL ?? DEFAULT_POSTGRES);
    const env = sharedImportEnv({ FANGKONG_LAB_IMPORT_BATCH_ROWS: String(labBatchRows) });
    const sides = {
      crash: await freshImportDatabase('fk_crash_bench', postgres, env),
      clean: await freshImportDatabase('fk_crash_clean', postgres, env),
    };
    try {
      const { clean, crashed, cleanPrint, crashedPrint, fileMB } = await runBoth(sides, tubes, rosterRows, seed);
      const mismatches = [...fingerprintMismatches(crashedPrint, cleanPrint), ...countMismatches(crashed, clean)];
      const ratio = Number((crashed.seconds / clean.seconds).toFixed(2));
      const details = [
        `database: ${sides.crash.kind}; lab file ${tubes} rows (${fileMB.toFixed(1)} MB CSV) in batches of ${labBatchRows}, roster ${rosterRows} rows in batches of 100; seed ${seed}`,
        `clean import (one server start, no kill): ${clean.seconds.toFixed(1)} s, of which ${clean.startSeconds.toFixed(1)} s starting the server; lab done after ${clean.doneAfter.lab?.toFixed(1)} s, roster after ${clean.doneAfter.roster?.toFixed(1)} s`,
        `crashed import: ${crashed.kills.length} SIGKILLs of ${KILLS} (any others would have come after the end), ${midImportKills(crashed)} of them mid-import, each followed by a restart and the files sent again: ${crashed.seconds.toFixed(1)} s (${ratio} × the clean import), of which ${crashed.startSeconds.toFixed(1)} s starting the server ${crashed.kills.length + 1} times`,
        ...landed(crashed),
        `jobs: ${crashed.newJobs} started anew instead of resumed; lab ${JSON.stringify(crashed.final.lab)}`,
        `rows (crashed = clean): ${tableLine(cleanPrint)}`,
        `mismatches: ${mismatches.length}${mismatches.length ? ` (${mismatches.join(', ')})` : ''}; committed rows lost to a kill: ${lostRows(crashed)}`,
      ];
      if (mismatches.length > 0 || crashed.newJobs > 0 || lostRows(crashed) > 0)
        throw new Error(`crash-import: the crashed run differs\n${details.join('\n')}`);
      return {
        figure: ratio,
        sizes: {
          database: sides.crash.kind,
          labRows: tubes,
          rosterRows,
          kills: crashed.kills.length,
          midImportKills: midImportKills(crashed),
          seed,
          cleanSeconds: Number(clean.seconds.toFixed(1)),
          crashedSeconds: Number(crashed.seconds.toFixed(1)),
          mismatches: mismatches.length,
        },
        details,
      };
    } finally {
      await sides.crash.drop();
      await sides.clean.drop();
    }
  },
};

export default bench;
