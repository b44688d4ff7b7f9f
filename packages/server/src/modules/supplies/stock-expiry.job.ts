import { addDays, readinessRules, shanghaiDate } from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { systemContext } from '../../http/context.ts';
import { stockExpiringBy } from './stock.repository.ts';
import { raiseExpiryAlert } from './stock.service.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

export interface StockExpirySweep {
  date: string;
  checked: number;
  raised: number;
}

/**
 * The time-based expiry check (RES-013): stock nobody moves still nears and passes its expiry. Every line held
 * whose earliest expiry is inside the protocol's warning window gets a `stock_expiry` alert (expiring), and
 * another once it has expired, each once (dedup key); audited as one job event when anything was raised.
 */
export async function runStockExpirySweep(deps: Deps): Promise<StockExpirySweep> {
  const now = deps.clock();
  const date = shanghaiDate(now);
  return deps.database.db.transaction(async (tx) => {
    const rows = await stockExpiringBy(tx, addDays(date, readinessRules().expiryWarning.days));
    let raised = 0;
    for (const row of rows) if (await raiseExpiryAlert(tx, row, date)) raised += 1;
    if (raised > 0) {
      await recordAudit(tx, systemContext('stock-expiry-sweep', `stock-expiry-${now.toISOString()}`), {
        action: 'jobs.stockExpirySweep',
        entityType: 'job',
        after: { date, checked: rows.length, raised },
      });
    }
    return { date, checked: rows.length, raised };
  });
}

/** Runs now and then hourly (a line expires at the turn of a day in Asia/Shanghai); the timer does not keep the process alive. */
export function scheduleStockExpirySweep(deps: Deps, log: (message: string) => void, intervalMs = 3_600_000): () => void {
  const run = () =>
    runStockExpirySweep(deps)
      .then((r) => (r.raised > 0 ? log(`stock expiry ${r.date}: ${r.raised} alerts from ${r.checked} lines`) : undefined))
      .catch((error: unknown) => log(`stock expiry sweep failed: ${String(error)}`));
  void run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
