// The real server (src/main.ts, as `npm start` runs it) in a child process, for the fault tests and
// benchmarks that kill it (SIGKILL) or take its database away: started with an environment of
// their own, on a port of their own, and waited for until it prints that it is ready.
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../main.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const READY = /fangkong ready at (\S+)/;
/** What is kept of the server's output for a failure message. */
const KEPT_OUTPUT = 20_000;

export interface ServerProcess {
  url: string;
  /** Undefined for an app served in the calling process. */
  child: ChildProcess | undefined;
  /** The last of what the server printed (stdout and stderr), for a failure message. */
  output(): string;
  /** SIGKILL, as a power cut or the OOM killer would: no shutdown hook runs. Resolves once it is gone. */
  kill(): Promise<void>;
  /** SIGTERM (the server closes its database), then SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

/** A TCP port free on loopback at the time of asking. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Starts `node --import tsx src/main.ts` with the given environment on top of this process's (without
 * its DATABASE_URL unless given: PGlite then). No demo seed, warnings only in the log.
 */
export function startServerProcess(env: Record<string, string>, timeoutMs = 180_000): Promise<ServerProcess> {
  const { DATABASE_URL: _ours, ...inherited } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    cwd: REPO_ROOT,
    env: { ...inherited, FANGKONG_DEMO: '0', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // A parent that ends (a failed test, ^C) takes its server with it rather than leaving it running.
  const orphaned = () => child.kill('SIGKILL');
  process.once('exit', orphaned);
  child.once('exit', () => process.removeListener('exit', orphaned));
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-KEPT_OUTPUT);
  };
  child.stderr?.on('data', keep);
  const kill = async () => {
    child.kill('SIGKILL');
    await exited(child);
  };
  const stop = async (graceMs = 15_000) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.kill('SIGTERM');
    await exited(child);
    clearTimeout(timer);
  };
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      settle(() => reject(new Error(`the server was not ready within ${timeoutMs / 1000} s:\n${output}`)));
    }, timeoutMs);
    child.stdout?.on('data', (chunk: Buffer) => {
      keep(chunk);
      const url = READY.exec(output)?.[1];
      if (url) settle(() => resolve({ url, child, output: () => output, kill, stop }));
    });
    child.once('exit', (code, signal) =>
      settle(() => reject(new Error(`the server exited (${signal ?? `code ${code}`}) before it was ready:\n${output}`))),
    );
  });
}
