// Child process of code-verify.bench.ts and overload.bench.ts: starts the real app (empty PGlite:
// verification never touches the database) and a bare Fastify JSON POST route on 127.0.0.1, signs
// health-code tokens with the app's own key ring and reports over IPC. It cleans up on 'stop'.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import { buildApp } from '../../packages/server/src/app.ts';
import { signCode } from '../../packages/server/src/codes/code-token.ts';
import { loadConfig } from '../../packages/server/src/config.ts';
import { openDatabase } from '../../packages/server/src/db/client.ts';
import { openRuntime } from '../../packages/server/src/runtime.ts';
import { listenOnLoopback, stopWhenAsked } from './bench-server.ts';
import { startChildServer, stopChildServer } from './child-server.ts';

export interface VerifyServerReady {
  type: 'ready';
  appUrl: string;
  bareUrl: string;
  /** Valid tokens (distinct subjects and colours), each good for an hour; more than the verification cache holds. */
  tokens: string[];
  maxInFlight: number;
}

/** More than the verification cache holds (10 000), so cycling through all of them always misses it. */
const TOKENS = 20_000;
const COLOURS = ['green', 'yellow', 'red'] as const;

async function main() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'fangkong-bench-'));
  const config = loadConfig({
    FANGKONG_DATA_DIR: dataDir,
    FANGKONG_WEB_DIST: path.join(dataDir, 'no-web'),
    LOG_LEVEL: 'silent',
    // One load generator on one address: the per-address limit would answer most requests 429 and
    // flatter the figure, so it is lifted here; the overload guard stays as configured below.
    FANGKONG_CODE_VERIFY_RATE: '100000000',
    FANGKONG_OVERLOAD_MAX_IN_FLIGHT: process.env.BENCH_MAX_IN_FLIGHT ?? '1000',
    // code-verify measures the endpoint running flat out, which is not overload: utilisation shedding off there.
    FANGKONG_OVERLOAD_MAX_UTILIZATION_PERCENT: process.env.BENCH_MAX_UTILIZATION_PERCENT ?? '98',
  });
  const database = await openDatabase(config);
  const deps = await openRuntime(config, database);
  const app = await buildApp(deps);
  const bare = Fastify();
  bare.post('/', async (request) => ({ ok: typeof (request.body as { token?: unknown }).token === 'string' }));
  const [appUrl, bareUrl] = [await listenOnLoopback(app), await listenOnLoopback(bare)];
  const key = await deps.codeKeys.current();
  const now = new Date();
  const tokens = await Promise.all(
    Array.from({ length: TOKENS }, (_, i) =>
      signCode({ sub: crypto.randomUUID(), c: COLOURS[i % 3] ?? 'green', v: 'seed-2020/codes-1' }, key, now, 3600),
    ),
  );
  const ready: VerifyServerReady = { type: 'ready', appUrl, bareUrl, tokens, maxInFlight: config.overloadMaxInFlight };
  process.send?.(ready);

  stopWhenAsked(async () => {
    await Promise.all([app.close(), bare.close()]);
    await deps.database.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
}

const SELF = fileURLToPath(import.meta.url);

/** Starts this file as a child process and waits for its ready message. */
export const startVerifyServer = (env: Record<string, string> = {}) =>
  startChildServer<VerifyServerReady>(SELF, { ...env, BENCH_VERIFY_CHILD: '1' });

export const stopVerifyServer = stopChildServer;

/** Resident set size of a process now and at its peak (Linux /proc), in MiB. */
export async function rssOf(pid: number): Promise<{ nowMiB: number; peakMiB: number }> {
  const { readFileSync } = await import('node:fs');
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { nowMiB: Math.round(kib('VmRSS') / 1024), peakMiB: Math.round(kib('VmHWM') / 1024) };
}

if (process.env.BENCH_VERIFY_CHILD === '1') {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
