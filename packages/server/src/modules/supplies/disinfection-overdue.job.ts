// ENV-003 as recurring tasks: a schedule whose last period fell short and whose current period is not yet met is
// overdue; the hourly sweep raises one alert per schedule and period for the place's unit, like the stock expiry sweep.
import { COUNTRY_ROOT } from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { systemContext } from '../../http/context.ts';
import { raiseAlert } from '../key-persons/alert.repository.ts';
import { scheduleStatuses } from './disinfection.service.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

export interface DisinfectionOverdueSweep {
  checked: number;
  raised: number;
}

/**
 * Every disinfection schedule overdue now (ENV-003: the previous day or week fell short of the place kind's frequency and
 * this one is not yet met) raises a `disinfection_overdue` alert at the schedule's jurisdiction, once per schedule and
 * period (dedup key); audited as one job event when anything was raised. Safe to run any number of times.
 */
export async function runDisinfectionOverdueSweep(deps: Deps): Promise<DisinfectionOverdueSweep> {
  const now = deps.clock();
  const statuses = await scheduleStatuses(deps.database.db, [COUNTRY_ROOT.path], now);
  const overdue = statuses.filter((s) => s.status.state === 'overdue');
  return deps.database.db.transaction(async (tx) => {
    let raised = 0;
    for (const { schedule: s, status } of overdue) {
      const fresh = await raiseAlert(tx, {
        kind: 'disinfection_overdue',
        dedupKey: `disinfection_overdue:${s.id}:${status.periodStart}`,
        details: {
          scheduleId: s.id,
          placeName: s.placeName,
          placeKind: s.placeKind,
          periodStart: status.periodStart,
          required: status.required,
          per: s.per,
          doneThisPeriod: status.doneThisPeriod,
          previousShortfall: status.previousShortfall,
        },
        jurisdictionPath: s.jurisdictionPath,
      });
      if (fresh) raised += 1;
    }
    if (raised > 0) {
      await recordAudit(tx, systemContext('disinfection-overdue-sweep', `disinfection-overdue-${now.toISOString()}`), {
        action: 'jobs.disinfectionOverdueSweep',
        entityType: 'job',
        after: { checked: statuses.length, raised },
      });
    }
    return { checked: statuses.length, raised };
  });
}

/** Runs now and then hourly (a day's shortfall shows at the turn of the day in Asia/Shanghai); the timer does not keep the process alive. */
export function scheduleDisinfectionOverdueSweep(deps: Deps, log: (message: string) => void, intervalMs = 3_600_000): () => void {
  const run = () =>
    runDisinfectionOverdueSweep(deps)
      .then((r) => (r.raised > 0 ? log(`disinfection overdue: ${r.raised} alerts from ${r.checked} schedules`) : undefined))
      .catch((error: unknown) => log(`disinfection overdue sweep failed: ${String(error)}`));
  void run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
