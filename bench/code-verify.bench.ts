// The public verification endpoint (`POST /api/codes/verify` with valid Ed25519-signed tokens, in turn)
// against the real app on 127.0.0.1, as a ratio to a bare Fastify JSON POST route measured in the same
// run with the same autocannon settings and the same body size.
import autocannon from 'autocannon';
import type { Benchmark, BenchOutcome } from './bench-types.ts';
import { startVerifyServer, stopVerifyServer } from './support/code-verify-server.ts';

const CONNECTIONS = 10;
const SHOWN_AGAIN = 1000;

interface Load {
  url: string;
  seconds: number;
  tokens: string[];
}

/** Requests/s over `seconds`; refuses a run in which anything answered other than 2xx or a token failed. */
async function measure(load: Load) {
  let next = 0;
  let invalid = 0;
  const result = await autocannon({
    url: load.url,
    connections: CONNECTIONS,
    duration: load.seconds,
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => ({ ...request, body: JSON.stringify({ token: load.tokens[next++ % load.tokens.length] }) }),
        onResponse: (_status, body) => {
          if (!body.includes('true')) invalid += 1;
        },
      },
    ],
  });
  if (result.non2xx > 0 || result.errors > 0 || invalid > 0) {
    throw new Error(`${load.url}: ${result.non2xx} non-2xx, ${result.errors} errors, ${invalid} not valid in ${result.requests.total}`);
  }
  return { perSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, total: result.requests.total };
}

async function run({ quick }: { quick: boolean }): Promise<BenchOutcome> {
  const seconds = quick ? 3 : 10;
  // The guard's utilisation shedding (a node flat out under 10 connections) is off here: overload.bench.ts measures it.
  const { child, ready } = await startVerifyServer({ BENCH_MAX_UTILIZATION_PERCENT: '101' });
  try {
    // Codes are shown at several gates within their life: 1 000 tokens in turn (repeats hit the verification
    // cache). And every scan a new code: all 20 000 in turn, more than the cache holds (every one a signature check).
    const shown = ready.tokens.slice(0, SHOWN_AGAIN);
    const app = { url: `${ready.appUrl}/api/codes/verify`, seconds, tokens: shown };
    const bare = { url: ready.bareUrl, seconds, tokens: shown };
    await measure({ ...bare, seconds: 1 });
    await measure({ ...app, seconds: 1 });
    const bareRun = await measure(bare);
    const appRun = await measure(app);
    const freshRun = await measure({ ...app, tokens: ready.tokens });
    const ratio = (run: { perSecond: number }) => Math.round((run.perSecond / bareRun.perSecond) * 1000) / 1000;
    const line = (label: string, run: Awaited<ReturnType<typeof measure>>) =>
      `${label}${Math.round(run.perSecond)} req/s (p50 ${run.p50} ms, p99 ${run.p99} ms, ${run.total} requests)`;
    return {
      figure: ratio(appRun),
      sizes: { tokens: shown.length, connections: CONNECTIONS, seconds, everyScanNewRatio: ratio(freshRun) },
      details: [
        `${shown.length} valid tokens (Ed25519, 3 colours) verified in turn; the verifier sees colour and validity only`,
        `autocannon: ${CONNECTIONS} connections, ${seconds} s each, JSON POST bodies of the same size, on 127.0.0.1`,
        line('bare Fastify POST / (JSON):            ', bareRun),
        line(`POST /api/codes/verify (${shown.length} tokens):   `, appRun),
        line(`  every scan a new code (${ready.tokens.length} tokens): `, freshRun),
        `  = ${ratio(freshRun)} × bare Fastify when every verification checks a signature`,
      ],
    };
  } finally {
    await stopVerifyServer(child);
  }
}

// Goal: verification (a signature check per request) keeps at least half the speed of a bare JSON route.
const codeVerify: Benchmark = { name: 'code-verify', unit: '× bare Fastify', goal: 0.5, better: 'higher', run };
export default codeVerify;
