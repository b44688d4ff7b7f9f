// The re-assessment reminders (LVL-011), run like the information reminder sweep: every hour, idempotent by dedup
// key (the place and the due time, so a new re-assessment's clock raises anew), one audited job event when anything rose.
import { type AlertKind, COUNTRY_ROOT } from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { systemContext } from '../../http/context.ts';
import { findJurisdictionsByPaths } from '../jurisdictions/jurisdiction.repository.ts';
import { raiseAlert } from '../key-persons/alert.repository.ts';
import { raisedKeys } from '../reports/report-alert.repository.ts';
import { reassessmentOf } from './reassessment.service.ts';
import { levelChangesOf } from './response.repository.ts';
import { levelsSetUnder } from './response.service.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

const KIND = { due_soon: 'response_reassess_due', overdue: 'response_reassess_overdue' } as const;

interface Notice {
  kind: Extract<AlertKind, 'response_reassess_due' | 'response_reassess_overdue'>;
  dedupKey: string;
  jurisdictionPath: string;
  details: Record<string, unknown>;
}

/**
 * Every place whose own response runs and whose re-assessment is due soon or overdue raises one alert per due time,
 * at the place (seen there and above). Safe to run any number of times.
 */
export async function runReassessmentReminderSweep(deps: Deps): Promise<{ due: number; overdue: number }> {
  const db = deps.database.db;
  const now = deps.clock();
  const places = await findJurisdictionsByPaths(
    db,
    (await levelsSetUnder(db, COUNTRY_ROOT.path)).map((l) => l.jurisdictionPath),
  );
  const notices: Notice[] = [];
  for (const place of places) {
    const clock = await reassessmentOf(db, place.id, await levelChangesOf(db, place.id), now);
    if (!clock || clock.state === 'ok') continue;
    const kind = KIND[clock.state];
    notices.push({
      kind,
      dedupKey: `${kind}:${place.id}:${clock.dueAt}`,
      jurisdictionPath: place.path,
      details: { jurisdictionId: place.id, jurisdictionName: place.name, level: clock.level, dueAt: clock.dueAt, because: clock.because },
    });
  }
  const raisedBefore = await raisedKeys(
    db,
    notices.map((n) => n.dedupKey),
  );
  return db.transaction(async (tx) => {
    const result = { due: 0, overdue: 0 };
    for (const n of notices.filter((x) => !raisedBefore.has(x.dedupKey))) {
      if (await raiseAlert(tx, n)) result[n.kind === 'response_reassess_due' ? 'due' : 'overdue'] += 1;
    }
    if (result.due + result.overdue > 0) {
      await recordAudit(tx, systemContext('reassessment-reminder-sweep', `reassessment-reminders-${now.toISOString()}`), {
        action: 'jobs.reassessmentReminderSweep',
        entityType: 'job',
        after: result,
      });
    }
    return result;
  });
}

/** Runs now and then every hour (the clock counts in days); the timer does not keep the process alive. */
export function scheduleReassessmentReminderSweep(deps: Deps, log: (message: string) => void, intervalMs = 3_600_000): () => void {
  const run = () =>
    runReassessmentReminderSweep(deps)
      .then((r) => (r.due + r.overdue > 0 ? log(`re-assessment reminders: ${r.due} due soon, ${r.overdue} overdue`) : undefined))
      .catch((error: unknown) => log(`re-assessment reminder sweep failed: ${String(error)}`));
  void run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
