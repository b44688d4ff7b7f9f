// Overload: measure what `POST /api/codes/verify` sustains, then offer ten times that for 30 s (quick: 5 s)
// from many connections. Figure: the share of requests answered 200 or 429 (the overload guard's
// "come back in a second", with Retry-After), out of every request that got an answer, an error or a
// timeout. Goal 1.0: nothing falls over. Prints the server's resident memory now and at its peak.
import autocannon from 'autocannon';
import type { Benchmark, BenchOutcome } from './bench-types.ts';
import { rssOf, startVerifyServer, stopVerifyServer } from './support/code-verify-server.ts';

const CAPACITY_CONNECTIONS = 10;
const OVERLOAD_CONNECTIONS = 1000;
/** The guard's in-flight ceiling for this run; below the offered concurrency, so the guard has to act. */
const MAX_IN_FLIGHT = 256;

function load(url: string, tokens: string[], options: { connections: number; seconds: number; overallRate?: number }) {
  let next = 0;
  return autocannon({
    url,
    connections: options.connections,
    duration: options.seconds,
    timeout: 10,
    ...(options.overallRate ? { overallRate: options.overallRate } : {}),
    headers: { 'content-type': 'application/json' },
    requests: [
      { method: 'POST', setupRequest: (request) => ({ ...request, body: JSON.stringify({ token: tokens[next++ % tokens.length] }) }) },
    ],
  });
}

async function run({ quick }: { quick: boolean }): Promise<BenchOutcome> {
  const seconds = quick ? 5 : 30;
  const { child, ready } = await startVerifyServer({ BENCH_MAX_IN_FLIGHT: String(MAX_IN_FLIGHT) });
  const pid = child.pid ?? 0;
  try {
    const url = `${ready.appUrl}/api/codes/verify`;
    await load(url, ready.tokens, { connections: CAPACITY_CONNECTIONS, seconds: 1 });
    const capacity = await load(url, ready.tokens, { connections: CAPACITY_CONNECTIONS, seconds: quick ? 3 : 5 });
    const perSecond = Math.round(capacity.requests.average);
    const before = await rssOf(pid);
    const offered = perSecond * 10;
    const flood = await load(url, ready.tokens, { connections: OVERLOAD_CONNECTIONS, seconds, overallRate: offered });
    const after = await rssOf(pid);
    const codes = flood.statusCodeStats as Record<string, { count: number }>;
    const ok = codes['200']?.count ?? 0;
    const shed = codes['429']?.count ?? 0;
    const answered = Object.values(codes).reduce((sum, s) => sum + s.count, 0);
    const outcomes = answered + flood.errors + flood.timeouts;
    const figure = outcomes === 0 ? 0 : Math.round(((ok + shed) / outcomes) * 10_000) / 10_000;
    const health = await fetch(`${ready.appUrl}/health`).then((r) => r.status);
    return {
      figure,
      sizes: {
        capacityPerSecond: perSecond,
        offeredPerSecond: offered,
        connections: OVERLOAD_CONNECTIONS,
        seconds,
        maxInFlight: MAX_IN_FLIGHT,
      },
      details: [
        `capacity: ${perSecond} verifications/s (${CAPACITY_CONNECTIONS} connections, p99 ${capacity.latency.p99} ms)`,
        `offered: ${offered}/s (10×) from ${OVERLOAD_CONNECTIONS} connections for ${seconds} s; guard: ${MAX_IN_FLIGHT} in flight, or event loop > 98 % busy / > 200 ms late two windows running`,
        `answered ${answered}: 200 × ${ok}, 429 × ${shed}, other ${answered - ok - shed}; errors ${flood.errors}, timeouts ${flood.timeouts} (autocannon counted ${flood.requests.sent} sent)`,
        `served ${Math.round(ok / seconds)}/s during the flood (p50 ${flood.latency.p50} ms, p99 ${flood.latency.p99} ms); /health after: ${health}`,
        `server RSS: ${before.nowMiB} MiB before the flood, ${after.nowMiB} MiB after, peak ${after.peakMiB} MiB`,
      ],
    };
  } finally {
    await stopVerifyServer(child);
  }
}

const overload: Benchmark = { name: 'overload', unit: 'share answered (200 or 429)', goal: 1, better: 'higher', run };
export default overload;
