import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/client.ts';
import { sendDatabaseUnavailable } from './error-handler.ts';

/** A probe that does not answer within this is counted as the database being down. */
const PROBE_TIMEOUT_MS = 2_000;
/** /health is polled by load balancers: one probe a second at most, whatever the polling rate. */
const PROBE_REUSE_MS = 1_000;

/** Whether the database answers `select 1`, asked at most once a second (concurrent askers share the probe). */
export class DatabaseProbe {
  private last: { at: number; up: boolean } | undefined;
  private pending: Promise<boolean> | undefined;

  constructor(private readonly database: Database) {}

  up(): Promise<boolean> {
    if (this.last && Date.now() - this.last.at < PROBE_REUSE_MS) return Promise.resolve(this.last.up);
    this.pending ??= this.probe().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async probe(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), PROBE_TIMEOUT_MS);
    });
    const answer = this.database.db.execute(sql`select 1`).then(
      () => true,
      () => false,
    );
    const up = await Promise.race([answer, timeout]);
    clearTimeout(timer);
    this.last = { at: Date.now(), up };
    return up;
  }
}

/**
 * GET /health: 200 while the process serves, with whether the database answers (a server whose
 * database is down stays up and recovers by itself: it must not be restarted for it). GET /ready:
 * 200 when the database answers, else 503 with Retry-After, so a load balancer sends no traffic.
 */
export function registerHealth(app: FastifyInstance, database: Database) {
  const probe = new DatabaseProbe(database);
  app.get('/health', { config: { permission: 'public' }, schema: { hide: true } }, async () => {
    const up = await probe.up();
    return { status: up ? 'ok' : 'degraded', database: up ? 'up' : 'down' };
  });
  app.get('/ready', { config: { permission: 'public' }, schema: { hide: true } }, async (request, reply) => {
    if (!(await probe.up())) return sendDatabaseUnavailable(request, reply, new Error('the database does not answer'));
    return reply.send({ status: 'ready', database: database.kind });
  });
}
