import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';

export interface OverloadLimits {
  maxInFlight: number;
  maxEventLoopDelayMs: number;
  /** Share of the last sample window the event loop was busy (0–1) above which new requests are shed. */
  maxUtilization?: number;
  /** Seconds a refused client is told to wait. */
  retryAfterSeconds?: number;
}

const SAMPLE_MS = 250;
/**
 * A busy or lagging loop alone (a migration, a GC pause, a busy test runner, a database-bound
 * benchmark) is not overload: only with this many requests arriving per sample window (2 000/s) as well.
 */
const ARRIVALS_FLOOR = 500;
/** Never shed everything: some requests keep being served, so the node's recovery shows. */
const MAX_SHED = 0.8;

/**
 * Sheds load before the process falls over: while too many requests are in flight, or the event loop
 * lags or is saturated under real traffic, a new request answers 429 with Retry-After at once (no body
 * parsing, no session lookup, no database). `/health` is never refused, so an orchestrator does not
 * kill a busy node. The shed share rises and falls a step per sample window, so the node keeps serving
 * near its capacity instead of refusing everything. Synchronous handlers (verification) never pile up in flight: saturation shows as
 * event-loop utilisation, so that is watched too.
 */
export function installOverloadGuard(app: FastifyInstance, limits: OverloadLimits) {
  const retryAfter = String(limits.retryAfterSeconds ?? 1);
  const maxUtilization = limits.maxUtilization ?? 0.98;
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  /** Share of new requests shed: up a step each window the node is overloaded, down a step when not. */
  let shedding = 0;
  let wasOverloaded = false;
  let inFlight = 0;
  let arrivals = 0;
  let lastUtilization = performance.eventLoopUtilization();
  const timer = setInterval(() => {
    const utilization = performance.eventLoopUtilization(lastUtilization);
    lastUtilization = performance.eventLoopUtilization();
    // The mean over the window (nanoseconds); one long GC pause alone does not trip it.
    const lagging = histogram.mean / 1e6 > limits.maxEventLoopDelayMs;
    const overloaded = arrivals >= ARRIVALS_FLOOR && (lagging || utilization.utilization > maxUtilization);
    // Two windows in a row before shedding more: a node merely running flat out is not yet overloaded.
    if (overloaded && wasOverloaded) shedding = Math.min(MAX_SHED, shedding + 0.1);
    else if (!overloaded) shedding = Math.max(0, shedding - 0.1);
    wasOverloaded = overloaded;
    arrivals = 0;
    histogram.reset();
  }, SAMPLE_MS);
  timer.unref();
  app.addHook('onClose', async () => {
    clearInterval(timer);
    histogram.disable();
  });
  app.addHook('onRequest', (request, reply, done) => {
    if (request.url === '/health') return done();
    arrivals += 1;
    if (inFlight >= limits.maxInFlight || (shedding > 0 && Math.random() < shedding)) {
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
  return { inFlight: () => inFlight, shedding: () => shedding };
}
