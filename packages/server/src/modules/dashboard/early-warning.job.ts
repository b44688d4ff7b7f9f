// The hourly early-warning run (CASE-007, CASE-008): every jurisdiction's sentinel series through the EARS method the
// edition in force names for it; a new alarm day becomes a signal with the figures that raised it, a verification task
// for the CDC (issueTask, source early_warning) and an alert, all with their audit events in one transaction.
import {
  addDays,
  type CalendarDate,
  calendarDays,
  completeSeries,
  type EarlyWarningRules,
  earsFirstDay,
  type ProtocolEdition,
  type SeriesWatch,
  shanghaiDate,
  type WarningSignal,
  warningSignals,
} from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import type { Db } from '../../db/client.ts';
import { type RequestContext, systemContext } from '../../http/context.ts';
import { issueTask } from '../command/task.service.ts';
import { raiseAlert } from '../key-persons/alert.repository.ts';
import { editionAt } from '../protocols/protocol-in-force.ts';
import {
  insertSignal,
  type SeriesOfJurisdiction,
  sentinelPathsBetween,
  sentinelSeriesBetween,
  setSignalTask,
} from './early-warning.repository.ts';
import { seriesLabel } from './series-labels.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

export interface EarlyWarningRun {
  day: string;
  series: number;
  raised: number;
}

/** The days a run reads: enough before the look-back for the longest baseline (C3: baseline + 4 days). */
function windowOf(rules: EarlyWarningRules, lastDay: string): string[] {
  const span = Math.max(...rules.watches.map((w) => earsFirstDay(w.method, w.baseline))) + rules.lookbackDays;
  return calendarDays(addDays(lastDay, -span), lastDay);
}

async function raise(
  tx: Db,
  context: RequestContext,
  s: SeriesOfJurisdiction,
  signal: WarningSignal,
  watch: SeriesWatch,
  meta: { editionId: string; rules: EarlyWarningRules; now: Date },
) {
  const row = await insertSignal(tx, {
    jurisdictionId: s.jurisdictionId,
    jurisdictionPath: s.jurisdictionPath,
    series: signal.series,
    day: signal.day,
    method: signal.method,
    count: signal.count,
    threshold: signal.threshold,
    statistic: signal.statistic,
    evidence: { baseline: signal.baseline, alpha: watch.alpha, minSigma: watch.minSigma, minCount: watch.minCount, basis: watch.basis },
    editionId: meta.editionId,
  });
  if (!row) return false;
  const label = seriesLabel(signal.series);
  const task = await issueTask(tx, context, {
    title: `核实预警信号：${label.zh} ${signal.day}（${signal.count}，阈值 ${signal.threshold.toFixed(1)}）`,
    description: `Verify the early-warning signal: ${label.en} on ${signal.day} was ${signal.count}, above the EARS ${signal.method} threshold ${signal.threshold.toFixed(2)}.`,
    dueAt: new Date(meta.now.getTime() + meta.rules.verifyWithinHours * 3_600_000),
    place: { id: s.jurisdictionId, path: s.jurisdictionPath },
    headquartersId: null,
    workingGroupId: null,
    assigneeUserId: null,
    units: [],
    sourceKind: 'early_warning',
    sourceId: row.id,
  });
  await setSignalTask(tx, row.id, task.id);
  await raiseAlert(tx, {
    kind: 'early_warning',
    dedupKey: `early_warning:${row.id}`,
    details: {
      signalId: row.id,
      series: signal.series,
      day: signal.day,
      count: signal.count,
      threshold: signal.threshold,
      method: signal.method,
    },
    jurisdictionPath: s.jurisdictionPath,
  });
  await recordAudit(tx, context, {
    action: 'earlyWarning.raise',
    entityType: 'early_warning_signal',
    entityId: row.id,
    jurisdictionPath: s.jurisdictionPath,
    after: {
      series: signal.series,
      day: signal.day,
      count: signal.count,
      threshold: signal.threshold,
      method: signal.method,
      taskId: task.id,
    },
  });
  return true;
}

/** The widest look-back any edition reads, so one query covers every jurisdiction's window. */
const WIDEST_WINDOW_DAYS = 400;

interface Watched {
  edition: ProtocolEdition;
  rules: EarlyWarningRules;
  days: string[];
}

/**
 * The early-warning rules at each jurisdiction with counts: the edition in force there on the last day, by the one
 * answer (`protocolInForce`: the district's own edition when it activated one, else shipped; issue 14, RULES-001).
 */
async function watchedPaths(deps: Deps, now: Date, lastDay: CalendarDate): Promise<Map<string, Watched>> {
  const db = deps.database.db;
  const paths = await sentinelPathsBetween(db, addDays(lastDay, -WIDEST_WINDOW_DAYS), lastDay);
  const watched = new Map<string, Watched>();
  for (const path of paths) {
    const edition = await editionAt(db, path, now, lastDay);
    const rules = edition?.earlyWarning;
    if (edition && rules) watched.set(path, { edition, rules, days: windowOf(rules, lastDay) });
  }
  return watched;
}

/** One run over the last complete days (up to yesterday in Asia/Shanghai); safe to repeat: a day is raised once. */
export async function runEarlyWarning(deps: Deps): Promise<EarlyWarningRun> {
  const now = deps.clock();
  const lastDay = addDays(shanghaiDate(now), -1);
  const watched = await watchedPaths(deps, now, lastDay);
  if (watched.size === 0) return { day: lastDay, series: 0, raised: 0 };
  const first = [...watched.values()].map((w) => w.days[0] ?? lastDay).sort()[0] ?? lastDay;
  // each jurisdiction's series over its own edition's window
  const inWindow = (s: SeriesOfJurisdiction) => {
    const from = watched.get(s.jurisdictionPath)?.days[0];
    return from !== undefined && s.counts.some((c) => c.day >= from);
  };
  const all = (await sentinelSeriesBetween(deps.database.db, first, lastDay)).filter(inWindow);
  const context = systemContext('early-warning', `early-warning-${now.toISOString()}`);
  let raised = 0;
  for (const s of all) {
    const at = watched.get(s.jurisdictionPath);
    const watch = at?.rules.watches.find((w) => w.series === s.series);
    if (!at || !watch) continue;
    for (const signal of warningSignals(completeSeries(s.counts, at.days), watch, at.rules.lookbackDays)) {
      const meta = { editionId: at.edition.id, rules: at.rules, now };
      if (await deps.database.db.transaction((tx) => raise(tx, context, s, signal, watch, meta))) raised += 1;
    }
  }
  return { day: lastDay, series: all.length, raised };
}

/** Runs now and then hourly; the timer does not keep the process alive. */
export function scheduleEarlyWarning(deps: Deps, log: (message: string) => void, intervalMs = 3_600_000): () => void {
  const run = () =>
    runEarlyWarning(deps)
      .then((r) => (r.raised > 0 ? log(`early warning ${r.day}: ${r.raised} signals from ${r.series} series`) : undefined))
      .catch((error: unknown) => log(`early warning failed: ${String(error)}`));
  void run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
