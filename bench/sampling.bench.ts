// Scans at a collection point over HTTP on 127.0.0.1 (autocannon, the real app in a child process):
// each request puts the next resident into the open tube of its barcode (pools of 10, closed by the
// tenth). A district of 1.6 M people sampled in one day needs 1 600 000 / 86 400 s < 20 scans/s on
// average; the figure is the measured scans/s ÷ 20, the headroom over that need.
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import type { Benchmark, BenchOutcome } from './bench-types.ts';
import { startChildServer, stopChildServer } from './support/child-server.ts';
import type { SamplingServerReady } from './support/sampling-server.ts';

const CONNECTIONS = 10;
const NEEDED_PER_SECOND = 20;
const POOL = 10;
const SERVER = fileURLToPath(new URL('./support/sampling-server.ts', import.meta.url));

const startServer = (residents: number) => startChildServer<SamplingServerReady>(SERVER, { BENCH_RESIDENTS: String(residents) });

/** Scans/s over `seconds`, each request the next resident into the tube of its ten; refuses a run with any non-2xx. */
async function measure(ready: SamplingServerReady, seconds: number, first: number) {
  let next = first;
  const result = await autocannon({
    url: ready.appUrl,
    connections: CONNECTIONS,
    duration: seconds,
    headers: { authorization: `Bearer ${ready.token}`, 'content-type': 'application/json' },
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          const n = next++;
          const personId = ready.personIds[n];
          if (!personId) throw new Error('ran out of residents to scan');
          const barcode = `BENCH-${String(Math.floor(n / POOL)).padStart(7, '0')}`;
          return { ...request, path: `/api/testing/collection-points/${ready.pointId}/scans`, body: JSON.stringify({ barcode, personId }) };
        },
      },
    ],
  });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`scans: ${result.non2xx} non-2xx answers and ${result.errors} errors in ${result.requests.total} requests`);
  }
  return { perSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, total: result.requests.total, next };
}

async function run({ quick }: { quick: boolean }): Promise<BenchOutcome> {
  const residents = quick ? 10_000 : 100_000;
  const seconds = quick ? 3 : 10;
  const { child, ready } = await startServer(residents);
  try {
    // Warm-up on whole tubes (JIT, session cache), then the measured run on the residents after them.
    const warm = await measure(ready, 1, 0);
    const start = Math.ceil(warm.next / POOL) * POOL;
    const scans = await measure(ready, seconds, start);
    const figure = Math.round((scans.perSecond / NEEDED_PER_SECOND) * 100) / 100;
    return {
      figure,
      sizes: { residents: ready.residents, connections: CONNECTIONS, seconds, poolSize: POOL, database: ready.database },
      details: [
        `data: ${ready.residents} residents (demo seed in ${ready.seedSeconds} s, ${ready.database}); a district-wide campaign, pools of ${POOL}`,
        `autocannon: ${CONNECTIONS} connections, ${seconds} s, on 127.0.0.1, bearer token of the demo grid worker`,
        `POST /api/testing/collection-points/:id/scans: ${Math.round(scans.perSecond)} scans/s (p50 ${scans.p50} ms, p99 ${scans.p99} ms, ${scans.total} scans, ${Math.floor(scans.total / POOL)} tubes filled)`,
        `needed: 1 600 000 residents in 24 h = ${NEEDED_PER_SECOND} scans/s on average`,
      ],
    };
  } finally {
    await stopChildServer(child);
  }
}

const sampling: Benchmark = { name: 'sampling', unit: '× needed', goal: 1, better: 'higher', run };
export default sampling;
