import type { AppDeps } from '../app-deps.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { systemContext } from '../http/context.ts';
import { openCasesWithInvestigation } from '../modules/cases/case.repository.ts';
import { rulesOfCases } from '../modules/cases/case-access.ts';
import { clocksOf } from '../modules/cases/case-view.service.ts';
import { raiseAlert } from '../modules/key-persons/alert.repository.ts';

export interface CaseClockSweep {
  dueSoon: number;
  late: number;
}

/**
 * Checks every open case's clocks (CASE-001, SC-14, SC-20) and raises `case_due_soon` before and `case_late`
 * at the deadline through the alerts mechanism, once per case and clock (dedup key); safe to run any number of times.
 */
export async function runCaseClockSweep(deps: Pick<AppDeps, 'database' | 'clock'>): Promise<CaseClockSweep> {
  const now = deps.clock();
  return deps.database.db.transaction(async (tx) => {
    const result = { dueSoon: 0, late: 0 };
    const open = await openCasesWithInvestigation(tx, null);
    const rulesOf = await rulesOfCases(
      tx,
      open.map((r) => r.case),
    );
    for (const r of open) {
      for (const c of clocksOf(r.case, r.investigation, now, rulesOf(r.case))) {
        if (c.state !== 'late' && c.state !== 'due_soon') continue;
        const kind = c.state === 'late' ? 'case_late' : 'case_due_soon';
        const raised = await raiseAlert(tx, {
          kind,
          episodeId: r.case.episodeId,
          dedupKey: `${kind}:${c.clock}:${r.case.id}`,
          details: {
            caseId: r.case.id,
            caseNumber: r.case.caseNumber,
            clock: c.clock,
            dueAt: c.dueAt,
            leadUserId: r.investigation?.leadUserId ?? null,
          },
          jurisdictionPath: r.case.jurisdictionPath,
        });
        if (raised) result[c.state === 'late' ? 'late' : 'dueSoon'] += 1;
      }
    }
    if (result.dueSoon + result.late > 0) {
      await recordAudit(tx, systemContext('case-clock-sweep', `case-clocks-${now.toISOString()}`), {
        action: 'jobs.caseClockSweep',
        entityType: 'job',
        after: { ...result },
      });
    }
    return result;
  });
}

/** Runs the clock check now and then every `intervalMs` (a minute: the 2-hour clock is late at the first minute). */
export function scheduleCaseClockSweep(
  deps: Pick<AppDeps, 'database' | 'clock'>,
  log: (message: string) => void,
  intervalMs = 60_000,
): () => void {
  const run = () =>
    runCaseClockSweep(deps)
      .then((r) => (r.dueSoon + r.late > 0 ? log(`case clocks: ${r.dueSoon} due soon, ${r.late} late`) : undefined))
      .catch((error: unknown) => log(`case clock sweep failed: ${String(error)}`));
  void run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
