import { addDays, shanghaiDate } from '@fangkong/core';
import type { AppDeps } from '../app-deps.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { systemContext } from '../http/context.ts';
import { endFinishedEpisodes, raiseMissingCheckAlerts, raiseOverdueTestAlerts } from './daily-sweep.repository.ts';

export interface SweepResult {
  date: string;
  overdueTests: number;
  missingChecks: number;
  endedEpisodes: number;
}

/** The daily pass over everyone under management: overdue alerts and finished episodes; safe to run any number of times. */
export async function runDailySweep(deps: Pick<AppDeps, 'database' | 'clock'>, date = shanghaiDate(deps.clock())): Promise<SweepResult> {
  return deps.database.db.transaction(async (tx) => {
    const result = {
      date,
      overdueTests: await raiseOverdueTestAlerts(tx, date),
      missingChecks: await raiseMissingCheckAlerts(tx, addDays(date, -1)),
      endedEpisodes: await endFinishedEpisodes(tx, date),
    };
    await recordAudit(tx, systemContext('daily-sweep', `sweep-${date}`), {
      action: 'jobs.dailySweep',
      entityType: 'job',
      after: { ...result },
    });
    return result;
  });
}

/** Runs the sweep now and then every `intervalMs`; the timer does not keep the process alive. */
export function scheduleDailySweep(
  deps: Pick<AppDeps, 'database' | 'clock'>,
  log: (message: string) => void,
  intervalMs = 3_600_000,
): () => void {
  const run = () =>
    runDailySweep(deps)
      .then((r) =>
        log(`daily sweep ${r.date}: ${r.overdueTests} overdue tests, ${r.missingChecks} missing checks, ${r.endedEpisodes} ended`),
      )
      .catch((error: unknown) => log(`daily sweep failed: ${String(error)}`));
  void run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
