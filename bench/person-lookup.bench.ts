// An authenticated, scoped person lookup (`GET /api/persons?q=<resident ID number>` as the demo grid
// worker, cookie session) against the real app listening on 127.0.0.1, as a ratio to a bare Fastify
// JSON route measured in the same run with the same autocannon settings.
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import type { Benchmark, BenchOutcome } from './bench-types.ts';
import { startChildServer, stopChildServer } from './support/child-server.ts';
import type { LookupServerReady } from './support/person-lookup-server.ts';

const CONNECTIONS = 10;
const SERVER = fileURLToPath(new URL('./support/person-lookup-server.ts', import.meta.url));

const startServer = (residents: number) => startChildServer<LookupServerReady>(SERVER, { BENCH_RESIDENTS: String(residents) });

interface Load {
  url: string;
  seconds: number;
  headers?: Record<string, string>;
  paths?: string[];
}

/** Requests/s over `seconds`; refuses a run in which anything answered other than 2xx. */
async function measure(load: Load) {
  let next = 0;
  const paths = load.paths ?? ['/'];
  const result = await autocannon({
    url: load.url,
    connections: CONNECTIONS,
    duration: load.seconds,
    headers: load.headers ?? {},
    requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] ?? '/' }) }],
  });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${load.url}: ${result.non2xx} non-2xx answers and ${result.errors} errors in ${result.requests.total} requests`);
  }
  return { perSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, total: result.requests.total };
}

async function run({ quick }: { quick: boolean }): Promise<BenchOutcome> {
  const residents = quick ? 10_000 : 100_000;
  const seconds = quick ? 3 : 10;
  const { child, ready } = await startServer(residents);
  try {
    if (ready.idNumbers.length === 0) throw new Error('no residents in the grid worker’s community');
    const lookup = {
      url: ready.appUrl,
      seconds,
      headers: { cookie: ready.cookie },
      paths: ready.idNumbers.map((id) => `/api/persons?q=${id}`),
    };
    // Warm-up (JIT, caches, the session cache) for both, then the measured runs.
    await measure({ url: ready.bareUrl, seconds: 1 });
    await measure({ ...lookup, seconds: 1 });
    const bare = await measure({ url: ready.bareUrl, seconds });
    const app = await measure(lookup);
    const ratio = Math.round((app.perSecond / bare.perSecond) * 1000) / 1000;
    return {
      figure: ratio,
      sizes: { residents: ready.residents, lookupIds: ready.idNumbers.length, connections: CONNECTIONS, seconds, database: ready.database },
      details: [
        `data: ${ready.residents} residents (demo seed in ${ready.seedSeconds} s, ${ready.database}); ${ready.idNumbers.length} ID numbers of the grid worker's community looked up in turn`,
        `autocannon: ${CONNECTIONS} connections, ${seconds} s each, on 127.0.0.1`,
        `bare Fastify GET /:            ${Math.round(bare.perSecond)} req/s (p50 ${bare.p50} ms, p99 ${bare.p99} ms, ${bare.total} requests)`,
        `GET /api/persons?q=<ID> (grid): ${Math.round(app.perSecond)} req/s (p50 ${app.p50} ms, p99 ${app.p99} ms, ${app.total} requests)`,
      ],
    };
  } finally {
    await stopChildServer(child);
  }
}

// Goal: a scoped lookup costs at most about twenty bare requests (~1 000 lookups/s on two cores where a bare route does ~20 000).
const personLookup: Benchmark = { name: 'person-lookup', unit: '× bare Fastify', goal: 0.05, better: 'higher', run };
export default personLookup;
