// A PostgreSQL server of a test's own (initdb into a temp dir, pg_ctl on a free port), so the
// database-fault test and benchmark can stop and restart it under load without touching the
// PostgreSQL other tests share on 127.0.0.1:5432. As root the binaries run as the `postgres` user
// (PostgreSQL refuses to run as root).
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './server-process.ts';

export interface PrivatePostgres {
  url: string;
  port: number;
  /** `pg_ctl stop -m immediate`: every backend ends at once, as on a crash (recovery runs at the next start). */
  crash(): void;
  start(): void;
  /** Stops it (fast) and removes its data dir. */
  remove(): void;
  log(): string;
}

/** initdb and pg_ctl: on PATH, else the newest of Debian's /usr/lib/postgresql/<version>/bin. */
export function postgresBinaries(): { initdb: string; pgCtl: string } | undefined {
  const onPath = (name: string) => {
    try {
      return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim() || undefined;
    } catch {
      return undefined;
    }
  };
  const initdb = onPath('initdb');
  const pgCtl = onPath('pg_ctl');
  if (initdb && pgCtl) return { initdb, pgCtl };
  const debian = '/usr/lib/postgresql';
  if (!existsSync(debian)) return undefined;
  const versions = readdirSync(debian)
    .filter((v) => existsSync(path.join(debian, v, 'bin/pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  const bin = versions[0] && path.join(debian, versions[0], 'bin');
  return bin ? { initdb: path.join(bin, 'initdb'), pgCtl: path.join(bin, 'pg_ctl') } : undefined;
}

/** The uid/gid of `postgres` when this process is root (PostgreSQL will not run as root), else undefined. */
function postgresUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

/** Why a private PostgreSQL cannot be had here, or undefined when it can. */
export function privatePostgresMissing(): string | undefined {
  if (!postgresBinaries()) return 'initdb and pg_ctl were not found (on PATH or in /usr/lib/postgresql/*/bin)';
  try {
    postgresUser();
  } catch {
    return 'running as root and there is no `postgres` user to run PostgreSQL as';
  }
  return undefined;
}

/** initdb a temp dir (trust auth, no fsync: a test server) and start it on a free loopback port. */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const binaries = postgresBinaries();
  if (!binaries) throw new Error(privatePostgresMissing());
  const user = postgresUser();
  const dir = mkdtempSync(path.join(tmpdir(), 'fangkong-pg-'));
  if (user) chownSync(dir, user.uid, user.gid);
  const run = (bin: string, args: string[]) =>
    execFileSync(user ? 'runuser' : bin, user ? ['-u', 'postgres', '--', bin, ...args] : args, { stdio: 'pipe', timeout: 120_000 });
  const data = path.join(dir, 'data');
  const logFile = path.join(dir, 'postgres.log');
  run(binaries.initdb, ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50`;
  const start = () => run(binaries.pgCtl, ['-D', data, '-o', options, '-l', logFile, '-w', '-t', '60', 'start']);
  const stop = (mode: string) => run(binaries.pgCtl, ['-D', data, '-m', mode, '-w', '-t', '60', 'stop']);
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    crash: () => stop('immediate'),
    start,
    remove: () => {
      try {
        stop('fast');
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
    log: () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : ''),
  };
}
