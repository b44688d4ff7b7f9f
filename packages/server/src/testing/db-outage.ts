// Issue 12 "Hardening", database faults: the real server (a child process) on a PostgreSQL of its
// own, under a steady load of reads and writes, sees that PostgreSQL crash (`pg_ctl stop -m
// immediate`) and come back. Shared by the CI test (src/db/database-restart.test.ts) and the
// benchmark (bench/db-restart.bench.ts): this file runs the scenario and measures, they judge.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../cli/run.ts';
import {
  freshImportDatabase,
  GRID_USER,
  type ImportKind,
  LAB_USER,
  labImport,
  labResultFile,
  type Progress,
  prepareImportDatabase,
  sharedImportEnv,
} from './crash-import.ts';
import { residentId } from './factories.ts';
import { type HttpClient, loginOverHttp } from './http-client.ts';
import type { PrivatePostgres } from './private-postgres.ts';
import { freePort, type ServerProcess, startServerProcess } from './server-process.ts';

/** A request that has no answer after this long counts as hung. */
export const HANG_MS = 15_000;

export type Phase = 'before' | 'outage' | 'after';

export interface Answer {
  phase: Phase;
  /** The phase the answer came in (a request sent just before the crash may be answered during it). */
  answeredIn: Phase;
  /** 0 when the request got no answer (hung, or the connection broke). */
  status: number;
  code?: string;
  message?: string;
  retryAfter: string | null;
  ms: number;
}

export interface OutageReport {
  answers: Answer[];
  health: { duringOutage: unknown; afterRecovery: unknown };
  readyStatusDuringOutage: number;
  /** POST /api/codes/verify of a live code while the database is down. */
  codeVerifiedOnline: unknown;
  /** `fangkong code verify <token> --keys` (the checkpoint device's offline check) while the database is down. */
  codeVerifiedOffline: { exitCode: number; output: string };
  /** From PostgreSQL answering again to the first request that succeeded. */
  recoveredAfterMs: number | undefined;
  outageMs: number;
  serverAlive: boolean;
  /** The lab import that was applying a batch when PostgreSQL went down, sent again after it came back. */
  importInFlight: { atCrash: Progress; resent: Progress; final: Progress };
}

/** Tubes of the lab file under way at the crash, in batches of 200: a transaction is open most of the time. */
const IMPORT_TUBES = 20_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface LoadState {
  phase: Phase;
  running: boolean;
  answers: Answer[];
  firstSuccessAfterRestart: number | undefined;
  restartedAt: number | undefined;
}

let serial = 0;
/** A fresh valid resident ID per write, so every write is a new person. */
function nextIdNumber(): string {
  serial++;
  const born = new Date(Date.UTC(1960, 0, 1) + Math.floor(serial / 900) * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
  return residentId(born, (serial % 900) + 100);
}

/** One request of the load, alternately a read (the episode list) and a write (a person registered in a transaction). */
async function oneRequest(client: HttpClient, villageId: string, write: boolean, state: LoadState): Promise<void> {
  const phase = state.phase;
  const started = Date.now();
  const sent = write
    ? client.request<{ code?: string; message?: string }>('POST', '/api/persons', {
        idType: 'resident_id',
        idNumber: nextIdNumber(),
        name: '压测',
        jurisdictionId: villageId,
      })
    : client.request<{ code?: string; message?: string }>('GET', '/api/key-persons/episodes?status=active');
  const hung = sleep(HANG_MS).then(() => undefined);
  const reply = await Promise.race([sent.catch(() => undefined), hung]);
  const body = reply && typeof reply.body === 'object' && reply.body ? reply.body : {};
  const answer: Answer = {
    phase,
    answeredIn: state.phase,
    status: reply?.status ?? 0,
    ...(body.code ? { code: body.code } : {}),
    ...(body.message ? { message: body.message } : {}),
    retryAfter: reply?.headers.get('retry-after') ?? null,
    ms: Date.now() - started,
  };
  state.answers.push(answer);
  if (state.restartedAt !== undefined && state.firstSuccessAfterRestart === undefined && answer.status > 0 && answer.status < 300)
    state.firstSuccessAfterRestart = Date.now();
}

async function loadWorker(client: HttpClient, villageId: string, state: LoadState, index: number): Promise<void> {
  for (let n = index; state.running; n++) {
    await oneRequest(client, villageId, n % 2 === 1, state);
    // While the database is down every answer is immediate: pace the loop instead of spinning.
    if (state.phase === 'outage') await sleep(20);
  }
}

async function verifyOffline(token: string, keys: unknown): Promise<{ exitCode: number; output: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'fangkong-keys-'));
  try {
    const file = path.join(dir, 'public-keys.json');
    writeFileSync(file, JSON.stringify(keys));
    let output = '';
    const append = (text: string) => {
      output += text;
    };
    const exitCode = await runCli(['code', 'verify', token, '--keys', file], { out: append, err: append });
    return { exitCode, output };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A person and a live health code for them, and the public keys, while the database is up. */
async function signedCode(client: HttpClient, villageId: string) {
  const person = await client.request<{ id: string }>('POST', '/api/persons', {
    idType: 'resident_id',
    idNumber: nextIdNumber(),
    name: '持码人',
    jurisdictionId: villageId,
  });
  if (person.status !== 201) throw new Error(`register: ${person.status} ${JSON.stringify(person.body)}`);
  const code = await client.request<{ token: string }>('GET', `/api/persons/${person.body.id}/code`);
  if (code.status !== 200) throw new Error(`code: ${code.status} ${JSON.stringify(code.body)}`);
  const keys = await client.request('GET', '/api/codes/keys');
  return { token: code.body.token, keys: keys.body };
}

const getJson = async (url: string) => {
  const response = await fetch(url, { signal: AbortSignal.timeout(HANG_MS) });
  return { status: response.status, body: (await response.json()) as unknown };
};

export interface OutageOptions {
  workers: number;
  beforeMs: number;
  outageMs: number;
  afterMs: number;
}

/** Runs the scenario on `postgres` (a private server this call may stop and start) and reports what it saw. */
async function untilImported(lab: ImportKind, client: HttpClient, id: string, done: (p: Progress) => boolean): Promise<Progress> {
  for (const until = Date.now() + 300_000; ; await sleep(50)) {
    const progress = await lab.read(client, id);
    if (done(progress) || Date.now() > until) return progress;
  }
}

interface UnderLoad {
  postgres: PrivatePostgres;
  server: ServerProcess;
  options: OutageOptions;
  state: LoadState;
  lab: ImportKind;
  labClient: HttpClient;
  code: { token: string; keys: unknown };
}

/** Crash, look around during the outage, restart, and let the load go on: what the report is made of. */
async function underLoad({ postgres, server, options, state, lab, labClient, code }: UnderLoad): Promise<OutageReport> {
  await sleep(options.beforeMs);
  const started = await lab.send(labClient);
  const atCrash = await untilImported(lab, labClient, started.id, (p) => p.processed > 0);
  postgres.crash();
  state.phase = 'outage';
  const outageStarted = Date.now();
  await sleep(Math.min(1_500, options.outageMs / 2));
  const duringOutage = await getJson(`${server.url}/health`);
  const ready = await fetch(`${server.url}/ready`, { signal: AbortSignal.timeout(HANG_MS) });
  const verified = await fetch(`${server.url}/api/codes/verify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: code.token }),
    signal: AbortSignal.timeout(HANG_MS),
  }).then(async (r) => ({ status: r.status, body: (await r.json()) as unknown }));
  const offline = await verifyOffline(code.token, code.keys);
  await sleep(Math.max(0, options.outageMs - (Date.now() - outageStarted)));
  postgres.start();
  state.restartedAt = Date.now();
  const outageMs = state.restartedAt - outageStarted;
  state.phase = 'after';
  await sleep(options.afterMs);
  state.running = false;
  const resent = await lab.send(labClient);
  const final = await untilImported(lab, labClient, resent.id, (p) => p.status !== 'running');
  await sleep(1_100);
  const afterRecovery = await getJson(`${server.url}/health`);
  return {
    answers: state.answers,
    health: { duringOutage: duringOutage.body, afterRecovery: afterRecovery.body },
    readyStatusDuringOutage: ready.status,
    codeVerifiedOnline: verified,
    codeVerifiedOffline: offline,
    recoveredAfterMs: state.firstSuccessAfterRestart === undefined ? undefined : state.firstSuccessAfterRestart - state.restartedAt,
    outageMs,
    serverAlive: server.child?.exitCode === null && server.child.signalCode === null,
    importInFlight: { atCrash, resent, final },
  };
}

export async function runDatabaseOutage(postgres: PrivatePostgres, options: OutageOptions): Promise<OutageReport> {
  const env = sharedImportEnv({ FANGKONG_LAB_IMPORT_BATCH_ROWS: '200' });
  const database = await freshImportDatabase('fangkong_fault', postgres.url, env);
  const { villageId } = await prepareImportDatabase(database, IMPORT_TUBES);
  const server = await startServerProcess({ ...database.env, PORT: String(await freePort()) });
  try {
    const client = await loginOverHttp(server.url, GRID_USER);
    const labClient = await loginOverHttp(server.url, LAB_USER);
    const lab = labImport(labResultFile(IMPORT_TUBES));
    const code = await signedCode(client, villageId);
    const state: LoadState = { phase: 'before', running: true, answers: [], firstSuccessAfterRestart: undefined, restartedAt: undefined };
    const workers = Array.from({ length: options.workers }, (_, i) => loadWorker(client, villageId, state, i));
    try {
      return await underLoad({ postgres, server, options, state, lab, labClient, code });
    } catch (error) {
      const died = server.child?.exitCode !== null || server.child?.signalCode !== null;
      if (!died) throw error;
      throw new Error(`the server process died (${(error as Error).message}); its last output:\n${server.output()}`);
    } finally {
      state.running = false;
      await Promise.all(workers);
    }
  } finally {
    await server.stop();
    await database.drop().catch(() => undefined);
  }
}

/** The counts the test asserts and the benchmark prints. */
export function outageFigures(report: OutageReport) {
  const during = report.answers.filter((a) => a.phase === 'outage' && a.answeredIn === 'outage');
  const fiveXx = report.answers.filter((a) => a.status >= 500);
  const clear503 = (a: Answer) => a.status === 503 && a.code === 'databaseUnavailable' && !!a.message && a.retryAfter !== null;
  return {
    requests: report.answers.length,
    duringOutage: during.length,
    outage503: during.filter(clear503).length,
    /** 5xx answers anywhere in the run that are not a clear 503 (a 500, a 502, a 503 without code or Retry-After). */
    otherFiveXx: fiveXx.filter((a) => !clear503(a)).length,
    /** Requests with no answer within HANG_MS, or whose connection broke. */
    unanswered: report.answers.filter((a) => a.status === 0).length,
    slowestOutageMs: Math.max(0, ...during.map((a) => a.ms)),
    succeededAfter: report.answers.filter((a) => a.phase === 'after' && a.status < 300 && a.status > 0).length,
  };
}
