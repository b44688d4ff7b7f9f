import { COUNTRY_ROOT, shanghaiDate } from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { systemContext } from '../../http/context.ts';
import { raiseAlert } from '../key-persons/alert.repository.ts';
import { raisedKeys } from './report-alert.repository.ts';
import { dayStatuses } from './report-board.service.ts';

export interface ReportReminderSweep {
  due: number;
  late: number;
}

interface Notice {
  kind: 'report_due' | 'report_late';
  unitId: string;
  unitName: string;
  path: string;
  dueAt: string;
  templates: { code: string; name: string }[];
}

/** The notices of the moment: one per unit and deadline, naming every table due then (the 13:00 three tables in one). */
function noticesOf(days: Awaited<ReturnType<typeof dayStatuses>>): Notice[] {
  const notices = new Map<string, Notice>();
  for (const day of days) {
    for (const s of day.statuses) {
      if (s.state !== 'due_soon' && s.state !== 'missing') continue;
      const kind = s.state === 'missing' ? 'report_late' : 'report_due';
      const key = `${kind}:${s.unit.id}:${s.dueAt.toISOString()}`;
      const notice = notices.get(key) ?? {
        kind,
        unitId: s.unit.id,
        unitName: s.unit.name,
        path: s.unit.path,
        dueAt: s.dueAt.toISOString(),
        templates: [],
      };
      notice.templates.push({ code: day.code, name: day.row.name });
      notices.set(key, notice);
    }
  }
  return [...notices.values()];
}

/**
 * Reminders before the deadline and the late notice after it (DAILY-003, SC-46): every unit that has not
 * reported today gets a `report_due` alert inside the template's reminder window and a `report_late` alert
 * once the deadline has passed, each once per unit and deadline (dedup key), naming the tables due; alerts
 * are seen in the unit's jurisdiction and every level above it. Safe to run any number of times.
 */
export async function runReportReminderSweep(deps: Pick<AppDeps, 'database' | 'clock' | 'cipher'>): Promise<ReportReminderSweep> {
  const now = deps.clock();
  const date = shanghaiDate(now);
  const keyOf = (n: Notice) => `${n.kind}:${n.unitId}:${n.dueAt}`;
  const all = noticesOf(await dayStatuses(deps, [COUNTRY_ROOT.path], date));
  const raisedBefore = await raisedKeys(deps.database.db, all.map(keyOf));
  const notices = all.filter((n) => !raisedBefore.has(keyOf(n)));
  return deps.database.db.transaction(async (tx) => {
    const result = { due: 0, late: 0 };
    for (const n of notices) {
      const raised = await raiseAlert(tx, {
        kind: n.kind,
        dedupKey: keyOf(n),
        details: { unitId: n.unitId, unitName: n.unitName, period: date, dueAt: n.dueAt, templates: n.templates },
        jurisdictionPath: n.path,
      });
      if (raised) result[n.kind === 'report_late' ? 'late' : 'due'] += 1;
    }
    if (result.due + result.late > 0) {
      await recordAudit(tx, systemContext('report-reminder-sweep', `report-reminders-${now.toISOString()}`), {
        action: 'jobs.reportReminderSweep',
        entityType: 'job',
        after: { date, ...result },
      });
    }
    return result;
  });
}

/** Runs the reminder check now and then every `intervalMs` (a minute: the 13:00 deadline is missed at 13:01). */
export function scheduleReportReminderSweep(
  deps: Pick<AppDeps, 'database' | 'clock' | 'cipher'>,
  log: (message: string) => void,
  intervalMs = 60_000,
): () => void {
  const run = () =>
    runReportReminderSweep(deps)
      .then((r) => (r.due + r.late > 0 ? log(`report reminders: ${r.due} due soon, ${r.late} late`) : undefined))
      .catch((error: unknown) => log(`report reminder sweep failed: ${String(error)}`));
  void run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
