#!/usr/bin/env node
// `npm test`: type checks and lint, the web build when stale, the unit and integration tests, and the
// browser journeys. Server tests run once: on PostgreSQL when DATABASE_URL is set, else on PGlite. With
// DATABASE_URL set, the PGlite lane still runs the server tests of what only PGlite does (the embedded
// start, the CLI, backups, migrations, the demo seed: PGLITE_ALSO), and the journeys run the whole app
// on PGlite, so both databases are exercised without running 800 server tests twice.
// The order: the web build when stale (type checks are the static step's), then the browser journeys start
// beside everything else (one journey at a time; they mostly wait on the browser and leave most of the two
// cores idle), while the static checks, the PostgreSQL lane and the PGlite lane run one after the other.
// Each runner's own output is printed as it comes, except the journeys', which is printed in one piece when
// they end; the summary lists the steps in that order, the journeys last, and the last line is the one CI reads:
//   tests: N passed, N failed, N skipped
// A check that is not a test run (tsc, biome, web build) and fails counts as one failed test, and
// so does a test run that exits non-zero without reporting a failed test, so that line never says
// "0 failed" for a run that failed. The exit code is non-zero whenever any step failed.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rel = (file) => path.relative(root, file);
const CONCURRENCY = Math.max(1, Math.min(2, availableParallelism()));
const MINUTE = 60_000;
const CHROMIUM = process.env.FANGKONG_CHROMIUM || '/usr/bin/chromium';
const scratch = mkdtempSync(path.join(tmpdir(), 'fangkong-npm-test-'));

const totals = { passed: 0, failed: 0, skipped: 0 };
const recap = [];
const running = new Set();

/** Runs a command in its own process group (so a timeout can stop all of it); output streamed or buffered. */
function run(command, args, { env = process.env, buffered = false, timeoutMs = 10 * MINUTE, cwd = root } = {}) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(command, args, {
      cwd,
      env,
      detached: true,
      stdio: ['ignore', buffered ? 'pipe' : 'inherit', buffered ? 'pipe' : 'inherit'],
    });
    running.add(child);
    let output = '';
    child.stdout?.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr?.on('data', (chunk) => {
      output += chunk;
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child);
    }, timeoutMs);
    const finish = (code) => {
      clearTimeout(timer);
      running.delete(child);
      const note = timedOut ? `\n(stopped after ${Math.round(timeoutMs / 1000)} s)\n` : '';
      resolve({ code: timedOut ? 124 : (code ?? 1), output: output + note, seconds: (Date.now() - started) / 1000 });
    };
    child.on('error', (error) => {
      output += `${error.message}\n`;
      finish(127);
    });
    child.on('close', finish);
  });
}

function killGroup(child) {
  try {
    if (child.pid) process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const child of running) killGroup(child);
    process.exit(130);
  });
}

function record(step, ok, seconds, counts) {
  recap.push({ step, ok, seconds, counts });
}

/** A non-test step: failing it counts as one failed test. */
function recordCheck(step, result) {
  const ok = result.code === 0;
  if (!ok) totals.failed++;
  record(step, ok, result.seconds);
}

async function inPool(tasks, size) {
  const results = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(size, tasks.length) }, worker));
  return results;
}

const bin = (name) => path.join(root, 'node_modules/.bin', name);
const tscJs = path.join(root, 'node_modules/typescript/bin/tsc');

async function staticChecks() {
  const checks = [];
  // The packages. The server's project also includes the browser journeys, benchmarks and scripts (tsx runs
  // those without checking types), so they are checked in the same pass rather than re-checking the server twice.
  for (const dir of ['packages/core', 'packages/server', 'packages/web']) {
    const project = path.join(root, dir, 'tsconfig.json');
    if (existsSync(project))
      checks.push({ step: `tsc ${path.basename(dir)}`, command: process.execPath, args: [tscJs, '--noEmit', '-p', rel(project)] });
  }
  checks.push({ step: 'biome check', command: bin('biome'), args: ['check', '.'] });
  const results = await inPool(
    checks.map((check) => () => run(check.command, check.args, { buffered: true, timeoutMs: 5 * MINUTE })),
    CONCURRENCY,
  );
  checks.forEach((check, i) => {
    const result = results[i];
    console.log(`\n── ${check.step} ${'─'.repeat(Math.max(0, 60 - check.step.length))}`);
    process.stdout.write(result.output || '(no output)\n');
    console.log(`${check.step}: ${result.code === 0 ? 'ok' : `failed (exit ${result.code})`} in ${result.seconds.toFixed(1)} s`);
    recordCheck(check.step, result);
  });
}

function newestMtime(entry) {
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const name of readdirSync(entry)) {
    if (name === 'node_modules' || name === 'dist') continue;
    newest = Math.max(newest, newestMtime(path.join(entry, name)));
  }
  return newest;
}

function webIsStale() {
  const web = path.join(root, 'packages/web');
  const built = path.join(web, 'dist/index.html');
  if (!existsSync(built)) return true;
  // The web imports @fangkong/core, so a change there makes the bundle stale too.
  const sources = [web, path.join(root, 'packages/core/src')].filter(existsSync);
  return Math.max(...sources.map(newestMtime)) > statSync(built).mtimeMs;
}

async function buildWeb() {
  const web = path.join(root, 'packages/web');
  if (!existsSync(path.join(web, 'index.html'))) return;
  if (!webIsStale()) {
    console.log('\nweb build: dist is up to date');
    return;
  }
  console.log('\n── web build ─────────────────────────────────────────────────');
  // The bundle only: `npm run build -w @fangkong/web` also type-checks the web, which `tsc web` does below.
  const vite = [path.join(web, 'node_modules/.bin/vite'), bin('vite')].find(existsSync);
  const result = vite
    ? await run(vite, ['build'], { cwd: web, timeoutMs: 10 * MINUTE })
    : await run('npm', ['run', 'build', '-w', '@fangkong/web'], { timeoutMs: 10 * MINUTE });
  console.log(`web build: ${result.code === 0 ? 'ok' : `failed (exit ${result.code})`} in ${result.seconds.toFixed(1)} s`);
  recordCheck('web build', result);
}

function findFiles(dir, test) {
  if (!existsSync(dir)) return [];
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...findFiles(full, test));
    else if (test(entry.name)) found.push(full);
  }
  return found.sort();
}

const unitTests = (pkg) => findFiles(path.join(root, 'packages', pkg, 'src'), (name) => name.endsWith('.test.ts'));

/** Server test folders and files that also run on PGlite when the server tests run on PostgreSQL. */
const PGLITE_ALSO = ['cli/', 'db/', 'demo/', 'imports/', 'config.test.ts'].map((entry) => path.join(root, 'packages/server/src', entry));
const alsoOnPglite = (file) => PGLITE_ALSO.some((entry) => file === entry || (entry.endsWith('/') && file.startsWith(entry)));

// How long each test file took last time, so the slowest start first and the lanes end together.
const durationsFile = path.join(root, 'node_modules/.cache/fangkong/test-durations.json');
const durations = (() => {
  try {
    return JSON.parse(readFileSync(durationsFile, 'utf8'));
  } catch {
    return {};
  }
})();

function slowestFirst(files) {
  return [...files].sort((a, b) => (durations[b] ?? 0) - (durations[a] ?? 0) || a.localeCompare(b));
}

function saveDurations(measured, key) {
  for (const [file, ms] of Object.entries(measured ?? {})) durations[`${key} ${rel(file)}`] = Math.round(ms);
  try {
    mkdirSync(path.dirname(durationsFile), { recursive: true });
    writeFileSync(durationsFile, `${JSON.stringify(durations, null, 1)}\n`);
  } catch {
    // a read-only checkout just loses the ordering hint
  }
}

/**
 * One `node --test` run: the spec reporter to the console (as it comes, or `buffered` and printed in one
 * piece when the run ends, for a run beside others), counts (and durations) to a file.
 */
async function testRun(step, files, env, concurrency, { buffered = false, timeoutMs = 30 * MINUTE } = {}) {
  const header = `\n── ${step}: ${files.length} file(s) ${'─'.repeat(Math.max(0, 48 - step.length))}`;
  if (!buffered || files.length === 0) console.log(header);
  if (files.length === 0) return;
  const key = env.DATABASE_URL ? 'postgres' : 'pglite';
  const byKey = Object.fromEntries(files.map((file) => [`${key} ${rel(file)}`, file]));
  const ordered = slowestFirst(Object.keys(byKey)).map((k) => byKey[k]);
  const countsFile = path.join(scratch, `${step.replace(/\W+/g, '-')}.json`);
  const args = [
    '--import',
    'tsx',
    '--test',
    `--test-concurrency=${concurrency}`,
    `--test-timeout=${5 * MINUTE}`,
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    `--test-reporter=${path.join(root, 'scripts/test-count-reporter.mjs')}`,
    `--test-reporter-destination=${countsFile}`,
    ...ordered.map(rel),
  ];
  // A safety stop, not a budget: a loaded two-core machine took 12 min for the PGlite lane once, and with the
  // journeys beside it, at load 15, the PostgreSQL lane was stopped at 18 min (CI allows 90 for the whole run).
  const result = await run(process.execPath, args, { env, buffered, timeoutMs });
  if (buffered) {
    console.log(header);
    process.stdout.write(result.output);
  }
  let counts = { passed: 0, failed: 0, skipped: 0 };
  try {
    counts = JSON.parse(readFileSync(countsFile, 'utf8'));
  } catch {
    console.log(`${step}: no counts were reported`);
  }
  saveDurations(counts.durations, key);
  if (result.code !== 0 && counts.failed === 0) {
    console.log(`${step}: the runner exited with code ${result.code} without a failed test; counting it as one failure`);
    counts.failed = 1;
  }
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
  console.log(`${step}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped in ${result.seconds.toFixed(1)} s`);
  record(step, result.code === 0 && counts.failed === 0, result.seconds, counts);
}

function withoutDatabaseUrl() {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  return env;
}

async function journeys() {
  const files = findFiles(path.join(root, 'e2e'), (name) => name.endsWith('.journey.ts'));
  if (files.length === 0) return;
  if (!existsSync(CHROMIUM)) {
    if (process.env.CI) {
      console.log(`\nbrowser journeys: no browser at ${CHROMIUM}; in CI that is a failure`);
      totals.failed++;
      record('browser journeys', false, 0);
    } else {
      console.log(`\nbrowser journeys: skipped ${files.length} file(s), no browser at ${CHROMIUM} (apt-get install chromium)`);
      totals.skipped += files.length;
      record('browser journeys', true, 0, { passed: 0, failed: 0, skipped: files.length });
    }
    return;
  }
  // Journeys start their own servers on PGlite (a fresh in-memory database each, a free port, their own temp
  // data dirs), so they share nothing with each other or with the other lanes and can run beside them.
  // One at a time: two at once (a server and a browser each on two cores) saved two minutes of eight but lost
  // clicks in antd dropdowns that were still opening. Their safety stop is longer: they share the cores.
  await testRun('browser journeys', files, withoutDatabaseUrl(), 1, { buffered: true, timeoutMs: 35 * MINUTE });
}

const started = Date.now();
await buildWeb();
const journeysDone = journeys();
await staticChecks();
const onPostgres = Boolean(process.env.DATABASE_URL);
// The PostgreSQL lane first: its many short files share the cores with the journeys well, while the PGlite
// lane's few long ones (CLI processes, backups, the demo seed: minutes each) then mostly run after them.
if (onPostgres) {
  await testRun('server tests (PostgreSQL)', unitTests('server'), process.env, CONCURRENCY);
}
await testRun(
  'unit and integration tests (PGlite)',
  [...unitTests('core'), ...unitTests('server').filter((file) => !onPostgres || alsoOnPglite(file)), ...unitTests('web')],
  withoutDatabaseUrl(),
  CONCURRENCY,
);
if (running.size > 0) console.log('\n(browser journeys still running; their output follows when they end)');
await journeysDone;
rmSync(scratch, { recursive: true, force: true });

console.log('\n── summary ───────────────────────────────────────────────────');
// The journeys ran beside the other steps; they are listed last, as the step that ends the run.
recap.sort((a, b) => Number(a.step === 'browser journeys') - Number(b.step === 'browser journeys'));
for (const { step, ok, seconds, counts } of recap) {
  const detail = counts ? ` (${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped)` : '';
  console.log(`${ok ? 'ok    ' : 'FAILED'} ${step}${detail} ${seconds.toFixed(1)} s`);
}
console.log(`total ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exitCode = recap.every((entry) => entry.ok) ? 0 : 1;
