import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import type { App } from '../app.ts';
import type { Db } from '../db/client.ts';
import { queryRows } from '../db/query-rows.ts';
import { type FuzzIds, type FuzzRequest, type FuzzTarget, fuzzRequest } from './route-fuzz.ts';

/**
 * Sends the hostile requests of `route-fuzz.ts` as each actor and checks every answer: no 5xx; a
 * refusal is a 4xx with a string `code` and `message` (and the `field` when the input is at fault);
 * and a refused request changed no row.
 */

export interface FuzzActor {
  name: string;
  /** Cookie and CSRF header of a signed-in client; none for the anonymous caller. */
  headers: Record<string, string>;
}

export interface FuzzFailure {
  actor: string;
  route: string;
  request: FuzzRequest;
  status: number;
  problem: string;
  body: string;
}

export interface FuzzReport {
  seed: number;
  tried: number;
  byStatus: Record<string, number>;
  /** `actor status` → count. */
  byActor: Record<string, number>;
  serverErrors: number;
  failures: FuzzFailure[];
  /** Routes with the time their requests took, slowest first. */
  slowest: { route: string; ms: number }[];
}

export interface FuzzRun {
  app: App;
  db: Db;
  targets: FuzzTarget[];
  actors: FuzzActor[];
  ids: FuzzIds;
  seed: number;
  runsPerRoute: number;
}

/**
 * Tables a refused request may still write. `audit_event`: refusals are audited on purpose (denied
 * access, failed sign-in). `session`: reading a session refreshes its last use. Other rows are
 * allowed per route only: a refused sign-in counts the failure on the account (`app_user.failed_logins`,
 * `locked_until`) — that is the lock-out working.
 */
const NEVER_COMPARED = ['audit_event', 'session'];
const MAY_WRITE_WHEN_REFUSED: Record<string, string[]> = {
  'POST /api/auth/login': ['app_user'],
};

/** Requests a signed-in actor does not fuzz: signing out ends the session the rest of the run uses. */
const NOT_SIGNED_IN: string[] = ['POST /api/auth/logout'];

const signedIn = (actor: FuzzActor) => Object.keys(actor.headers).length > 0;

/** Statuses whose refusal is about the input, so the body names the field at fault (`error-handler.ts`). */
const INPUT_STATUSES = [400, 413, 415, 422];

/** The table digests as of transaction counter `xid`. */
export interface Snapshot {
  xid: string;
  digests: Record<string, string>;
}

/** Next transaction id: it moves only when something wrote (or tried to), so most refusals cost one query. */
async function nextXid(db: Db): Promise<string> {
  const [row] = await queryRows<{ x: string }>(db, sql`select pg_snapshot_xmax(pg_current_snapshot())::text as x`);
  return row?.x ?? '';
}

/** Per table: row count and the sum of the rows' `xmin` (any insert, update or delete changes one of them). */
async function tableDigests(db: Db): Promise<Record<string, string>> {
  const tables = await queryRows<{ name: string }>(db, sql`select tablename as name from pg_tables where schemaname = 'public' order by 1`);
  const parts = tables
    .map((t) => t.name)
    .filter((name) => !NEVER_COMPARED.includes(name))
    .map(
      (name) => sql`select ${name} as name, count(*) || ':' || coalesce(sum(xmin::text::bigint), 0) as digest from ${sql.identifier(name)}`,
    );
  const rows = await queryRows<{ name: string; digest: string }>(db, sql.join(parts, sql` union all `));
  return Object.fromEntries(rows.map((r) => [r.name, r.digest]));
}

/** The digests as they are now, recomputed only when the counter moved since `snapshot` (a write went through). */
export async function current(db: Db, snapshot: Snapshot | null): Promise<Snapshot> {
  const xid = await nextXid(db);
  if (snapshot && snapshot.xid === xid) return snapshot;
  return { xid, digests: await tableDigests(db) };
}

export function changedBetween(was: Snapshot, now: Snapshot): string[] {
  if (was.xid === now.xid) return [];
  return Object.keys({ ...was.digests, ...now.digests }).filter((name) => was.digests[name] !== now.digests[name]);
}

interface ErrorBodyShape {
  code?: unknown;
  message?: unknown;
  field?: unknown;
}

/** What is wrong with an answer, or null. */
export function problemOf(status: number, body: string): string | null {
  if (status >= 500) return `server error ${status}`;
  if (status < 400) return null;
  let parsed: ErrorBodyShape;
  try {
    parsed = JSON.parse(body) as ErrorBodyShape;
  } catch {
    return 'refusal is not JSON';
  }
  if (typeof parsed.code !== 'string' || parsed.code === '') return 'refusal without a code';
  if (typeof parsed.message !== 'string' || parsed.message === '') return 'refusal without a message';
  if (INPUT_STATUSES.includes(status) && (typeof parsed.field !== 'string' || parsed.field === '')) {
    return `${status} ${parsed.code} names no field`;
  }
  return null;
}

function injectOptions(request: FuzzRequest, headers: Record<string, string>) {
  if (request.raw) {
    return {
      method: request.method as 'GET',
      url: request.url,
      headers: { ...headers, 'content-type': request.raw.contentType },
      payload: request.raw.text,
    };
  }
  return {
    method: request.method as 'GET',
    url: request.url,
    headers: request.payload === undefined ? headers : { ...headers, 'content-type': 'application/json' },
    ...(request.payload === undefined ? {} : { payload: JSON.stringify(request.payload) ?? 'null' }),
  };
}

/** A stable number per route and actor, so each route's requests stay the same whatever else is fuzzed. */
function seedOf(seed: number, key: string): number {
  let hash = seed | 0;
  for (const char of key) hash = (Math.imul(hash, 31) + (char.codePointAt(0) ?? 0)) | 0;
  return hash;
}

/** One request as one actor: sent, its answer checked, and (when refused) the database compared. */
async function tryOne(run: FuzzRun, state: { snapshot: Snapshot | null }, target: FuzzTarget, actor: FuzzActor, request: FuzzRequest) {
  const before = await current(run.db, state.snapshot);
  state.snapshot = before;
  const reply = await run.app.inject(injectOptions(request, actor.headers));
  const failure = (problem: string): FuzzFailure => ({
    actor: actor.name,
    route: target.route,
    request,
    status: reply.statusCode,
    problem,
    body: reply.body.slice(0, 500),
  });
  const problem = problemOf(reply.statusCode, reply.body);
  if (problem) return failure(problem);
  // A signed-in actor told to sign in: an earlier request ended its session, and the rest of the run would prove nothing.
  if (signedIn(actor) && reply.statusCode === 401 && reply.body.includes('"unauthenticated"')) return failure('session lost');
  if (reply.statusCode >= 400) {
    const after = await current(run.db, before);
    state.snapshot = after;
    const allowed = MAY_WRITE_WHEN_REFUSED[target.route] ?? [];
    const changed = changedBetween(before, after).filter((name) => !allowed.includes(name));
    if (changed.length > 0) return failure(`refused but changed ${changed.join(', ')}`);
  }
  return { status: reply.statusCode };
}

/** Runs `runsPerRoute` requests per route and actor; collects failures instead of stopping at the first. */
export async function runFuzz(run: FuzzRun): Promise<FuzzReport> {
  const report: FuzzReport = { seed: run.seed, tried: 0, byStatus: {}, byActor: {}, serverErrors: 0, failures: [], slowest: [] };
  const times: Record<string, number> = {};
  const state: { snapshot: Snapshot | null } = { snapshot: null };
  for (const target of run.targets) {
    const started = performance.now();
    for (const actor of run.actors) {
      if (signedIn(actor) && NOT_SIGNED_IN.includes(target.route)) continue;
      const requests = fc.sample(fuzzRequest(target, run.ids), {
        seed: seedOf(run.seed, `${actor.name} ${target.route}`),
        numRuns: run.runsPerRoute,
      });
      for (const request of requests) {
        const outcome = await tryOne(run, state, target, actor, request);
        report.tried += 1;
        const status = String(outcome.status);
        report.byStatus[status] = (report.byStatus[status] ?? 0) + 1;
        const byActor = `${actor.name} ${status}`;
        report.byActor[byActor] = (report.byActor[byActor] ?? 0) + 1;
        if (outcome.status >= 500) report.serverErrors += 1;
        if ('problem' in outcome) report.failures.push(outcome);
      }
    }
    times[target.route] = Math.round(performance.now() - started);
  }
  report.slowest = Object.entries(times)
    .map(([route, ms]) => ({ route, ms }))
    .sort((a, b) => b.ms - a.ms);
  return report;
}
