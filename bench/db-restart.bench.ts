// Issue 12 "Hardening", database faults: the real server (a child process) on a PostgreSQL of its
// own (initdb in a temp dir, a free port: the shared server on 5432 is never touched), under a load
// of reads and writes from concurrent clients and a lab import applying batches, sees PostgreSQL
// crash (`pg_ctl stop -m immediate`) for 10 s (`--quick`: 5 s) and come back. Every request during
// the outage must answer a clear 503 (code, message, Retry-After), none another 5xx, none hang; a
// health code must still verify; any of that failing fails the benchmark. The figure is the time
// from PostgreSQL answering again to the first request that succeeds, without a server restart.
import { outageFigures, runDatabaseOutage } from '../packages/server/src/testing/db-outage.ts';
import { privatePostgresMissing, startPrivatePostgres } from '../packages/server/src/testing/private-postgres.ts';
import type { Benchmark } from './bench-types.ts';

const bench: Benchmark = {
  name: 'db-restart',
  unit: 's to recover after PostgreSQL is back',
  goal: 5,
  better: 'lower',
  async run({ quick }) {
    const missing = privatePostgresMissing();
    if (missing) throw new Error(`db-restart needs a PostgreSQL of its own: ${missing}`);
    const postgres = await startPrivatePostgres();
    try {
      const options = { workers: quick ? 8 : 16, beforeMs: 3_000, outageMs: quick ? 5_000 : 10_000, afterMs: 5_000 };
      const report = await runDatabaseOutage(postgres, options);
      const f = outageFigures(report);
      const online = report.codeVerifiedOnline as { status: number; body: { valid?: boolean } };
      const recovered = report.recoveredAfterMs === undefined ? undefined : report.recoveredAfterMs / 1000;
      const { atCrash, resent, final } = report.importInFlight;
      const details = [
        `load: ${options.workers} clients (reads of the episode list, writes registering a person) and a lab import of ${atCrash.total} rows in batches of 200`,
        `requests: ${f.requests} in all; during the ${(report.outageMs / 1000).toFixed(1)} s outage ${f.duringOutage}, of which ${f.outage503} answered 503 databaseUnavailable with Retry-After (slowest ${f.slowestOutageMs} ms)`,
        `other 5xx: ${f.otherFiveXx}; unanswered (hung > 15 s or connection broken): ${f.unanswered}; server process alive: ${report.serverAlive}`,
        `/health during the outage: ${JSON.stringify(report.health.duringOutage)}; after: ${JSON.stringify(report.health.afterRecovery)}`,
        `health code with the database down: online ${online.status} valid=${online.body.valid}; offline CLI exit ${report.codeVerifiedOffline.exitCode}`,
        `lab import under way at the crash (${atCrash.processed}/${atCrash.total}): sent again, job ${resent.id === atCrash.id ? 'resumed' : 'started anew'} at ${resent.processed}, ended ${final.status} with ${final.created} created`,
        `first success ${recovered?.toFixed(2) ?? 'never'} s after PostgreSQL was back; ${f.succeededAfter} requests succeeded after it`,
      ];
      const broken =
        f.duringOutage === 0 ||
        f.outage503 !== f.duringOutage ||
        f.otherFiveXx > 0 ||
        f.unanswered > 0 ||
        !report.serverAlive ||
        online.body.valid !== true ||
        report.codeVerifiedOffline.exitCode !== 0 ||
        recovered === undefined ||
        final.status !== 'done';
      if (broken) throw new Error(`db-restart: the server did not ride out the outage\n${details.join('\n')}`);
      return {
        figure: Number(recovered.toFixed(2)),
        sizes: {
          clients: options.workers,
          outageSeconds: Number((report.outageMs / 1000).toFixed(1)),
          requests: f.requests,
          duringOutage: f.duringOutage,
          outage503: f.outage503,
          otherFiveXx: f.otherFiveXx,
          unanswered: f.unanswered,
        },
        details,
      };
    } finally {
      postgres.remove();
    }
  },
};

export default bench;
