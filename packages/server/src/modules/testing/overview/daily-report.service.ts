import { addDays, invalid, LAB_RESULTS, shanghaiDate, shanghaiDayStart } from '@fangkong/core';
import type { AppDeps } from '../../../app-deps.ts';
import { recordAudit } from '../../../audit/audit.service.ts';
import type { RequestContext } from '../../../http/context.ts';
import { jurisdictionsByPath } from '../campaigns/progress.repository.ts';
import { narrowScope } from '../testing-access.ts';
import {
  type Day,
  handedOverOfDay,
  type ResultsRow,
  resultsOfDay,
  samplesOfDay,
  tubesOfDay,
  turnaroundOfDay,
} from './daily-report.repository.ts';
import { dailyReportXlsx } from './daily-report.xlsx.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

export interface DailyReportQuery {
  date?: string;
  jurisdictionId?: string;
}

const round1 = (value: number | null) => (value === null ? null : Math.round(Number(value) * 10) / 10);

function sumBy<R extends { n: number }>(rows: readonly R[], key: (row: R) => string): [string, number][] {
  const totals = new Map<string, number>();
  for (const row of rows) totals.set(key(row), (totals.get(key(row)) ?? 0) + row.n);
  return [...totals];
}

function outcomes(rows: readonly ResultsRow[]) {
  return LAB_RESULTS.map((result) => {
    const of = rows.filter((r) => r.result === result);
    const add = (pick: (r: ResultsRow) => number) => of.reduce((sum, r) => sum + pick(r), 0);
    return {
      result,
      tubes: add((r) => r.tubes),
      persons: add((r) => r.persons),
      pools: add((r) => (r.pooled ? r.tubes : 0)),
      retests: add((r) => (r.retest ? r.tubes : 0)),
    };
  });
}

/** Positive and indeterminate first tests (pools and single tubes), the members a pool puts under control, positive retests. */
function positivesOf(rows: readonly ResultsRow[], handedOver: number) {
  const notNegative = rows.filter((r) => r.result !== 'negative');
  const add = (keep: (r: ResultsRow) => boolean, pick: (r: ResultsRow) => number) =>
    notNegative.filter(keep).reduce((sum, r) => sum + pick(r), 0);
  return {
    pools: add(
      (r) => !r.retest && r.pooled,
      (r) => r.tubes,
    ),
    membersUnderControl: add(
      (r) => !r.retest && r.pooled,
      (r) => r.persons,
    ),
    singles: add(
      (r) => !r.retest && !r.pooled,
      (r) => r.tubes,
    ),
    retestsPositive: add(
      (r) => r.retest && r.result === 'positive',
      (r) => r.tubes,
    ),
    handedOver,
  };
}

function dayOf(date: string): Day {
  return { date, from: shanghaiDayStart(date), to: shanghaiDayStart(addDays(date, 1)) };
}

/**
 * The day's testing summary for upward reporting (TEST-007: results collected and reported promptly):
 * samples by purpose and payer, tubes, results by outcome, positives and their hand-over, and results
 * that took longer than the protocol's turnaround limit.
 */
export async function dailyReport(deps: Deps, context: RequestContext, query: DailyReportQuery) {
  const db = deps.database.db;
  const now = deps.clock();
  const date = query.date ?? shanghaiDate(now);
  if (date > shanghaiDate(now)) throw invalid('date', 'futureDate');
  const { scope, jurisdiction } = await narrowScope(db, context, 'testing.read', query.jurisdictionId);
  const day = dayOf(date);
  const [samples, tubes, results, handedOver, turnaround, roots] = await Promise.all([
    samplesOfDay(db, day, scope),
    tubesOfDay(db, day, scope),
    resultsOfDay(db, day, scope),
    handedOverOfDay(db, day, scope),
    turnaroundOfDay(db, day, scope),
    jurisdiction ? [jurisdiction] : jurisdictionsByPath(db, scope),
  ]);
  const rows = turnaround.map((r) => ({
    setting: r.setting,
    limitHours: r.limit_hours,
    results: r.results,
    overLimit: r.over_limit,
    maxHours: round1(r.max_hours),
  }));
  return {
    date,
    generatedAt: now.toISOString(),
    jurisdictions: roots.map((j) => ({ id: j.id, code: j.code, name: j.name, path: j.path })),
    sampled: {
      total: samples.reduce((sum, s) => sum + s.n, 0),
      byPurpose: sumBy(samples, (s) => s.purpose).map(([purpose, n]) => ({ purpose, n })),
      byPayer: sumBy(samples, (s) => s.payer).map(([payer, n]) => ({ payer, n })),
    },
    tubes: { opened: tubes.opened, closed: tubes.closed, inTransitAtEnd: tubes.in_transit },
    results: outcomes(results),
    positives: positivesOf(results, handedOver),
    turnaround: { overLimit: rows.reduce((sum, r) => sum + r.overLimit, 0), bySetting: rows },
  };
}

export type DailyReport = Awaited<ReturnType<typeof dailyReport>>;

/** The same summary as a workbook; an export leaving the platform, so its purpose is recorded in the audit log. */
export async function dailyReportFile(deps: Deps, context: RequestContext, query: DailyReportQuery & { purpose: string }) {
  const report = await dailyReport(deps, context, query);
  await recordAudit(deps.database.db, context, {
    action: 'testing.exportDailyReport',
    entityType: 'export',
    entityId: report.date,
    jurisdictionPath: report.jurisdictions.length === 1 ? (report.jurisdictions[0]?.path ?? null) : null,
    after: { date: report.date, jurisdictions: report.jurisdictions.map((j) => j.code), sampled: report.sampled.total },
    reason: query.purpose,
  });
  return { date: report.date, file: await dailyReportXlsx(report) };
}
