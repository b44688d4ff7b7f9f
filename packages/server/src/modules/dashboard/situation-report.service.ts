// The daily situation report (疫情日报; DAILY-007, INFO-006; issue 17 §5): each county's and each town's previous day
// compiled at the protocol's time from the dashboard's own answer (one answer for the page and the report), kept as figures, and
// printed as a PDF whenever it is downloaded.
import { addDays, notFound, pathInScope, situationReportDay, situationReportRules } from '@fangkong/core';
import { recordAudit } from '../../audit/audit.service.ts';
import { type RequestContext, systemContext } from '../../http/context.ts';
import { scopeOf } from '../testing/testing-access.ts';
import { dashboard } from './dashboard.service.ts';
import { jurisdictionInScope } from './dashboard-scope.ts';
import { situationReportPdf } from './situation-report.pdf.ts';
import {
  findSituationReport,
  hasSituationReport,
  insertSituationReport,
  reportJurisdictions,
  situationReportsOf,
} from './situation-report.repository.ts';

type Deps = Parameters<typeof dashboard>[0];

/** The days of cases a report shows before and including its day. */
const REPORT_DAYS = 14;

/** What a report says, as it stood when compiled. */
export interface SituationFigures {
  jurisdictionName: string;
  forDate: string;
  days: string[];
  casesByReportDay: Record<string, number[]>;
  keyPersons: { category: string; managementType: string; count: number }[];
  keyPersonsTotal: number;
  codes: Record<string, number>;
  level: string | null;
  riskAreas: Record<string, number> | null;
  zones: Record<string, number> | null;
  testing: { sampled: number; results: unknown } | null;
  reports: { late: number; templates: { name: string; expected: number; onTime: number; late: number; missing: number }[] } | null;
  tasks: Record<string, unknown> | null;
  rt: { tEnd: string; mean: number | null; q025: number | null; q975: number | null } | null;
  signals: { open: number; acknowledged: number; closed: number };
}

function figuresOf(d: Awaited<ReturnType<typeof dashboard>>, forDate: string): SituationFigures {
  const rt = d.analytics.rt.available ? d.analytics.rt.estimates.at(-1) : undefined;
  return {
    jurisdictionName: d.jurisdiction.name,
    forDate,
    days: d.days,
    casesByReportDay: d.cases.byReportDay,
    keyPersons: d.keyPersons.byCategory,
    keyPersonsTotal: d.keyPersons.total,
    codes: d.codes.byColour,
    level: d.level?.level ?? null,
    riskAreas: d.map?.riskAreas ?? null,
    zones: d.map?.zones ?? null,
    testing: d.testing ? { sampled: d.testing.sampled, results: d.testing.results } : null,
    reports: d.reports ? { late: d.reports.late, templates: d.reports.templates } : null,
    tasks: d.tasks,
    rt: rt ? { tEnd: rt.tEnd, mean: rt.mean, q025: rt.q025, q975: rt.q975 } : null,
    signals: d.signals,
  };
}

/** The compile reads the whole jurisdiction as a command office there would (every section of the dashboard, nothing outside it). */
function officeContext(place: { id: string; path: string }, requestId: string): RequestContext {
  const grant = { role: 'command_office_staff' as const, jurisdictionId: place.id, jurisdictionPath: place.path };
  const base = systemContext('situation-report', requestId);
  return { ...base, actor: { ...base.actor, grants: [grant] } };
}

/** Compiles one jurisdiction's (county's or town's) report of one day, once (audited); answers whether it was written now. */
export async function compileSituationReport(deps: Deps, place: { id: string; path: string }, forDate: string): Promise<boolean> {
  const db = deps.database.db;
  if (await hasSituationReport(db, place.id, forDate)) return false;
  const now = deps.clock();
  const context = officeContext(place, `situation-report-${forDate}`);
  const d = await dashboard(deps, context, { jurisdictionId: place.id, from: addDays(forDate, -(REPORT_DAYS - 1)), to: forDate });
  return db.transaction(async (tx) => {
    const row = await insertSituationReport(tx, {
      jurisdictionId: place.id,
      jurisdictionPath: place.path,
      forDate,
      compiledAt: now,
      figures: { ...figuresOf(d, forDate) },
    });
    if (!row) return false;
    await recordAudit(tx, context, {
      action: 'jobs.situationReportCompile',
      entityType: 'situation_report',
      entityId: row.id,
      jurisdictionPath: place.path,
      after: { forDate },
    });
    return true;
  });
}

/** The time-based run: every county's and town's report of the day due by now (DAILY-007), each once. */
export async function runSituationReports(deps: Deps): Promise<{ forDate: string; compiled: number }> {
  const rules = situationReportRules();
  const forDate = situationReportDay(deps.clock(), rules);
  let compiled = 0;
  for (const place of await reportJurisdictions(deps.database.db, rules.levels))
    if (await compileSituationReport(deps, place, forDate)) compiled += 1;
  return { forDate, compiled };
}

/** Runs now and then every quarter hour, so a report appears soon after its compile time; the timer does not keep the process alive. */
export function scheduleSituationReports(deps: Deps, log: (message: string) => void, intervalMs = 900_000): () => void {
  const run = () =>
    runSituationReports(deps)
      .then((r) => (r.compiled > 0 ? log(`situation reports ${r.forDate}: ${r.compiled} compiled`) : undefined))
      .catch((error: unknown) => log(`situation reports failed: ${String(error)}`));
  void run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** The reports of the caller's own jurisdictions, or of one jurisdiction in their scope (a town's from the county), newest first. */
export async function listSituationReports(deps: Deps, context: RequestContext, query: { jurisdictionId?: string }) {
  const db = deps.database.db;
  const paths = query.jurisdictionId
    ? [(await jurisdictionInScope(db, context, 'dashboard.read', query.jurisdictionId)).path]
    : scopeOf(context, 'dashboard.read');
  const rows = await situationReportsOf(db, paths, 60);
  return {
    compileAt: situationReportRules().compileAt,
    items: rows.map((r) => ({ ...r, compiledAt: r.compiledAt.toISOString() })),
  };
}

/** One report as its PDF; another jurisdiction's report is not found. */
export async function situationReportFile(deps: Deps, context: RequestContext, id: string) {
  const row = await findSituationReport(deps.database.db, id);
  if (!row || !pathInScope(row.jurisdictionPath, scopeOf(context, 'dashboard.read'))) throw notFound('id');
  const figures = row.figures as unknown as SituationFigures;
  const file = await situationReportPdf(figures, { compiledAt: row.compiledAt, printedBy: context.actor.displayName, at: deps.clock() });
  return { file, name: `${figures.jurisdictionName}-疫情日报-${row.forDate}.pdf` };
}
