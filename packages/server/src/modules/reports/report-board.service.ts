import {
  COUNTRY_ROOT,
  forbidden,
  isSubmittedTemplate,
  type Permission,
  pathInScope,
  type Reporter,
  type ReportState,
  reportDueAt,
  reportState,
  type SubmittedTemplate,
  scopePaths,
  shanghaiDate,
} from '@fangkong/core';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../http/context.ts';
import { findJurisdictionById, findJurisdictionsByPaths, type JurisdictionRow } from '../jurisdictions/jurisdiction.repository.ts';
import { reporterOfUnits } from './report-access.ts';
import { type SubmissionRow, submissionsOfDay, unitIdOf } from './report-submission.repository.ts';
import { checkPeriod, type Deps } from './report-submission.service.ts';
import { allTemplates, type TemplateRow } from './report-template.repository.ts';
import { applicableTemplates, applicableVersion, definitionOf } from './report-template.service.ts';
import { type ReportingUnit, unitsUnder } from './report-unit.repository.ts';
import { submissionSummary, unitView } from './report-view.service.ts';

/** The subtrees a board or a sum looks at: one jurisdiction inside the caller's scope, or the whole scope. */
export async function reportScope(db: Db, context: RequestContext, permission: Permission, jurisdictionId?: string) {
  const scope = scopePaths(context.actor.grants, permission);
  if (!jurisdictionId) return { paths: scope, jurisdiction: null as JurisdictionRow | null };
  const found = await findJurisdictionById(db, jurisdictionId);
  if (!found || !pathInScope(found.path, scope)) throw forbidden('jurisdictionId');
  return { paths: [found.path], jurisdiction: found as JurisdictionRow | null };
}

/** The submitted templates that apply somewhere in the scope: one (the nearest version) per code. */
function submittedCodes(
  rows: readonly TemplateRow[],
  paths: readonly string[],
): { code: string; row: TemplateRow; template: SubmittedTemplate }[] {
  const at = paths[0] ?? COUNTRY_ROOT.path;
  return applicableTemplates(rows, at).flatMap((row) => {
    const template = definitionOf(row);
    return isSubmittedTemplate(template) ? [{ code: row.code, row, template }] : [];
  });
}

const reporterKey = (r: Reporter) => (r.kind === 'jurisdiction' ? `j:${r.level}` : `p:${r.placeKind}`);

/** Units per reporter kind, each asked once (communities for the community tables, schools for the school report). */
async function unitsByReporter(db: Db, templates: readonly { template: SubmittedTemplate }[], paths: readonly string[]) {
  const units = new Map<string, ReportingUnit[]>();
  for (const { template } of templates) {
    const key = reporterKey(template.reporter);
    if (!units.has(key)) units.set(key, await unitsUnder(db, template.reporter, paths));
  }
  return (template: SubmittedTemplate) => units.get(reporterKey(template.reporter)) ?? [];
}

/** Where a unit stands: the town of a community, the jurisdiction of a school. */
const parentPathOf = (unit: ReportingUnit) => (unit.kind === 'place' ? unit.path : unit.path.replace(/[^/]+\/$/, ''));

interface UnitStatus {
  unit: ReportingUnit;
  code: string;
  templateId: string;
  dueAt: Date;
  state: ReportState;
  submission: SubmissionRow | undefined;
}

function statusesOf(
  code: string,
  units: readonly ReportingUnit[],
  templates: readonly TemplateRow[],
  submitted: Map<string, SubmissionRow>,
  date: string,
  now: Date,
): UnitStatus[] {
  return units.flatMap((unit) => {
    const version = applicableVersion(templates, code, unit.path);
    const template = version ? definitionOf(version) : undefined;
    if (!version || !template || !isSubmittedTemplate(template)) return [];
    const submission = submitted.get(`${code}:${unit.id}`);
    const state = reportState(template.deadline, date, submission?.firstSubmittedAt ?? null, now);
    return [{ unit, code, templateId: version.id, dueAt: reportDueAt(template.deadline, date), state, submission }];
  });
}

export async function dayStatuses(deps: Deps, paths: readonly string[], date: string) {
  const db = deps.database.db;
  const templates = await allTemplates(db);
  const codes = submittedCodes(templates, paths);
  const unitsOf = await unitsByReporter(db, codes, paths);
  const subs = await submissionsOfDay(
    db,
    date,
    codes.map((c) => c.code),
    paths,
  );
  const submitted = new Map(subs.map((s) => [`${s.templateCode}:${unitIdOf(s)}`, s]));
  const now = deps.clock();
  return codes.map((c) => ({ ...c, statuses: statusesOf(c.code, unitsOf(c.template), templates, submitted, date, now) }));
}

const STATES: ReportState[] = ['on_time', 'late', 'due_soon', 'open', 'missing'];

function counts(statuses: readonly UnitStatus[]) {
  const by = Object.fromEntries(STATES.map((s) => [s, statuses.filter((u) => u.state === s).length])) as Record<ReportState, number>;
  const drafts = statuses.filter((u) => u.submission?.status === 'draft' && !u.submission.firstSubmittedAt).length;
  return { expected: statuses.length, ...by, drafts };
}

function statusView(status: UnitStatus, parents: Map<string, string>) {
  return {
    unit: unitView(status.unit),
    parentName: parents.get(parentPathOf(status.unit)) ?? null,
    templateCode: status.code,
    templateId: status.templateId,
    dueAt: status.dueAt.toISOString(),
    state: status.state,
    draft: status.submission?.status === 'draft',
    submission: status.submission ? submissionSummary(status.submission) : null,
  };
}

export interface BoardQuery {
  date?: string;
  jurisdictionId?: string;
  templateCode?: string;
}

/**
 * The compliance board (DAILY-003, SC-45, SC-46, SC-47): for the day, every unit that must report on each
 * template — on time, late, due soon, still open, or missing after the deadline — the late list across
 * templates, and one template's units in full.
 */
export async function complianceBoard(deps: Deps, context: RequestContext, query: BoardQuery) {
  const db = deps.database.db;
  const now = deps.clock();
  const date = query.date ?? shanghaiDate(now);
  checkPeriod(date, now);
  const { paths, jurisdiction } = await reportScope(db, context, 'report.read', query.jurisdictionId);
  const days = await dayStatuses(deps, paths, date);
  const all = days.flatMap((d) => d.statuses);
  const parents = new Map(
    (await findJurisdictionsByPaths(db, [...new Set(all.map((s) => parentPathOf(s.unit)))])).map((j) => [j.path, j.name]),
  );
  const selected = days.find((d) => d.code === query.templateCode) ?? days[0];
  return {
    date,
    now: now.toISOString(),
    jurisdiction: jurisdiction ? { id: jurisdiction.id, name: jurisdiction.name } : null,
    templates: days.map((d) => ({
      code: d.code,
      templateId: d.row.id,
      name: d.row.name,
      group: d.template.group ?? null,
      deadline: d.template.deadline.time,
      ...counts(d.statuses),
    })),
    selected: selected
      ? { code: selected.code, name: selected.row.name, units: selected.statuses.map((s) => statusView(s, parents)) }
      : null,
    lateList: all
      .filter((s) => s.state === 'late' || s.state === 'missing')
      .map((s) => ({ ...statusView(s, parents), templateName: days.find((d) => d.code === s.code)?.row.name ?? s.code })),
  };
}

/** The reports due for the units the caller reports for (their own community, or their schools), today by default. */
export async function reportsDue(deps: Deps, context: RequestContext, query: { date?: string }) {
  const now = deps.clock();
  const date = query.date ?? shanghaiDate(now);
  checkPeriod(date, now);
  const days = await dayStatuses(deps, scopePaths(context.actor.grants, 'report.submit'), date);
  const statuses = days.flatMap((d) => d.statuses);
  const reportsFor = await reporterOfUnits(
    deps.database.db,
    context,
    statuses.map((s) => s.unit),
  );
  const byUnit = new Map<string, { unit: ReportingUnit; items: UnitStatus[] }>();
  for (const status of statuses.filter((s) => reportsFor(s.unit))) {
    const entry = byUnit.get(status.unit.id) ?? { unit: status.unit, items: [] };
    entry.items.push(status);
    byUnit.set(status.unit.id, entry);
  }
  const names = new Map(days.map((d) => [d.code, { name: d.row.name, group: d.template.group ?? null }]));
  return {
    date,
    units: [...byUnit.values()].slice(0, 500).map(({ unit, items }) => ({
      unit: unitView(unit),
      items: items.map((s) => ({
        templateId: s.templateId,
        templateCode: s.code,
        name: names.get(s.code)?.name ?? s.code,
        group: names.get(s.code)?.group ?? null,
        dueAt: s.dueAt.toISOString(),
        state: s.state,
        submission: s.submission ? submissionSummary(s.submission) : null,
      })),
    })),
  };
}
