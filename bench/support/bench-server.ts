// What every benchmark server child process does: a data dir and database of its own (PGlite, or a
// brand-new PostgreSQL database when DATABASE_URL is set and asked for), listening on loopback, and
// cleaning all of it up when the parent says 'stop' or goes away.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { AppDeps } from '../../packages/server/src/app-deps.ts';
import { type Config, loadConfig } from '../../packages/server/src/config.ts';
import { openDatabase } from '../../packages/server/src/db/client.ts';
import { openRuntime } from '../../packages/server/src/runtime.ts';

/** PGlite on disk (what `npm start` uses), or a brand-new PostgreSQL database when DATABASE_URL is set. */
export async function freshDatabaseUrl(): Promise<{ url: string | undefined; drop: () => Promise<void> }> {
  const base = process.env.DATABASE_URL;
  if (!base) return { url: undefined, drop: async () => {} };
  const name = `fangkong_bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const drop = async () => {
    const cleanup = new pg.Client({ connectionString: base });
    await cleanup.connect();
    await cleanup.query(`drop database if exists ${name} with (force)`);
    await cleanup.end();
  };
  return { url: url.toString(), drop };
}

export interface BenchRuntime {
  deps: AppDeps;
  config: Config;
  /** Closes the database, drops a PostgreSQL bench database and removes the data dir. */
  close: () => Promise<void>;
}

/** A migrated runtime in a temp data dir; `usePostgres` takes DATABASE_URL into account. */
export async function openBenchRuntime(env: Record<string, string> = {}, usePostgres = true): Promise<BenchRuntime> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'fangkong-bench-'));
  const { url, drop } = usePostgres ? await freshDatabaseUrl() : { url: undefined, drop: async () => {} };
  const config = loadConfig({
    FANGKONG_DATA_DIR: dataDir,
    FANGKONG_WEB_DIST: path.join(dataDir, 'no-web'),
    ...(url ? { DATABASE_URL: url } : {}),
    ...env,
  });
  const deps = await openRuntime(config, await openDatabase(config));
  const close = async () => {
    await deps.database.close();
    await drop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { deps, config, close };
}

export async function listenOnLoopback(app: {
  listen: (options: { port: number; host: string }) => Promise<string>;
  server: { address(): unknown };
}) {
  await app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

/** Runs `cleanup` once and exits when the parent sends 'stop' or disconnects. */
export function stopWhenAsked(cleanup: () => Promise<void>): void {
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await cleanup();
    process.exit(0);
  };
  process.on('message', (message) => {
    if (message === 'stop') void stop();
  });
  process.on('disconnect', () => void stop());
}
