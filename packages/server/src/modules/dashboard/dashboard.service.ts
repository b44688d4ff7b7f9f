// The command dashboard (issue 17; the commander's landing): one jurisdiction over a date range. Each section asks
// the module that owns the fact (the level in force, the zones map, the report board, the testing daily report,
// the task counts, the chains' serial interval) or, where no module answers it yet, one GROUP BY in
// dashboard.repository.ts; every section says what it was computed from. A section the caller may not read is null,
// named in `notPermitted`.
import { addDays, calendarDays, daysBetween, invalid, isCalendarDate, type Permission, shanghaiDate } from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import type { RequestContext } from '../../http/context.ts';
import { taskCountsUnder } from '../command/task.service.ts';
import { findJurisdictionsByPaths } from '../jurisdictions/jurisdiction.repository.ts';
import { complianceBoard } from '../reports/report-board.service.ts';
import { levelInForce } from '../response/response.service.ts';
import { dailyReport } from '../testing/overview/daily-report.service.ts';
import { scopeOf } from '../testing/testing-access.ts';
import { serialIntervalOfChains } from '../tracing/chain.service.ts';
import { zoneMap } from '../zones/zone-map.service.ts';
import {
  activeEpisodesByCategory,
  casesByChild,
  casesByOnsetDay,
  casesByReportDay,
  type DayClassCount,
  type DayRange,
  latestColours,
  type OnsetDayCount,
  sentinelByDay,
} from './dashboard.repository.ts';
import { growthOf, type Incidence, rtOf } from './dashboard-analytics.ts';
import { holds, jurisdictionInScope } from './dashboard-scope.ts';
import { countSignalsByState } from './early-warning.repository.ts';

type Deps = Pick<AppDeps, 'database' | 'clock' | 'cipher' | 'config'>;

/** The default range: the last 60 days (the demo's outbreak and series are that long). */
const DEFAULT_RANGE_DAYS = 60;
/** The longest range one request may ask for: a year and a day (the epicurve of a year stays one query). */
const MAX_RANGE_DAYS = 366;
/** The classifications the incidence for Rt and growth counts (suspected and excluded cases are not incidence). */
const INCIDENCE_CLASSES = new Set(['confirmed', 'asymptomatic']);

export interface DashboardQuery {
  jurisdictionId?: string;
  from?: string;
  to?: string;
}

/** The range asked for, checked: real dates, from ≤ to, not in the future, at most MAX_RANGE_DAYS days. */
export function rangeOf(query: DashboardQuery, today: string): DayRange {
  for (const field of ['from', 'to'] as const) {
    const value = query[field];
    if (value !== undefined && !isCalendarDate(value)) throw invalid(field, 'invalidValue', { detail: 'YYYY-MM-DD' });
  }
  const to = query.to ?? today;
  const from = query.from ?? addDays(to, -(DEFAULT_RANGE_DAYS - 1));
  if (to > today) throw invalid('to', 'dateInFuture');
  if (from > to) throw invalid('from', 'dateRangeReversed');
  if (daysBetween(from, to) + 1 > MAX_RANGE_DAYS) throw invalid('from', 'dateRangeTooLong', { max: MAX_RANGE_DAYS });
  return { from, to };
}

/** The caller's dashboard root: the named jurisdiction (403 outside the scope) or the first of their grants. */
async function rootOf(deps: Deps, context: RequestContext, jurisdictionId: string | undefined) {
  const db = deps.database.db;
  if (jurisdictionId) return jurisdictionInScope(db, context, 'dashboard.read', jurisdictionId);
  const rows = await findJurisdictionsByPaths(db, scopeOf(context, 'dashboard.read'));
  const root = rows.sort((a, b) => a.path.length - b.path.length)[0];
  if (!root) throw invalid('jurisdictionId', 'required');
  return root;
}

function perDay(rows: readonly DayClassCount[], days: readonly string[]) {
  const classes = [...new Set(rows.map((r) => r.classification))].sort();
  const index = new Map(days.map((d, i) => [d, i]));
  const series = Object.fromEntries(classes.map((c) => [c, days.map(() => 0)])) as Record<string, number[]>;
  for (const r of rows) {
    const i = index.get(r.day);
    const s = series[r.classification];
    if (i !== undefined && s) s[i] = r.n;
  }
  return series;
}

/** Daily incidence by onset, total and the imported part of it (the rest is local): Rt's input as EpiEstim's `incid`. */
function incidenceOf(rows: readonly OnsetDayCount[], days: readonly string[]): Incidence {
  const index = new Map(days.map((d, i) => [d, i]));
  const total = days.map(() => 0);
  const imported = days.map(() => 0);
  for (const r of rows) {
    const i = index.get(r.day);
    if (i === undefined || !INCIDENCE_CLASSES.has(r.classification)) continue;
    total[i] = (total[i] ?? 0) + r.n;
    imported[i] = (imported[i] ?? 0) + r.imported;
  }
  return { total, local: total.map((n, i) => n - (imported[i] ?? 0)), imported };
}

/** Runs a section only when the caller holds its permission; otherwise null and the section is named. */
function guarded<T>(context: RequestContext, at: string, permission: Permission, name: string, denied: string[], work: () => Promise<T>) {
  if (holds(context, permission, at)) return work();
  denied.push(name);
  return Promise.resolve(null);
}

async function casesSection(deps: Deps, path: string, range: DayRange, days: readonly string[]) {
  const db = deps.database.db;
  const [byReport, byOnset] = await Promise.all([casesByReportDay(db, path, range), casesByOnsetDay(db, path, range)]);
  const incidence = incidenceOf(byOnset, days);
  const totals: Record<string, number> = {};
  for (const r of byReport) totals[r.classification] = (totals[r.classification] ?? 0) + r.n;
  return {
    cases: {
      byReportDay: perDay(byReport, days),
      byOnsetDay: perDay(byOnset, days),
      totals,
      computedFrom: 'case_report: discovered_at (Asia/Shanghai day) and onset_date, by classification',
    },
    incidence,
  };
}

async function mapSection(deps: Deps, context: RequestContext, rootId: string, rootPath: string, range: DayRange) {
  const [map, counts] = await Promise.all([zoneMap(deps, context, rootId), casesByChild(deps.database.db, rootPath, range)]);
  const caseCount = new Map(counts.map((c) => [c.child, c.n]));
  const children = map.nodes
    .filter((n) => n.parentId === rootId)
    .map((n) => ({ id: n.id, name: n.name, code: n.code, level: n.level, riskLevel: n.riskLevel, cases: caseCount.get(n.path) ?? 0 }));
  const risk: Record<string, number> = {};
  for (const n of map.nodes) if (n.riskLevel) risk[n.riskLevel] = (risk[n.riskLevel] ?? 0) + 1;
  const zones: Record<string, number> = {};
  for (const z of map.zones) zones[z.zoneType] = (zones[z.zoneType] ?? 0) + 1;
  return {
    children,
    riskAreas: risk,
    zones,
    markers: map.markers,
    computedFrom: 'zones module zoneMap (published risk grades, active zones) and case_report per child',
  };
}

/** GET /api/dashboard: the whole page for one jurisdiction and range. */
export async function dashboard(deps: Deps, context: RequestContext, query: DashboardQuery) {
  const db = deps.database.db;
  const now = deps.clock();
  const today = shanghaiDate(now);
  const range = rangeOf(query, today);
  const root = await rootOf(deps, context, query.jurisdictionId);
  const days = calendarDays(range.from, range.to);
  const denied: string[] = [];
  const [cases, keyPersons, codes, sentinel, signals, level, map, testing, reports, tasks, observed] = await Promise.all([
    casesSection(deps, root.path, range, days),
    activeEpisodesByCategory(db, root.path),
    latestColours(db, root.path),
    sentinelByDay(db, root.path, range),
    countSignalsByState(db, [root.path]),
    levelInForce(db, root.path),
    guarded(context, root.path, 'zone.read', 'map', denied, () => mapSection(deps, context, root.id, root.path, range)),
    guarded(context, root.path, 'testing.read', 'testing', denied, () =>
      dailyReport(deps, context, { date: range.to, jurisdictionId: root.id }),
    ),
    guarded(context, root.path, 'report.read', 'reports', denied, () =>
      complianceBoard(deps, context, { date: range.to, jurisdictionId: root.id }),
    ),
    guarded(context, root.path, 'command.read', 'tasks', denied, () => taskCountsUnder(deps, root.path)),
    guarded(context, root.path, 'keyPerson.read', 'serialInterval', denied, () => serialIntervalOfChains(deps, context)),
  ]);
  return {
    asOf: now.toISOString(),
    jurisdiction: { id: root.id, name: root.name, code: root.code, level: root.level },
    range: { ...range, days: days.length },
    days,
    cases: cases.cases,
    keyPersons: {
      byCategory: keyPersons.map((k) => ({ category: k.category, managementType: k.management_type, count: k.n })),
      total: keyPersons.reduce((sum, k) => sum + k.n, 0),
      computedFrom: 'key_person_episode with status active, now (not the range)',
    },
    codes: {
      byColour: Object.fromEntries(codes.map((c) => [c.colour, c.n])),
      computedFrom: "health_code_state: each person's latest colour; people never coloured are not counted",
    },
    level: level ? { level: level.level, setAt: level.jurisdictionPath, computedFrom: 'response levelInForce' } : null,
    map,
    testing: testing ? testingSummary(testing) : null,
    reports: reports ? reportSummary(reports) : null,
    tasks: tasks ? { ...tasks, computedFrom: 'command taskCountsUnder: the jurisdiction and everything under it' } : null,
    analytics: {
      incidence: {
        days,
        counts: cases.incidence.total,
        imported: cases.incidence.imported,
        computedFrom: 'confirmed and asymptomatic cases by onset date; imported: found while under inbound-traveller management',
      },
      rt: rtOf(days, cases.incidence),
      growth: growthOf(cases.incidence.total),
      observedSerialInterval: observed ? { pairs: observed.n, meanDays: observed.meanDays, sdDays: observed.sdDays } : null,
    },
    sentinel: {
      series: sentinelSeries(sentinel, days),
      computedFrom: 'sentinel_daily_count summed over the subtree',
    },
    signals: signalCounts(signals),
    notPermitted: denied,
  };
}

function sentinelSeries(rows: readonly { series: string; day: string; n: number }[], days: readonly string[]) {
  return perDay(
    rows.map((r) => ({ day: r.day, classification: r.series, n: r.n })),
    days,
  );
}

function signalCounts(rows: readonly { status: string; n: number }[]) {
  const counts = { open: 0, acknowledged: 0, closed: 0 };
  for (const r of rows) if (r.status in counts) counts[r.status as keyof typeof counts] = r.n;
  return counts;
}

type DailyReport = Awaited<ReturnType<typeof dailyReport>>;
function testingSummary(r: DailyReport) {
  return {
    date: r.date,
    sampled: r.sampled.total,
    results: r.results,
    tubes: r.tubes,
    turnaround: r.turnaround,
    computedFrom: 'testing daily report (dailyReport) for the last day of the range',
  };
}

type Board = Awaited<ReturnType<typeof complianceBoard>>;
function reportSummary(b: Board) {
  return {
    date: b.date,
    templates: b.templates.map((t) => ({
      code: t.code,
      name: t.name,
      expected: t.expected,
      onTime: t.on_time,
      late: t.late,
      missing: t.missing,
    })),
    late: b.lateList.length,
    computedFrom: 'reports complianceBoard for the last day of the range',
  };
}
