// Issue 12 "Hardening", crash during import: the real server (a child process) takes a lab result
// file and a key-person roster at once, is killed with SIGKILL at chosen points, restarted, and sent
// the same files again, which resumes each job after the rows it had committed. Shared by the CI test
// (src/imports/crash-resume.test.ts) and the benchmark (bench/crash-import.bench.ts).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { shanghaiDate } from '@fangkong/core';
import ExcelJS from 'exceljs';
import type { App } from '../app.ts';
import type { AppDeps } from '../app-deps.ts';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/client.ts';
import { ROSTER_COLUMNS } from '../modules/key-persons/roster/roster-columns.ts';
import { openRuntime } from '../runtime.ts';
import { addTwoTowns, addUser, residentId } from './factories.ts';
import type { HttpClient } from './http-client.ts';
import { loginOverHttp } from './http-client.ts';
import { importFingerprint } from './import-fingerprint.ts';
import { labCsv, populateTubes } from './lab-population.ts';
import { type ServerProcess, startServerProcess } from './server-process.ts';
import { throwawayPostgres } from './throwaway-postgres.ts';

export const LAB_USER = 'crash-lab';
export const GRID_USER = 'crash-grid';

/** A database (PostgreSQL or PGlite in a data dir) and the environment a server process runs on it with. */
export interface ImportDatabase {
  kind: 'postgres' | 'pglite';
  env: Record<string, string>;
  /** A runtime on it in this process; PGlite only while no server process holds the data dir. */
  open(): Promise<AppDeps>;
  drop(): Promise<void>;
}

/** A fresh database: a new PostgreSQL database beside `postgresUrl`, else PGlite in a temp data dir. */
export async function freshImportDatabase(
  prefix: string,
  postgresUrl: string | undefined,
  env: Record<string, string>,
): Promise<ImportDatabase> {
  const dataDir = mkdtempSync(path.join(tmpdir(), `${prefix}-`));
  const { url, drop } = await throwawayPostgres(prefix, postgresUrl);
  const ownEnv = {
    FANGKONG_DATA_DIR: dataDir,
    FANGKONG_WEB_DIST: path.join(dataDir, 'no-web'),
    FANGKONG_LOGIN_RATE: '1000',
    ...(url ? { DATABASE_URL: url } : {}),
    ...env,
  };
  return {
    kind: url ? 'postgres' : 'pglite',
    env: ownEnv,
    open: async () => {
      const config = loadConfig(ownEnv);
      return openRuntime(config, await openDatabase(config));
    },
    drop: async () => {
      await drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Environment both databases of a comparison share: one data key, so ID-number hashes are comparable. */
export const sharedImportEnv = (extra: Record<string, string> = {}) => ({
  FANGKONG_DATA_KEY: randomBytes(32).toString('base64'),
  ...extra,
});

/** The district, a lab user for the county, a grid worker for the community and `tubes` closed tubes to result. */
export async function prepareImportWorld(deps: AppDeps, tubes: number): Promise<{ villageId: string }> {
  const { county, villageA } = await addTwoTowns(deps);
  await addUser(deps, LAB_USER, 'lab_staff', county.id);
  await addUser(deps, GRID_USER, 'grid_worker', villageA.id);
  await populateTubes(deps.database.db, villageA.path, villageA.id, tubes);
  return { villageId: villageA.id };
}

/** The same, in a database a server process will run on (opened here, then closed for it). */
export async function prepareImportDatabase(database: ImportDatabase, tubes: number): Promise<{ villageId: string }> {
  const deps = await database.open();
  try {
    return await prepareImportWorld(deps, tubes);
  } finally {
    await deps.database.close();
  }
}

/** A roster of `rows` close contacts, each with a valid resident ID of their own, from today (no test is overdue yet). */
export async function rosterWorkbook(rows: number, today = shanghaiDate(new Date())): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('名单');
  sheet.addRow(ROSTER_COLUMNS.map((c) => c.header));
  const birth = new Date('1950-01-01T00:00:00Z');
  for (let i = 0; i < rows; i++) {
    const born = new Date(birth.getTime() + Math.floor(i / 900) * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
    sheet.addRow([`密接${i}`, '居民身份证', residentId(born, (i % 900) + 100), '13900000000', '', '', '密切接触者', today, '']);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

export const labResultFile = (tubes: number) => labCsv(tubes);

export interface Progress {
  id: string;
  status: string;
  total: number;
  processed: number;
  created: number;
  existing: number;
  failed: number;
  followUp?: Record<string, number>;
}

/** One of the two imports: how to send its file and how to read its job. */
export interface ImportKind {
  name: 'lab' | 'roster';
  user: string;
  send(client: HttpClient): Promise<Progress>;
  read(client: HttpClient, id: string): Promise<Progress>;
}

async function expect202(reply: Promise<{ status: number; body: unknown }>, what: string): Promise<Progress> {
  const { status, body } = await reply;
  if (status !== 202) throw new Error(`${what}: ${status} ${JSON.stringify(body)}`);
  return body as Progress;
}

async function expect200(reply: Promise<{ status: number; body: unknown }>, what: string): Promise<Progress> {
  const { status, body } = await reply;
  if (status !== 200) throw new Error(`${what}: ${status} ${JSON.stringify(body)}`);
  return body as Progress;
}

export function labImport(file: Buffer): ImportKind {
  return {
    name: 'lab',
    user: LAB_USER,
    send: (client) => expect202(client.upload('/api/testing/lab-results/imports?fileName=results.csv', 'text/csv', file), 'lab upload'),
    read: (client, id) => expect200(client.request('GET', `/api/testing/lab-results/imports/${id}`), 'lab progress'),
  };
}

export function rosterImport(file: Buffer, villageId: string): ImportKind {
  const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  return {
    name: 'roster',
    user: GRID_USER,
    send: (client) =>
      expect202(client.upload(`/api/key-persons/imports?jurisdictionId=${villageId}&fileName=roster.xlsx`, xlsx, file), 'roster upload'),
    read: (client, id) => expect200(client.request('GET', `/api/key-persons/imports/${id}`), 'roster progress'),
  };
}

/** Where each job stood, as far as the driver knows (ids once an upload answered). */
export interface Standing {
  jobs: Map<ImportKind['name'], Progress>;
  /** Each job's processed rows when this round's upload answered (where the last kill had left it). */
  resumedAt: Map<ImportKind['name'], number>;
  /** Uploads that got no answer this round (the kill came first, or the server refused). */
  sendErrors: string[];
  read(kind: ImportKind): Promise<Progress | undefined>;
  /** Reads every job whose id is known; true when all of them are done. */
  refresh(): Promise<boolean>;
}

/** Decides when to kill in a round: resolves at the moment to send SIGKILL. */
export type KillPoint = (round: number, standing: Standing) => Promise<void>;

export interface Kill {
  round: number;
  /** Rows each job was last seen to have committed before the kill (read through its progress). */
  seenBefore: Record<string, number>;
  /** Rows each job had committed when the server came back (what the kill left): never fewer than seen before. */
  resumedAt: Record<string, number>;
}

export interface CrashRun {
  final: Record<string, Progress>;
  kills: Kill[];
  /** Jobs answered by an upload that were not the file's first job (0 when every crash resumed). */
  newJobs: number;
  seconds: number;
  /** Of `seconds`, the time spent starting the server (once per round). */
  startSeconds: number;
  /** When each job was seen done, in seconds from the start of the last round (of the run, without kills). */
  doneAfter: Record<string, number>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until every job is done, noting when each was first seen done (seconds after `started`). */
async function untilDone(
  kinds: ImportKind[],
  standing: Standing,
  timeoutMs: number,
  done: { started: number; after: Record<string, number> },
) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const read = await Promise.all(kinds.map((kind) => standing.read(kind)));
    const failed = read.find((p) => p?.status === 'failed');
    if (failed) throw new Error(`import job ${failed.id} failed`);
    kinds.forEach((kind, i) => {
      if (read[i]?.status === 'done') done.after[kind.name] ??= (Date.now() - done.started) / 1000;
    });
    if (read.every((p) => p?.status === 'done')) return;
    if (Date.now() > until) throw new Error(`imports not done within ${timeoutMs / 1000} s: ${JSON.stringify(read)}`);
    await sleep(100);
  }
}

interface RoundContext {
  server: ServerProcess;
  kinds: ImportKind[];
  standing: Standing;
  firstJob: Map<string, string>;
}

/** Sends every unfinished file (the first time, or again to resume); counts jobs that are not the file's first. */
async function sendFiles(context: RoundContext, clients: Map<string, HttpClient>): Promise<number> {
  let newJobs = 0;
  const pending = context.kinds.filter((kind) => context.standing.jobs.get(kind.name)?.status !== 'done');
  await Promise.all(
    pending.map(async (kind) => {
      const client = clients.get(kind.user);
      if (!client) return;
      // A kill during the upload is one of the points a crash may land: the file is sent again next round.
      const progress = await kind.send(client).catch((error: Error) => {
        context.standing.sendErrors.push(`${kind.name}: ${error.message}`);
        return undefined;
      });
      if (!progress) return;
      const first = context.firstJob.get(kind.name);
      if (first === undefined) context.firstJob.set(kind.name, progress.id);
      else if (first !== progress.id) newJobs++;
      context.standing.jobs.set(kind.name, progress);
      context.standing.resumedAt.set(kind.name, progress.processed);
    }),
  );
  return newJobs;
}

/**
 * Runs the imports to the end on a server started by `start`, killing it once per entry of `kills`
 * (each resolves when its round's kill is due) and restarting it; the same files are sent after each
 * restart. Returns the jobs' final progress, where each kill landed and the wall time.
 */
export async function runImportsThroughCrashes(
  start: () => Promise<ServerProcess>,
  kinds: ImportKind[],
  kills: KillPoint[],
  timeoutMs = 30 * 60_000,
): Promise<CrashRun> {
  const started = Date.now();
  const firstJob = new Map<string, string>();
  const jobs = new Map<ImportKind['name'], Progress>();
  const record: Kill[] = [];
  let seenBefore: Record<string, number> = {};
  let newJobs = 0;
  let startSeconds = 0;
  for (let round = 0; ; round++) {
    const starting = Date.now();
    const server = await start();
    startSeconds += (Date.now() - starting) / 1000;
    const clients = new Map<string, HttpClient>();
    for (const user of new Set(kinds.map((k) => k.user))) {
      const client = await loginOverHttp(server.url, user).catch(async (error: Error) => {
        await server.kill();
        throw new Error(`round ${round}: ${error.message}\nserver:\n${server.output()}`);
      });
      clients.set(user, client);
    }
    const standing: Standing = {
      jobs,
      resumedAt: new Map(),
      sendErrors: [],
      read: async (kind) => {
        const known = jobs.get(kind.name);
        const client = clients.get(kind.user);
        if (!known || !client) return undefined;
        const now = await kind.read(client, known.id).catch(() => undefined);
        if (now) jobs.set(kind.name, now);
        return now ?? known;
      },
      refresh: async () => {
        const read = await Promise.all(kinds.map((kind) => standing.read(kind)));
        return read.every((progress) => progress?.status === 'done');
      },
    };
    const context = { server, kinds, standing, firstJob };
    const sent = sendFiles(context, clients).then((count) => {
      newJobs += count;
      if (round > 0) record.push({ round, seenBefore, resumedAt: Object.fromEntries(standing.resumedAt) });
    });
    // Kills left over once every job is done would land on an idle server: the run ends instead.
    const allDone = kinds.every((kind) => jobs.get(kind.name)?.status === 'done');
    const kill = allDone ? undefined : kills[round];
    try {
      if (kill) await kill(round, standing);
      // A kill point that finds every job done (they ended before its moment) ends the run instead.
      if (!kill || (await standing.refresh())) {
        await sent;
        const done = { started: starting, after: {} };
        await untilDone(kinds, standing, timeoutMs, done);
        await server.stop();
        const seconds = (Date.now() - started) / 1000;
        return { final: Object.fromEntries(jobs), kills: record, newJobs, seconds, startSeconds, doneAfter: done.after };
      }
    } catch (error) {
      await server.kill();
      throw new Error(
        `round ${round}: ${(error as Error).message}\nuploads: ${standing.sendErrors.join('; ')}\nserver:\n${server.output()}`,
      );
    }
    const seen = Object.fromEntries([...jobs].map(([name, progress]) => [name, progress.processed]));
    await server.kill();
    await sent;
    seenBefore = seen;
  }
}

/** Imports the files into a clean database: no kill. */
export const cleanImport = (start: () => Promise<ServerProcess>, kinds: ImportKind[]) => runImportsThroughCrashes(start, kinds, []);

export const serverOn = (database: ImportDatabase, port: number) => () =>
  startServerProcess({ ...database.env, PORT: String(port), HOST: '127.0.0.1' });

/** An app built in this process, listening on loopback: the clean import's server where no crash is wanted. */
export async function inProcessServer(app: App): Promise<ServerProcess> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const close = async () => {
    await app.close();
  };
  return { url: `http://127.0.0.1:${port}`, child: undefined, output: () => '', kill: close, stop: close };
}

/** The fingerprint of a database after its server is gone. */
export async function fingerprintOf(database: ImportDatabase) {
  const deps = await database.open();
  try {
    return await importFingerprint(deps.database.db);
  } finally {
    await deps.database.close();
  }
}
