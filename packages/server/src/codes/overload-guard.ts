import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';

export interface OverloadLimits {
  maxInFlight: number;
  maxEventLoopDelayMs: number;
  /** Seconds a refused client is told to wait. */
  retryAfterSeconds?: number;
}

const SAMPLE_MS = 250;
/** Lag alone (a migration, a GC pause, a busy test runner) is not overload: only lag with this many requests waiting. */
const LAG_FLOOR = 16;

/**
 * Sheds load before the process falls over: while too many requests are in flight, or the event loop
 * lags, a new request answers 429 with Retry-After at once (no body parsing, no session lookup, no
 * database). `/health` is never refused, so an orchestrator does not kill a busy node.
 */
export function installOverloadGuard(app: FastifyInstance, limits: OverloadLimits) {
  const retryAfter = String(limits.retryAfterSeconds ?? 1);
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  let lagging = false;
  let inFlight = 0;
  const timer = setInterval(() => {
    // The mean over the last sample window (nanoseconds); one long GC pause alone does not trip it.
    lagging = histogram.mean / 1e6 > limits.maxEventLoopDelayMs;
    histogram.reset();
  }, SAMPLE_MS);
  timer.unref();
  app.addHook('onClose', async () => {
    clearInterval(timer);
    histogram.disable();
  });
  app.addHook('onRequest', (request, reply, done) => {
    if (request.url === '/health') return done();
    if (inFlight >= limits.maxInFlight || (lagging && inFlight >= LAG_FLOOR)) {
      reply
        .code(429)
        .header('retry-after', retryAfter)
        .send({ code: 'overloaded', message: '服务繁忙，请稍后再试 / Server busy: try again shortly', requestId: request.id });
      return;
    }
    inFlight += 1;
    let counted = true;
    const release = () => {
      if (!counted) return;
      counted = false;
      inFlight -= 1;
    };
    reply.raw.once('finish', release);
    reply.raw.once('close', release);
    done();
  });
  return { inFlight: () => inFlight, lagging: () => lagging };
}
