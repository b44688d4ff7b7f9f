// What every benchmark server child process does: a data dir and a database of its own (PGlite on
// disk as `npm start` uses, or a brand-new PostgreSQL database when DATABASE_URL is set), listening
// on loopback, and cleaning all of it up when the parent says 'stop' or goes away.
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AppDeps } from '../../packages/server/src/app-deps.ts';
import { type Config, loadConfig } from '../../packages/server/src/config.ts';
import { openDatabase } from '../../packages/server/src/db/client.ts';
import { openRuntime } from '../../packages/server/src/runtime.ts';
import { throwawayPostgres } from '../../packages/server/src/testing/throwaway-postgres.ts';

export interface BenchRuntime {
  deps: AppDeps;
  config: Config;
  /** Closes the database, drops a PostgreSQL bench database and removes the data dir. */
  close: () => Promise<void>;
}

/** A migrated runtime in a temp data dir; `usePostgres` takes DATABASE_URL into account. */
export async function openBenchRuntime(env: Record<string, string> = {}, usePostgres = true): Promise<BenchRuntime> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'fangkong-bench-'));
  const { url, drop } = usePostgres ? await throwawayPostgres('fangkong_bench') : { url: undefined, drop: async () => {} };
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
